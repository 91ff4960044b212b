"""Log in: username and password, checked in the background; a wrong password is said
in the dialog and the user tries again. Remembers the last user."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.errors import AuthenticationFailed, DeskError, PasswordChangeRequired
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.banner import describe_failure
from deskapp.ui.error_text import describe
from deskapp.ui.tasks import TaskRunner

LAST_USER_KEY = "login/last_user"


class LoginDialog(QDialog):
    logged_in = Signal(object)  # the Actor

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in to deskapp"))
        self._services = services
        self._runner = runner
        self._settings = settings if settings is not None else QSettings()
        self.actor: Actor | None = None

        self.database_label = QLabel(
            self.tr("Database: %1").replace("%1", services.database_label), self
        )
        self.database_label.setObjectName("loginDatabase")
        self.database_label.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setObjectName("loginUsername")
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("loginHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint_label.hide()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("loginError")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))

        form = QFormLayout()
        form.addRow(self.tr("&Username:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.database_label)
        layout.addWidget(self.hint_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.setMinimumWidth(440)
        last = self._settings.value(LAST_USER_KEY, "", type=str)
        self.username.setText(last)
        (self.password if last else self.username).setFocus()
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def set_hint(self, text: str) -> None:
        self.hint_label.setText(text)
        self.hint_label.setVisible(bool(text))
        self.adjustSize()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self._show_error(self.tr("Enter your username."))
            return
        self._set_busy(True)
        self._runner.submit(
            lambda: self._services.staff.authenticate(username, password),
            on_done=self._on_authenticated,
            on_error=self._on_failed,
            key="login",
        )

    def _on_authenticated(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        self._settings.setValue(LAST_USER_KEY, actor.username)
        self._settings.sync()
        self.logged_in.emit(actor)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, PasswordChangeRequired):  # reset by an administrator
            self._ask_new_password()
            return
        if isinstance(exc, AuthenticationFailed) and exc.code == "auth.failed":
            self._show_error(self.tr("Wrong username or password; try again."))
        elif isinstance(exc, DeskError):  # disabled, locked, throttled...: by its code
            self._show_error(describe(exc))
        else:
            self._show_error(describe_failure(exc))
        self.password.selectAll()
        self.password.setFocus()

    def _ask_new_password(self) -> None:
        from deskapp.ui.dialogs.change_password_dialog import ChangePasswordDialog

        username = self.username.text().strip()
        self.change_password_dialog = ChangePasswordDialog(
            self._services, self._runner, username, self.password.text(), self
        )
        self.change_password_dialog.password_changed.connect(self._on_password_changed)
        self.change_password_dialog.open()

    @Slot(str)
    def _on_password_changed(self, new_password: str) -> None:
        self.password.setText(new_password)
        self._on_buttons_accepted()  # log in with the new password

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)
        if busy:
            self.error_label.hide()
