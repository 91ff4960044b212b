"""Return an escalated ticket to tier 1 (the team and agent it came from), with a note."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.dto import TicketSummary
from deskapp.services.escalations import EscalationOutcome
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.banner import describe_failure
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.tasks import TaskRunner


class DeescalateDialog(QDialog):
    ticket_deescalated = Signal(object)  # EscalationOutcome

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 ticket: TicketSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deescalateDialog")
        self.setWindowTitle(self.tr("Return %1 to tier 1").replace("%1", ticket.reference))
        self._services = services
        self._actor = actor
        self._runner = runner
        self.ticket = ticket
        self._busy = False
        intro = QLabel(self.tr("The ticket goes back to the team (and the agent) it was "
                               "escalated from. Say what was done and what is left."), self)
        intro.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("noteEdit")
        self.error = error_label(self, "errorLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setText(self.tr("Return to tier 1"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(self._on_note_text_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._on_note_text_changed()

    @Slot()
    def _on_note_text_changed(self) -> None:
        self.ok_button.setEnabled(not self._busy and bool(self.note.toPlainText().strip()))

    @Slot()
    def _on_buttons_accepted(self) -> None:
        svc, actor, t, note = (self._services.escalations, self._actor, self.ticket,
                               self.note.toPlainText())
        self._busy = True
        self.error.hide()
        self._on_note_text_changed()
        self._runner.submit(lambda: svc.deescalate(actor, t.id, t.version, note=note),
                            self._on_done, self._on_failed, key=f"deescalate-{id(self)}")

    def _on_done(self, outcome: EscalationOutcome) -> None:
        self._busy = False
        self.ticket_deescalated.emit(outcome)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.error.setText(describe_failure(exc))
        self.error.show()
        self._on_note_text_changed()
