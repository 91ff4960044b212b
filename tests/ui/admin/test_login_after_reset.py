"""After an administrator reset the password, the login asks for a new one before the
workstation opens; the two copies must match; the old temporary one is then dead."""

from __future__ import annotations

import pytest

from deskapp.services.errors import AuthenticationFailed
from deskapp.ui.dialogs.change_password_dialog import ChangePasswordDialog
from deskapp.ui.dialogs.login_dialog import LoginDialog


def test_login_after_reset_asks_for_a_new_password(qtbot, desk, qsettings, runner):
    desk.services.staff_admin.reset_password(desk.admin, "sara", "temporary-1")
    dialog = LoginDialog(desk.services, runner, qsettings)
    qtbot.addWidget(dialog)
    dialog.username.setText("sara")
    dialog.password.setText("temporary-1")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: getattr(dialog, "change_password_dialog", None) is not None
                    and dialog.change_password_dialog.isVisible(), timeout=10_000)
    change: ChangePasswordDialog = dialog.change_password_dialog
    assert dialog.actor is None  # not logged in yet
    change.new_password.setText("my own secret")
    change.repeat_password.setText("my own secrex")
    change.buttons.accepted.emit()
    assert "differ" in change.error_label.text()
    change.repeat_password.setText("my own secret")
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as signal:
        change.buttons.accepted.emit()
    assert signal.args[0].username == "sara"
    with pytest.raises(AuthenticationFailed):
        desk.services.staff.authenticate("sara", "temporary-1")
