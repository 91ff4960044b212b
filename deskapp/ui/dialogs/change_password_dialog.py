"""Choose a new password after an administrator reset it: asked by the login before
the workstation opens (services.staff_admin.change_reset_password). The new password
is typed twice; the service checks the length and that it differs from the temporary
one. Nothing is written until both match."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.facade import Services
from deskapp.ui.admin.messages import describe
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.tasks import TaskRunner


class ChangePasswordDialog(QDialog):
    password_changed = Signal(str)  # the new password (for the login to continue with)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        username: str,
        temporary_password: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Choose a new password"))
        self._services = services
        self._runner = runner
        self._username = username
        self._temporary = temporary_password
        intro = QLabel(self.tr(
            "An administrator reset the password of %1. Choose your own password "
            "(at least 8 characters) before you start."
        ).replace("%1", username), self)
        intro.setWordWrap(True)
        self.new_password = QLineEdit(self)
        self.new_password.setObjectName("newPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_password = QLineEdit(self)
        self.repeat_password.setObjectName("repeatPassword")
        self.repeat_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_label(self, "changePasswordError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Change password"))
        form = QFormLayout()
        form.addRow(self.tr("&New password:"), self.new_password)
        form.addRow(self.tr("&Repeat it:"), self.repeat_password)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        new = self.new_password.text()
        if new != self.repeat_password.text():
            self._show_error(self.tr("The two passwords differ."))
            return
        self.buttons.setEnabled(False)
        services, username, old = self._services, self._username, self._temporary
        self._runner.submit(
            lambda: services.staff_admin.change_reset_password(username, old, new),
            on_done=lambda _r: self._on_changed(new), on_error=self._on_failed,
            key="change-password", owner=self,
        )

    def _on_changed(self, new: str) -> None:
        self.password_changed.emit(new)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._show_error(describe(exc))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
