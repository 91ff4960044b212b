"""The escalate dialog end to end: fill it in, accept, the record exists, the ticket moved."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from deskapp.models.enums import EscalationKind
from deskapp.ui.dialogs.escalate_dialog import EscalateDialog
from deskapp.ui.tasks import TaskRunner
from tests.helpers.staff import Desk
from tests.unit.test_escalations import log


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait(10_000)


def open_dialog(qtbot, desk: Desk, runner: TaskRunner, ticket) -> EscalateDialog:
    dialog = EscalateDialog(desk.services, desk.agent, runner, ticket)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.reason.count() > 1 and dialog.team_list.count() > 0)
    return dialog


def test_functional_escalation_end_to_end(qtbot, desk: Desk, runner):
    t = log(desk)
    dialog = open_dialog(qtbot, desk, runner, t)
    assert not dialog.ok_button.isEnabled()
    assert dialog.team_list.count() == 1  # Billing; the ticket's own team is not offered
    assert "Billing — billing · 0 open" in dialog.team_list.item(0).text()
    dialog.team_list.setCurrentRow(0)
    dialog.reason.setCurrentIndex(dialog.reason.findData("needs_specialist"))
    assert not dialog.ok_button.isEnabled()  # the note is required
    qtbot.keyClicks(dialog.note, "Refund needs the billing system.")
    assert dialog.ok_button.isEnabled()
    dialog.keep_informed.setChecked(True)
    with qtbot.waitSignal(dialog.ticket_escalated, timeout=10_000) as done:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    outcome = done.args[0]
    assert outcome.ticket.team_name == "Billing"
    (record,) = desk.services.escalations.history(desk.supervisor, t.id)
    assert (record.kind, record.reason, record.note, record.keep_informed) == (
        EscalationKind.FUNCTIONAL, "Needs specialist skill", "Refund needs the billing system.",
        True)
    assert desk.services.tickets.get(desk.supervisor, t.id).ticket.team_name == "Billing"
    assert dialog.result() == EscalateDialog.DialogCode.Accepted


def test_hierarchical_to_the_supervisor(qtbot, desk: Desk, runner):
    t = log(desk)
    dialog = open_dialog(qtbot, desk, runner, t)
    dialog.hierarchical.setChecked(True)
    assert dialog.pages.currentIndex() == 1 and not dialog.ok_button.isEnabled()
    assert dialog.hierarchy_list.item(0).text().startswith("Supervisor: Maryam Hosseini")
    dialog.hierarchy_list.setCurrentRow(0)
    dialog.reason.setCurrentIndex(dialog.reason.findData("customer_insists"))
    qtbot.keyClicks(dialog.note, "Wants a manager.")
    with qtbot.waitSignal(dialog.ticket_escalated, timeout=10_000) as done:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert done.args[0].ticket.assignee_name == "Maryam Hosseini"
    assert done.args[0].ticket.escalation_level == 1


def test_service_errors_show_inside_and_keep_the_input(qtbot, desk: Desk, runner):
    t = log(desk)
    dialog = open_dialog(qtbot, desk, runner, t)
    desk.services.tickets.update(desk.supervisor, t.id, t.version, priority="high")
    dialog.team_list.setCurrentRow(0)
    dialog.reason.setCurrentIndex(dialog.reason.findData("needs_specialist"))
    qtbot.keyClicks(dialog.note, "typed text stays")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "changed by Maryam Hosseini" in dialog.error.text()
    assert dialog.note.toPlainText() == "typed text stays" and dialog.isVisible()
    assert desk.services.escalations.history(desk.supervisor, t.id) == []


def test_skill_filter_narrows_the_teams(qtbot, desk: Desk, runner):
    desk.services.staff.create_team(desk.admin, "Network", skills=["network", "fibre"])
    dialog = open_dialog(qtbot, desk, runner, log(desk))
    assert dialog.team_list.count() == 2
    qtbot.keyClicks(dialog.skill_filter, "fib")
    assert [dialog.team_list.item(i).text().split(" — ")[0]
            for i in range(dialog.team_list.count())] == ["Network"]
