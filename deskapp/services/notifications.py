"""Stored notifications: written in the same transaction as what caused them,
deduplicated by key, read by the notification centre."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from deskapp.models import Notification, Ticket, new_id, utcnow
from deskapp.models.enums import NotificationKind
from deskapp.services.permissions import Actor
from deskapp.services.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class NotificationInfo:
    id: uuid.UUID
    kind: NotificationKind
    stage: str
    title: str
    body: str
    urgency: str
    ticket_id: uuid.UUID | None
    ticket_reference: str | None
    created_at: datetime
    read_at: datetime | None
    # What it says as a stable code and parameters (the UI words it in the reader's
    # language: ui.notifications.wording); "" for a free text (title/body).
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def notify(
    session: Session,
    recipient_id: uuid.UUID,
    ticket: Ticket | None,
    kind: NotificationKind,
    *,
    title: str,
    body: str,
    dedupe_key: str,
    stage: str = "",
    urgency: str = "normal",
    code: str = "",
    params: dict[str, Any] | None = None,
) -> bool:
    """Store a notification unless one with ``dedupe_key`` exists. Returns whether it was
    new. INSERT ... ON CONFLICT DO NOTHING: safe when several workstations race."""
    values = dict(
        id=new_id(),
        created_at=utcnow(),
        recipient_id=recipient_id,
        ticket_id=ticket.id if ticket is not None else None,
        kind=kind,
        stage=stage,
        title=title[:200],
        body=body,
        urgency=urgency,
        dedupe_key=dedupe_key[:200],
        code=code,
        params=dict(params or {}),
    )
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = (
        insert(Notification)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(Notification.id)
    )
    # RETURNING, not rowcount: psycopg 3 under SQLAlchemy 2.1 reports -1 for this insert.
    return session.execute(stmt).first() is not None


class NotificationService:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    def recent(self, actor: Actor, limit: int = 100) -> list[NotificationInfo]:
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(Notification, Ticket.reference)
                .outerjoin(Ticket, Ticket.id == Notification.ticket_id)
                .where(Notification.recipient_id == actor.user_id)
                .order_by(Notification.created_at.desc(), Notification.id.desc())
                .limit(limit)
            )
            return [_info(n, ref) for n, ref in rows]

    def unread_count(self, actor: Actor) -> int:
        with self._uow(read_only=True) as uow:
            return uow.session.scalar(
                select(func.count())
                .select_from(Notification)
                .where(Notification.recipient_id == actor.user_id, Notification.read_at.is_(None))
            ) or 0

    def since(self, actor: Actor, after: datetime) -> list[NotificationInfo]:
        """Notifications for the actor created after ``after`` (for desktop popups)."""
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(Notification, Ticket.reference)
                .outerjoin(Ticket, Ticket.id == Notification.ticket_id)
                .where(Notification.recipient_id == actor.user_id, Notification.created_at > after)
                .order_by(Notification.created_at)
            )
            return [_info(n, ref) for n, ref in rows]

    def mark_read(self, actor: Actor, ids: list[uuid.UUID] | None = None) -> int:
        """Mark the given notifications (or all) of the actor as read."""
        with self._uow() as uow:
            stmt = update(Notification).where(
                Notification.recipient_id == actor.user_id, Notification.read_at.is_(None)
            )
            if ids is not None:
                stmt = stmt.where(Notification.id.in_(ids))
            count = uow.session.execute(stmt.values(read_at=utcnow())).rowcount
            uow.commit()
            return count


def _info(n: Notification, reference: str | None) -> NotificationInfo:
    return NotificationInfo(
        id=n.id,
        kind=n.kind,
        stage=n.stage,
        title=n.title,
        body=n.body,
        urgency=n.urgency,
        ticket_id=n.ticket_id,
        ticket_reference=reference,
        created_at=n.created_at,
        read_at=n.read_at,
        code=n.code or "",
        params=dict(n.params or {}),
    )
