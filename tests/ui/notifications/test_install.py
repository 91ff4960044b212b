"""The notification centre inside the real main window."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QToolButton

from deskapp.ui.workstation import Background
from tests.helpers.notifications import log_ticket, store


def test_bell_in_the_status_bar_opens_tickets_and_the_scheduler_stops_with_the_window(
    qtbot, desk, sqlite_url, monkeypatch
):
    from deskapp.app import build_workstation

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

    window = build_workstation(sqlite_url, "ali", background=Background(
        scheduler_factory=Scheduler, start=False))
    controller = window.parts.notifications
    opened: list[object] = []
    controller.centre.ticket_requested.disconnect()
    controller.centre.ticket_requested.connect(opened.append)
    with qtbot.waitSignal(controller.centre.refreshed):
        controller.start()

    bell = window.statusBar().findChild(QToolButton, "notificationBell")
    assert bell is not None and bell.text() == "1"
    assert events == ["start"]
    controller.centre.open_row(0)
    assert opened == [ticket]
    qtbot.waitUntil(lambda: bell.text() == "")

    window.runner.wait(10_000)
    window.close()  # the session ends: the scheduler stops
    qtbot.waitUntil(lambda: events == ["start", "shutdown"])
    window.deleteLater()  # and destroying the window again is harmless
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    assert events == ["start", "shutdown"]
