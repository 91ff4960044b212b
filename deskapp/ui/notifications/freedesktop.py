"""Desktop notifications through the freedesktop notification service (D-Bus), for
Linux desktops without a system tray.

The wire protocol needs exact D-Bus types: ``Notify`` is ``susssasa{sv}i`` and the
``urgency`` hint is a BYTE. PySide6's QtDBus cannot send those from Python (it has no
typed QVariant: a Python int goes out as INT32, and ``QDBusArgument << int`` always
writes a UINT16), and strict servers (GDBus-based ones, QtDBus with a typed slot)
reject such a call while dunst and xfce4-notifyd ignore an INT32 urgency. So the
messages are built with ``jeepney`` (pure Python, already installed on Linux as a
dependency of ``keyring``), and its socket is watched by a ``QSocketNotifier``: no
thread, everything arrives on the GUI thread.
"""

from __future__ import annotations

import html
import logging
import uuid
from typing import Any

from jeepney import DBusAddress, HeaderFields, MatchRule, MessageType, message_bus, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from PySide6.QtCore import QObject, QSocketNotifier, Slot

from deskapp.services.notifications import NotificationInfo
from deskapp.ui.notifications.notifier import Notifier, popup_body

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
URGENCY = {"low": 0, "normal": 1, "critical": 2, "high": 2, "urgent": 2}
DEFAULT_ACTION = "default"
_CALL_TIMEOUT = 2.0  # seconds, for the few synchronous calls at start-up

_ADDRESS = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)


class FreedesktopNotifier(Notifier):
    """Calls ``org.freedesktop.Notifications.Notify`` on the session bus and turns
    ``ActionInvoked`` (a click on the popup) into ``activated(ticket_id)``."""

    def __init__(self, parent: QObject | None = None, app_name: str = "deskapp") -> None:
        super().__init__(parent)
        self._app_name = app_name
        self._conn: DBusConnection | None = None
        self._watcher: QSocketNotifier | None = None
        self._checked: bool | None = None
        self._markup = False
        self._pending: dict[int, uuid.UUID | None] = {}  # Notify call serial -> ticket
        self._capabilities_serial: int | None = None
        self._shown: dict[int, uuid.UUID] = {}  # server's notification id -> ticket

    # -- Notifier ---------------------------------------------------------------
    def available(self) -> bool:
        """The session bus is reachable and a notification service runs on it or can
        be started by D-Bus activation."""
        if self._checked is None:
            self._checked = self._connect()
        return self._checked and self._conn is not None

    def notify(self, info: NotificationInfo) -> bool:
        if not self.available():
            return False
        assert self._conn is not None
        body = popup_body(info)
        if self._markup:  # the server reads markup: our text must stay text
            body = html.escape(body, quote=False)
        actions = [DEFAULT_ACTION, self.tr("Open ticket")] if info.ticket_id else []
        hints: dict[str, tuple[str, Any]] = {"urgency": ("y", URGENCY.get(info.urgency, 1))}
        message = new_method_call(
            _ADDRESS,
            "Notify",
            "susssasa{sv}i",
            (self._app_name, 0, "", info.title, body, actions, hints, -1),
        )
        try:
            serial = self._send(message)
        except OSError as exc:
            log.warning("desktop notification service went away: %s", exc)
            self._disconnect()
            self._checked = None
            return False
        self._pending[serial] = info.ticket_id
        return True

    def close(self) -> None:
        self._disconnect()
        self._checked = None  # look again if used after a new login

    # -- connection -------------------------------------------------------------
    def _connect(self) -> bool:
        try:
            conn = open_dbus_connection(bus="SESSION")
        except (OSError, KeyError, ValueError, RuntimeError, TimeoutError) as exc:
            log.info("no D-Bus session bus: %s", exc)
            return False
        try:
            has_owner = conn.send_and_get_reply(
                message_bus.NameHasOwner(SERVICE), timeout=_CALL_TIMEOUT
            ).body[0]
            activatable = has_owner or SERVICE in conn.send_and_get_reply(
                message_bus.ListActivatableNames(), timeout=_CALL_TIMEOUT
            ).body[0]
        except (OSError, TimeoutError, IndexError) as exc:
            log.info("the D-Bus session bus did not answer: %s", exc)
            conn.close()
            return False
        if not activatable:
            conn.close()
            return False
        self._conn = conn
        for member in ("ActionInvoked", "NotificationClosed"):
            rule = MatchRule(type="signal", interface=INTERFACE, path=PATH, member=member)
            self._send(message_bus.AddMatch(rule))
        self._capabilities_serial = self._send(new_method_call(_ADDRESS, "GetCapabilities"))
        self._watcher = QSocketNotifier(conn.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._watcher.activated.connect(self._on_watcher_activated)
        return True

    def _send(self, message: Any) -> int:
        assert self._conn is not None
        serial = next(self._conn.outgoing_serial)
        self._conn.send(message, serial=serial)
        return serial

    def _disconnect(self) -> None:
        if self._watcher is not None:
            self._watcher.setEnabled(False)
            self._watcher.deleteLater()
            self._watcher = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._pending.clear()
        self._shown.clear()

    # -- incoming -----------------------------------------------------------------
    @Slot()
    def _on_watcher_activated(self) -> None:
        while self._conn is not None:
            try:
                message = self._conn.receive(timeout=0)
            except TimeoutError:
                return
            except (OSError, ValueError) as exc:
                log.warning("lost the D-Bus session bus: %s", exc)
                self._disconnect()
                self._checked = None
                return
            self._dispatch(message)

    def _dispatch(self, message: Any) -> None:
        header = message.header
        kind = header.message_type
        if kind in (MessageType.method_return, MessageType.error):
            serial = header.fields.get(HeaderFields.reply_serial)
            if serial == self._capabilities_serial and kind == MessageType.method_return:
                self._markup = "body-markup" in message.body[0]
            elif serial in self._pending:
                ticket = self._pending.pop(serial)
                if kind == MessageType.error:
                    log.warning("the notification service refused a popup: %s", message.body)
                elif ticket is not None:
                    self._shown[int(message.body[0])] = ticket
        elif kind == MessageType.signal and header.fields.get(HeaderFields.interface) == INTERFACE:
            member = header.fields.get(HeaderFields.member)
            if member == "ActionInvoked":
                notification_id, action = message.body[0], message.body[1]
                ticket = self._shown.get(notification_id)
                if ticket is not None and action == DEFAULT_ACTION:
                    self.activated.emit(ticket)
            elif member == "NotificationClosed":
                self._shown.pop(message.body[0], None)
