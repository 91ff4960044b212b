"""Reading the audit log: a ticket's history (who changed what, when, from which
workstation) for anyone who may see the ticket, and a search by user, ticket and date
for managers and administrators (``VIEW_AUDIT``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select

from deskapp.models import AuditEntry, Ticket, User
from deskapp.services import visibility
from deskapp.services.errors import NotFound
from deskapp.services.permissions import Actor, Permission
from deskapp.services.unit_of_work import UnitOfWorkFactory

MAX_ROWS = 1000


@dataclass(frozen=True)
class AuditRow:
    id: uuid.UUID
    at: datetime
    actor_name: str  # "deskapp" for the system
    action: str
    entity: str
    entity_id: uuid.UUID | None
    details: dict[str, Any]
    host: str


def describe_details(details: dict[str, Any]) -> str:
    """The details as one line, ``key: value`` (the host is shown in its own column)."""
    parts = []
    for key, value in details.items():
        if key == "host":
            continue
        parts.append(f"{key.replace('_', ' ')}: {_plain(value)}")
    return "; ".join(parts)


def _plain(value: Any) -> str:
    """Lists and mappings as words, not Python reprs (Persian stays readable)."""
    if isinstance(value, dict):
        return ", ".join(f"{k} {_plain(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return " → ".join(_plain(v) for v in value) if len(value) == 2 and all(
            isinstance(v, list | tuple) for v in value) else ", ".join(_plain(v) for v in value)
    return "—" if value is None else str(value)


class AuditLogService:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    def ticket_history(self, actor: Actor, ticket_id: uuid.UUID, limit: int = 500
                       ) -> list[AuditRow]:
        """Everything recorded about one ticket, oldest first; also what a merge did to
        it. Whoever may read the ticket in full sees its history (services.visibility)."""
        actor.require(Permission.VIEW_CUSTOMERS)
        with self._uow(read_only=True) as uow:
            s = uow.session
            ticket = s.get(Ticket, ticket_id)
            if ticket is None:
                raise NotFound("That ticket does not exist.", code="ticket.not_found")
            if not visibility.internal_records_visible(s, actor, ticket):
                return []
            q = (self._select()
                 .where(AuditEntry.entity == "ticket", AuditEntry.entity_id == ticket_id)
                 .order_by(AuditEntry.created_at, AuditEntry.id).limit(limit))
            return [_row(e, name) for e, name in s.execute(q)]

    def search(
        self,
        actor: Actor,
        *,
        username: str | None = None,
        ticket_reference: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        action: str | None = None,
        limit: int = MAX_ROWS,
    ) -> list[AuditRow]:
        """Newest first. ``until`` is exclusive; ``action`` matches its start
        (``ticket.`` finds every ticket action)."""
        actor.require(Permission.VIEW_AUDIT)
        with self._uow(read_only=True) as uow:
            s = uow.session
            q = self._select()
            if username and username.strip():
                user_id = s.scalar(select(User.id).where(
                    User.username == username.strip().lower()))
                if user_id is None:
                    raise NotFound(f"There is no user {username!r}.", code="user.not_found",
                                   username=username)
                q = q.where(or_(AuditEntry.actor_id == user_id,
                                (AuditEntry.entity == "user") & (AuditEntry.entity_id == user_id)))
            if ticket_reference and ticket_reference.strip():
                ref = ticket_reference.strip().upper()
                ticket_id = s.scalar(select(Ticket.id).where(Ticket.reference == ref))
                if ticket_id is None:
                    raise NotFound(f"There is no ticket {ref}.", code="ticket.reference",
                                   reference=ref)
                q = q.where(AuditEntry.entity == "ticket", AuditEntry.entity_id == ticket_id)
            if since is not None:
                q = q.where(AuditEntry.created_at >= since)
            if until is not None:
                q = q.where(AuditEntry.created_at < until)
            if action and action.strip():
                q = q.where(AuditEntry.action.startswith(action.strip(), autoescape=True))
            q = q.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc()).limit(
                min(limit, MAX_ROWS))
            return [_row(e, name) for e, name in s.execute(q)]

    @staticmethod
    def _select():
        return select(AuditEntry, User.display_name).outerjoin(
            User, User.id == AuditEntry.actor_id)


def _row(e: AuditEntry, name: str | None) -> AuditRow:
    details = dict(e.details or {})
    return AuditRow(e.id, e.created_at, name or "deskapp", e.action, e.entity, e.entity_id,
                    details, str(details.get("host", "")))
