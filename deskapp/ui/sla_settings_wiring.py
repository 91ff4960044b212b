"""SLA settings in the main window, for managers only: a Settings menu with
"SLA policies…" and "Business calendars…". Others see no such menu (the service
refuses them anyway). One call: ``install(window)``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction

from deskapp.services.permissions import Permission
from deskapp.ui.dialogs.calendars_dialog import CalendarsDialog
from deskapp.ui.dialogs.sla_policies_dialog import SlaPoliciesDialog

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


class SlaSettingsWiring(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("slaSettingsWiring")
        self.window = window
        self.dialog: SlaPoliciesDialog | CalendarsDialog | None = None
        self.menu = None
        if not window.actor.can(Permission.MANAGE_SLA):
            return
        self.policies_action = QAction(self.tr("SLA policies…"), window)
        self.policies_action.setObjectName("slaPoliciesAction")
        self.calendars_action = QAction(self.tr("Business calendars…"), window)
        self.calendars_action.setObjectName("calendarsAction")
        bar = window.menuBar()
        self.menu = bar.addMenu(self.tr("&Settings"))
        self.menu.setObjectName("settingsMenu")
        help_menu = window.menus.get("help")
        if help_menu is not None:  # Settings before Help, as desktops expect
            bar.insertMenu(help_menu.menuAction(), self.menu)
        self.menu.addAction(self.policies_action)
        self.menu.addAction(self.calendars_action)
        self.policies_action.triggered.connect(self._on_policies_action_triggered)
        self.calendars_action.triggered.connect(self._on_calendars_action_triggered)

    @Slot()
    def _on_policies_action_triggered(self) -> SlaPoliciesDialog:
        w = self.window
        self.dialog = SlaPoliciesDialog(w.services, w.actor, w.runner, w)
        self.dialog.show()
        return self.dialog

    @Slot()
    def _on_calendars_action_triggered(self) -> CalendarsDialog:
        w = self.window
        self.dialog = CalendarsDialog(w.services, w.actor, w.runner, w)
        self.dialog.show()
        return self.dialog


def install(window: MainWindow) -> SlaSettingsWiring:
    return SlaSettingsWiring(window)
