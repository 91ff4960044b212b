"""The agent's presence in the status bar: Available / Away / On a call / Offline,
chosen by hand; Away by itself after N idle minutes (and Available again on the first
key or mouse movement, if it was the idle timer that chose Away); a heartbeat every
30 s so the other workstations know this one is alive (services.presence); Offline
when the session ends (``stop``, connected to the window's ``closing``).

Idle minutes: QSettings ``presence/idle_minutes`` (default 5; 0 turns it off)."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QWidget

from deskapp.models.enums import Presence
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.services.presence import HEARTBEAT_INTERVAL, PresenceInfo
from deskapp.ui.tasks import TaskRunner

_C = "PresenceStatus"
CHOICES = (
    (Presence.AVAILABLE, "Available", "#2e7d32"),
    (Presence.AWAY, "Away", "#e65100"),
    (Presence.ON_CALL, "On a call", "#1565c0"),
    (Presence.OFFLINE, "Offline", "#757575"),
)
_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


def presence_text(presence: Presence) -> str:
    names = {
        Presence.AVAILABLE: QCoreApplication.translate("PresenceStatus", "Available"),
        Presence.AWAY: QCoreApplication.translate("PresenceStatus", "Away"),
        Presence.ON_CALL: QCoreApplication.translate("PresenceStatus", "On a call"),
        Presence.OFFLINE: QCoreApplication.translate("PresenceStatus", "Offline"),
    }
    return names[presence]


class PresenceStatus(QWidget):
    presence_changed = Signal(object)  # Presence, once the database has it

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        idle_ms: int | None = None,
        heartbeat_ms: int | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presenceStatus")
        self._services = services
        self._actor = actor
        self._runner = runner
        if idle_ms is None:
            minutes = (settings or QSettings()).value("presence/idle_minutes", 5, type=int)
            idle_ms = int(str(minutes)) * 60_000
        self._idle_ms = idle_ms
        self._last_activity = time.monotonic()
        self._auto_away = False
        self.presence = Presence.AVAILABLE  # the login set it

        self.combo = QComboBox(self)
        self.combo.setObjectName("presenceCombo")
        for value, _text, _colour in CHOICES:
            self.combo.addItem(presence_text(value), value.value)
        self.combo.setToolTip(self.tr("Your presence: auto-assignment gives new work only to "
                                      "agents who are Available"))
        self.dot = QLabel("●", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.combo)
        self._show(Presence.AVAILABLE)

        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(
            heartbeat_ms or int(HEARTBEAT_INTERVAL.total_seconds() * 1000))
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(max(250, min(15_000, self._idle_ms // 4 or 250)))
        self._connect_signals()
        self.heartbeat_timer.start()
        if self._idle_ms > 0:
            self.idle_timer.start()
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)

    def _connect_signals(self) -> None:
        self.combo.activated.connect(self._on_combo_activated)
        self.heartbeat_timer.timeout.connect(self._on_heartbeat_timer_timeout)
        self.idle_timer.timeout.connect(self._on_idle_timer_timeout)

    # -- state --------------------------------------------------------------
    def set_presence(self, presence: Presence, *, auto: bool = False) -> None:
        self._auto_away = auto and presence is Presence.AWAY
        self._show(presence)
        self._runner.submit(
            lambda: self._services.presence.set(self._actor, presence),
            on_done=self._on_saved, on_error=self._on_failed, key="presence", owner=self,
        )

    def show_presence(self, presence: Presence) -> None:
        """Another part already saved this state (telephony's On a call): show it."""
        if presence is not self.presence:
            self._show(presence)
            self.presence_changed.emit(presence)

    def stop(self) -> None:
        """The session ends: Offline for everyone, no more heartbeats."""
        self.heartbeat_timer.stop()
        self.idle_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        services, actor = self._services, self._actor
        self._runner.submit(lambda: services.presence.log_out(actor), on_done=lambda _r: None,
                            on_error=lambda _e: None, key="presence")

    def _show(self, presence: Presence) -> None:
        self.presence = presence
        index = self.combo.findData(presence.value)
        self.combo.setCurrentIndex(index)
        colour = next(c for v, _t, c in CHOICES if v is presence)
        self.dot.setStyleSheet(f"color: {colour};")

    # -- events -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY:
            self._last_activity = time.monotonic()
            if self._auto_away and self.presence is Presence.AWAY:
                self.set_presence(Presence.AVAILABLE)
        return False

    @Slot(int)
    def _on_combo_activated(self, index: int) -> None:
        self.set_presence(Presence(self.combo.itemData(index)))

    @Slot()
    def _on_heartbeat_timer_timeout(self) -> None:
        self._runner.submit(
            lambda: self._services.presence.heartbeat(self._actor),
            on_done=self._on_beat, on_error=self._on_failed, key="presence-beat", owner=self,
        )

    @Slot()
    def _on_idle_timer_timeout(self) -> None:
        idle_ms = (time.monotonic() - self._last_activity) * 1000
        if self.presence is Presence.AVAILABLE and idle_ms >= self._idle_ms:
            self.set_presence(Presence.AWAY, auto=True)

    def _on_saved(self, info: PresenceInfo) -> None:
        self._show(info.presence)
        self.presence_changed.emit(info.presence)

    def _on_beat(self, info: PresenceInfo) -> None:
        # Another workstation of the same user (or the telephony) may have changed it.
        if info.stored is not self.presence:
            self._show(info.stored)
            self.presence_changed.emit(info.stored)

    def _on_failed(self, exc: BaseException) -> None:
        self.setToolTip(self.tr("Presence could not be saved: %1").replace("%1", str(exc)))
