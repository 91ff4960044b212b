"""Record a goodwill credit or a warranty decision on a ticket. Within the agent's
delegated authority it is recorded at once; above it, it becomes a request a supervisor
approves — the dialog says which happened."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRegularExpression, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.approvals import DecisionKind, DecisionResult
from deskapp.services.dto import TicketSummary
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.banner import describe_failure
from deskapp.ui.dialogs.approval_dialog import kind_text
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.tasks import TaskRunner


class DecisionDialog(QDialog):
    decision_recorded = Signal(object)  # DecisionResult

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 ticket: TicketSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("Goodwill credit or warranty — %1").replace(
            "%1", ticket.reference))
        self._services = services
        self._actor = actor
        self._runner = runner
        self.ticket = ticket
        self.outcome: DecisionResult | None = None
        self._busy = False
        self.kind = QComboBox(self)
        self.kind.setObjectName("kindCombo")
        for k in DecisionKind:
            self.kind.addItem(kind_text(k), k.value)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("amountEdit")
        self.amount.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"^\d{0,10}([.]\d{0,2})?$"), self.amount))
        self.limit = QLabel(self)
        self.limit.setObjectName("limitLabel")
        self.limit.setStyleSheet("color: #616161;")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("noteEdit")
        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.error = error_label(self, "errorLabel")
        form = QFormLayout()
        form.addRow(self.tr("Decision:"), self.kind)
        form.addRow(self.tr("Amount:"), self.amount)
        form.addRow("", self.limit)
        form.addRow(self.tr("Note:"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setText(self.tr("Record"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.amount.textChanged.connect(self._on_input_changed)
        self.note.textChanged.connect(self._on_input_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._update_ok()
        svc = services.approvals
        self._runner.submit(lambda: svc.my_limit(actor), self._on_limit_loaded,
                            self._on_failed, key=f"limit-{id(self)}")

    def _on_limit_loaded(self, limit: Decimal | None) -> None:
        self.limit.setText(self.tr("You may grant up to %1 yourself; above that a supervisor "
                                   "approves.").replace("%1", str(limit)) if limit is not None
                           else self.tr("No limit applies to you."))

    def _update_ok(self) -> None:
        if self.outcome is None:
            self.ok_button.setEnabled(not self._busy and bool(self.amount.text().strip())
                                      and bool(self.note.toPlainText().strip()))

    @Slot()
    def _on_input_changed(self, *_args: object) -> None:
        self._update_ok()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        if self.outcome is not None:
            self.accept()
            return
        svc, actor, t = self._services.approvals, self._actor, self.ticket
        kind, amount, note = self.kind.currentData(), self.amount.text(), self.note.toPlainText()
        self._busy = True
        self.error.hide()
        self._update_ok()
        self._runner.submit(lambda: svc.record_decision(actor, t.id, kind, amount, note),
                            self._on_recorded, self._on_failed, key=f"decision-{id(self)}")

    def _on_recorded(self, result: DecisionResult) -> None:
        self._busy = False
        self.outcome = result
        self.result_label.setText(
            self.tr("Recorded on the ticket.") if result.recorded
            else self.tr("Above your authority: sent to a supervisor for approval."))
        self.decision_recorded.emit(result)
        for w in (self.kind, self.amount, self.note):
            w.setEnabled(False)
        self.ok_button.setText(self.tr("Close"))
        self.ok_button.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.error.setText(describe_failure(exc))
        self.error.show()
        self._update_ok()
