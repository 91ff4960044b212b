"""A fake freedesktop notification server on the session bus, written with QtDBus.

    python tests/helpers/fake_notification_server.py RECORD_FILE

Owns ``org.freedesktop.Notifications`` and serves ``Notify`` through a slot typed
exactly like the specification (``susssasa{sv}i`` -> ``u``): QtDBus refuses a call
whose signature differs (an INT32 ``replaces_id``, say), as GDBus-based servers do.
Each call is appended to RECORD_FILE as one JSON line. A test-only object at
``/test`` (interface ``org.deskapp.FakeNotifications``) has ``Click(u id, s action)``,
which emits ``ActionInvoked`` and then ``NotificationClosed`` as a desktop does when
the user clicks a popup. Prints ``ready`` once the name is owned; quits after an hour
or when its bus goes away.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusConnection

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
_EXPORT = (
    QDBusConnection.RegisterOption.ExportAllSlots | QDBusConnection.RegisterOption.ExportAllSignals
)


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Notifications(QObject):
    ActionInvoked = Signal("uint", str)
    NotificationClosed = Signal("uint", "uint")

    def __init__(self, record_path: str) -> None:
        super().__init__()
        self._record_path = record_path
        self._next_id = 0

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:  # noqa: N802 (D-Bus method name)
        return ["actions", "body"]

    @Slot(result="QString")
    def GetServerInformation(self) -> str:  # noqa: N802
        return "deskapp-fake"

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints, timeout):  # noqa: N802
        self._next_id += 1
        record = {
            "id": self._next_id,
            "app_name": app_name,
            "replaces_id": replaces_id,
            "app_icon": app_icon,
            "summary": summary,
            "body": body,
            "actions": list(actions),
            "hints": {key: _plain(value) for key, value in dict(hints).items()},
            "expire_timeout": timeout,
        }
        with open(self._record_path, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
        return self._next_id


@ClassInfo({"D-Bus Interface": "org.deskapp.FakeNotifications"})
class Control(QObject):
    def __init__(self, notifications: Notifications) -> None:
        super().__init__()
        self._notifications = notifications

    @Slot("uint", str)
    def Click(self, notification_id, action):  # noqa: N802
        self._notifications.ActionInvoked.emit(notification_id, action)
        self._notifications.NotificationClosed.emit(notification_id, 2)  # dismissed by user


def _plain(value: object) -> object:
    return value if isinstance(value, str | int | float | bool) else repr(value)


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        print("no session bus", flush=True)
        return 2
    notifications = Notifications(sys.argv[1])
    control = Control(notifications)
    if not (
        bus.registerObject(PATH, notifications, _EXPORT)
        and bus.registerObject("/test", control, _EXPORT)
        and bus.registerService(SERVICE)
    ):
        print("could not register:", bus.lastError().message(), flush=True)
        return 3
    print("ready", flush=True)
    QTimer.singleShot(3_600_000, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
