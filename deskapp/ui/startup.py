"""The start-up sequence, without blocking the event loop: prepare the database (and fill
the local demo database) in the background behind a progress dialog, then log in, then
the main window. Failures end in a clear message, never a traceback."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from deskapp.services.errors import DeskError
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
        language_for: Callable[[Actor], str | None] | None = None,
        apply_language: Callable[[str | None], None] | None = None,
    ) -> None:
        super().__init__()
        self.services = self._services = services
        self.runner = self._runner = runner
        self._prepare = prepare
        self._demo = demo
        self._make_window = make_window
        self._language_for = language_for
        self._apply_language = apply_language
        self._settings = settings
        self._relay = _ProgressRelay(self)
        self._progress: QProgressDialog | None = None
        self._hint = ""
        self.window: QWidget | None = None
        self.login_dialog: LoginDialog | None = None
        self.setup_wizard: QWidget | None = None
        self.error_box: QMessageBox | None = None

    def start(self) -> None:
        self._show_progress(self.tr("Opening the database…"), busy=True)
        self._runner.submit(self._prepare, on_done=self._on_prepared, on_error=self._on_failed)

    # -- steps --------------------------------------------------------------
    def _on_prepared(self, needs_demo: bool) -> None:
        # DESKAPP_DEMO=0: a real desk on the local database, set up by the wizard.
        if needs_demo and self._demo is not None and os.environ.get("DESKAPP_DEMO") != "0":
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
            self._login_or_set_up()

    def _login_or_set_up(self) -> None:
        """An empty desk (nobody could log in) gets the setup wizard first."""
        setup = getattr(self._services, "setup", None)
        if setup is None:
            self._login()
            return
        self._runner.submit(setup.needs_setup, on_done=self._on_setup_checked,
                            on_error=self._on_failed)

    def _on_setup_checked(self, needed: bool) -> None:
        if not needed:
            self._login()
            return
        from deskapp.ui.admin.setup_wizard import SetupWizard

        wizard = SetupWizard(self._services, self._runner)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished_setup.connect(self._on_setup_finished)
        wizard.rejected.connect(self.cancelled)
        wizard.show()
        self.setup_wizard = wizard
        self._close_progress()

    def _on_setup_finished(self, result: Any) -> None:
        self._hint = self.tr("The desk is set up. Log in as %1.").replace(
            "%1", result.users[0] if result.users else "")
        self._login()

    def _on_demo_done(self, report: Any) -> None:
        first_per_role: dict[str, str] = {}
        for login in getattr(report, "logins", ()):
            role = str(getattr(login, "role", ""))
            first_per_role.setdefault(role, f"{login.username} / {login.password}")
        if first_per_role:
            self._hint = self.tr("Demo logins (user / password):") + "\n" + "\n".join(
                first_per_role.values()
            )
        self._login()

    def _login(self) -> None:
        dialog = LoginDialog(self._services, self._runner, self._settings)
        if self._hint:
            dialog.set_hint(self._hint)
        else:  # a demo database shows its logins at every start, not only the first
            from deskapp.ui.dialogs.demo_hint import show_demo_logins

            show_demo_logins(dialog, self._services, self._runner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        from deskapp.ui.connection_flow import add_connection_button

        add_connection_button(dialog, self._runner)  # choose another database
        dialog.logged_in.connect(self._on_login_logged_in)
        dialog.rejected.connect(self.cancelled)
        dialog.show()
        self.login_dialog = dialog
        self._close_progress()  # after the dialog shows: never zero windows open

    @Slot(object)
    def _on_login_logged_in(self, actor: Actor) -> None:
        if self._language_for is None or self._apply_language is None:
            self._show_window(actor)
            return
        language_for = self._language_for
        self._runner.submit(
            lambda: language_for(actor),
            on_done=lambda language: self._on_language_found(actor, language),
            on_error=lambda _exc: self._show_window(actor),
        )

    def _on_language_found(self, actor: Actor, language: str | None) -> None:
        assert self._apply_language is not None
        self._apply_language(language)  # the user's own language, unless DESKAPP_LANG
        self._show_window(actor)

    def _show_window(self, actor: Actor) -> None:
        self.window = self._make_window(actor)
        self.window.show()
        self.window_shown.emit(self.window)

    def _on_failed(self, exc: BaseException) -> None:
        self._close_progress()
        from deskapp.ui.connection_flow import handle_schema_attention

        if handle_schema_attention(  # empty / older / newer schema: the schema dialog
            exc, self._services, self._runner, retry=self.start, cancel=self.cancelled.emit
        ):
            return
        if isinstance(exc, DeskError):  # expected: say it, no traceback
            log.error("start-up failed: %s", exc)
        else:
            log.error("start-up failed: %s", getattr(exc, "__deskapp_traceback__", exc))
        message = describe_failure(exc)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("deskapp cannot start"), message)
        box.setObjectName("startupError")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self.failed.emit(message))
        self.error_box = box
        box.open()

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
