"""Escalations, delegated authority and the supervisor view, plugged into the main
window through its hooks (``install(window)``, called by the composition root
``deskapp.ui.workstation.compose_window``):

- Ctrl+E (``escalateAction``) opens the escalate dialog for the open ticket;
- Ticket → "Goodwill credit or warranty…" (``decisionAction``) opens the decision dialog;
- the escalation history of the open ticket sits under the ticket view (acknowledge,
  return to tier 1), shown once the ticket has been escalated;
- supervisors and up get a "Supervisor" tab (``supervisorView``, with the approval
  inbox): clicking an agent filters the queue by that agent and switches back to the
  workstation; double-clicking a ticket opens it; moves refresh the queue.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction

from deskapp.services.dto import TicketDetail
from deskapp.ui.dialogs.decision_dialog import DecisionDialog
from deskapp.ui.dialogs.escalate_dialog import EscalateDialog
from deskapp.ui.supervisor.view import SupervisorView, may_open
from deskapp.ui.ticket.escalation_history import EscalationHistoryWidget

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


class EscalationWiring(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("escalationWiring")
        self.window = window
        services, actor, runner = window.services, window.actor, window.runner
        self.dialog: EscalateDialog | DecisionDialog | None = None

        # Ctrl+E
        window.set_escalation_handler(self.escalate)

        # Goodwill credit / warranty decision on the open ticket.
        self.decision_action = QAction(self.tr("Goodwill credit or warranty…"), window)
        self.decision_action.setObjectName("decisionAction")
        self.decision_action.setEnabled(False)
        self.decision_action.triggered.connect(self._on_decision_action_triggered)
        window.menus["ticket"].addAction(self.decision_action)

        # The escalation history, under the ticket view.
        self.history = EscalationHistoryWidget(services, actor, runner)
        self.history.hide()
        window.add_ticket_panel(self.history)
        window.ticket_view.ticket_opened.connect(self._on_ticket_view_ticket_opened)
        window.ticket_view.ticket_loaded.connect(self._on_ticket_view_ticket_loaded)
        self.history.loaded.connect(self._on_history_loaded)
        self.history.ticket_changed.connect(self._on_history_ticket_changed)

        # The supervisor's tab.
        self.supervisor_view: SupervisorView | None = None
        if may_open(actor):
            view = SupervisorView(services, actor, runner)
            self.supervisor_view = view
            self.supervisor_tab = window.add_view_tab(view, self.tr("Supervisor"))
            view.agent_selected.connect(self._on_supervisor_agent_selected)
            view.agent_activated.connect(self._on_supervisor_agent_activated)
            view.ticket_opened.connect(self._on_supervisor_ticket_opened)
            view.tickets_reassigned.connect(self._on_supervisor_tickets_reassigned)
            window.tabs.currentChanged.connect(self._on_tabs_current_changed)

    # -- escalating ---------------------------------------------------------
    def escalate(self, detail: TicketDetail) -> EscalateDialog:
        dialog = EscalateDialog(self.window.services, self.window.actor, self.window.runner,
                                detail.ticket, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.ticket_escalated.connect(self._on_dialog_ticket_changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _on_decision_action_triggered(self) -> None:
        detail = self.window.ticket_view.detail
        if detail is None:
            return
        dialog = DecisionDialog(self.window.services, self.window.actor, self.window.runner,
                                detail.ticket, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decision_recorded.connect(self._on_dialog_ticket_changed)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_ticket_changed(self, _outcome: object) -> None:
        detail = self.window.ticket_view.detail
        ids = [detail.ticket.id] if detail is not None else []
        self.window.refresh_tickets(ids)
        if self.supervisor_view is not None and self.supervisor_view.isVisible():
            self.supervisor_view.refresh()

    # -- the open ticket ----------------------------------------------------
    def _on_ticket_view_ticket_opened(self, _ticket_id: uuid.UUID | None) -> None:
        # The previous ticket's escalations and "Return to tier 1…" go at once.
        self.decision_action.setEnabled(False)
        self.history.show_ticket(None)
        self.history.hide()

    def _on_ticket_view_ticket_loaded(self, detail: TicketDetail) -> None:
        self.decision_action.setEnabled(True)
        self.history.show_ticket(detail.ticket)

    def _on_history_loaded(self) -> None:
        self.history.setVisible(bool(self.history.entries))

    def _on_history_ticket_changed(self, ticket_id: uuid.UUID) -> None:
        self.window.refresh_tickets([ticket_id])

    # -- the supervisor view ------------------------------------------------
    @Slot(int)
    def _on_tabs_current_changed(self, index: int) -> None:
        if self.supervisor_view is not None and index == self.supervisor_tab:
            self.supervisor_view.refresh()

    def _on_supervisor_agent_selected(self, user_id: uuid.UUID | None) -> None:
        # None is "all my teams" in the supervisor view, but the unassigned pool in
        # QueuePanel.filter_by_assignee: leave the queue alone then.
        if user_id is not None:
            self.window.queue.filter_by_assignee(user_id)

    def _on_supervisor_agent_activated(self, user_id: uuid.UUID) -> None:
        self.window.queue.filter_by_assignee(user_id)
        self.window.tabs.setCurrentIndex(0)

    def _on_supervisor_ticket_opened(self, ticket_id: uuid.UUID) -> None:
        self.window.tabs.setCurrentIndex(0)
        self.window.open_ticket(ticket_id)

    def _on_supervisor_tickets_reassigned(self, _result: object) -> None:
        self.window.queue.refresh()


def install(window: MainWindow) -> EscalationWiring:
    return EscalationWiring(window)
