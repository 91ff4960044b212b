"""Telephony in the composed window: the softphone link and the call hook as this
workstation's settings say, the call controller, its actions and status indicator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel

from deskapp.ui.telephony.call_hook import CallHookServer
from deskapp.ui.telephony.controller import CallController
from deskapp.ui.telephony.settings import TelephonySettings
from deskapp.ui.telephony.softphone_link import SoftphoneLink

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


class SoftphoneStatus(QLabel):
    """'☎ connected' / '☎ not connected' in the status bar while a softphone is set up."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("softphoneStatus")
        self.setContentsMargins(6, 0, 6, 0)
        self.hide()

    def follow(self, link: SoftphoneLink | None) -> None:
        self.setVisible(link is not None)
        if link is not None:
            link.connection_changed.connect(self._on_link_connection_changed)
            self._on_link_connection_changed(link.connected)

    @Slot(bool)
    def _on_link_connection_changed(self, up: bool) -> None:
        self.setText("☎ " + (self.tr("Softphone connected") if up
                             else self.tr("Softphone not connected")))
        self.setStyleSheet("" if up else "color: #b71c1c;")


def install_telephony(
    window: MainWindow,
    *,
    settings: TelephonySettings | None = None,
    qsettings: QSettings | None = None,
    start: bool = True,
) -> CallController:
    chosen = settings or TelephonySettings.load(qsettings)
    link = SoftphoneLink(chosen.host, chosen.port, window) if chosen.softphone_enabled else None
    hook = CallHookServer(parent=window) if chosen.hook_enabled else None
    controller = CallController(window, link=link, hook=hook, dial_pattern=chosen.dial_pattern)
    status = SoftphoneStatus(window)
    window.add_status_widget(status)
    status.follow(link)
    window.set_telephony(controller)

    def configure() -> None:
        from deskapp.ui.dialogs.softphone_settings_dialog import SoftphoneSettingsDialog

        current = TelephonySettings.load(qsettings)
        dialog = SoftphoneSettingsDialog(current, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        new = dialog.settings()
        new.save(qsettings)
        if controller.link is not None:
            controller.link.stop()
            controller.link.deleteLater()
        controller.link = None
        if new.softphone_enabled:
            controller.link = SoftphoneLink(new.host, new.port, window)
            controller.link.call_event_received.connect(controller.handle)
            controller.link.command_failed.connect(controller._on_link_command_failed)
            controller.link.start()
        controller.dial_pattern = new.dial_pattern
        window.history.set_phones_clickable(controller.link is not None)
        status.follow(controller.link)
        window.set_telephony(controller)

    action = QAction(QCoreApplication.translate("Telephony", "Softphone…"), window)
    action.setObjectName("softphoneSettingsAction")
    action.triggered.connect(configure)
    window.menus["file"].insertAction(window.menus["file"].actions()[-1], action)
    window.closing.connect(controller.stop)
    if start:
        if link is not None:
            link.start()
        if hook is not None:
            hook.listen()
        controller.refresh_missed()
    return controller
