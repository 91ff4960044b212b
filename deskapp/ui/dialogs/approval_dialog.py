"""A supervisor approves or rejects a goodwill credit / warranty decision that was above
the requester's authority. Rejecting needs a note; the outcome goes on the ticket's
timeline and the requester is notified (by the service)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.approvals import ApprovalInfo, DecisionKind
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.banner import describe_failure
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.tasks import TaskRunner

_KINDS = {
    DecisionKind.GOODWILL_CREDIT: QT_TRANSLATE_NOOP("ApprovalDialog", "Goodwill credit"),
    DecisionKind.WARRANTY: QT_TRANSLATE_NOOP("ApprovalDialog", "Warranty decision"),
}


def kind_text(kind: DecisionKind) -> str:
    return QCoreApplication.translate("ApprovalDialog", _KINDS[kind])


class ApprovalDialog(QDialog):
    approval_decided = Signal(object)  # ApprovalInfo

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 approval: ApprovalInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(self.tr("Approve or reject — %1").replace(
            "%1", approval.ticket_reference))
        self._services = services
        self._actor = actor
        self._runner = runner
        self.approval = approval
        self.decided: ApprovalInfo | None = None
        self._busy = False
        form = QFormLayout()
        form.addRow(self.tr("Ticket:"), QLabel(
            f"{approval.ticket_reference} — {approval.ticket_subject}", self))
        form.addRow(self.tr("Decision:"), QLabel(kind_text(approval.kind), self))
        amount = QLabel(str(approval.amount), self)
        amount.setObjectName("amountLabel")
        form.addRow(self.tr("Amount:"), amount)
        form.addRow(self.tr("Requested by:"), QLabel(approval.requested_by_name, self))
        why = QLabel(approval.note, self)
        why.setWordWrap(True)
        form.addRow(self.tr("Their note:"), why)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("decisionNote")
        self.note.setPlaceholderText(self.tr("Required when rejecting"))
        form.addRow(self.tr("Your note:"), self.note)
        self.error = error_label(self, "errorLabel")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.setObjectName("approveButton")
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.reject_button.setObjectName("rejectButton")
        self.buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(self._on_note_text_changed)
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.approve_button.setEnabled(not self._busy)
        self.reject_button.setEnabled(not self._busy and bool(self.note.toPlainText().strip()))

    @Slot()
    def _on_note_text_changed(self) -> None:
        self._update_buttons()

    @Slot()
    def _on_approve_button_clicked(self) -> None:
        self._decide(True)

    @Slot()
    def _on_reject_button_clicked(self) -> None:
        self._decide(False)

    def _decide(self, approve: bool) -> None:
        svc, actor, a = self._services.approvals, self._actor, self.approval
        note = self.note.toPlainText()
        self._busy = True
        self.error.hide()
        self._update_buttons()
        self._runner.submit(
            lambda: svc.decide(actor, a.id, a.version, approve=approve, note=note),
            self._on_decided, self._on_failed, key=f"approval-{id(self)}")

    def _on_decided(self, info: ApprovalInfo) -> None:
        self._busy = False
        self.decided = info
        self.approval_decided.emit(info)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.error.setText(describe_failure(exc))
        self.error.show()
        self._update_buttons()
