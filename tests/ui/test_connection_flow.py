"""Start-up on a shared profile: the password is asked only when the server wants one
that is not stored (once per run), a refusal reopens the dialog with the reason; the
schema dialog, the login's "Connection…" and File → Connection…."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from deskapp import credentials
from deskapp.config import Profile, ProfileBook, load_settings, save_profiles
from deskapp.ui.connection_flow import (
    add_connection_button,
    connect_interactively,
    handle_schema_attention,
)
from deskapp.ui.dialogs.connection_dialog import ConnectionDialog
from deskapp.ui.tasks import TaskRunner

SECRET = "Zq9!flow-secret"


def _when_dialog_opens(action) -> None:
    def poll() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ConnectionDialog) and w.isVisible():
                action(w)
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_without_a_keyring_the_password_is_asked_once_per_run(qtbot, app_dirs, no_keyring):
    """The server wants a password that is not stored: asked, with the no-keyring note;
    kept in memory for the rest of the run; a wrong one is said and asked again."""
    from tests.helpers.fake_pg import FakePostgres

    with FakePostgres() as server:
        book = ProfileBook()
        book.add(Profile("central", "postgresql", host="127.0.0.1", port=server.port,
                         database="desk", user="ali", sslmode="disable"))
        book.use("central")
        save_profiles(book)
        hints: list[str] = []

        def type_and_save(dialog: ConnectionDialog) -> None:
            hints.append(dialog.hint.text())
            if len(hints) == 1:
                assert dialog.profiles.currentData() == "central"
                dialog.password.setText(SECRET)
                _when_dialog_opens(type_and_save)  # the server will refuse it
                dialog.save_button.click()
            else:
                dialog.reject()

        _when_dialog_opens(type_and_save)
        assert connect_interactively(load_settings(), TaskRunner()) is None
    assert "No keyring on this system — the password is kept for this session only" in hints[0]
    assert hints[1] == ("Cannot connect with central: Wrong password for the database user "
                        "ali (authentication failed).")
    assert server.received_passwords == [SECRET]
    assert credentials.default_store().get("central") == SECRET  # for the rest of this run


@pytest.mark.postgres
def test_a_server_that_needs_no_password_is_not_asked_for_one(qtbot, app_dirs, no_keyring,
                                                               pg_url):
    from sqlalchemy.engine import make_url

    u = make_url(pg_url)
    book = ProfileBook()
    book.add(Profile("central", "postgresql", host=u.host, port=u.port or 5432,
                     database=u.database, user=u.username, sslmode="disable"))
    book.use("central")
    save_profiles(book)
    settings = load_settings()
    assert connect_interactively(settings, TaskRunner()) is settings  # no dialog opened


def test_a_refused_password_reopens_the_dialog_with_the_reason(qtbot, app_dirs, memory_keyring):
    """The server (tests/helpers/fake_pg.py) refuses the stored password: start-up says
    why and lets the person type another; cancelling ends the start."""
    from tests.helpers.fake_pg import FakePostgres

    with FakePostgres() as server:
        book = ProfileBook()
        book.add(Profile("central", "postgresql", host="127.0.0.1", port=server.port,
                         database="desk", user="ali", sslmode="disable"))
        book.use("central")
        save_profiles(book)
        credentials.default_store().set("central", "wrong " + SECRET)
        hints: list[str] = []

        def look_and_cancel(dialog: ConnectionDialog) -> None:
            hints.append(dialog.hint.text())
            dialog.reject()

        _when_dialog_opens(look_and_cancel)
        assert connect_interactively(load_settings(), TaskRunner()) is None
    assert hints == [
        "Cannot connect with central: Wrong password for the database user ali "
        "(authentication failed)."
    ]
    assert SECRET not in hints[0]


def test_a_local_database_goes_straight_to_start_up(qtbot, app_dirs):
    settings = load_settings()
    assert connect_interactively(settings, TaskRunner()) is settings


def test_the_schema_dialog_at_start_retries_when_created(qtbot, tmp_path):
    from deskapp.services.facade import build_services
    from deskapp.services.schema_gate import SchemaAttention, check_at_start
    from deskapp.ui.dialogs.schema_dialog import SchemaDialog

    services = build_services(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    runner = TaskRunner()
    try:
        check_at_start(services.engine)
    except SchemaAttention as exc:
        attention = exc
    assert not handle_schema_attention(ValueError("x"), services, runner,
                                       retry=lambda: None, cancel=lambda: None)
    retried: list[bool] = []
    assert handle_schema_attention(attention, services, runner,
                                   retry=lambda: retried.append(True), cancel=lambda: None)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, SchemaDialog) and w.isVisible())
    dialog.username.setText("root")
    dialog.password.setText("long enough pw")
    dialog.repeat.setText("long enough pw")
    dialog.action_button.click()
    qtbot.waitUntil(lambda: retried == [True], timeout=15_000)
    runner.wait()
    services.dispose()


def test_connection_entry_points(qtbot, app_dirs, desk, sqlite_url):
    from deskapp.app import build_workstation
    from deskapp.ui.dialogs.login_dialog import LoginDialog

    runner = TaskRunner()
    login = LoginDialog(desk.services, runner)
    qtbot.addWidget(login)
    button = add_connection_button(login, runner)
    assert button.objectName() == "loginConnection" and login.isAncestorOf(button)
    for username, expected in (("ali", False), ("root", True)):
        win = build_workstation(sqlite_url, username)
        qtbot.addWidget(win)
        action = win.findChild(QAction, "connectionAction")
        assert (action is not None) is expected
        if action is not None:
            file_menu = [a.objectName() for a in win.menus["file"].actions()]
            assert file_menu.index("connectionAction") < file_menu.index("quitAction")
        win.runner.wait()
