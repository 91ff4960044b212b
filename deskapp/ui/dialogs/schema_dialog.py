"""What to do when the database's schema is not this app's: create it (with the first
administrator), upgrade it (administrators only), or refuse (newer schema, foreign
tables) with a way to choose another database."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.connection_check import NextStep
from deskapp.services.facade import Services
from deskapp.services.schema_gate import SchemaAttention, create_schema, upgrade_as_admin
from deskapp.ui.banner import describe_failure
from deskapp.ui.tasks import TaskRunner


class SchemaDialog(QDialog):
    schema_ready = Signal()  # created or upgraded: start again
    connection_requested = Signal()  # the person wants another database

    def __init__(
        self, services: Services, runner: TaskRunner, attention: SchemaAttention,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("schemaDialog")
        self.setWindowTitle(self.tr("The database needs attention"))
        self._services = services
        self._runner = runner
        self.step = attention.step
        self.message = QLabel(self._text(attention), self)
        self.message.setObjectName("schemaMessage")
        self.message.setWordWrap(True)
        self.database = QLabel(self.tr("Database: %1").replace("%1", services.database_label))
        self.database.setObjectName("schemaDatabase")
        self.error = QLabel(self)
        self.error.setObjectName("schemaError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()

        self.username = QLineEdit(self)
        self.username.setObjectName("schemaAdminUser")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("schemaAdminName")
        self.password = QLineEdit(self)
        self.password.setObjectName("schemaAdminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("schemaAdminRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        self.buttons = QDialogButtonBox(self)
        self.action_button: QPushButton | None = None
        if self.step is NextStep.CREATE_SCHEMA:
            form.addRow(self.tr("Administrator &username:"), self.username)
            form.addRow(self.tr("Administrator &name:"), self.display_name)
            form.addRow(self.tr("&Password:"), self.password)
            form.addRow(self.tr("&Repeat password:"), self.repeat)
            self.action_button = self.buttons.addButton(
                self.tr("&Create the database"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.action_button.setObjectName("schemaCreate")
        elif self.step in (NextStep.ASK_ADMIN, NextStep.UPGRADE_SCHEMA):
            form.addRow(self.tr("Administrator &username:"), self.username)
            form.addRow(self.tr("&Password:"), self.password)
            self.action_button = self.buttons.addButton(
                self.tr("&Upgrade the database"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.action_button.setObjectName("schemaUpgrade")
        self.choose_button = self.buttons.addButton(
            self.tr("Choose another database…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.choose_button.setObjectName("schemaChooseConnection")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.database)
        if form.rowCount():
            layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if self.action_button is not None:
            self.action_button.clicked.connect(self._on_action_clicked)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.buttons.rejected.connect(self.reject)

    def _text(self, attention: SchemaAttention) -> str:
        s = attention.status
        if self.step is NextStep.CREATE_SCHEMA:
            return self.tr(
                "The database is empty. deskapp can create its tables in it, with a first "
                "administrator account who then adds the staff."
            )
        if self.step in (NextStep.ASK_ADMIN, NextStep.UPGRADE_SCHEMA):
            return self.tr(
                "The database schema (%1) is older than this deskapp (%2). Only an "
                "administrator may upgrade it: sign in below, or ask an administrator. Back "
                "up the database first; afterwards every workstation needs this version."
            ).replace("%1", s.database_revision or "?").replace("%2", s.app_revision)
        if self.step is NextStep.UPGRADE_APP:
            return self.tr(
                "The database was upgraded by a newer deskapp (schema %1); this deskapp "
                "knows only up to %2. Upgrade deskapp on this computer."
            ).replace("%1", s.database_revision or "?").replace("%2", s.app_revision)
        return self.tr(
            "That database holds tables that are not deskapp's. Choose another database."
        )

    @Slot()
    def _on_action_clicked(self) -> None:
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            self._show_error(self.tr("Enter the administrator's username and password."))
            return
        services = self._services
        if self.step is NextStep.CREATE_SCHEMA:
            if password != self.repeat.text():
                self._show_error(self.tr("The two passwords differ."))
                return
            name = self.display_name.text().strip()

            def work() -> object:
                return create_schema(services, username, name, password)
        else:

            def work() -> object:
                return upgrade_as_admin(services.engine, username, password)

        self._set_busy(True)
        self._runner.submit(work, on_done=self._on_work_done, on_error=self._on_work_failed,
                            key="schema")

    def _on_work_done(self, _result: object) -> None:
        self._set_busy(False)
        self.password.clear()
        self.repeat.clear()
        self.schema_ready.emit()
        self.accept()

    def _on_work_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_error(describe_failure(exc))  # a DeskError: its code, worded (error_text)

    @Slot()
    def _on_choose_clicked(self) -> None:
        self.connection_requested.emit()
        self.reject()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        if self.action_button is not None:
            self.action_button.setEnabled(not busy)
        self.choose_button.setEnabled(not busy)
        if busy:
            self.error.hide()
