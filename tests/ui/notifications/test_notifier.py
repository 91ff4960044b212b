"""The tray notifier and the choice of notifiers, offscreen (no tray, no desktop)."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from deskapp.models import utcnow
from deskapp.models.enums import NotificationKind
from deskapp.services.notifications import NotificationInfo
from deskapp.ui.notifications.notifier import Notifier, TrayNotifier, choose_notifiers, popup_body


def _info(**changes) -> NotificationInfo:
    values = dict(
        id=uuid.uuid4(), kind=NotificationKind.SLA_BREACH, stage="breach",
        title="Resolution target breached", body="Printer jammed", urgency="critical",
        ticket_id=uuid.uuid4(), ticket_reference="HQ-000007", created_at=utcnow(), read_at=None,
    )
    values.update(changes)
    return NotificationInfo(**values)


class _Centre(Notifier):
    def available(self) -> bool:
        return True

    def notify(self, info: NotificationInfo) -> bool:
        return True


def test_tray_notifier_refuses_without_a_system_tray(qtbot):
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen has none
    notifier = TrayNotifier()
    assert notifier.available() is False
    assert notifier.notify(_info()) is False
    assert notifier._tray is None  # no icon was created to drop the message silently


def test_choose_notifiers_falls_back_to_the_centre_alone(qtbot, monkeypatch, tmp_path):
    # No tray offscreen, and a session bus address that leads nowhere.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    centre = _Centre()
    chosen = choose_notifiers(centre)
    assert chosen == [centre]


def test_popup_body_names_the_ticket_once():
    assert popup_body(_info()) == "Printer jammed\nHQ-000007"
    assert popup_body(_info(title="HQ-000007 breached")) == "Printer jammed"
    assert popup_body(_info(body="")) == "HQ-000007"
    assert popup_body(_info(ticket_reference=None)) == "Printer jammed"


# Offscreen has no tray: showing the pretend one makes the platform complain once.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_tray_click_opens_the_latest_ticket_shown(qtbot, monkeypatch):
    # Pretend the desktop has a tray that shows balloons; Qt then does the rest.
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    shown: list[tuple] = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda self, *args: shown.append(args))
    tray = QSystemTrayIcon()
    notifier = TrayNotifier(tray)
    first, second = _info(), _info(urgency="low", title="HQ-000008 at 75%")
    assert notifier.notify(first) and notifier.notify(second)
    assert shown[0][:2] == ("Resolution target breached", "Printer jammed\nHQ-000007")
    assert shown[0][2] == QSystemTrayIcon.MessageIcon.Critical
    assert shown[1][2] == QSystemTrayIcon.MessageIcon.Information
    with qtbot.waitSignal(notifier.activated) as clicked:
        tray.messageClicked.emit()
    assert clicked.args == [second.ticket_id]
