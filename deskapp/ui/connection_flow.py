"""The connection steps of start-up and of File → Connection…, for the composition root.

    settings = ensure_password(settings, runner)      # before building the services
    if settings is None: return 1                     # the person cancelled
    services = build_services(settings.connect_url(), site_code=settings.site_code)

``ensure_password`` asks (once per run) for a shared profile's password that is not in
the keyring; ``choose_connection`` opens the connection dialog; ``restart_app`` starts
deskapp again on the newly chosen profile.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from deskapp.config import Settings, load_settings
from deskapp.credentials import SecretStore, default_store
from deskapp.ui.dialogs.connection_dialog import ConnectionDialog
from deskapp.ui.tasks import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConnectionFlow", text)


def needs_password_prompt(settings: Settings, store: SecretStore | None = None) -> bool:
    """A shared profile whose password is neither in the keyring nor given this run.
    (A server with trust or certificate authentication needs none: leaving the field
    empty and saving is allowed.)"""
    profile = settings.profile
    if profile is None or not profile.is_postgresql:
        return False
    return (store or default_store()).get(profile.name) is None


def ensure_password(
    settings: Settings, runner: TaskRunner, parent: QWidget | None = None,
    store: SecretStore | None = None,
) -> Settings | None:
    """The settings to connect with; asks for a missing password first. None: cancelled."""
    store = store or default_store()
    if not needs_password_prompt(settings, store):
        return settings
    profile = settings.profile
    assert profile is not None
    if store.persistent:
        reason = _tr("Enter the database password for %1 (%2); it will be kept in this "
                     "computer's keyring.")
    else:
        reason = _tr("Enter the database password for %1 (%2). No keyring on this system — "
                     "the password is kept for this session only.")
    reason = reason.replace("%1", f"{profile.user}@{profile.host}").replace("%2", profile.name)
    return choose_connection(runner, parent, store=store, ask_password_for=(profile.name, reason))


def choose_connection(
    runner: TaskRunner, parent: QWidget | None = None, *, store: SecretStore | None = None,
    ask_password_for: tuple[str, str] | None = None,
) -> Settings | None:
    """Open the connection dialog (modal); the settings of the saved, active profile, or
    None when cancelled or saved without making it active."""
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
