"""The status-bar presence: chosen by hand, Away when idle and back on activity,
heart-beats, Offline when the session ends — each stored in the database."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from deskapp.models.enums import Presence
from deskapp.ui.admin.presence_status import PresenceStatus
from tests.helpers.staff import PASSWORD


def _stored(desk, actor) -> Presence:
    return desk.services.presence.current(actor).stored


def test_presence_follows_the_agent(qtbot, desk, runner):
    actor = desk.services.staff.authenticate("ali", PASSWORD)
    widget = PresenceStatus(desk.services, actor, runner, idle_ms=400, heartbeat_ms=100)
    qtbot.addWidget(widget)
    widget.show()
    # Chosen by hand.
    index = widget.combo.findData(Presence.ON_CALL.value)
    with qtbot.waitSignal(widget.presence_changed, timeout=5000):
        widget.combo.activated.emit(index)
    assert _stored(desk, actor) is Presence.ON_CALL
    with qtbot.waitSignal(widget.presence_changed, timeout=5000):
        widget.combo.activated.emit(widget.combo.findData(Presence.AVAILABLE.value))
    # Idle: Away by itself...
    qtbot.waitUntil(lambda: _stored(desk, actor) is Presence.AWAY, timeout=10_000)
    assert widget.presence is Presence.AWAY
    # ...and back on the first key press.
    QApplication.sendEvent(widget.combo, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift,
                                                   Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: _stored(desk, actor) is Presence.AVAILABLE, timeout=10_000)
    # Heartbeats keep the row fresh.
    first = desk.services.presence.current(actor).last_seen
    qtbot.waitUntil(lambda: desk.services.presence.current(actor).last_seen > first,
                    timeout=10_000)
    widget.stop()
    runner.wait()
    assert _stored(desk, actor) is Presence.OFFLINE


def test_away_chosen_by_hand_is_not_undone_by_activity(qtbot, desk, runner):
    actor = desk.services.staff.authenticate("ali", PASSWORD)
    widget = PresenceStatus(desk.services, actor, runner, idle_ms=0, heartbeat_ms=60_000)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.presence_changed, timeout=5000):
        widget.combo.activated.emit(widget.combo.findData(Presence.AWAY.value))
    QApplication.sendEvent(widget.combo, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift,
                                                   Qt.KeyboardModifier.NoModifier))
    runner.wait()
    assert _stored(desk, actor) is Presence.AWAY
    widget.stop()
    runner.wait()
