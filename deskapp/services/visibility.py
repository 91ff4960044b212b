"""Who may read which ticket, and how much of it: one rule, used by the ticket view,
the queue (as SQL), and the customer history.

* **Full** (the ticket, its whole conversation and the internal notes):
  managers and administrators: every ticket. Everyone else: tickets assigned to them,
  tickets of the teams they belong to or supervise, the shared pool (no team, no
  assignee), and tickets escalated to them by name.
* **Customer-facing** (the ticket and what the customer was told or said; no internal
  notes): tickets of a customer they are serving, i.e. a customer who has an open
  ticket they read in full: the agent on the line sees the caller's other tickets.
* **None**: any other ticket is not shown in the queue and cannot be opened.

The queue filters with :func:`full_condition` in SQL (an OR of indexed columns and one
small sub-select), so it stays a single indexed query at a million tickets.
"""

from __future__ import annotations

import enum
import uuid

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import Session

from deskapp.models import Escalation, Team, Ticket
from deskapp.models.enums import OPEN_STATUSES, Direction, Role
from deskapp.services.errors import PermissionDenied
from deskapp.services.permissions import Actor


class Access(enum.IntEnum):
    NONE = 0
    CUSTOMER = 1  # the ticket and the customer-facing conversation
    FULL = 2  # everything, internal notes included


def sees_everything(actor: Actor) -> bool:
    return actor.is_system or actor.role in (Role.MANAGER, Role.ADMIN)


def team_scope(s: Session, actor: Actor) -> frozenset[uuid.UUID]:
    """The teams ``actor`` belongs to or supervises."""
    supervised = set()
    if actor.user_id is not None:
        supervised = set(s.scalars(select(Team.id).where(Team.supervisor_id == actor.user_id)))
    return frozenset(actor.team_ids) | frozenset(supervised)


def full_condition(s: Session, actor: Actor) -> ColumnElement[bool] | None:
    """SQL over ``Ticket``: the tickets ``actor`` reads in full; None: all of them."""
    if sees_everything(actor):
        return None
    conds: list[ColumnElement[bool]] = [
        and_(Ticket.team_id.is_(None), Ticket.assignee_id.is_(None))
    ]
    teams = team_scope(s, actor)
    if teams:
        conds.append(Ticket.team_id.in_(sorted(teams)))
    if actor.user_id is not None:
        conds.append(Ticket.assignee_id == actor.user_id)
        conds.append(Ticket.id.in_(
            select(Escalation.ticket_id).where(Escalation.to_user_id == actor.user_id)
        ))
    return or_(*conds)


def serving_condition(s: Session, actor: Actor) -> ColumnElement[bool] | None:
    """SQL over ``Ticket``: tickets of customers ``actor`` is serving (None: all)."""
    full = full_condition(s, actor)
    if full is None:
        return None
    mine = (
        select(Ticket.customer_id)
        .where(full, Ticket.status.in_(OPEN_STATUSES), Ticket.deleted_at.is_(None))
        .scalar_subquery()
    )
    return Ticket.customer_id.in_(mine)


def access(s: Session, actor: Actor, ticket: Ticket) -> Access:
    if sees_everything(actor):
        return Access.FULL
    full = full_condition(s, actor)
    assert full is not None
    if s.scalar(select(exists().where(Ticket.id == ticket.id, full))):
        return Access.FULL
    serving = (
        select(Ticket.id)
        .where(Ticket.customer_id == ticket.customer_id, Ticket.status.in_(OPEN_STATUSES),
               Ticket.deleted_at.is_(None), full)
        .limit(1)
    )
    if s.scalar(serving) is not None:
        return Access.CUSTOMER
    return Access.NONE


def require_access(s: Session, actor: Actor, ticket: Ticket) -> Access:
    level = access(s, actor, ticket)
    if level is Access.NONE:
        raise PermissionDenied(
            f"{ticket.reference} belongs to another team; {actor.display_name} "
            f"({actor.role.value}) may not read it.",
            code="ticket.not_visible", reference=ticket.reference,
        )
    return level


def internal_records_visible(s: Session, actor: Actor, ticket: Ticket) -> bool:
    """For a ticket's internal records (escalations, approvals, audit entries): refused
    like the ticket itself when the actor may not read it; ``False`` when they read it
    only as the customer's current server, who sees what the customer was told and no
    more."""
    return require_access(s, actor, ticket) is Access.FULL


def is_public(direction: Direction) -> bool:
    """What the customer said or was told (not an internal note)."""
    return direction is not Direction.INTERNAL
