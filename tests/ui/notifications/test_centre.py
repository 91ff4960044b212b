"""The in-app notification centre: the bell's unread count, the list, opening a ticket
by a click, marking as read; all database work in the background."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from deskapp.models.enums import NotificationKind
from deskapp.ui.notifications.centre import NotificationCentre
from deskapp.ui.tasks import TaskRunner
from tests.helpers.notifications import log_ticket, store


@pytest.fixture
def centre(qtbot, desk):
    runner = TaskRunner()
    centre = NotificationCentre(desk.services, desk.agent, runner)
    qtbot.addWidget(centre.bell)
    yield centre
    runner.wait()


@pytest.fixture
def ticket_id(desk):
    return log_ticket(desk)


def _load(qtbot, centre):
    with qtbot.waitSignal(centre.refreshed):
        centre.refresh()


def test_bell_shows_the_unread_count_and_the_list_passes_modeltester(qtbot, qtmodeltester, desk, centre, ticket_id):
    store(desk, desk.agent, "HQ-000001 at 75%", ticket_id=ticket_id)
    store(desk, desk.agent, "HQ-000001 at 90%", ticket_id=ticket_id, urgency="critical")
    store(desk, desk.agent, "Welcome", kind=NotificationKind.INFO, stage="")
    store(desk, desk.other_agent, "Not mine")
    assert centre.bell.objectName() == "notificationBell"
    assert centre.bell.text() == ""

    _load(qtbot, centre)

    assert centre.unread == 3
    assert centre.bell.text() == "3"
    model = centre.model
    assert [model.info(r).title for r in range(model.rowCount())] == [
        "Welcome", "HQ-000001 at 90%", "HQ-000001 at 75%"
    ]
    assert model.index(1, 0).data(model.ReferenceRole) == "HQ-000001"
    assert model.index(1, 0).data(Qt.ItemDataRole.DecorationRole).name() == "#c62828"
    qtmodeltester.check(model)


def test_click_opens_the_ticket_and_marks_it_read(qtbot, desk, centre, ticket_id):
    store(desk, desk.agent, "Resolution target breached", ticket_id=ticket_id,
          kind=NotificationKind.SLA_BREACH, urgency="critical")
    store(desk, desk.agent, "Welcome", kind=NotificationKind.INFO)
    _load(qtbot, centre)
    panel = centre.bell.panel
    qtbot.mouseClick(centre.bell, Qt.MouseButton.LeftButton)
    qtbot.waitExposed(panel)
    assert panel.view.objectName() == "notificationCentre"

    row = next(r for r in range(centre.model.rowCount()) if centre.model.info(r).ticket_id)
    rect = panel.view.visualRect(centre.model.index(row, 0))
    opened = []
    centre.ticket_requested.connect(opened.append)
    with qtbot.waitSignal(centre.marked_read):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert opened == [ticket_id]
    assert not panel.isVisible()
    assert centre.unread == 1
    assert centre.bell.text() == "1"
    assert desk.services.notifications.unread_count(desk.agent) == 1
    assert centre.model.info(row).read_at is not None


def test_mark_selected_then_all_as_read(qtbot, desk, centre):
    for n in range(3):
        store(desk, desk.agent, f"note {n}", kind=NotificationKind.INFO)
    store(desk, desk.other_agent, "someone else's")
    _load(qtbot, centre)
    panel = centre.bell.panel
    panel.view.setCurrentIndex(centre.model.index(0, 0))
    with qtbot.waitSignal(centre.marked_read):
        qtbot.mouseClick(panel.mark_selected, Qt.MouseButton.LeftButton)
    assert centre.unread == 2
    assert centre.model.unread_ids() == [centre.model.info(1).id, centre.model.info(2).id]

    with qtbot.waitSignal(centre.marked_read):
        qtbot.mouseClick(panel.mark_all, Qt.MouseButton.LeftButton)
    assert centre.unread == 0
    assert centre.bell.text() == ""
    assert desk.services.notifications.unread_count(desk.agent) == 0
    assert desk.services.notifications.unread_count(desk.other_agent) == 1  # not touched


def test_arrivals_are_added_on_top_once(qtbot, qtmodeltester, desk, centre):
    store(desk, desk.agent, "old", kind=NotificationKind.INFO)
    _load(qtbot, centre)
    store(desk, desk.agent, "new", kind=NotificationKind.INFO)
    fresh = desk.services.notifications.recent(desk.agent)
    with qtbot.waitSignal(centre.unread_changed) as blocker:
        assert centre.notify(fresh[0]) is True
        centre.add(fresh)  # the same again: no duplicate row
    assert blocker.args == [2]
    assert [centre.model.info(r).title for r in range(centre.model.rowCount())] == ["new", "old"]
    qtmodeltester.check(centre.model)
