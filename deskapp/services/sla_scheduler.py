"""The in-process SLA scheduler: APScheduler 3's ``BackgroundScheduler``, no Qt.

One interval job runs ``scan(now)`` every ``interval_seconds`` on the scheduler's
own worker thread and hands what it raised to ``on_raised`` — on that worker
thread, so a GUI passes a function that only emits a Qt signal (queued to the GUI
thread by Qt). Jobs live in a memory job store (never a store in the shared
database: every workstation schedules its own scans; the database makes sure each
stage is raised once however many scan).

Catch-up: ``coalesce=True`` folds the runs missed while the machine slept into one,
and the generous ``misfire_grace_time`` lets a late run go ahead; the scan itself
raises every stage that fell due meanwhile. ``max_instances=1``: a slow scan is
never overlapped by the next one. ``stop()`` waits for a running scan to finish.

Not APScheduler's ``QtScheduler``: in 3.11 it keeps the return value of
``QTimer.singleShot`` (None), so it never cancels its timers.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from deskapp.services.sla_scan import RaisedStage

log = logging.getLogger(__name__)

JOB_ID = "deskapp-sla-scan"


def start_interval_job(
    tick: Callable[[], object],
    job_id: str,
    name: str,
    *,
    seconds: float,
    misfire_grace_seconds: int,
    run_at_start: bool,
) -> BackgroundScheduler:
    """A started APScheduler running ``tick`` every ``seconds`` on one worker thread:
    memory job store (never the shared database), runs never overlap, missed runs
    coalesce, and a long grace time so a laptop that slept still runs on waking."""
    scheduler = BackgroundScheduler(
        jobstores={"default": MemoryJobStore()},
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": misfire_grace_seconds,
        },
        timezone=UTC,
        daemon=True,
    )
    first_run = {"next_run_time": datetime.now(UTC)} if run_at_start else {}
    scheduler.add_job(
        tick,
        trigger=IntervalTrigger(seconds=seconds, timezone=UTC),
        id=job_id,
        name=name,
        replace_existing=True,
        **first_run,
    )
    scheduler.start()
    return scheduler
DEFAULT_INTERVAL_SECONDS = 30.0
DEFAULT_MISFIRE_GRACE_SECONDS = 6 * 3600

ScanFunction = Callable[[datetime], list[RaisedStage]]


class SlaScheduler:
    """``SlaScheduler(services.sla_scanner.scan, on_raised=bridge.emit_raised).start()``

    ``scan`` is any callable ``(now) -> list[RaisedStage]`` (``SlaScanner.scan``).
    ``on_raised`` is called with a non-empty list after each scan that raised
    something; ``on_error`` (optional) with the exception of a failed scan, which is
    also logged. Both run on the scheduler's worker thread."""

    def __init__(
        self,
        scan: ScanFunction,
        on_raised: Callable[[list[RaisedStage]], None],
        *,
        interval_seconds: float = DEFAULT_INTERVAL_SECONDS,
        misfire_grace_seconds: int = DEFAULT_MISFIRE_GRACE_SECONDS,
        on_error: Callable[[BaseException], None] | None = None,
        clock: Callable[[], datetime] | None = None,
        run_at_start: bool = True,
    ) -> None:
        if interval_seconds <= 0:
            raise ValueError("the scan interval must be positive")
        self._scan = scan
        self._on_raised = on_raised
        self._on_error = on_error
        self._clock = clock or (lambda: datetime.now(UTC))
        self.interval_seconds = interval_seconds
        self.misfire_grace_seconds = misfire_grace_seconds
        self.run_at_start = run_at_start
        self._scheduler: BackgroundScheduler | None = None
        self._lock = threading.Lock()
        self.scans = 0  # completed scans, successful or not (for tests and a status line)

    @property
    def running(self) -> bool:
        return self._scheduler is not None and self._scheduler.running

    def start(self) -> None:
        """Start the worker thread; the first scan runs at once unless
        ``run_at_start`` is False. Starting twice is a no-op."""
        with self._lock:
            if self._scheduler is not None:
                return
            scheduler = start_interval_job(
                self._tick, JOB_ID, "SLA scan", seconds=self.interval_seconds,
                misfire_grace_seconds=self.misfire_grace_seconds, run_at_start=self.run_at_start,
            )
            self._scheduler = scheduler

    def run_now(self) -> None:
        """Ask for a scan as soon as possible (e.g. after the machine woke up)."""
        with self._lock:
            if self._scheduler is not None:
                self._scheduler.modify_job(JOB_ID, next_run_time=datetime.now(UTC))

    def stop(self, wait: bool = True) -> None:
        """Stop scheduling; with ``wait``, let a running scan finish first. Idempotent."""
        with self._lock:
            scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None and scheduler.running:
            scheduler.shutdown(wait=wait)

    def _tick(self) -> None:
        try:
            raised = self._scan(self._clock())
        except Exception as exc:
            log.exception("SLA scan failed")
            if self._on_error is not None:
                self._on_error(exc)
            return
        finally:
            self.scans += 1
        if raised:
            try:
                self._on_raised(raised)
            except Exception:
                log.exception("the SLA on_raised callback failed")
