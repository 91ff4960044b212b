"""Desk administration in the workstation window, one call from the composition root
(``install_desk_admin(window)``):

- the presence switch in the status bar (everyone), Offline when the window closes;
- "Edit…" beside the customer's name in the history pane (whoever may edit
  customers) and "Merge…" (supervisors and managers);
- a Desk menu with "Staff and teams…" (administrators, managers; supervisors for the
  members of their own teams).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

from deskapp.models.enums import Role
from deskapp.services.permissions import Permission
from deskapp.ui.admin.presence_status import PresenceStatus

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
        # Desk menu
        self.menu = None
        self.staff_action = None
        may_staff = (actor.can(Permission.MANAGE_USERS) or actor.can(Permission.MANAGE_TEAMS)
                     or actor.role is Role.SUPERVISOR)
        if may_staff:
            bar = window.menuBar()
            self.menu = bar.addMenu(self.tr("&Desk"))
            self.menu.setObjectName("deskMenu")
            help_menu = window.menus.get("help")
            if help_menu is not None:
                bar.insertMenu(help_menu.menuAction(), self.menu)
            self.staff_action = QAction(self.tr("Staff and teams…"), window)
            self.staff_action.setObjectName("staffTeamsAction")
            self.staff_action.triggered.connect(self._on_staff_action_triggered)
            self.menu.addAction(self.staff_action)

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


def install_desk_admin(window: MainWindow, *, start: bool = True) -> DeskAdminWiring:
    return DeskAdminWiring(window, start=start)
