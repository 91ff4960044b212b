"""Desk administration in the workstation window, one call from the composition root
(``install_desk_admin(window)``):

- the presence switch in the status bar (everyone), Offline when the window closes;
- "Edit…" beside the customer's name in the history pane (whoever may edit
  customers) and "Merge…" (supervisors and managers);
- the open ticket's History (audit trail) under the ticket; Ticket → Merge a
  duplicate ticket…;
- a Desk menu with "Staff and teams…" (administrators, managers; supervisors for the
  members of their own teams), "Canned answers…" (supervisors, managers), "Escalation
  reasons and limits…" (managers), "Audit log…" (managers, administrators).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

from deskapp.models.enums import Role
from deskapp.services.permissions import Permission
from deskapp.services.presence import HEARTBEAT_INTERVAL
from deskapp.ui.admin.presence_status import PresenceStatus
from deskapp.ui.admin.ticket_history import TicketHistoryPanel

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


class DeskAdminWiring(QObject):
    def __init__(self, window: MainWindow, *, start: bool = True) -> None:
        super().__init__(window)
        self.setObjectName("deskAdminWiring")
        self.window = window
        self.dialog = None
        actor = window.actor
        # Presence
        self.presence = PresenceStatus(window.services, actor, window.runner, window)
        window.add_status_widget(self.presence)
        window.closing.connect(self.presence.stop)
        if not start:
            self.presence.heartbeat_timer.stop()
            self.presence.idle_timer.stop()
        # Presence expires without anyone writing (services.presence): a shown supervisor
        # view re-reads it every heartbeat interval, so "Offline since" appears in time.
        self.presence_refresh = QTimer(self)
        self.presence_refresh.setInterval(int(HEARTBEAT_INTERVAL.total_seconds() * 1000))
        self.presence_refresh.timeout.connect(self._on_presence_refresh_timeout)
        if start and actor.can(Permission.VIEW_TEAM_WORKLOAD):
            self.presence_refresh.start()
        window.closing.connect(self.presence_refresh.stop)
        # Customer edit / merge, beside the customer's name
        history = window.history
        self.edit_customer_button = self.merge_customer_button = None
        if actor.can(Permission.EDIT_CUSTOMERS):
            self.edit_customer_button = self._tool_button(self.tr("Edit…"), "editCustomerButton")
            self.edit_customer_button.setToolTip(self.tr("Correct this customer's details"))
            self.edit_customer_button.clicked.connect(self._on_edit_customer_clicked)
            history.add_profile_action(self.edit_customer_button)
        if actor.can(Permission.MERGE_RECORDS):
            self.merge_customer_button = self._tool_button(self.tr("Merge…"),
                                                           "mergeCustomerButton")
            self.merge_customer_button.setToolTip(
                self.tr("Merge a duplicate record into this customer"))
            self.merge_customer_button.clicked.connect(self._on_merge_customer_clicked)
            history.add_profile_action(self.merge_customer_button)
        # The ticket's History (audit trail), folded under the ticket.
        self.ticket_history = TicketHistoryPanel(window.services, actor, window.runner)
        self.ticket_history.hide()
        window.add_ticket_panel(self.ticket_history, 0)
        window.ticket_view.ticket_loaded.connect(self.ticket_history.show_ticket)
        # Ticket → Merge a duplicate… (whoever may work both tickets; the service checks)
        self.merge_ticket_action = None
        ticket_menu = window.menus.get("ticket")
        if ticket_menu is not None and actor.can(Permission.WORK_TICKETS):
            self.merge_ticket_action = QAction(self.tr("Merge a duplicate ticket…"), window)
            self.merge_ticket_action.setObjectName("mergeTicketAction")
            self.merge_ticket_action.triggered.connect(self._on_merge_ticket_action_triggered)
            ticket_menu.addAction(self.merge_ticket_action)
        # Desk menu: only the entries this person may use.
        entries = []
        if (actor.can(Permission.MANAGE_USERS) or actor.can(Permission.MANAGE_TEAMS)
                or actor.role is Role.SUPERVISOR):
            entries.append(("staff_action", self.tr("Staff and teams…"), "staffTeamsAction",
                            self._on_staff_action_triggered))
        if actor.can(Permission.MANAGE_CANNED):
            entries.append(("canned_action", self.tr("Canned answers…"), "cannedAnswersAction",
                            self._on_canned_action_triggered))
        if actor.can(Permission.MANAGE_SLA):
            entries.append(("rules_action", self.tr("Escalation reasons and limits…"),
                            "deskRulesAction", self._on_rules_action_triggered))
        if actor.can(Permission.VIEW_AUDIT):
            entries.append(("audit_action", self.tr("Audit log…"), "auditLogAction",
                            self._on_audit_action_triggered))
        self.menu = None
        self.staff_action = self.canned_action = self.rules_action = self.audit_action = None
        if entries:
            bar = window.menuBar()
            self.menu = bar.addMenu(self.tr("&Desk"))
            self.menu.setObjectName("deskMenu")
            help_menu = window.menus.get("help")
            if help_menu is not None:
                bar.insertMenu(help_menu.menuAction(), self.menu)
            for attr, text, name, slot in entries:
                action = QAction(text, window)
                action.setObjectName(name)
                action.triggered.connect(slot)
                self.menu.addAction(action)
                setattr(self, attr, action)

    @Slot()
    def _on_presence_refresh_timeout(self) -> None:
        wiring = getattr(self.window, "escalation_wiring", None)
        view = getattr(wiring, "supervisor_view", None)
        if view is not None and view.isVisible():
            view.refresh()

    def _tool_button(self, text: str, name: str) -> QToolButton:
        button = QToolButton(self.window.history)
        button.setText(text)
        button.setObjectName(name)
        button.setAutoRaise(True)
        return button

    def _current_customer(self):
        history = self.window.history.history
        return history.customer if history is not None else None

    @Slot()
    def _on_edit_customer_clicked(self):
        from deskapp.ui.dialogs.customer_edit_dialog import CustomerEditDialog

        customer = self._current_customer()
        if customer is None:
            return None
        w = self.window
        self.dialog = CustomerEditDialog(w.services, w.actor, w.runner, customer, w)
        self.dialog.saved.connect(lambda _info: self._customer_changed())
        self.dialog.open()
        return self.dialog

    @Slot()
    def _on_merge_customer_clicked(self):
        from deskapp.ui.dialogs.customer_merge_dialog import CustomerMergeDialog

        customer = self._current_customer()
        if customer is None:
            return None
        w = self.window
        self.dialog = CustomerMergeDialog(w.services, w.actor, w.runner, customer, w)
        self.dialog.merged.connect(lambda _result: self._customer_changed())
        self.dialog.open()
        return self.dialog

    def _customer_changed(self) -> None:
        self.window.history.reload()
        refresh = getattr(self.window, "refresh_all", None)
        if refresh is not None:
            refresh()

    @Slot()
    def _on_staff_action_triggered(self):
        from deskapp.ui.admin.staff_window import StaffWindow

        w = self.window
        self.dialog = StaffWindow(w.services, w.actor, w.runner, w)
        self.dialog.show()
        return self.dialog

    @Slot()
    def _on_canned_action_triggered(self):
        from deskapp.ui.admin.canned_editor import CannedEditor

        w = self.window
        self.dialog = CannedEditor(w.services, w.actor, w.runner, w)
        self.dialog.show()
        return self.dialog

    @Slot()
    def _on_rules_action_triggered(self):
        from deskapp.ui.admin.desk_rules_dialog import DeskRulesDialog

        w = self.window
        self.dialog = DeskRulesDialog(w.services, w.actor, w.runner, w)
        self.dialog.show()
        return self.dialog

    @Slot()
    def _on_audit_action_triggered(self):
        from deskapp.ui.admin.audit_log_dialog import AuditLogDialog

        w = self.window
        self.dialog = AuditLogDialog(w.services, w.actor, w.runner, w)
        self.dialog.show()
        return self.dialog

    @Slot()
    def _on_merge_ticket_action_triggered(self):
        from deskapp.ui.dialogs.ticket_merge_dialog import TicketMergeDialog

        w = self.window
        detail = w.ticket_view.detail
        if detail is None:
            return None
        self.dialog = TicketMergeDialog(w.services, w.actor, w.runner, detail, w)
        self.dialog.merged.connect(lambda _r: (w.ticket_view.reload()
                                               if hasattr(w.ticket_view, "reload") else None,
                                               self._customer_changed()))
        self.dialog.open()
        return self.dialog


def install_desk_admin(window: MainWindow, *, start: bool = True) -> DeskAdminWiring:
    return DeskAdminWiring(window, start=start)
