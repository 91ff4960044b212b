"""Supervisor workload and bulk reassignment (all-or-nothing per ticket)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from deskapp.models import Assignment, AuditEntry, SlaStageEvent, Ticket, utcnow
from deskapp.models.enums import Presence
from deskapp.services.errors import PermissionDenied, StaleUpdate, ValidationFailed
from deskapp.services.workload import TicketRef
from tests.helpers.staff import Desk
from tests.unit.test_escalations import log, notes, team_id


def set_due(desk: Desk, ticket_id, *, started_ago: timedelta, due_in: timedelta):
    now = utcnow()
    with desk.services.uow() as uow:
        t = uow.session.get(Ticket, ticket_id)
        t.created_at = now - started_ago
        t.first_response_at = t.created_at
        t.resolution_due = now + due_in
        uow.commit()


def test_agents_and_specialists_cannot_see_the_workload(desk: Desk):
    for actor in (desk.agent, desk.specialist):
        with pytest.raises(PermissionDenied):
            desk.services.workload.workload(actor)
        with pytest.raises(PermissionDenied):
            desk.services.workload.tickets(actor)


def test_workload_counts_open_warning_breached_and_presence(desk: Desk):
    a, b, c = (log(desk, subject=f"t{n}") for n in range(3))
    set_due(desk, b.id, started_ago=timedelta(hours=9), due_in=timedelta(hours=1))  # 90 %
    set_due(desk, c.id, started_ago=timedelta(hours=9), due_in=timedelta(hours=-1))  # late
    with desk.services.uow() as uow:  # the scanner raised b's 90 % stage (sla_state's rule)
        uow.session.add(SlaStageEvent(ticket_id=b.id, clock="resolution", stage="warning_90",
                                      due_at=utcnow()))
        uow.commit()
    desk.services.staff.set_presence(desk.agent, Presence.AWAY)
    work = desk.services.workload.workload(desk.supervisor)
    by_name = {x.display_name: x for x in work.agents}
    # Maryam supervises Front desk and Billing: their members.
    assert sorted(by_name) == ["Ali Rezaei", "Maryam Hosseini", "Reza Karimi", "Sara Ahmadi"]
    ali = by_name["Ali Rezaei"]
    assert (ali.open_count, ali.warning_count, ali.breached_count, ali.presence) == (
        3, 1, 1, Presence.AWAY)
    assert by_name["Sara Ahmadi"].open_count == 0
    assert {t.name: t.open_count for t in work.teams} == {"Billing": 0, "Front desk": 3}
    mine = desk.services.workload.tickets(desk.supervisor, assignee_id=desk.agent.user_id)
    assert {t.id for t in mine} == {a.id, b.id, c.id}


def test_bulk_reassignment_reports_each_ticket(desk: Desk):
    work = desk.services.workload
    a, b, c = (log(desk, subject=f"t{n}") for n in range(3))
    # b changes after the supervisor loaded the list.
    desk.services.tickets.update(desk.agent, b.id, b.version, priority="urgent")
    ghost = uuid.uuid4()
    result = work.reassign(
        desk.supervisor,
        [TicketRef(a.id, a.version), TicketRef(b.id, b.version), TicketRef(ghost, 1),
         TicketRef(c.id, c.version)],
        to_user_id=desk.other_agent.user_id, reason="Ali is on leave",
    )
    assert [r.ticket_id for r in result.moved] == [a.id, c.id]
    stale, missing = result.failed
    assert (stale.reference, stale.problem) == ("HQ-000002", "stale")
    assert "changed by Ali Rezaei" in stale.message and stale.new_version == b.version + 1
    assert (missing.problem, missing.reference) == ("not_found", None)
    # Moved tickets: history, audit, timeline; the stale one untouched.
    with desk.services.uow() as uow:
        s = uow.session
        assert s.get(Ticket, b.id).assignee_id == desk.agent.user_id
        moved_to = {r.ticket_id: r.to_user_id for r in s.scalars(
            select(Assignment).where(Assignment.reason == "Ali is on leave"))}
        audited = list(s.scalars(select(AuditEntry.entity_id).where(
            AuditEntry.action == "ticket.assigned")))
    assert moved_to == {a.id: desk.other_agent.user_id, c.id: desk.other_agent.user_id}
    assert sorted(audited) == sorted([a.id, c.id])
    assert any(n == "Reassigned by Maryam Hosseini to Sara Ahmadi: Ali is on leave"
               for n in notes(desk, desk.supervisor, a.id))


def test_agents_cannot_move_other_peoples_tickets(desk: Desk):
    work = desk.services.workload
    mine = log(desk)
    theirs = log(desk, actor=desk.other_agent)
    result = work.reassign(desk.agent, [(theirs.id, theirs.version), (mine.id, mine.version)],
                           to_user_id=desk.agent.user_id, reason="mine now")
    (failed,) = result.failed
    assert failed.ticket_id == theirs.id and failed.problem == "permission"
    assert [r.message for r in result.moved] == ["HQ-000001 was already there."]
    with pytest.raises(PermissionDenied, match="ask a supervisor"):
        work.reassign_one(desk.agent, mine.id, mine.version, to_user_id=desk.specialist.user_id,
                          reason="help")


def test_second_of_two_supervisors_gets_a_named_stale_error(desk: Desk):
    work = desk.services.workload
    t = log(desk)
    work.reassign_one(desk.manager, t.id, t.version, to_user_id=desk.other_agent.user_id,
                      reason="first")
    with pytest.raises(StaleUpdate, match="Ticket HQ-000001 was changed by Nima Moradi at "):
        work.reassign_one(desk.supervisor, t.id, t.version, to_user_id=desk.specialist.user_id,
                          reason="second")


def test_bulk_to_a_team_and_bad_requests(desk: Desk):
    work = desk.services.workload
    t = log(desk)
    result = work.reassign(desk.supervisor, [(t.id, t.version)],
                           to_team_id=team_id(desk, "Billing"), reason="billing question")
    assert result.moved[0].moved
    billing = team_id(desk, "Billing")
    with desk.services.uow(read_only=True) as uow:
        moved = uow.session.get(Ticket, t.id)
        assert (moved.team_id, moved.assignee_id) == (billing, None)
    with pytest.raises(ValidationFailed, match="Reason is required"):
        work.reassign(desk.supervisor, [(t.id, 1)], to_user_id=desk.agent.user_id, reason="")
    with pytest.raises(ValidationFailed, match="Choose an agent or a team"):
        work.reassign(desk.supervisor, [(t.id, 1)], reason="x")
    with pytest.raises(ValidationFailed, match="at least one ticket"):
        work.reassign(desk.supervisor, [], to_user_id=desk.agent.user_id, reason="x")
