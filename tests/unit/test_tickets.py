"""Ticket service: log a call, the conversation, the lifecycle, assignment, stale edits."""

from __future__ import annotations

import uuid

import pytest

from deskapp.models.enums import Channel, Direction, InteractionKind, Priority, Status
from deskapp.services.customers import NewCustomer
from deskapp.services.errors import (
    InvalidTransition,
    PermissionDenied,
    StaleUpdate,
    ValidationFailed,
)
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk


def log(desk: Desk, actor=None, **kw):
    call = NewCall(
        subject=kw.pop("subject", "Internet drops every evening"),
        notes=kw.pop("notes", "Customer says the modem restarts at 8pm."),
        new_customer=kw.pop("new_customer", NewCustomer("Zahra Kazemi", phones=["0912 345 6789"],
                                                          email="zahra@example.com")),
        **kw,
    )
    return desk.services.tickets.log_call(actor or desk.agent, call)


def test_log_call_creates_customer_ticket_and_first_interaction(desk: Desk):
    detail = log(desk)
    t = detail.ticket
    assert t.reference == "HQ-000001"
    assert t.status is Status.OPEN
    assert t.assignee_id == desk.agent.user_id
    assert t.team_name == "Front desk"
    assert detail.customer.phones == ("09123456789",)
    assert [(i.kind, i.direction) for i in detail.interactions] == [
        (InteractionKind.CALL, Direction.INBOUND)
    ]
    # A phone call is answered by a person: the first response is met at once.
    assert detail.first_response_at is not None
    second = log(desk, customer_id=detail.customer.id, new_customer=None, channel=Channel.EMAIL)
    assert second.ticket.reference == "HQ-000002"
    assert second.first_response_at is None


def test_email_reply_is_the_first_response_and_customer_reply_resumes(desk: Desk):
    t = log(desk, channel=Channel.EMAIL).ticket
    tickets = desk.services.tickets
    tickets.add_interaction(desk.agent, t.id, InteractionKind.EMAIL, "Please restart the modem.")
    t = tickets.get(desk.agent, t.id).ticket
    t = tickets.change_status(desk.agent, t.id, t.version, Status.PENDING_CUSTOMER)
    tickets.add_interaction(
        desk.agent, t.id, InteractionKind.EMAIL, "Did not help.", Direction.INBOUND
    )
    detail = tickets.get(desk.agent, t.id)
    assert detail.first_response_at is not None
    assert detail.ticket.status is Status.OPEN


def test_lifecycle_resolve_close_reopen_and_fcr(desk: Desk):
    tickets = desk.services.tickets
    t = log(desk).ticket
    t = tickets.change_status(desk.agent, t.id, t.version, Status.RESOLVED, csat=5)
    assert t.status is Status.RESOLVED and t.csat == 5
    assert tickets.get(desk.agent, t.id).first_contact_resolution is True
    t = tickets.change_status(desk.agent, t.id, t.version, Status.CLOSED)
    with pytest.raises(InvalidTransition, match="closed; it cannot become pending customer"):
        tickets.change_status(desk.agent, t.id, t.version, Status.PENDING_CUSTOMER)
    t = tickets.change_status(desk.agent, t.id, t.version, Status.OPEN)
    detail = tickets.get(desk.agent, t.id)
    assert detail.ticket.resolved_at is None and detail.first_contact_resolution is False


def test_stale_update_names_who_changed_it(desk: Desk):
    tickets = desk.services.tickets
    t = log(desk).ticket
    tickets.change_status(desk.supervisor, t.id, t.version, Status.PENDING_THIRD_PARTY)
    with pytest.raises(StaleUpdate, match="Ticket HQ-000001 was changed by Maryam Hosseini"):
        tickets.change_status(desk.agent, t.id, t.version, Status.RESOLVED)


def test_appends_do_not_conflict(desk: Desk):
    tickets = desk.services.tickets
    t = log(desk).ticket
    tickets.change_status(desk.supervisor, t.id, t.version, Status.PENDING_THIRD_PARTY)
    # The agent's view is one version old; a note still goes in.
    tickets.add_interaction(desk.agent, t.id, InteractionKind.INTERNAL_NOTE, "Called the ISP.")
    assert len(tickets.get(desk.agent, t.id).interactions) == 2


def test_agent_cannot_work_another_teams_ticket(desk: Desk):
    tickets = desk.services.tickets
    t = log(desk).ticket  # Ali's, Front desk
    with pytest.raises(PermissionDenied, match="belongs to another agent or team"):
        tickets.change_status(desk.other_agent, t.id, t.version, Status.RESOLVED)
    with pytest.raises(PermissionDenied):
        tickets.add_interaction(desk.other_agent, t.id, InteractionKind.EMAIL, "hi")


def test_agent_takes_from_pool_but_cannot_move_others_work(desk: Desk):
    tickets = desk.services.tickets
    t = log(desk).ticket
    t = tickets.assign(desk.agent, t.id, t.version, None, reason="end of shift")
    assert t.assignee_id is None
    with pytest.raises(PermissionDenied, match="ask a supervisor"):
        tickets.assign(desk.agent, t.id, t.version, desk.other_agent.user_id)
    t = tickets.assign(desk.supervisor, t.id, t.version, desk.other_agent.user_id)
    assert t.assignee_name == "Sara Ahmadi"


def test_over_long_and_missing_fields_are_refused(desk: Desk):
    with pytest.raises(ValidationFailed, match="Subject is 201 characters long; the limit is 200"):
        log(desk, subject="x" * 201)
    with pytest.raises(ValidationFailed, match="Priority 'whenever' is not one of"):
        log(desk, priority="whenever")
    with pytest.raises(ValidationFailed, match="existing customer or enter a new one"):
        log(desk, new_customer=None)
    assert desk.services.customers.lookup(desk.agent, "Zahra") == []


def test_priority_change_is_recorded(desk: Desk):
    tickets = desk.services.tickets
    t = log(desk).ticket
    t = tickets.update(desk.agent, t.id, t.version, priority=Priority.URGENT)
    assert t.priority is Priority.URGENT


def test_a_retried_send_with_the_same_id_is_stored_once(desk: Desk):
    """A send that failed with the connection may have committed; sending again with the
    id chosen for the draft returns the stored message instead of adding it twice."""
    import uuid6

    tickets = desk.services.tickets
    t = log(desk).ticket
    draft_id = uuid.UUID(bytes=uuid6.uuid7().bytes)
    first = tickets.add_interaction(
        desk.agent, t.id, InteractionKind.EMAIL, "Please restart the modem.",
        interaction_id=draft_id,
    )
    again = tickets.add_interaction(
        desk.agent, t.id, InteractionKind.EMAIL, "Please restart the modem.",
        interaction_id=draft_id,
    )
    assert first.id == again.id == draft_id
    bodies = [i.body for i in tickets.get(desk.agent, t.id).interactions]
    assert bodies.count("Please restart the modem.") == 1
    with pytest.raises(ValidationFailed, match="already used"):
        tickets.add_interaction(desk.supervisor, t.id, InteractionKind.INTERNAL_NOTE, "x",
                                interaction_id=draft_id)
