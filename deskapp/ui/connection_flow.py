"""The connection steps of start-up and of File → Connection…, for the composition root.

    settings = connect_interactively(settings, runner)  # before building the services
    if settings is None: return 1                       # the person cancelled
    services = build_services(settings.connect_url(), site_code=settings.site_code)

- ``connect_interactively``: a shared profile is tried first (trust or certificate
  authentication needs no password); when the server wants a password that is not in
  the keyring it is asked (once per run), and any other refusal reopens the connection
  dialog with the reason;
- ``handle_schema_attention``: start-up found an empty/older/newer schema: the dialog;
- ``add_connection_button``: "Connection…" in the login dialog;
- ``install_connection_action``: File → Connection… for administrators;
- ``restart_app``: start deskapp again on the newly chosen profile.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QProcess, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from deskapp.config import Profile, Settings, load_settings
from deskapp.services.connection_check import (
    ConnectionReport,
    NextStep,
    Problem,
    check_connection,
    describe_problem,
)
from deskapp.services.facade import Services
from deskapp.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the keyring (deskapp.credentials) and the dialog load when needed:
    # a start on the local database or --db never asks for a password
    from deskapp.credentials import SecretStore

Checker = Callable[..., ConnectionReport]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConnectionFlow", text)


def connect_interactively(
    settings: Settings, runner: TaskRunner, parent: QWidget | None = None, *,
    store: SecretStore | None = None, checker: Checker = check_connection,
) -> Settings | None:
    """Before start-up builds its services: make sure a shared profile connects,
    asking for a missing password and, when the server refuses (wrong password, no such
    database, host unreachable...), reopening the connection dialog with the reason.
    The local database and ``--db``/``$DESKAPP_DATABASE_URL`` are left to the start-up
    (it reports their problems). The schema is not judged here: start-up does that.
    None: the person cancelled."""
    checked: Settings | None = settings
    while checked is not None:
        profile = checked.profile
        if profile is None or not profile.is_postgresql:
            return checked
        # Try first: a server with trust or certificate authentication needs no password.
        report = _check_in_background(checked, runner, checker, parent)
        if report.connected:
            return checked
        if store is None:
            from deskapp.credentials import default_store

            store = default_store()
        if report.problem is Problem.PASSWORD_REQUIRED:
            reason = _password_reason(profile, store)
        else:
            reason = _tr("Cannot connect with %1: %2").replace("%1", profile.name).replace(
                "%2", report.message
            )
        checked = choose_connection(
            runner, parent, store=store, ask_password_for=(profile.name, reason)
        )
    return None


def _password_reason(profile: Profile, store: SecretStore) -> str:
    if store.persistent:
        reason = _tr("Enter the database password for %1 (%2); it will be kept in this "
                     "computer's keyring.")
    else:
        reason = _tr("Enter the database password for %1 (%2). No keyring on this system — "
                     "the password is kept for this session only.")
    return reason.replace("%1", f"{profile.user}@{profile.host}").replace("%2", profile.name)


def _check_in_background(
    settings: Settings, runner: TaskRunner, checker: Checker, parent: QWidget | None
) -> ConnectionReport:
    """Run the connection check off the GUI thread behind a busy dialog; wait for it in a
    local event loop (the app's loop has not started yet)."""
    progress = QProgressDialog(parent)
    progress.setWindowTitle(_tr("deskapp"))
    progress.setLabelText(_tr("Connecting to %1…").replace("%1", settings.profile.label()
                                                            if settings.profile else ""))
    progress.setCancelButton(None)
    progress.setRange(0, 0)
    progress.setMinimumDuration(300)
    loop = QEventLoop()
    result: list[ConnectionReport] = []
    url = settings.connect_url()

    def done(report: ConnectionReport) -> None:
        result.append(report)
        loop.quit()

    def failed(exc: BaseException) -> None:  # the check itself broke: say so, plainly
        result.append(ConnectionReport(False, Problem.UNKNOWN,
                                       describe_problem(Problem.UNKNOWN, url),
                                       type(exc).__name__, None, NextStep.FIX_CONNECTION))
        loop.quit()

    runner.submit(lambda: checker(url), on_done=done, on_error=failed, key="connect-at-start")
    loop.exec()
    progress.close()
    progress.deleteLater()
    return result[0]


def choose_connection(
    runner: TaskRunner, parent: QWidget | None = None, *, store: SecretStore | None = None,
    ask_password_for: tuple[str, str] | None = None,
) -> Settings | None:
    """Open the connection dialog (modal); the settings of the saved, active profile, or
    None when cancelled or saved without making it active."""
    from deskapp.ui.dialogs.connection_dialog import ConnectionDialog

    dialog = ConnectionDialog(runner, store=store, parent=parent)
    if ask_password_for is not None:
        dialog.ask_password(*ask_password_for)
    saved: list[object] = []
    dialog.profile_saved.connect(saved.append)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    use = dialog.use_profile.isChecked()
    dialog.deleteLater()
    if not accepted or not saved or not use:
        return None
    return load_settings()


def offer_restart(parent: QWidget | None, profile_name: str) -> bool:
    """After File → Connection… saved a new active profile: restart now? True if
    deskapp is restarting (the caller should close its windows)."""
    answer = QMessageBox.question(
        parent,
        _tr("Connection saved"),
        _tr("deskapp uses %1 from its next start. Restart now? (Unsaved text in open "
            "forms would be lost: send or copy it first.)").replace("%1", profile_name),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restart_app()
    return True


def restart_app() -> None:
    """Start a new deskapp (same command line) and quit this one."""
    QProcess.startDetached(sys.executable, ["-m", "deskapp.cli", *sys.argv[1:]])
    app = QCoreApplication.instance()
    if app is not None:
        app.quit()


# -- start-up and window hooks (one call each from the composition root) -----------
def handle_schema_attention(
    exc: BaseException, services: Services, runner: TaskRunner, *,
    retry: Callable[[], None], cancel: Callable[[], None], parent: QWidget | None = None,
) -> bool:
    """Start-up failed because of the schema: show the schema dialog (create, upgrade for
    administrators, or refuse). ``retry`` runs the start-up again once it is fixed,
    ``cancel`` ends it. False: not a schema problem, the caller reports it."""
    from deskapp.services.schema_gate import SchemaAttention
    from deskapp.ui.dialogs.schema_dialog import SchemaDialog

    if not isinstance(exc, SchemaAttention):
        return False
    dialog = SchemaDialog(services, runner, exc, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    chosen: list[bool] = []

    def on_choose() -> None:
        chosen.append(True)
        settings = choose_connection(runner, parent)
        if settings is not None:
            restart_app()
        else:
            cancel()

    dialog.schema_ready.connect(retry)
    dialog.connection_requested.connect(on_choose)
    dialog.rejected.connect(lambda: None if chosen else cancel())
    _keep_open(dialog)
    dialog.show()
    return True


_open_dialogs: set[QDialog] = set()


def _keep_open(dialog: QDialog) -> None:
    """A parentless dialog lives as long as its Python reference: hold it until closed."""
    _open_dialogs.add(dialog)
    dialog.finished.connect(lambda _result: _open_dialogs.discard(dialog))


def add_connection_button(login_dialog: QDialog, runner: TaskRunner) -> QPushButton:
    """A "Connection…" button in the login dialog: choose another database before
    logging in (deskapp restarts on it)."""
    buttons = login_dialog.findChild(QDialogButtonBox)
    button = QPushButton(_tr("Connection…"), login_dialog)
    button.setObjectName("loginConnection")
    if buttons is not None:
        buttons.addButton(button, QDialogButtonBox.ButtonRole.ResetRole)

    def on_clicked() -> None:
        settings = choose_connection(runner, login_dialog)
        if settings is not None and settings.profile is not None:
            offer_restart(login_dialog, settings.profile.name)

    button.clicked.connect(on_clicked)
    return button


def install_connection_action(window: QWidget) -> QAction | None:
    """File → Connection… for administrators (the connection is their setting); placed
    before Quit. None for everyone else."""
    from deskapp.models.enums import Role

    if window.actor.role is not Role.ADMIN:
        return None
    action = QAction(_tr("Connection…"), window)
    action.setObjectName("connectionAction")
    menu = window.menus["file"]
    quit_action = window.findChild(QAction, "quitAction")
    if quit_action is not None and quit_action in menu.actions():
        menu.insertAction(quit_action, action)
    else:
        menu.addAction(action)

    def on_triggered() -> None:
        settings = choose_connection(window.runner, window)
        if settings is not None and settings.profile is not None and offer_restart(
            window, settings.profile.name
        ):
            window.close()

    action.triggered.connect(on_triggered)
    return action
