"""The start-up sequence, without blocking the event loop: prepare the database (and fill
the local demo database) in the background behind a progress dialog, then log in, then
the main window. Failures end in a clear message, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.banner import describe_failure
from deskapp.ui.dialogs.login_dialog import LoginDialog
from deskapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class _ProgressRelay(QObject):
    """Carries (done, total) from a worker thread to the GUI thread."""

    advanced = Signal(int, int)


class StartupFlow(QObject):
    window_shown = Signal(object)  # the main window
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        *,
        prepare: Callable[[], bool],
        demo: Callable[[Progress], Any] | None,
        make_window: Callable[[Actor], QWidget],
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self._services = services
        self._runner = runner
        self._prepare = prepare
        self._demo = demo
        self._make_window = make_window
        self._settings = settings
        self._relay = _ProgressRelay(self)
        self._progress: QProgressDialog | None = None
        self._hint = ""
        self.window: QWidget | None = None

    def start(self) -> None:
        self._show_progress(self.tr("Opening the database…"), busy=True)
        self._runner.submit(self._prepare, on_done=self._on_prepared, on_error=self._on_failed)

    # -- steps --------------------------------------------------------------
    def _on_prepared(self, needs_demo: bool) -> None:
        if needs_demo and self._demo is not None:
            self._show_progress(self.tr("Creating demo data for this workstation…"), busy=False)
            self._relay.advanced.connect(self._on_relay_advanced)
            relay = self._relay
            demo = self._demo
            self._runner.submit(
                lambda: demo(lambda done, total: relay.advanced.emit(done, total)),
                on_done=self._on_demo_done,
                on_error=self._on_failed,
            )
        else:
            self._login()

    def _on_demo_done(self, report: Any) -> None:
        logins = getattr(report, "logins", ())
        if logins:
            self._hint = self.tr("Demo logins (user / password): %1").replace(
                "%1", ", ".join(f"{x.username} / {x.password}" for x in logins[:5])
            )
        self._login()

    def _login(self) -> None:
        dialog = LoginDialog(self._services, self._runner, self._settings)
        if self._hint:
            dialog.set_hint(self._hint)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.logged_in.connect(self._on_login_logged_in)
        dialog.rejected.connect(self.cancelled)
        dialog.show()
        self._login_dialog = dialog
        self._close_progress()  # after the dialog shows: never zero windows open

    @Slot(object)
    def _on_login_logged_in(self, actor: Actor) -> None:
        self.window = self._make_window(actor)
        self.window.show()
        self.window_shown.emit(self.window)

    def _on_failed(self, exc: BaseException) -> None:
        self._close_progress()
        log.error("start-up failed: %s", getattr(exc, "__deskapp_traceback__", exc))
        message = describe_failure(exc)
        QMessageBox.critical(None, self.tr("deskapp cannot start"), message)
        self.failed.emit(message)

    # -- progress -----------------------------------------------------------
    def _show_progress(self, text: str, *, busy: bool) -> None:
        if self._progress is None:
            self._progress = QProgressDialog()
            self._progress.setWindowTitle(self.tr("deskapp"))
            self._progress.setCancelButton(None)
            self._progress.setMinimumDuration(0)
            self._progress.setAutoClose(False)
            self._progress.setAutoReset(False)
        self._progress.setLabelText(text)
        self._progress.setRange(0, 0 if busy else 100)
        self._progress.show()

    @Slot(int, int)
    def _on_relay_advanced(self, done: int, total: int) -> None:
        if self._progress is not None and total > 0:
            self._progress.setValue(min(100, done * 100 // total))

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
