"""Start-up asks once per run for a shared profile's password that is not stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from deskapp import credentials
from deskapp.config import Profile, ProfileBook, load_settings, save_profiles
from deskapp.ui.connection_flow import ensure_password, needs_password_prompt
from deskapp.ui.dialogs.connection_dialog import ConnectionDialog
from deskapp.ui.tasks import TaskRunner

SECRET = "Zq9!flow-secret"

# A modal dialog shown on the offscreen platform.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _active_shared_profile() -> None:
    book = ProfileBook()
    book.add(Profile("central", "postgresql", host="db", database="desk", user="ali"))
    book.use("central")
    save_profiles(book)


def _when_dialog_opens(action) -> None:
    def poll() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ConnectionDialog) and w.isVisible():
                action(w)
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_local_and_stored_passwords_need_no_prompt(qtbot, app_dirs, memory_keyring):
    assert not needs_password_prompt(load_settings())  # the local default
    _active_shared_profile()
    assert needs_password_prompt(load_settings())
    credentials.default_store().set("central", SECRET)
    assert not needs_password_prompt(load_settings())
    runner = TaskRunner()
    settings = load_settings()
    assert ensure_password(settings, runner) is settings  # no dialog at all


def test_without_a_keyring_the_password_is_asked_once_per_run(qtbot, app_dirs, no_keyring):
    _active_shared_profile()
    runner = TaskRunner()
    seen: list[str] = []

    def type_and_save(dialog: ConnectionDialog) -> None:
        seen.append(dialog.hint.text())
        assert dialog.profiles.currentData() == "central"
        dialog.password.setText(SECRET)
        dialog.save_button.click()

    _when_dialog_opens(type_and_save)
    settings = ensure_password(load_settings(), runner)
    assert settings is not None and settings.connect_url().password == SECRET
    assert "No keyring on this system — the password is kept for this session only" in seen[0]
    # Asked once: the rest of this run has it.
    assert not needs_password_prompt(load_settings())


def test_cancelling_the_prompt_cancels_the_start(qtbot, app_dirs, no_keyring):
    _active_shared_profile()
    _when_dialog_opens(lambda dialog: dialog.reject())
    assert ensure_password(load_settings(), TaskRunner()) is None
