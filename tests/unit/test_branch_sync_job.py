"""BranchSyncJob and SyncScheduler (Qt-free): one run at a time, an unreachable centre
is an outcome (never an exception), and the real APScheduler runs the job."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest
from sqlalchemy.exc import OperationalError

from deskapp.models.database import make_engine
from deskapp.services.sync.errors import ClockDrift
from deskapp.services.sync.sync_job import (
    BUSY,
    FAILED,
    SYNCED,
    UNREACHABLE,
    BranchSyncJob,
    SyncOutcome,
    SyncScheduler,
    central_from_profile,
)


@dataclass
class Report:
    pushed: int = 2
    pulled: int = 3


class FakeClient:
    def __init__(self, behaviour) -> None:
        self.behaviour = behaviour
        self.runs = 0

    def sync(self, progress=None):
        self.runs += 1
        return self.behaviour(progress)


def _job(sqlite_url, central_url, behaviour):
    client = FakeClient(behaviour)
    job = BranchSyncJob(make_engine(sqlite_url), lambda: make_engine(central_url),
                        client_factory=lambda _b, _c: client)
    return job, client


def test_a_run_reports_synced_with_the_engines_report(sqlite_url) -> None:
    seen = []
    job, client = _job(sqlite_url, sqlite_url, lambda p: (p("push", 1, 1), Report())[1])
    outcome = job.run(lambda *a: seen.append(a))
    assert outcome.kind == SYNCED and outcome.ok
    assert outcome.report == Report()
    assert seen == [("push", 1, 1)]
    assert outcome.finished_at is not None


def test_an_unreachable_centre_is_an_outcome_and_the_client_never_runs(sqlite_url) -> None:
    # Nothing listens on port 1: the connection is refused at once.
    job, client = _job(sqlite_url, "postgresql://u@127.0.0.1:1/x", lambda p: Report())
    outcome = job.run()
    assert outcome.kind == UNREACHABLE
    assert client.runs == 0
    assert outcome.message


def test_a_link_that_drops_mid_run_is_unreachable_too(sqlite_url) -> None:
    def drop(_p):
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    job, _client = _job(sqlite_url, sqlite_url, drop)
    assert job.run().kind == UNREACHABLE


def test_a_refused_clock_is_a_failure_with_the_engines_message(sqlite_url) -> None:
    def drift(_p):
        raise ClockDrift("This computer's clock is 9 minutes off the centre's.")

    job, _client = _job(sqlite_url, sqlite_url, drift)
    outcome = job.run()
    assert outcome.kind == FAILED
    assert "9 minutes off" in outcome.message
    assert isinstance(outcome.error, ClockDrift)


def test_runs_never_overlap(sqlite_url) -> None:
    entered, release = threading.Event(), threading.Event()

    def slow(_p):
        entered.set()
        release.wait(5)
        return Report()

    job, client = _job(sqlite_url, sqlite_url, slow)
    results: list[SyncOutcome] = []
    worker = threading.Thread(target=lambda: results.append(job.run()))
    worker.start()
    assert entered.wait(5)
    assert job.running
    assert job.run().kind == BUSY
    release.set()
    worker.join(5)
    assert results[0].kind == SYNCED
    assert client.runs == 1
    assert not job.running


def test_a_missing_central_profile_fails_clearly(app_dirs, sqlite_url) -> None:
    job = BranchSyncJob(make_engine(sqlite_url), central_from_profile("hq"))
    outcome = job.run()
    assert outcome.kind == FAILED
    assert "'hq'" in outcome.message


def test_the_scheduler_runs_the_job_on_its_thread_and_hands_over_the_outcome() -> None:
    done = threading.Event()
    outcomes: list[SyncOutcome] = []
    threads: list[str] = []

    def run() -> SyncOutcome:
        threads.append(threading.current_thread().name)
        return SyncOutcome(SYNCED)

    def on_done(outcome: SyncOutcome) -> None:
        outcomes.append(outcome)
        done.set()

    scheduler = SyncScheduler(run, on_done, interval_minutes=60)
    scheduler.start()
    try:
        assert scheduler.running
        assert not outcomes  # not at start: the first run waits for its turn...
        scheduler.run_now()  # ...or for Sync now / a wake-up
        assert done.wait(10)
    finally:
        scheduler.stop()
    assert outcomes[0].kind == SYNCED
    assert threads[0] != threading.main_thread().name
    assert not scheduler.running
    assert scheduler.runs == 1


def test_the_scheduler_survives_a_job_that_raises() -> None:
    done = threading.Event()
    outcomes: list[SyncOutcome] = []

    def run() -> SyncOutcome:
        raise RuntimeError("boom")

    scheduler = SyncScheduler(run, lambda o: (outcomes.append(o), done.set()),
                              interval_minutes=60, run_at_start=True)
    scheduler.start()
    try:
        assert done.wait(10)
    finally:
        scheduler.stop()
    assert outcomes[0].kind == FAILED and "boom" in outcomes[0].message


def test_interval_must_be_positive() -> None:
    with pytest.raises(ValueError):
        SyncScheduler(lambda: SyncOutcome(SYNCED), lambda o: None, interval_minutes=0)
