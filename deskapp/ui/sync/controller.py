"""Branch sync in the workstation: *Sync now* (a background task), the scheduled runs
(the scheduler's thread), and the status shown in the status bar.

    controller = BranchSyncController(runner, job.run, load_status,
                                      scheduler_factory=..., widget=status_widget)
    controller.start()

``run(progress)`` is ``BranchSyncJob.run`` (never raises, runs never overlap);
``load_status()`` reads the local sync state (``branch_status``). Both run off the GUI
thread. The scheduler calls ``publish`` on its own thread; ``publish`` only emits a
signal, which Qt queues to the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from deskapp.services.sync.branch import BranchStatus
from deskapp.services.sync.sync_job import SyncOutcome
from deskapp.ui.sync.status import SyncStatusWidget
from deskapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

STATUS_POLL_MSECS = 15_000  # changes waiting grow with every local write


class Scheduler(Protocol):
    def start(self) -> Any: ...
    def stop(self, wait: bool = True) -> None: ...


SchedulerFactory = Callable[[Callable[[], SyncOutcome], Callable[[SyncOutcome], None]], Scheduler]
RunFunction = Callable[[Callable[[str, int, int], None] | None], SyncOutcome]


class _Bridge(QObject):
    """Lives on the GUI thread; emitted from worker threads, delivered queued."""

    progressed = Signal(str, int, int)
    finished = Signal(object)


class BranchSyncController(QObject):
    status_changed = Signal(object)  # BranchStatus
    sync_started = Signal()
    sync_finished = Signal(object)  # SyncOutcome
    data_changed = Signal()  # a sync brought or sent rows: views should refresh

    def __init__(
        self,
        runner: TaskRunner,
        run: RunFunction,
        load_status: Callable[[], BranchStatus | None],
        *,
        widget: SyncStatusWidget | None = None,
        scheduler_factory: SchedulerFactory | None = None,
        poll_msecs: int = STATUS_POLL_MSECS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._run = run
        self._load_status = load_status
        self._scheduler_factory = scheduler_factory
        self._scheduler: Scheduler | None = None
        self.widget = widget
        self.status: BranchStatus | None = None
        self.syncing = False
        self.last_outcome: SyncOutcome | None = None
        self._bridge = _Bridge(self)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_msecs)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._bridge.progressed.connect(self._on_bridge_progressed)
        self._bridge.finished.connect(self._on_bridge_finished)
        self._poll.timeout.connect(self.refresh_status)
        if self.widget is not None:
            self.widget.sync_requested.connect(self.sync_now)
            self.status_changed.connect(self.widget.show_status)
            self.sync_finished.connect(self.widget.show_outcome)

    # -- lifecycle ------------------------------------------------------------------
    def start(self) -> None:
        self.refresh_status()
        self._poll.start()
        if self._scheduler_factory is not None and self._scheduler is None:
            self._scheduler = self._scheduler_factory(self._scheduled_run, self.publish)
            self._scheduler.start()

    def stop(self) -> None:
        self._poll.stop()
        scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None:
            scheduler.stop(wait=False)

    # -- actions --------------------------------------------------------------------
    @Slot()
    def refresh_status(self) -> None:
        self._runner.submit(self._load_status, on_done=self._on_status_loaded,
                            on_error=self._on_status_failed, key="branch-sync-status",
                            owner=self)

    @Slot()
    def sync_now(self) -> None:
        if self.syncing:
            return
        self._begin()
        self._runner.submit(lambda: self._run(self._progress), on_done=self.publish,
                            on_error=self._on_run_error, owner=self)

    # -- from worker threads ----------------------------------------------------------
    def _progress(self, stage: str, done: int, total: int) -> None:
        with contextlib.suppress(RuntimeError):  # quitting: the bridge is gone
            self._bridge.progressed.emit(stage, int(done), int(total))

    def _scheduled_run(self) -> SyncOutcome:
        return self._run(self._progress)

    def publish(self, outcome: SyncOutcome) -> None:
        """The end of a run (any thread)."""
        try:
            self._bridge.finished.emit(outcome)
        except RuntimeError:
            log.debug("sync outcome after the bridge was deleted: dropped")

    # -- slots ------------------------------------------------------------------------
    def _begin(self) -> None:
        self.syncing = True
        self.sync_started.emit()
        if self.widget is not None:
            self.widget.show_syncing()

    @Slot(str, int, int)
    def _on_bridge_progressed(self, stage: str, done: int, total: int) -> None:
        if not self.syncing:
            self._begin()  # a scheduled run started
        if self.widget is not None:
            self.widget.show_syncing(stage, done, total)

    @Slot(object)
    def _on_bridge_finished(self, outcome: SyncOutcome) -> None:
        self.syncing = False
        self.last_outcome = outcome
        self.sync_finished.emit(outcome)
        report = outcome.report
        if outcome.ok and (getattr(report, "pushed", 0) or getattr(report, "pulled", 0)):
            self.data_changed.emit()
        self.refresh_status()

    def _on_run_error(self, exc: BaseException) -> None:
        from deskapp.services.sync.sync_job import FAILED

        self.publish(SyncOutcome(FAILED, error=exc, message=str(exc)))

    def _on_status_loaded(self, status: BranchStatus | None) -> None:
        if status is None:
            return
        self.status = status
        self.status_changed.emit(status)

    def _on_status_failed(self, exc: BaseException) -> None:
        log.warning("could not read the sync state: %s", exc)
