"""Reading the audit log: a ticket's history for whoever sees the ticket (with the
workstation), and the managers' and administrators' search by user, ticket and date."""

from __future__ import annotations

from datetime import timedelta

import pytest

from deskapp.models import utcnow
from deskapp.models.enums import Priority
from deskapp.services.audit_log import describe_details
from deskapp.services.customers import NewCustomer
from deskapp.services.errors import NotFound, PermissionDenied
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk


def test_ticket_history_and_search(desk: Desk):
    s = desk.services
    d = s.tickets.log_call(desk.agent, NewCall(subject="Slow line",
                                               new_customer=NewCustomer("Omid")))
    t = s.tickets.update(desk.supervisor, d.ticket.id, d.ticket.version,
                         priority=Priority.HIGH)
    history = s.audit_log.ticket_history(desk.agent, t.id)
    with pytest.raises(PermissionDenied):  # another team's agent: not their ticket
        s.audit_log.ticket_history(desk.other_agent, t.id)
    assert [r.actor_name for r in history][-1] == "Maryam Hosseini"
    assert all(r.host for r in history)
    assert "priority" in describe_details(history[-1].details) or history[-1].action
    # Search: by user, by ticket, by date; only managers and administrators.
    with pytest.raises(PermissionDenied):
        s.audit_log.search(desk.supervisor)
    by_maryam = s.audit_log.search(desk.manager, username="maryam")
    assert by_maryam and all(r.actor_name == "Maryam Hosseini" for r in by_maryam
                             if r.entity != "user")
    by_ticket = s.audit_log.search(desk.admin, ticket_reference=t.reference.lower())
    assert {r.entity_id for r in by_ticket} == {t.id}
    assert s.audit_log.search(desk.admin, since=utcnow() + timedelta(minutes=1)) == []
    assert s.audit_log.search(desk.admin, action="ticket.")
    with pytest.raises(NotFound):
        s.audit_log.search(desk.admin, ticket_reference="HQ-999999")
