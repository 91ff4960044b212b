"""The open ticket's History (the audit trail): who changed what, when, from which
workstation. Folded under the ticket by default; unfolding loads it, and it reloads
whenever the ticket is loaded again while unfolded."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.audit_log import AuditRow, describe_details
from deskapp.services.dto import TicketDetail
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.admin.messages import describe
from deskapp.ui.formatting import formatter
from deskapp.ui.tasks import TaskRunner

ACTIONS = {
    "ticket.created": QT_TRANSLATE_NOOP("AuditActions", "Ticket logged"),
    "ticket.updated": QT_TRANSLATE_NOOP("AuditActions", "Ticket edited"),
    "ticket.status_changed": QT_TRANSLATE_NOOP("AuditActions", "Status changed"),
    "ticket.assigned": QT_TRANSLATE_NOOP("AuditActions", "Assigned"),
    "ticket.auto_assigned": QT_TRANSLATE_NOOP("AuditActions", "Auto-assigned"),
    "ticket.escalated": QT_TRANSLATE_NOOP("AuditActions", "Escalated"),
    "ticket.deescalated": QT_TRANSLATE_NOOP("AuditActions", "Returned to tier 1"),
    "ticket.csat": QT_TRANSLATE_NOOP("AuditActions", "Satisfaction recorded"),
    "ticket.merged": QT_TRANSLATE_NOOP("AuditActions", "Duplicate merged in"),
    "ticket.merged_into": QT_TRANSLATE_NOOP("AuditActions", "Merged into another ticket"),
    "escalation.acknowledged": QT_TRANSLATE_NOOP("AuditActions", "Escalation acknowledged"),
    "approval.requested": QT_TRANSLATE_NOOP("AuditActions", "Approval requested"),
    "decision.recorded": QT_TRANSLATE_NOOP("AuditActions", "Decision recorded"),
    "call.logged": QT_TRANSLATE_NOOP("AuditActions", "Call logged"),
    "customer.created": QT_TRANSLATE_NOOP("AuditActions", "Customer created"),
    "customer.updated": QT_TRANSLATE_NOOP("AuditActions", "Customer edited"),
    "customer.merged": QT_TRANSLATE_NOOP("AuditActions", "Duplicate customer merged in"),
    "customer.merged_into": QT_TRANSLATE_NOOP("AuditActions", "Customer merged into another"),
    "user.created": QT_TRANSLATE_NOOP("AuditActions", "User created"),
    "user.updated": QT_TRANSLATE_NOOP("AuditActions", "User edited"),
    "user.disabled": QT_TRANSLATE_NOOP("AuditActions", "User disabled"),
    "user.enabled": QT_TRANSLATE_NOOP("AuditActions", "User enabled"),
    "user.password_reset": QT_TRANSLATE_NOOP("AuditActions", "Password reset"),
    "user.password_changed": QT_TRANSLATE_NOOP("AuditActions", "Password changed"),
    "user.presence": QT_TRANSLATE_NOOP("AuditActions", "Presence changed"),
    "user.unlocked": QT_TRANSLATE_NOOP("AuditActions", "Login unlocked"),
    "login.succeeded": QT_TRANSLATE_NOOP("AuditActions", "Logged in"),
    "login.failed": QT_TRANSLATE_NOOP("AuditActions", "Login failed"),
    "login.refused": QT_TRANSLATE_NOOP("AuditActions", "Login refused"),
    "team.created": QT_TRANSLATE_NOOP("AuditActions", "Team created"),
    "team.updated": QT_TRANSLATE_NOOP("AuditActions", "Team edited"),
    "team.removed": QT_TRANSLATE_NOOP("AuditActions", "Team removed"),
    "team.member_added": QT_TRANSLATE_NOOP("AuditActions", "Member added"),
    "team.member_removed": QT_TRANSLATE_NOOP("AuditActions", "Member removed"),
    "team.auto_assign": QT_TRANSLATE_NOOP("AuditActions", "Auto-assignment switched"),
    "canned.created": QT_TRANSLATE_NOOP("AuditActions", "Answer created"),
    "canned.updated": QT_TRANSLATE_NOOP("AuditActions", "Answer edited"),
    "canned.retired": QT_TRANSLATE_NOOP("AuditActions", "Answer retired"),
    "desk.setup": QT_TRANSLATE_NOOP("AuditActions", "Desk set up"),
}


def action_text(action: str) -> str:
    """The action in words (the code itself for an action without words here)."""
    text = ACTIONS.get(action)
    return QCoreApplication.translate("AuditActions", str(text)) if text else action


def fill_audit_table(table: QTableWidget, rows: list[AuditRow], *, with_entity: bool) -> None:
    fmt = formatter()
    table.setRowCount(0)
    for r in rows:
        row = table.rowCount()
        table.insertRow(row)
        values = [fmt.datetime(r.at), r.actor_name, action_text(r.action)]
        if with_entity:
            values.append(r.entity)
        values += [describe_details(r.details), r.host]
        for col, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(r.action if col == 2 else text)
            item.setData(Qt.ItemDataRole.UserRole, r.action)
            table.setItem(row, col, item)


def audit_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 2, QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(False)
    return table


class TicketHistoryPanel(QWidget):
    loaded = Signal()

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketAuditHistory")
        self._services = services
        self._actor = actor
        self._runner = runner
        self._ticket_id: uuid.UUID | None = None
        self.rows: list[AuditRow] = []
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("ticketHistoryToggle")
        self.toggle.setText(self.tr("History"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.table = audit_table(self, "ticketHistoryTable", [
            self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details"),
            self.tr("Workstation")])
        self.table.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.table)
        self.toggle.toggled.connect(self._on_toggle_toggled)

    def show_ticket(self, detail: TicketDetail | None) -> None:
        self._ticket_id = detail.ticket.id if detail is not None else None
        self.setVisible(detail is not None)
        if self.toggle.isChecked():
            self.reload()

    @Slot(bool)
    def _on_toggle_toggled(self, unfolded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)
        self.table.setVisible(unfolded)
        if unfolded:
            self.reload()

    def reload(self) -> None:
        ticket_id = self._ticket_id
        if ticket_id is None:
            return
        services, actor = self._services, self._actor
        self._runner.submit(lambda: services.audit_log.ticket_history(actor, ticket_id),
                            on_done=self._on_loaded, on_error=self._on_failed,
                            key=f"ticket-audit-{id(self)}", owner=self)

    def _on_loaded(self, rows: list[AuditRow]) -> None:
        self.rows = rows
        fill_audit_table(self.table, rows, with_entity=False)
        self.loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.table.setRowCount(0)
        self.toggle.setToolTip(describe(exc))
