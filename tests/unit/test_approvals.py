"""Delegated authority: within the role's limit recorded at once, above it an approval
request a supervisor (or, above theirs, a manager) decides."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from deskapp.models import AuditEntry, Notification
from deskapp.models.enums import ApprovalStatus, NotificationKind, Role
from deskapp.services.errors import (
    InvalidTransition,
    PermissionDenied,
    StaleUpdate,
    ValidationFailed,
)
from tests.helpers.staff import Desk
from tests.unit.test_escalations import log, notes


def audit_actions(desk: Desk) -> list[str]:
    with desk.services.uow() as uow:
        return list(uow.session.scalars(select(AuditEntry.action)))


def titles(desk: Desk, user_id) -> list[str]:
    with desk.services.uow() as uow:
        return list(uow.session.scalars(select(Notification.title).where(
            Notification.recipient_id == user_id, Notification.kind == NotificationKind.APPROVAL)))


def test_within_the_limit_is_recorded_directly(desk: Desk):
    t = log(desk)
    result = desk.services.approvals.record_decision(
        desk.agent, t.id, "goodwill_credit", "30", "Sorry for the double charge.")
    assert result.recorded and result.approval is None and result.limit == Decimal("50")
    assert any(n.startswith("Goodwill credit of 30.00 granted by Ali Rezaei")
               for n in notes(desk, desk.agent, t.id))
    assert "decision.recorded" in audit_actions(desk)
    assert desk.services.approvals.for_ticket(desk.agent, t.id) == []


def test_above_the_limit_needs_a_supervisor_who_sees_and_decides_it(desk: Desk):
    approvals = desk.services.approvals
    t = log(desk)
    result = approvals.record_decision(desk.agent, t.id, "warranty", Decimal("80"),
                                       "Replace the router under warranty.")
    assert not result.recorded and "above your authority (50.00)" in result.message
    pending = approvals.pending(desk.supervisor)
    assert [(p.id, p.status, p.amount) for p in pending] == [
        (result.approval.id, ApprovalStatus.PENDING, Decimal("80.00"))]
    assert titles(desk, desk.supervisor.user_id) == [
        "HQ-000001: approve a warranty decision of 80.00?"]
    with pytest.raises(PermissionDenied):
        approvals.pending(desk.agent)
    with pytest.raises(PermissionDenied):
        approvals.decide(desk.agent, pending[0].id, pending[0].version, approve=True)
    with pytest.raises(ValidationFailed, match="Note is required"):
        approvals.decide(desk.supervisor, pending[0].id, pending[0].version, approve=False)
    decided = approvals.decide(desk.supervisor, pending[0].id, pending[0].version,
                               approve=False, note="Out of warranty since March.")
    assert decided.status is ApprovalStatus.REJECTED
    assert decided.decided_by_name == "Maryam Hosseini"
    assert titles(desk, desk.agent.user_id) == [
        "HQ-000001: your warranty decision of 80.00 was rejected"]
    assert any("rejected by Maryam Hosseini: Out of warranty" in n
               for n in notes(desk, desk.agent, t.id))
    with pytest.raises(InvalidTransition, match="already rejected by Maryam Hosseini"):
        approvals.decide(desk.supervisor, decided.id, decided.version, approve=True)
    assert approvals.pending(desk.supervisor) == []
    assert {"approval.requested", "approval.rejected"} <= set(audit_actions(desk))


def test_above_a_supervisors_own_limit_a_manager_approves(desk: Desk):
    approvals = desk.services.approvals
    t = log(desk)
    req = approvals.record_decision(desk.agent, t.id, "goodwill_credit", "5000", "Big client.")
    assert titles(desk, desk.manager.user_id) and not titles(desk, desk.supervisor.user_id)
    a = req.approval
    with pytest.raises(PermissionDenied, match="above your own authority"):
        approvals.decide(desk.supervisor, a.id, a.version, approve=True)
    with pytest.raises(StaleUpdate):
        approvals.decide(desk.manager, a.id, a.version + 1, approve=True)
    ok = approvals.decide(desk.manager, a.id, a.version, approve=True)
    assert ok.status is ApprovalStatus.APPROVED and ok.version == a.version + 1


def test_limits_are_data_managers_change(desk: Desk):
    approvals = desk.services.approvals
    limits = {x.role: x for x in approvals.limits()}
    assert limits[Role.AGENT].max_amount == Decimal("50")
    assert limits[Role.MANAGER].max_amount is None
    with pytest.raises(PermissionDenied, match="ask a manager"):
        approvals.set_limit(desk.supervisor, Role.AGENT, "100", limits[Role.AGENT].version)
    approvals.set_limit(desk.manager, Role.AGENT, "100", limits[Role.AGENT].version)
    t = log(desk)
    assert approvals.record_decision(desk.agent, t.id, "goodwill_credit", "80", "ok").recorded


def test_bad_amounts_and_foreign_tickets_are_refused(desk: Desk):
    approvals = desk.services.approvals
    t = log(desk)
    for bad, message in [("-1", "zero or more"), ("1.234", "two decimal places"),
                         ("lots", "not a number"), ("0", "above zero")]:
        with pytest.raises(ValidationFailed, match=message):
            approvals.record_decision(desk.agent, t.id, "goodwill_credit", bad, "n")
    with pytest.raises(ValidationFailed, match="Decision 'refund' is not one of"):
        approvals.record_decision(desk.agent, t.id, "refund", "1", "n")
    with pytest.raises(PermissionDenied, match="belongs to another agent or team"):
        approvals.record_decision(desk.other_agent, t.id, "goodwill_credit", "1", "n")


# -- hardening (issue 10): scope of the decision, running total per ticket and kind ---


def test_a_supervisor_cannot_decide_a_request_of_a_team_they_do_not_lead(desk: Desk):
    from deskapp.services.permissions import SYSTEM

    approvals = desk.services.approvals
    desk.services.staff.create_user(SYSTEM, "farhad", "Farhad", "supervisor", "correct horse")
    farhad = desk.services.staff.actor("farhad")
    t = log(desk)  # Front desk, led by maryam
    request = approvals.record_decision(desk.agent, t.id, "warranty", "80", "Router.").approval
    assert approvals.pending(farhad) == []
    with pytest.raises(PermissionDenied) as exc:
        approvals.decide(farhad, request.id, request.version, approve=True)
    assert exc.value.code == "approval.out_of_scope"
    assert approvals.pending(desk.supervisor)[0].status is ApprovalStatus.PENDING
    assert approvals.decide(desk.supervisor, request.id, request.version,
                            approve=True).status is ApprovalStatus.APPROVED
    assert approvals.decide(desk.manager, approvals.record_decision(
        desk.agent, t.id, "warranty", "90", "Again.").approval.id, 1,
        approve=False, note="No.").status is ApprovalStatus.REJECTED


def test_splitting_a_credit_does_not_get_around_the_limit(desk: Desk):
    approvals = desk.services.approvals
    t = log(desk)
    results = [approvals.record_decision(desk.agent, t.id, "goodwill_credit", "20", "part")
               for _ in range(3)]
    assert [r.recorded for r in results] == [True, True, False]
    assert "20.00 with 40.00 already on the ticket is above your authority (50.00)" in (
        results[2].message)
    # The kinds are separate totals; other tickets are separate totals.
    assert approvals.record_decision(desk.agent, t.id, "warranty", "50", "w").recorded
    assert approvals.record_decision(desk.agent, log(desk, subject="Other").id,
                                     "goodwill_credit", "50", "o").recorded
    # While a request is pending, nothing more is granted beside it.
    assert not approvals.record_decision(desk.agent, t.id, "goodwill_credit", "1", "x").recorded
    # Only the real requests are listed; grants within authority are not requests.
    assert [r.amount for r in approvals.for_ticket(desk.agent, t.id)] == [
        Decimal("20.00"), Decimal("1.00")]


def test_a_supervisor_approves_up_to_their_limit_on_the_ticket_total(desk: Desk):
    approvals = desk.services.approvals
    version = next(x.version for x in approvals.limits() if x.role is Role.SUPERVISOR)
    approvals.set_limit(desk.manager, "supervisor", "100", version)
    t = log(desk)
    first = approvals.record_decision(desk.agent, t.id, "goodwill_credit", "60", "a").approval
    approvals.decide(desk.supervisor, first.id, first.version, approve=True)
    second = approvals.record_decision(desk.agent, t.id, "goodwill_credit", "60", "b").approval
    with pytest.raises(PermissionDenied) as exc:
        approvals.decide(desk.supervisor, second.id, second.version, approve=True)
    assert exc.value.code == "approval.above_own_limit" and exc.value.params["total"] == "120.00"
    assert approvals.decide(desk.manager, second.id, second.version,
                            approve=True).status is ApprovalStatus.APPROVED
