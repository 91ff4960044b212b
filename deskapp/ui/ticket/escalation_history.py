"""The escalation history of a ticket, for the ticket view to embed: who handed it to
whom, why, when, and whether the receiver acknowledged it. The receiver (or their
supervisor) acknowledges here; whoever holds an escalated ticket can return it to
tier 1. ``show_ticket(summary)`` loads it; ``ticket_changed`` asks the owner to reload."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.models.enums import EscalationKind
from deskapp.services.dto import TicketSummary
from deskapp.services.escalations import EscalationInfo
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.banner import describe_failure
from deskapp.ui.dialogs.deescalate_dialog import DeescalateDialog
from deskapp.ui.formatting import formatter
from deskapp.ui.tasks import TaskRunner
from deskapp.ui.ticket.note_wording import sla_breach_words


class EscalationHistoryWidget(QWidget):
    ticket_changed = Signal(object)  # uuid.UUID of the ticket
    loaded = Signal()

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalationHistory")
        self._services = services
        self._actor = actor
        self._runner = runner
        self.ticket: TicketSummary | None = None
        self.entries: list[EscalationInfo] = []
        self.dialog: DeescalateDialog | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("escalationList")
        self.list.setWordWrap(True)
        self.ack_button = QPushButton(self.tr("Acknowledge"), self)
        self.ack_button.setObjectName("acknowledgeButton")
        self.deescalate_button = QPushButton(self.tr("Return to tier 1…"), self)
        self.deescalate_button.setObjectName("deescalateButton")
        self.status = QLabel(self)
        self.status.setObjectName("escalationStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.ack_button)
        buttons.addWidget(self.deescalate_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Escalations</b>"), self))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.ack_button.clicked.connect(self._on_ack_button_clicked)
        self.deescalate_button.clicked.connect(self._on_deescalate_button_clicked)
        self._update_buttons()

    def _submit(self, fn: Any, on_done: Any, key: str) -> None:
        self._runner.submit(fn, on_done, self._on_failed, key=f"{key}-{id(self)}", owner=self)

    def show_ticket(self, ticket: TicketSummary | None) -> None:
        self.ticket = ticket
        self.entries = []
        self.list.clear()
        self._update_buttons()
        if ticket is None:
            return
        svc, actor, tid = self._services.escalations, self._actor, ticket.id
        self._submit(lambda: svc.history(actor, tid), self._on_loaded, "escalation-history")

    def _on_loaded(self, entries: list[EscalationInfo]) -> None:
        self.entries = entries
        self.list.clear()
        self.status.clear()
        for e in entries:
            item = QListWidgetItem(self.describe(e), self.list)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            if e.may_acknowledge:
                item.setForeground(QColor("#c62828"))
        if not entries:
            QListWidgetItem(self.tr("Never escalated."), self.list).setFlags(
                Qt.ItemFlag.NoItemFlags)
        self._update_buttons()
        self.loaded.emit()

    def describe(self, e: EscalationInfo) -> str:
        when = formatter().datetime(e.created_at)
        if e.is_deescalation:
            what = self.tr("Returned to tier 1")
        elif e.kind is EscalationKind.FUNCTIONAL:
            what = self.tr("Functional escalation")
        else:
            what = self.tr("Hierarchical escalation")
        by = e.created_by_name or self.tr("automatic (SLA)")
        target = e.to_user_name or e.to_team_name or "—"
        reason, note = e.reason, e.note
        if e.code == "escalation.sla_breach":  # automatic: worded in the reader's language
            reason, note = sla_breach_words(e.params)
        text = (self.tr("%1 · %2 by %3 to %4 — %5").replace("%1", when).replace("%2", what)
                .replace("%3", by).replace("%4", target).replace("%5", reason))
        if note:
            text += "\n" + note
        if e.acknowledged_at is not None:
            text += "\n" + self.tr("Acknowledged by %1").replace(
                "%1", e.acknowledged_by_name or "?")
        elif not e.is_deescalation:
            text += "\n" + self.tr("Not acknowledged yet")
        return text

    def _pending_for_me(self) -> EscalationInfo | None:
        return next((e for e in reversed(self.entries) if e.may_acknowledge), None)

    def _update_buttons(self) -> None:
        self.ack_button.setVisible(self._pending_for_me() is not None)
        escalated = self.ticket is not None and (
            self.ticket.escalation_level > 0
            or bool(self.entries and not self.entries[-1].is_deescalation))
        self.deescalate_button.setEnabled(escalated)

    @Slot()
    def _on_ack_button_clicked(self) -> None:
        pending = self._pending_for_me()
        if pending is None or self.ticket is None:
            return
        svc, actor, eid = self._services.escalations, self._actor, pending.id
        self.ack_button.setEnabled(False)
        self._submit(lambda: svc.acknowledge(actor, eid), self._on_acknowledged,
                     "escalation-ack")

    def _on_acknowledged(self, _info: EscalationInfo) -> None:
        self.ack_button.setEnabled(True)
        if self.ticket is not None:
            self.ticket_changed.emit(self.ticket.id)
            self.show_ticket(self.ticket)

    @Slot()
    def _on_deescalate_button_clicked(self) -> None:
        if self.ticket is None:
            return
        dialog = DeescalateDialog(self._services, self._actor, self._runner, self.ticket, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.ticket_deescalated.connect(self._on_dialog_ticket_deescalated)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_ticket_deescalated(self, outcome: Any) -> None:
        self.ticket_changed.emit(outcome.ticket.id)
        self.show_ticket(outcome.ticket)

    def _on_failed(self, exc: BaseException) -> None:
        self.ack_button.setEnabled(True)
        self.status.setText(describe_failure(exc))
