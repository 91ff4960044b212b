"""Start-up: the local default database is created and filled in the background, then
the login, then the main window; a database that cannot be used says why."""

from __future__ import annotations

from deskapp.app import start_workstation
from deskapp.config import Settings
from deskapp.models.enums import Role
from deskapp.services.permissions import SYSTEM
from deskapp.ui.main_window import MainWindow


class _Login:
    def __init__(self, username: str, password: str) -> None:
        self.username, self.password, self.role = username, password, "agent"


class _Report:
    logins = (_Login("demo.agent", "agent-demo-pw"),)


def _tiny_demo(services, progress):
    """Stands in for the demo generator: one agent, reports progress."""
    services.staff.create_user(SYSTEM, "demo.agent", "Demo Agent", Role.AGENT, "agent-demo-pw")
    progress(1, 2)
    progress(2, 2)
    return _Report()


def test_fresh_default_database_is_created_filled_and_logged_into(qtbot, tmp_path, qsettings):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    flow = start_workstation(
        Settings(url, is_default_database=True), demo=_tiny_demo, qsettings=qsettings
    )
    qtbot.waitUntil(lambda: flow.login_dialog is not None, timeout=30_000)
    dialog = flow.login_dialog
    qtbot.addWidget(dialog)
    assert "demo.agent / agent-demo-pw" in dialog.hint_label.text()
    dialog.username.setText("demo.agent")
    dialog.password.setText("agent-demo-pw")
    with qtbot.waitSignal(flow.window_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
    window = flow.window
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.actor.username == "demo.agent"
    assert "fresh.sqlite3" in window.database_label.text()
    flow.runner.wait()
    window.close()
    flow.services.dispose()


def test_unusable_database_says_why(qtbot, tmp_path, qsettings):
    # (An empty or older schema opens the schema dialog: tests/ui/test_start_shared_database.py)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all " * 200)
    flow = start_workstation(Settings(f"sqlite:///{junk}"), qsettings=qsettings)
    qtbot.waitUntil(lambda: flow.error_box is not None, timeout=30_000)
    assert "not a database" in flow.error_box.text()
    with qtbot.waitSignal(flow.failed):
        flow.error_box.accept()
    assert flow.login_dialog is None
    flow.runner.wait()
    flow.services.dispose()


def test_the_users_own_language_is_used_after_login(qtbot, qapp, tmp_path, qsettings, monkeypatch):
    monkeypatch.delenv("DESKAPP_LANG", raising=False)

    def persian_demo(services, progress):
        services.staff.create_user(SYSTEM, "zahra", "زهرا کاظمی", Role.AGENT, "agent-demo-pw",
                                   language="fa")
        return _Report()

    url = f"sqlite:///{tmp_path / 'fa.sqlite3'}"
    flow = start_workstation(
        Settings(url, is_default_database=True), demo=persian_demo, qsettings=qsettings
    )
    try:
        qtbot.waitUntil(lambda: flow.login_dialog is not None, timeout=30_000)
        flow.login_dialog.username.setText("zahra")
        flow.login_dialog.password.setText("agent-demo-pw")
        with qtbot.waitSignal(flow.window_shown, timeout=10_000):
            flow.login_dialog.buttons.accepted.emit()
        qtbot.addWidget(flow.window)
        assert qapp.layoutDirection().name == "RightToLeft"
        assert flow.window.menus["file"].title() == "&پرونده"
    finally:
        from deskapp.ui.i18n import apply_language

        apply_language(qapp, "en")
        flow.runner.wait()
        if flow.window is not None:
            flow.window.close()
        flow.services.dispose()
