"""Start-up on a database that is not ready: the schema dialog instead of an error; once
the schema is created the start-up goes on to the login and the window (with live
updates and, for an administrator, File → Connection…)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from deskapp.app import start_workstation
from deskapp.config import Settings
from deskapp.ui.dialogs.schema_dialog import SchemaDialog


@pytest.fixture
def qsettings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "deskapp.ini"), QSettings.Format.IniFormat)


def _schema_dialog() -> SchemaDialog | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, SchemaDialog) and w.isVisible():
            return w
    return None


def test_an_empty_database_is_created_then_the_admin_logs_in(qtbot, tmp_path, qsettings,
                                                              app_dirs):
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    flow = start_workstation(Settings(url), qsettings=qsettings)  # not the local default
    try:
        qtbot.waitUntil(lambda: _schema_dialog() is not None, timeout=30_000)
        dialog = _schema_dialog()
        assert "The database is empty" in dialog.message.text()
        dialog.username.setText("root")
        dialog.display_name.setText("Head admin")
        dialog.password.setText("long enough pw")
        dialog.repeat.setText("long enough pw")
        dialog.action_button.click()
        qtbot.waitUntil(lambda: flow.login_dialog is not None, timeout=30_000)
        login = flow.login_dialog
        assert login.findChild(type(dialog.action_button), "loginConnection") is not None
        login.username.setText("root")
        login.password.setText("long enough pw")
        with qtbot.waitSignal(flow.window_shown, timeout=10_000):
            login.buttons.accepted.emit()
        window = flow.window
        qtbot.addWidget(window)
        assert window.findChild(QAction, "connectionAction") is not None
        assert window.live_updates.feed.kind == "sqlite"
    finally:
        flow.runner.wait()
        if flow.window is not None:
            flow.window.close()
        flow.services.dispose()


def test_closing_the_schema_dialog_cancels_the_start(qtbot, tmp_path, qsettings):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    flow = start_workstation(Settings(url), qsettings=qsettings)
    try:
        qtbot.waitUntil(lambda: _schema_dialog() is not None, timeout=30_000)
        with qtbot.waitSignal(flow.cancelled, timeout=5_000):
            _schema_dialog().reject()
        assert flow.login_dialog is None
    finally:
        flow.runner.wait()
        flow.services.dispose()
