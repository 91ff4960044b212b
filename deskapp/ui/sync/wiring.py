"""Put branch sync into a main window, on a branch database only.

    wiring = install_branch_sync(window)     # after login; a no-op on other databases

Whether the database is a branch is read in the background; on a branch the window
gets the sync state in its status bar, a *Sync* menu (*Sync now*, *Conflict inbox…*)
and a scheduled sync every ``DESKAPP_SYNC_MINUTES`` minutes (default 5) while the
centre is reachable. ``window`` needs ``services``, ``actor``, ``runner``,
``add_status_widget(widget)``, ``menuBar()`` and ``refresh_all()``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from deskapp.services.sync.branch import BranchStatus, branch_status, conflict_views
from deskapp.services.sync.sync_job import (
    DEFAULT_INTERVAL_MINUTES,
    BranchSyncJob,
    SyncScheduler,
    central_from_profile,
)
from deskapp.ui.sync.controller import BranchSyncController, SchedulerFactory
from deskapp.ui.sync.status import SyncStatusWidget


def sync_interval_minutes() -> float:
    try:
        value = float(os.environ.get("DESKAPP_SYNC_MINUTES", DEFAULT_INTERVAL_MINUTES))
    except ValueError:
        return DEFAULT_INTERVAL_MINUTES
    return value if value > 0 else DEFAULT_INTERVAL_MINUTES


def scheduler_factory(interval_minutes: float) -> SchedulerFactory:
    def make(run, on_done):
        return SyncScheduler(run, on_done, interval_minutes=interval_minutes)

    return make


class BranchSyncWiring(QObject):
    """Holds what was installed; ``installed`` fires once the window is a branch
    workstation (never on other databases)."""

    installed = Signal(object)  # BranchSyncController

    def __init__(
        self,
        window: Any,
        *,
        job_factory: Callable[[BranchStatus], Any] | None = None,
        scheduler: SchedulerFactory | None = None,
        start: bool = True,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller: BranchSyncController | None = None
        self.widget: SyncStatusWidget | None = None
        self.menu: Any = None
        self.sync_action: QAction | None = None
        self.inbox_action: QAction | None = None
        self._job_factory = job_factory or self._default_job
        self._scheduler = scheduler
        self._start = start
        engine = window.services.engine
        window.runner.submit(lambda: branch_status(engine), on_done=self._on_status_read,
                             on_error=lambda _exc: None, owner=self)

    def _default_job(self, status: BranchStatus) -> Any:
        return BranchSyncJob(self.window.services.engine,
                             central_from_profile(status.central_profile))

    def _on_status_read(self, status: BranchStatus | None) -> None:
        if status is None:
            return  # not a branch: nothing to add
        window = self.window
        engine = window.services.engine
        job = self._job_factory(status)
        self.widget = SyncStatusWidget(window)
        self.widget.show_status(status)
        window.add_status_widget(self.widget)
        self.controller = BranchSyncController(
            window.runner, job.run, lambda: branch_status(engine), widget=self.widget,
            scheduler_factory=self._scheduler or scheduler_factory(sync_interval_minutes()),
            parent=self,
        )
        self.controller.data_changed.connect(window.refresh_all)
        self.widget.conflicts_requested.connect(self.open_inbox)
        self._build_menu()
        controller = self.controller
        window.destroyed.connect(lambda *_: controller.stop())
        closing = getattr(window, "closing", None)  # the session on this window ends
        if closing is not None:
            closing.connect(controller.stop)
        if self._start:
            controller.start()
        self.installed.emit(controller)

    def _build_menu(self) -> None:
        window = self.window
        self.menu = window.menuBar().addMenu(self.tr("&Sync"))
        self.sync_action = QAction(self.tr("Sync now"), window)
        self.sync_action.setObjectName("syncNowAction")
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.triggered.connect(self.controller.sync_now)  # type: ignore[union-attr]
        self.inbox_action = QAction(self.tr("Conflict inbox…"), window)
        self.inbox_action.setObjectName("conflictInboxAction")
        self.inbox_action.triggered.connect(self.open_inbox)
        self.menu.addAction(self.sync_action)
        self.menu.addAction(self.inbox_action)
        window.addAction(self.sync_action)

    def open_inbox(self) -> Any:
        from PySide6.QtCore import Qt

        from deskapp.services.sync.conflicts import ConflictService
        from deskapp.ui.dialogs.conflict_inbox_dialog import ConflictInboxDialog

        window = self.window
        engine = window.services.engine
        service = ConflictService(engine)
        actor = window.actor
        dialog = ConflictInboxDialog(
            window.runner,
            load=lambda: conflict_views(engine, service.list_open()),
            resolve=lambda cid, choice, value: service.resolve(cid, choice, value, actor),
            parent=window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.controller is not None:
            dialog.resolved.connect(lambda _id: self.controller.refresh_status())
        dialog.resolved.connect(lambda _id: window.refresh_all())
        dialog.open()
        return dialog


def install_branch_sync(window: Any, **kwargs: Any) -> BranchSyncWiring:
    return BranchSyncWiring(window, **kwargs)

