"""The SLA scan lease: one holder at a time, renewed by it, taken over after expiry or
release, on SQLite and PostgreSQL (and through PgBouncer in the call-centre test)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from deskapp.models.database import make_engine
from deskapp.services.sla_lease import SLA_LEASE, Lease, LeasedScan


@pytest.fixture
def engine(db_url: str):
    engine = make_engine(db_url, **({} if db_url.startswith("sqlite") else {"pool_size": 10}))
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM leases"))
    yield engine
    engine.dispose()


def _expire(engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE leases SET expires_at = :past"),
            {"past": "2000-01-01 00:00:00.000000" if engine.dialect.name == "sqlite"
             else datetime(2000, 1, 1, tzinfo=UTC)},
        )


def test_one_holder_renews_others_wait(engine):
    a, b = Lease(engine, SLA_LEASE, "ws-a"), Lease(engine, SLA_LEASE, "ws-b")
    first = a.acquire()
    assert first.held and first.holder == "ws-a" and first.epoch == 1
    assert first.expires_at is not None and first.expires_at.tzinfo is not None
    other = b.acquire()
    assert not other.held and other.holder == "ws-a"
    renewed = a.acquire()
    assert renewed.held and renewed.epoch == 1 and renewed.expires_at >= first.expires_at


def test_an_expired_lease_is_taken_over_with_a_new_epoch(engine):
    a, b = Lease(engine, SLA_LEASE, "ws-a"), Lease(engine, SLA_LEASE, "ws-b")
    assert a.acquire().held
    _expire(engine)  # ws-a died: it stopped renewing
    taken = b.acquire()
    assert taken.held and taken.epoch == 2
    assert not a.acquire().held  # the old holder finds out and stops scanning


def test_release_hands_over_at_once(engine):
    a, b = Lease(engine, SLA_LEASE, "ws-a"), Lease(engine, SLA_LEASE, "ws-b")
    assert a.acquire().held
    a.release()
    assert b.acquire().held
    assert b.current().holder == "ws-b"


def test_leased_scan_only_the_holder_scans(engine):
    ticks = {"t": 0.0}
    calls: list[str] = []

    def scanner(name):
        def scan(now):
            calls.append(name)
            return []
        return scan

    a = LeasedScan(engine, scanner("a"), holder="a", scan_interval_seconds=30,
                   clock=lambda: ticks["t"])
    b = LeasedScan(engine, scanner("b"), holder="b", scan_interval_seconds=30,
                   clock=lambda: ticks["t"])
    now = datetime.now(UTC)
    a(now)
    b(now)
    assert calls == ["a"] and a.holding and not b.holding
    ticks["t"] = 10  # a renews, not yet time to scan again
    a(now)
    b(now)
    assert calls == ["a"]
    ticks["t"] = 31
    a(now)
    assert calls == ["a", "a"]
    _expire(engine)  # a is gone
    b(now)
    assert calls == ["a", "a", "b"] and b.holding  # the new holder scans at once
    a(now)
    assert calls == ["a", "a", "b"] and not a.holding


@pytest.mark.postgres
@pytest.mark.pg_routes  # directly and through PgBouncer
def test_many_candidates_at_once_elect_exactly_one(pg_url):
    engine = make_engine(pg_url, pool_size=12)
    try:
        leases = [Lease(engine, SLA_LEASE, f"ws-{i}") for i in range(12)]
        barrier = threading.Barrier(len(leases))
        results = {}

        def run(lease):
            barrier.wait()
            results[lease.holder] = lease.acquire().held

        threads = [threading.Thread(target=run, args=(lease,)) for lease in leases]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sum(results.values()) == 1
    finally:
        engine.dispose()


def test_the_workstation_scheduler_takes_the_lease_and_gives_it_back(engine):
    from deskapp.services.sla_lease import LeasedSlaScheduler

    scanned = threading.Event()

    def scan(now):
        scanned.set()
        return []

    scheduler = LeasedSlaScheduler(engine, scan, lambda raised: None, holder="ws-x")
    scheduler.start()
    try:
        assert scanned.wait(20)  # the first tick runs at once, takes the lease, scans
        assert scheduler.holding
        assert Lease(engine, SLA_LEASE, "someone").current().holder == "ws-x"
    finally:
        scheduler.stop()
    assert Lease(engine, SLA_LEASE, "someone").current().holder is None
