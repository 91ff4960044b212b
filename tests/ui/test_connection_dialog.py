"""The connection dialog: test in the background, name what failed, save a profile with
the password in the keyring (or, with no keyring, in memory and said so)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from deskapp import credentials
from deskapp.config import Profile, ProfileBook, load_profiles, profiles_path, save_profiles
from deskapp.services.connection_check import NextStep, Problem
from deskapp.ui.dialogs.connection_dialog import ConnectionDialog
from deskapp.ui.tasks import TaskRunner
from tests.helpers.fake_pg import FakePostgres

SECRET = "Zq9!dialog-secret"


@pytest.fixture
def dialog(qtbot, app_dirs):
    runner = TaskRunner()
    dlg = ConnectionDialog(runner)
    qtbot.addWidget(dlg)
    yield dlg
    runner.wait()


def fill_shared(dlg: ConnectionDialog, name: str, host: str, port: int, database: str,
                user: str, password: str = "", sslmode: str = "disable") -> None:
    dlg.profiles.setCurrentIndex(0)  # "New profile…"
    dlg.name.setText(name)
    dlg.shared_radio.setChecked(True)
    dlg.host.setText(host)
    dlg.port.setValue(port)
    dlg.database.setText(database)
    dlg.user.setText(user)
    dlg.password.setText(password)
    dlg.sslmode.setCurrentIndex(dlg.sslmode.findData(sslmode))


def run_test(qtbot, dlg: ConnectionDialog):
    with qtbot.waitSignal(dlg.test_finished, timeout=15_000) as blocker:
        dlg.test_button.click()
        assert not dlg.test_button.isEnabled()  # busy while the task runs
    assert dlg.test_button.isEnabled()
    return blocker.args[0]


def test_wrong_password_is_named_and_not_shown(qtbot, dialog, memory_keyring):
    with FakePostgres() as server:
        fill_shared(dialog, "central", "127.0.0.1", server.port, "desk", "ali", SECRET)
        report = run_test(qtbot, dialog)
    assert server.received_passwords == [SECRET]
    assert report.problem is Problem.AUTH_FAILED
    assert dialog.result.text() == (
        "Connection failed: Wrong password for the database user ali (authentication failed)."
    )
    assert SECRET not in dialog.result.text()


def test_local_file_connects_and_reports_the_schema(qtbot, dialog, sqlite_url):
    dialog.profiles.setCurrentIndex(0)
    dialog.name.setText("office")
    dialog.local_radio.setChecked(True)
    assert dialog.pages.currentIndex() == 0
    dialog.path.setText(make_url(sqlite_url).database)
    report = run_test(qtbot, dialog)
    assert report.next_step is NextStep.OPEN
    assert dialog.result.text().startswith("Connected to SQLite ")
    assert "The database is ready." in dialog.result.text()


@pytest.mark.postgres
def test_shared_database_connects(qtbot, dialog, pg_url, memory_keyring):
    u = make_url(pg_url)
    fill_shared(dialog, "central", u.host, u.port or 5432, u.database, u.username)
    report = run_test(qtbot, dialog)
    assert report.connected and report.next_step is NextStep.OPEN
    assert "Connected to PostgreSQL" in dialog.result.text()


def test_bad_input_is_said_before_anything_runs(qtbot, dialog):
    fill_shared(dialog, "central", "", 5432, "desk", "ali")
    dialog.test_button.click()
    assert "needs the server's host name" in dialog.result.text()
    assert dialog.test_button.isEnabled()


def test_save_puts_the_password_in_the_keyring_not_the_file(qtbot, dialog, memory_keyring):
    assert "keyring, never in a file" in dialog.keyring_note.text()
    fill_shared(dialog, "central", "db.example", 5433, "desk", "ali", SECRET, "require")
    with qtbot.waitSignal(dialog.profile_saved) as saved:
        dialog.save_button.click()
    assert saved.args[0] == Profile("central", "postgresql", host="db.example", port=5433,
                                    database="desk", user="ali", sslmode="require")
    assert dialog.result.isHidden() or "failed" not in dialog.result.text()
    book = load_profiles()
    assert book.active == "central" and "central" in book.profiles
    assert SECRET not in profiles_path().read_text()
    assert memory_keyring.store == {("deskapp", "profile:central"): SECRET}
    assert dialog.stored.persistent and dialog.password.text() == ""


def test_without_a_keyring_the_dialog_says_so_and_keeps_it_for_the_session(
    qtbot, app_dirs, no_keyring
):
    runner = TaskRunner()
    dlg = ConnectionDialog(runner)
    qtbot.addWidget(dlg)
    assert "No keyring on this system — the password is kept for this session only" in (
        dlg.keyring_note.text()
    )
    fill_shared(dlg, "central", "db.example", 5432, "desk", "ali", SECRET)
    dlg.save_button.click()
    assert not dlg.stored.persistent
    assert credentials.default_store().get("central") == SECRET
    assert SECRET not in profiles_path().read_text()


def test_opening_an_existing_profile_fills_the_form(qtbot, app_dirs, memory_keyring):
    book = ProfileBook()
    book.add(Profile("branch", "sqlite", path="/tmp/branch.sqlite3"))
    book.add(Profile("central", "postgresql", host="db", database="desk", user="ali"))
    book.use("central")
    save_profiles(book)
    credentials.default_store().set("central", SECRET)
    runner = TaskRunner()
    dlg = ConnectionDialog(runner)
    qtbot.addWidget(dlg)
    assert dlg.profiles.currentData() == "central"
    assert dlg.shared_radio.isChecked() and dlg.host.text() == "db"
    assert dlg.password.text() == "" and "stored in the keyring" in dlg.password.placeholderText()
    dlg.profiles.setCurrentIndex(dlg.profiles.findData("branch"))
    assert dlg.local_radio.isChecked() and dlg.path.text() == "/tmp/branch.sqlite3"
    assert dlg.pages.currentIndex() == 0
