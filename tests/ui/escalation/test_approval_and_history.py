"""Delegated authority dialogs and the escalation history widget."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from deskapp.models.enums import ApprovalStatus
from deskapp.ui.dialogs.decision_dialog import DecisionDialog
from deskapp.ui.supervisor.approval_inbox import ApprovalInbox
from deskapp.ui.tasks import TaskRunner
from deskapp.ui.ticket.escalation_history import EscalationHistoryWidget
from tests.helpers.staff import Desk
from tests.unit.test_escalations import log, notes, team_id


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait(10_000)


def test_credit_above_the_limit_goes_to_the_supervisor_who_approves(qtbot, desk: Desk, runner):
    t = log(desk)
    dialog = DecisionDialog(desk.services, desk.agent, runner, t)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "up to 50.00" in dialog.limit.text())
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.amount, "75.5")
    qtbot.keyClicks(dialog.note, "Two days without service.")
    with qtbot.waitSignal(dialog.decision_recorded, timeout=10_000) as done:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not done.args[0].recorded
    assert "sent to a supervisor" in dialog.result_label.text()

    inbox = ApprovalInbox(desk.services, desk.supervisor, runner)
    qtbot.addWidget(inbox)
    inbox.show()
    with qtbot.waitSignal(inbox.count_changed, timeout=10_000) as counted:
        inbox.refresh()
    assert counted.args == [1]
    assert "HQ-000001 · Goodwill credit of 75.50" in inbox.list.item(0).text()
    inbox.list.setCurrentRow(0)
    approval = inbox.open_current()
    assert not approval.reject_button.isEnabled()  # rejecting needs a note
    qtbot.keyClicks(approval.note, "Fine, once.")
    with qtbot.waitSignal(inbox.decided, timeout=10_000) as decided:
        qtbot.mouseClick(approval.approve_button, Qt.MouseButton.LeftButton)
    assert decided.args[0].status is ApprovalStatus.APPROVED
    qtbot.waitUntil(lambda: inbox.list.count() == 0)
    assert any("approved by Maryam Hosseini: Fine, once." in n
               for n in notes(desk, desk.agent, t.id))


def test_history_shows_escalations_and_the_receiver_acknowledges(qtbot, desk: Desk, runner):
    t = log(desk)
    out = desk.services.escalations.escalate_functional(
        desk.agent, t.id, t.version, to_team_id=team_id(desk, "Billing"),
        reason="needs_specialist", note="Refund check.")
    theirs = EscalationHistoryWidget(desk.services, desk.specialist, runner)
    qtbot.addWidget(theirs)
    theirs.show()
    with qtbot.waitSignal(theirs.loaded, timeout=10_000):
        theirs.show_ticket(out.ticket)
    text = theirs.list.item(0).text()
    assert "Functional escalation by Ali Rezaei to Billing — Needs specialist skill" in text
    assert "Not acknowledged yet" in text
    assert theirs.ack_button.isVisible()
    with qtbot.waitSignal(theirs.loaded, timeout=10_000):
        qtbot.mouseClick(theirs.ack_button, Qt.MouseButton.LeftButton)
    assert "Acknowledged by Reza Karimi" in theirs.list.item(0).text()
    assert not theirs.ack_button.isVisible()
    # Reza returns it to tier 1.
    assert theirs.deescalate_button.isEnabled()
    qtbot.mouseClick(theirs.deescalate_button, Qt.MouseButton.LeftButton)
    dialog = theirs.dialog
    qtbot.keyClicks(dialog.note, "Refunded.")
    with qtbot.waitSignal(theirs.ticket_changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    back = desk.services.tickets.get(desk.agent, t.id).ticket
    assert (back.team_name, back.assignee_name) == ("Front desk", "Ali Rezaei")
