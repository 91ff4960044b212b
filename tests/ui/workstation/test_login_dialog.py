"""Logging in: a wrong password is said in the dialog; the right one logs in and is
remembered for next time."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from deskapp.ui.dialogs.login_dialog import LAST_USER_KEY, LoginDialog
from deskapp.ui.tasks import TaskRunner
from tests.helpers.staff import PASSWORD


def test_wrong_then_right_password(qtbot, desk, qsettings):
    runner = TaskRunner()
    dialog = LoginDialog(desk.services, runner, qsettings)
    qtbot.addWidget(dialog)
    assert desk.services.database_label in dialog.database_label.text()
    dialog.username.setText("sara")
    dialog.password.setText("wrong horse")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden())
    assert "Wrong username or password" in dialog.error_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.password.isEnabled()

    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as signal:
        dialog.buttons.accepted.emit()
    assert signal.args[0].username == "sara"
    assert dialog.result() == QDialog.DialogCode.Accepted

    # A new settings object on the same file (as a new process would read it).
    reread = QSettings(qsettings.fileName(), QSettings.Format.IniFormat)
    assert reread.value(LAST_USER_KEY, "", type=str) == "sara"
    again = LoginDialog(desk.services, runner, reread)
    qtbot.addWidget(again)
    assert again.username.text() == "sara"
    runner.wait()
