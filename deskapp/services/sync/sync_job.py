"""A branch workstation's sync runs: one at a time, on demand (*Sync now*) or every N
minutes from the in-process scheduler while the centre is reachable. No Qt here.

    job = BranchSyncJob(branch_engine, central_from_profile("hq"))
    outcome = job.run(progress)            # any thread; never raises
    scheduler = SyncScheduler(job.run, on_done, interval_minutes=5).start()

``run`` returns a ``SyncOutcome`` instead of raising: ``synced``; ``unreachable``
(the centre could not be reached, or the link dropped mid-run - nothing is lost, the
outbox stays and the next run continues); ``failed`` (a clock too far off, schema
versions that differ, anything else: ``message`` says what); ``busy`` (another run was
in progress: runs never overlap).

The scheduler is APScheduler 3's ``BackgroundScheduler`` with a memory job store, as
the SLA scheduler (``deskapp.services.sla_scheduler``): ``coalesce=True`` and a long
``misfire_grace_time`` so a laptop that slept syncs once when it wakes, and
``max_instances=1``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from deskapp.services.errors import DeskError
from deskapp.services.sla_scheduler import start_interval_job

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
JOB_ID = "deskapp-branch-sync"
DEFAULT_INTERVAL_MINUTES = 5.0
DEFAULT_MISFIRE_GRACE_SECONDS = 6 * 3600

SYNCED = "synced"
UNREACHABLE = "unreachable"
FAILED = "failed"
BUSY = "busy"


@dataclass(frozen=True)
class SyncOutcome:
    kind: str  # synced | unreachable | failed | busy
    report: Any = None  # the engine's SyncReport when synced
    error: BaseException | None = None
    message: str = ""
    finished_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.kind == SYNCED


def central_from_profile(name: str) -> Callable[[], Engine]:
    """A factory of engines on the centre named by a connection profile; the password
    from the OS keyring (or this run's memory) - never asked here."""

    def make() -> Engine:
        from deskapp.config import load_profiles
        from deskapp.credentials import password_for_profile
        from deskapp.models.database import make_engine
        from deskapp.services.sync.errors import SyncError

        profile = load_profiles().profiles.get(name)
        if profile is None or not profile.is_postgresql:
            raise SyncError(
                f"The centre's connection profile {name!r} is missing on this machine.",
                code="sync.no_central_profile", profile=name,
            )
        return make_engine(profile.url(password_for_profile(profile)))

    return make


class BranchSyncJob:
    def __init__(
        self,
        branch_engine: Engine,
        central_factory: Callable[[], Engine],
        *,
        client_factory: Callable[[Engine, Engine], Any] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.branch = branch_engine
        self._central_factory = central_factory
        self._client_factory = client_factory
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._lock.locked()

    def run(self, progress: Progress | None = None) -> SyncOutcome:
        if not self._lock.acquire(blocking=False):
            return SyncOutcome(BUSY, finished_at=self._clock())
        try:
            return self._run(progress)
        finally:
            self._lock.release()

    def _client(self, central: Engine) -> Any:
        if self._client_factory is not None:
            return self._client_factory(self.branch, central)
        from deskapp.services.sync.client import SyncClient

        return SyncClient(self.branch, central)

    def _run(self, progress: Progress | None) -> SyncOutcome:
        try:
            central = self._central_factory()
        except DeskError as exc:
            return SyncOutcome(FAILED, error=exc, message=str(exc), finished_at=self._clock())
        try:
            try:  # is the centre reachable? (connect_timeout keeps this short)
                with central.connect():
                    pass
            except (OperationalError, DBAPIError) as exc:
                return SyncOutcome(UNREACHABLE, error=exc, message=_first_line(exc),
                                   finished_at=self._clock())
            try:
                report = self._client(central).sync(progress=progress)
            except (OperationalError, DBAPIError) as exc:
                return SyncOutcome(UNREACHABLE, error=exc, message=_first_line(exc),
                                   finished_at=self._clock())
            except Exception as exc:  # reported, never lost in a thread
                log.exception("branch sync failed")
                return SyncOutcome(FAILED, error=exc, message=str(exc) or type(exc).__name__,
                                   finished_at=self._clock())
            return SyncOutcome(SYNCED, report=report, finished_at=self._clock())
        finally:
            central.dispose()


def _first_line(exc: BaseException) -> str:
    lines = str(getattr(exc, "orig", exc)).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


class SyncScheduler:
    """Runs ``run()`` every ``interval_minutes`` on its own thread and hands each
    outcome to ``on_done`` (on that thread: a GUI passes a function that only emits a
    signal). An unreachable centre just waits for the next turn."""

    def __init__(
        self,
        run: Callable[[], SyncOutcome],
        on_done: Callable[[SyncOutcome], None],
        *,
        interval_minutes: float = DEFAULT_INTERVAL_MINUTES,
        misfire_grace_seconds: int = DEFAULT_MISFIRE_GRACE_SECONDS,
        run_at_start: bool = False,
    ) -> None:
        if interval_minutes <= 0:
            raise ValueError("the sync interval must be positive")
        self._run = run
        self._on_done = on_done
        self.interval_minutes = interval_minutes
        self.misfire_grace_seconds = misfire_grace_seconds
        self.run_at_start = run_at_start
        self._scheduler: BackgroundScheduler | None = None
        self._lock = threading.Lock()
        self.runs = 0

    @property
    def running(self) -> bool:
        return self._scheduler is not None and self._scheduler.running

    def start(self) -> SyncScheduler:
        with self._lock:
            if self._scheduler is not None:
                return self
            scheduler = start_interval_job(
                self._tick, JOB_ID, "branch sync", seconds=self.interval_minutes * 60,
                misfire_grace_seconds=self.misfire_grace_seconds, run_at_start=self.run_at_start,
            )
            self._scheduler = scheduler
        return self

    def run_now(self) -> None:
        with self._lock:
            if self._scheduler is not None:
                self._scheduler.modify_job(JOB_ID, next_run_time=datetime.now(UTC))

    def stop(self, wait: bool = True) -> None:
        with self._lock:
            scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None and scheduler.running:
            scheduler.shutdown(wait=wait)

    def _tick(self) -> None:
        try:
            outcome = self._run()
        except Exception as exc:  # run() should not raise; never kill the scheduler
            log.exception("scheduled sync failed")
            outcome = SyncOutcome(FAILED, error=exc, message=str(exc))
        finally:
            self.runs += 1
        try:
            self._on_done(outcome)
        except Exception:
            log.exception("the sync on_done callback failed")
