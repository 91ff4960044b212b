"""The ``Notifier`` interface and the system-tray popup.

Every notification is already stored in the database by the services, so a notifier
that cannot show a popup (no tray, no notification service) loses nothing: the in-app
centre always lists it. ``choose_notifiers`` picks what this desktop can show.
"""

from __future__ import annotations

import logging
import sys
import uuid

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from deskapp.services.notifications import NotificationInfo

log = logging.getLogger(__name__)

# Seconds a tray balloon stays up; critical ones longer.
_TRAY_MSECS = {"low": 5_000, "normal": 10_000, "critical": 30_000}


class Notifier(QObject):
    """Shows a stored notification to the user, somehow."""

    activated = Signal(object)  # the ticket id (uuid.UUID) of a popup the user clicked

    def available(self) -> bool:
        """Whether this notifier can show anything on this desktop right now."""
        raise NotImplementedError

    def notify(self, info: NotificationInfo) -> bool:
        """Show ``info``; return whether it was shown (handed to the desktop)."""
        raise NotImplementedError

    def close(self) -> None:
        """Release what the notifier holds (tray icon, bus connection)."""


def popup_body(info: NotificationInfo) -> str:
    """The body of a desktop popup: the text and the ticket it is about."""
    if info.ticket_reference and info.ticket_reference not in info.title + info.body:
        return f"{info.body}\n{info.ticket_reference}" if info.body else info.ticket_reference
    return info.body


class TrayNotifier(Notifier):
    """Balloon messages of a ``QSystemTrayIcon``.

    Qt tells only *that* the last message was clicked, not which one; a balloon
    replaces the previous one, so the click belongs to the latest ticket shown.
    """

    def __init__(self, tray: QSystemTrayIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._own_tray = tray is None
        self._tray = tray
        self._last_ticket: uuid.UUID | None = None
        if tray is not None:
            tray.messageClicked.connect(self._on_tray_message_clicked)

    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def notify(self, info: NotificationInfo) -> bool:
        # showMessage silently drops the message when there is no tray (DESIGN.md traps).
        if not self.available():
            return False
        tray = self._ensure_tray()
        if not QSystemTrayIcon.supportsMessages():
            return False
        icon = {
            "critical": QSystemTrayIcon.MessageIcon.Critical,
            "low": QSystemTrayIcon.MessageIcon.Information,
        }.get(info.urgency, QSystemTrayIcon.MessageIcon.Warning)
        self._last_ticket = info.ticket_id
        tray.showMessage(info.title, popup_body(info), icon, _TRAY_MSECS.get(info.urgency, 10_000))
        return True

    def close(self) -> None:
        if self._tray is not None and self._own_tray:
            self._tray.hide()

    def _ensure_tray(self) -> QSystemTrayIcon:
        if self._tray is None:
            self._tray = QSystemTrayIcon(_app_icon(), self)
            self._tray.setToolTip(self.tr("deskapp"))
            self._tray.messageClicked.connect(self._on_tray_message_clicked)
        if self._tray.icon().isNull():  # Qt refuses to show an icon-less tray entry
            self._tray.setIcon(_app_icon())
        if not self._tray.isVisible():
            self._tray.show()
        return self._tray

    @Slot()
    def _on_tray_message_clicked(self) -> None:
        if self._last_ticket is not None:
            self.activated.emit(self._last_ticket)


def _app_icon() -> QIcon:
    icon = QApplication.windowIcon()
    if icon.isNull():
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    return icon


def choose_notifiers(centre: Notifier, parent: QObject | None = None) -> list[Notifier]:
    """The notifiers for this desktop: the tray where there is one, else the freedesktop
    notification service on Linux when it runs; and always the in-app ``centre``."""
    chosen: list[Notifier] = []
    if QSystemTrayIcon.isSystemTrayAvailable():
        chosen.append(TrayNotifier(parent=parent))
    elif sys.platform.startswith("linux"):
        from deskapp.ui.notifications.freedesktop import FreedesktopNotifier

        desktop = FreedesktopNotifier(parent=parent)
        if desktop.available():
            chosen.append(desktop)
        else:
            desktop.close()
            log.info("no system tray and no desktop notification service: in-app centre only")
    chosen.append(centre)
    return chosen
