"""The SLA scheduler without Qt: it scans on its own thread, hands results over,
survives a failing scan, and stops cleanly."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from deskapp.services.sla_scan import RaisedStage
from deskapp.services.sla_scheduler import JOB_ID, SlaScheduler
from tests.helpers.sla import START, SlaDesk, log_ticket, make_sla_desk

WAIT = 30  # seconds; a generous upper bound for a thread to get scheduled, not a timing test


def test_scheduler_scans_the_database_and_hands_over_what_was_raised(sqlite_url: str):
    sd: SlaDesk = make_sla_desk(sqlite_url)
    try:
        t = log_ticket(sd).ticket
        got: list[list[RaisedStage]] = []
        arrived = threading.Event()

        def on_raised(raised: list[RaisedStage]) -> None:
            got.append(raised)
            arrived.set()

        scheduler = SlaScheduler(
            sd.services.sla_scanner.scan,
            on_raised,
            interval_seconds=3600,  # only the scan at start runs in this test
            clock=lambda: START + timedelta(minutes=181),
        )
        scheduler.start()
        assert scheduler.running
        assert arrived.wait(WAIT)
        scheduler.stop()
        assert not scheduler.running
        ((raised,),) = got
        assert (raised.reference, raised.stage) == (t.reference, "warning_75")
        assert threading.current_thread() is threading.main_thread()
    finally:
        sd.services.dispose()


def test_scheduler_ticks_survives_errors_and_stops_cleanly():
    calls: list[object] = []
    errors: list[BaseException] = []
    third = threading.Event()
    threads_before = set(threading.enumerate())

    def scan(now):
        calls.append(now)
        if len(calls) == 1:
            raise RuntimeError("database away")
        if len(calls) >= 3:
            third.set()
        return []

    scheduler = SlaScheduler(
        scan, lambda raised: pytest.fail("nothing was raised"),
        interval_seconds=0.05, on_error=errors.append,
    )
    scheduler.start()
    scheduler.start()  # a second start is a no-op
    assert third.wait(WAIT)
    scheduler.stop()
    stopped_at = len(calls)
    assert scheduler.scans >= 3
    assert [str(e) for e in errors] == ["database away"]
    # After stop() returns no scan runs and the scheduler's threads are gone.
    threading.Event().wait(0.3)
    assert len(calls) == stopped_at
    leftover = [t for t in set(threading.enumerate()) - threads_before if t.is_alive()]
    assert leftover == []
    scheduler.stop()  # idempotent


def test_run_now_asks_for_an_immediate_scan():
    ran = threading.Event()
    scheduler = SlaScheduler(
        lambda now: (ran.set(), [])[1], lambda raised: None,
        interval_seconds=3600, run_at_start=False,
    )
    scheduler.start()
    try:
        job = scheduler._scheduler.get_job(JOB_ID)  # type: ignore[union-attr]
        assert job.coalesce is True and job.max_instances == 1
        assert job.misfire_grace_time >= 3600
        assert not ran.is_set()
        scheduler.run_now()
        assert ran.wait(WAIT)
    finally:
        scheduler.stop()


def test_interval_must_be_positive():
    with pytest.raises(ValueError):
        SlaScheduler(lambda now: [], lambda raised: None, interval_seconds=0)
