"""The notification centre inside the real main window."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QToolButton

from deskapp.ui.notifications.install import install_notifications
from tests.helpers.notifications import log_ticket, store


@pytest.fixture
def window(qtbot, desk, sqlite_url):
    from deskapp.app import build_workstation

    win = build_workstation(sqlite_url, "ali")
    yield win  # the test deletes it (not qtbot.addWidget, which would close it again)
    if shiboken6.isValid(win):
        win.runner.wait(10_000)
        win.close()
        win.deleteLater()


def test_bell_in_the_status_bar_opens_tickets_and_the_scheduler_stops_with_the_window(
    qtbot, desk, window, monkeypatch
):
    ticket = log_ticket(desk)
    store(desk, desk.agent, "HQ-000001 breached", ticket_id=ticket, urgency="critical")
    events: list[str] = []

    class Scheduler:
        def __init__(self, on_raised):
            self.on_raised = on_raised

        def start(self):
            events.append("start")

        def stop(self):
            events.append("shutdown")

    opened: list[object] = []
    monkeypatch.setattr(window, "open_ticket", opened.append)
    controller = install_notifications(window, scheduler_factory=Scheduler, start=False)
    with qtbot.waitSignal(controller._centre.refreshed):
        controller.start()

    bell = window.statusBar().findChild(QToolButton, "notificationBell")
    assert bell is not None and bell.text() == "1"
    assert events == ["start"]
    controller._centre.open_row(0)
    assert opened == [ticket]
    qtbot.waitUntil(lambda: bell.text() == "")

    window.runner.wait(10_000)
    window.close()  # the session ends: the scheduler stops
    qtbot.waitUntil(lambda: events == ["start", "shutdown"])
    window.deleteLater()  # and destroying the window again is harmless
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    assert events == ["start", "shutdown"]
