"""Change capture on a branch SQLite: generated from the metadata, same transaction,
not re-captured while pulled rows are applied; and the hybrid logical clock."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, func, select, text, update

from deskapp.models import Base, Customer, SyncState, Ticket
from deskapp.models.database import make_engine
from deskapp.models.enums import InteractionKind, Status
from deskapp.models.sync import ChangeLogEntry
from deskapp.services.customers import NewCustomer
from deskapp.services.facade import build_services
from deskapp.services.sync import capture
from deskapp.services.sync.errors import ClockDrift
from deskapp.services.sync.hlc import HybridClock, Timestamp
from deskapp.services.sync.pull import set_applying
from deskapp.services.tickets import NewCall
from tests.helpers.staff import make_desk


@pytest.fixture
def branch(sqlite_url):
    engine = make_engine(sqlite_url)
    services = build_services(engine, site_code="HQ")
    desk = make_desk(services)
    with engine.begin() as conn:
        conn.execute(SyncState.__table__.insert().values(
            id=1, site_code="TBZ", central_profile="t", central_url_hint="", pull_xid=0,
            pull_id=0, next_push_seq=1, last_error="", hlc_wall=0, hlc_counter=0, applying=0))
    capture.install(engine)
    yield engine, services, desk
    engine.dispose()


def _log(engine):
    with engine.connect() as conn:
        return conn.execute(
            select(ChangeLogEntry.table_name, ChangeLogEntry.op, ChangeLogEntry.new_values,
                   ChangeLogEntry.old_values, ChangeLogEntry.hlc, ChangeLogEntry.origin_site)
            .order_by(ChangeLogEntry.id)
        ).all()


def test_every_table_is_captured_or_excluded_with_a_reason(branch):
    engine, _s, _d = branch
    synced = {t.name for t in capture.synced_tables()}
    assert synced | set(capture.NOT_SYNCED) >= set(Base.metadata.tables)
    assert {"tickets", "interactions", "customers", "merge_conflicts"} <= synced
    with engine.connect() as conn:
        existing = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table'")}
        assert capture.missing(conn) == []
        have = set(capture.installed(conn))
    for name in synced & existing:
        assert {f"sync_capture_{name}_{op}" for op in "iud"} <= have


def test_a_table_with_no_capture_and_no_reason_fails():
    md = MetaData()
    Table("gizmos", md, Column("code", String(8), primary_key=True),
          Column("n", Integer))
    with pytest.raises(RuntimeError, match="gizmos"):
        capture.synced_tables(md)


def test_a_stale_trigger_is_detected_and_replaced(branch):
    engine, _s, _d = branch
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER sync_capture_tickets_u")
        assert capture.missing(conn) == ["sync_capture_tickets_u"]
        assert capture.install(conn) == 1
        assert capture.missing(conn) == []


def test_a_service_write_is_logged_in_its_transaction_with_hlc_and_site(branch):
    engine, services, desk = branch
    services.tickets.log_call(desk.agent, NewCall(
        subject="Printer", new_customer=NewCustomer(name="Bob", phones=["09121234567"])))
    log = _log(engine)
    tables = [r[0] for r in log]
    assert {"customers", "customer_phones", "tickets", "interactions", "audit_entries"} <= set(tables)
    assert all(r[5] == "TBZ" for r in log)
    hlcs = [r[4] for r in log]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)  # strictly increasing
    customer = next(r for r in log if r[0] == "customers")
    assert customer[1] == "i" and json.loads(customer[2])["name"] == "Bob"


def test_an_update_logs_only_the_changed_columns_with_old_values(branch):
    engine, services, desk = branch
    for i in range(3):
        services.tickets.log_call(desk.agent, NewCall(
            subject="x", new_customer=NewCustomer(name=f"C{i}", phones=[f"0912123456{i}"])))
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM sync_change_log"))
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    for _ in range(2):  # a bulk Core update; the second changes nothing: no log
        with engine.begin() as conn:
            conn.execute(update(Customer).values(warning_note="abusive", updated_at=stamp))
    rows = [r for r in _log(engine) if r[0] == "customers"]
    assert len(rows) == len(_customers(engine)) == 3
    assert all(json.loads(r[2]).keys() == {"warning_note", "updated_at"} for r in rows)
    rows = [(t, op, json.dumps({"warning_note": json.loads(n)["warning_note"]}),
             json.dumps({"warning_note": json.loads(o)["warning_note"]}), h, site)
            for t, op, n, o, h, site in rows]
    assert all(json.loads(r[2]) == {"warning_note": "abusive"} for r in rows)
    assert all(json.loads(r[3]) == {"warning_note": ""} for r in rows)


def test_the_report_bookkeeping_of_a_branch_is_not_pushed(branch):
    """Figures each database derives for itself (the report's business durations and
    strict FCR) are not captured: a branch's first report must not queue a change per
    ticket for the centre, which measures its own."""
    engine, services, desk = branch
    t = services.tickets.log_call(desk.agent, NewCall(
        subject="x", new_customer=NewCustomer(name="C", phones=["09121234560"]))).ticket
    t = services.tickets.add_interaction(desk.agent, t.id, InteractionKind.CALL, "Done.")
    fresh = services.tickets.get(desk.agent, t.ticket_id).ticket
    services.tickets.change_status(desk.agent, fresh.id, fresh.version, Status.RESOLVED)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM sync_change_log"))
        before = conn.execute(select(Ticket.updated_at)).scalar_one()
    assert services.reports.measure() >= 1
    with engine.connect() as conn:
        measured, after = conn.execute(
            select(Ticket.resolution_business_s, Ticket.updated_at)).one()
    assert measured is not None and after == before  # measured, not an edit
    assert _log(engine) == []
    with engine.begin() as conn:  # with a real change, the derived values stay out
        conn.execute(update(Ticket).values(subject="y", fcr_strict=False,
                                           updated_at=Ticket.updated_at))
    ((table, _op, new, _old, _h, _s),) = _log(engine)
    assert table == "tickets" and set(json.loads(new)) == {"subject"}


def _customers(engine):
    with engine.connect() as conn:
        return conn.execute(select(Customer.id)).all()


def test_a_rolled_back_write_leaves_no_log(branch):
    engine, services, desk = branch
    before = len(_log(engine))
    with engine.connect() as conn, conn.begin() as tx:
        conn.execute(text("UPDATE users SET display_name = 'x'"))
        tx.rollback()
    assert len(_log(engine)) == before


def test_applying_pulled_rows_is_not_captured(branch):
    engine, _s, _d = branch
    before = len(_log(engine))
    with engine.begin() as conn:
        set_applying(conn, True)
        conn.execute(text("UPDATE users SET display_name = display_name || '!'"))
        set_applying(conn, False)
    assert len(_log(engine)) == before
    with engine.begin() as conn:
        conn.execute(text("UPDATE users SET display_name = display_name || '?'"))
    assert len(_log(engine)) > before


def test_a_database_that_is_not_a_branch_logs_nothing(branch):
    engine, _s, _d = branch
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM sync_state"))
        conn.execute(text("DELETE FROM sync_change_log"))
        conn.execute(text("UPDATE users SET display_name = 'x'"))
        assert conn.scalar(select(func.count()).select_from(ChangeLogEntry)) == 0


def test_the_hlc_never_runs_backwards_and_passes_what_it_receives(branch):
    engine, _s, _d = branch
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    clock = HybridClock("TBZ", lambda: now[0])
    with engine.begin() as conn:
        conn.execute(update(SyncState).values(hlc_wall=0, hlc_counter=0))
        a = clock.tick(conn)
        b = clock.tick(conn)  # same millisecond: the counter moves
        assert b > a and b.wall == a.wall and b.counter == a.counter + 1
        remote = Timestamp(a.wall + 60_000, 7, "MHD")  # a clock a minute ahead
        c = clock.receive(conn, remote)
        assert c > remote and c.wall == remote.wall
        now[0] -= timedelta(hours=1)  # the wall clock jumps back
        d = clock.tick(conn)
        assert d > c
    assert str(d) == f"{d.wall:013d}-{d.counter:05d}-TBZ" and Timestamp.parse(str(d)) == d


def test_a_clock_too_far_from_the_centre_is_refused():
    central = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    HybridClock("TBZ", lambda: central + timedelta(minutes=4)).check_drift(central)
    with pytest.raises(ClockDrift) as info:
        HybridClock("TBZ", lambda: central - timedelta(minutes=6)).check_drift(central)
    assert info.value.code == "sync.clock_drift" and info.value.params["drift_minutes"] == -6
    with pytest.raises(ClockDrift):
        HybridClock("TBZ", lambda: central + timedelta(minutes=2)).check_drift(
            central, timedelta(minutes=1))
