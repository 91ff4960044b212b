"""The supervisor view: agent table and ticket list models, click an agent to filter,
bulk reassignment through the dialog, drag tickets onto an agent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from deskapp.models.enums import Presence
from deskapp.ui.supervisor.models import (
    TICKET_REFS_MIME,
    AgentTableModel,
    TicketTableModel,
    decode_ticket_refs,
)
from deskapp.ui.supervisor.view import SupervisorView, may_open
from deskapp.ui.tasks import TaskRunner
from tests.helpers.staff import Desk
from tests.unit.test_escalations import log


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait(10_000)


@pytest.fixture
def view(qtbot, desk: Desk, runner) -> SupervisorView:
    for n in range(3):
        log(desk, subject=f"ticket {n}")
    desk.services.staff.set_presence(desk.other_agent, Presence.AVAILABLE)
    v = SupervisorView(desk.services, desk.supervisor, runner)
    qtbot.addWidget(v)
    v.show()
    with qtbot.waitSignal(v.loaded, timeout=10_000):
        v.refresh()
    return v


def assignee(desk: Desk, ticket_id) -> str | None:
    return desk.services.tickets.get(desk.supervisor, ticket_id).ticket.assignee_name


def agent_index(view: SupervisorView, name: str) -> QModelIndex:
    row = next(r for r in range(view.agents.rowCount())
               if view.agents.agent_at(r).display_name == name)
    return view.agents.index(row, 0)


def test_only_for_supervisors_and_up(desk: Desk):
    assert not may_open(desk.agent) and not may_open(desk.specialist)
    assert may_open(desk.supervisor) and may_open(desk.manager)


def test_models_pass_the_model_tester(qtmodeltester, view: SupervisorView):
    assert view.objectName() == "supervisorView"
    qtmodeltester.check(view.agents)
    qtmodeltester.check(view.tickets)
    qtmodeltester.check(AgentTableModel())
    qtmodeltester.check(TicketTableModel())


def test_agent_table_shows_load_and_presence(view: SupervisorView):
    rows = {view.agents.data(view.agents.index(r, 0)):
            tuple(view.agents.data(view.agents.index(r, c)) for c in range(1, 5))
            for r in range(view.agents.rowCount())}
    assert rows["Ali Rezaei"] == ("Offline", 3, 0, 0)
    # Presence with its "since" (services.presence); Ali never logged in: no since.
    assert rows["Sara Ahmadi"][1:] == (0, 0, 0)
    assert rows["Sara Ahmadi"][0].startswith("Available · since ")
    assert view.tickets.rowCount() == 3


def test_clicking_an_agent_filters_the_queue_and_the_list(qtbot, view: SupervisorView,
                                                          desk: Desk):
    index = agent_index(view, "Sara Ahmadi")
    with qtbot.waitSignal(view.agent_selected) as chosen, \
            qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(view.agent_table.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.agent_table.visualRect(index).center())
    assert chosen.args == [desk.other_agent.user_id]
    assert view.tickets.rowCount() == 0 and "Sara Ahmadi" in view.tickets_title.text()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show_all_button.click()
    assert view.tickets.rowCount() == 3


def test_bulk_reassign_from_the_view(qtbot, view: SupervisorView, desk: Desk):
    view.ticket_table.selectRow(0)
    view.ticket_table.selectionModel().select(
        view.tickets.index(2, 0), view.ticket_table.selectionModel().SelectionFlag.Select
        | view.ticket_table.selectionModel().SelectionFlag.Rows)
    assert view.reassign_button.isEnabled()
    chosen = [t.id for t in view.selected_tickets()]
    assert len(chosen) == 2
    # Meanwhile someone changes the second one: it must be reported, not overwritten.
    t = desk.services.tickets.get(desk.agent, chosen[1]).ticket
    desk.services.tickets.update(desk.agent, t.id, t.version, priority="urgent")
    view.reassign_button.click()
    dialog = view.reassign_dialog
    assert dialog is not None and not dialog.ok_button.isEnabled()
    assert dialog.choose_agent(desk.other_agent.user_id)
    qtbot.keyClicks(dialog.reason, "Ali is on leave")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.tickets_reassigned, timeout=10_000) as done:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert [r.ticket_id for r in result.moved] == [chosen[0]]
    assert [r.problem for r in result.failed] == ["stale"]
    assert dialog.summary.text() == "1 moved, 1 could not be moved."
    assert dialog.results.rowCount() == 2
    assert dialog.results.item(1, 1).text() == "Changed meanwhile"
    assert "changed by Ali Rezaei" in dialog.results.item(1, 2).text()
    assert assignee(desk, chosen[0]) == "Sara Ahmadi"
    assert assignee(desk, chosen[1]) == "Ali Rezaei"
    qtbot.waitUntil(lambda: view.agents.rowCount() and view.agents.data(
        view.agents.index(view.agents.row_of(desk.other_agent.user_id), 2)) == 1)


def test_drag_tickets_onto_an_agent(qtbot, view: SupervisorView, desk: Desk):
    rows = [view.tickets.index(0, 0), view.tickets.index(1, 0)]
    mime = view.tickets.mimeData(rows)
    assert mime.hasFormat(TICKET_REFS_MIME)
    refs = decode_ticket_refs(mime)
    assert [r.ticket_id for r in refs] == [view.tickets.ticket_at(i).id for i in (0, 1)]
    target = agent_index(view, "Sara Ahmadi")
    assert view.agents.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert not view.agents.canDropMimeData(QMimeData(), Qt.DropAction.MoveAction, -1, -1,
                                           target)
    with qtbot.waitSignal(view.tickets_reassigned, timeout=10_000) as done:
        view.agents.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert len(done.args[0].moved) == 2
    for ref in refs:
        assert assignee(desk, ref.ticket_id) == "Sara Ahmadi"
    history = desk.services.tickets.get(desk.supervisor, refs[0].ticket_id).interactions
    assert history[-1].body == ("Reassigned by Maryam Hosseini to Sara Ahmadi: "
                                "Dragged onto Sara Ahmadi in the supervisor view")
    # Dropping the same (now stale) refs again moves nothing and says why.
    with qtbot.waitSignal(view.tickets_reassigned, timeout=10_000) as again:
        view.agents.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1,
                                 agent_index(view, "Ali Rezaei"))
    assert [r.problem for r in again.args[0].failed] == ["stale", "stale"]
    assert assignee(desk, refs[0].ticket_id) == "Sara Ahmadi"


def test_agents_get_a_clear_refusal(qtbot, desk: Desk, runner):
    v = SupervisorView(desk.services, desk.agent, runner)
    qtbot.addWidget(v)
    v.refresh()
    qtbot.waitUntil(lambda: "may not view team workload" in v.status.text(), timeout=10_000)
