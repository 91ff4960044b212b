"""Read helpers that turn ticket rows into TicketSummary records in one query."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from deskapp.models import Customer, Team, Ticket, User
from deskapp.models.enums import SlaClock
from deskapp.services.dto import TicketSummary
from deskapp.services.sla import raised_percents

_Assignee = aliased(User)


def summary_columns() -> Select:
    """Ticket plus the names a queue row shows, without loading relationships."""
    return (
        select(Ticket, Customer.name, _Assignee.display_name, Team.name)
        .join(Customer, Customer.id == Ticket.customer_id)
        .outerjoin(_Assignee, _Assignee.id == Ticket.assignee_id)
        .outerjoin(Team, Team.id == Ticket.team_id)
    )


def ticket_summaries(session: Session, ticket_select: Select) -> list[TicketSummary]:
    """Summaries for the tickets ``ticket_select`` (a ``select(Ticket)...``) returns, in order."""
    ids = session.scalars(ticket_select.with_only_columns(Ticket.id))
    order = {tid: n for n, tid in enumerate(ids)}
    if not order:
        return []
    rows = session.execute(summary_columns().where(Ticket.id.in_(order)))
    raised = raised_percents(session, list(order))
    found = [to_summary(t, c, a, team, raised.get(t.id)) for t, c, a, team in rows]
    found.sort(key=lambda s: order[s.id])
    return found


def to_summary(
    t: Ticket, customer_name: str, assignee_name: str | None, team_name: str | None,
    raised: dict[SlaClock, int] | None = None,
) -> TicketSummary:
    raised = raised or {}
    return TicketSummary(
        id=t.id,
        reference=t.reference,
        subject=t.subject,
        channel=t.channel,
        category=t.category,
        priority=t.priority,
        status=t.status,
        customer_id=t.customer_id,
        customer_name=customer_name,
        assignee_id=t.assignee_id,
        assignee_name=assignee_name,
        team_id=t.team_id,
        team_name=team_name,
        escalation_level=t.escalation_level,
        created_at=t.created_at,
        updated_at=t.updated_at,
        first_response_due=t.first_response_due,
        resolution_due=t.resolution_due,
        sla_paused_since=t.sla_paused_since,
        resolved_at=t.resolved_at,
        csat=t.csat,
        version=t.version,
        first_response_at=t.first_response_at,
        first_response_raised=raised.get(SlaClock.FIRST_RESPONSE, 0),
        resolution_raised=raised.get(SlaClock.RESOLUTION, 0),
    )
