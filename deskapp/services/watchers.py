""""Keep me informed": whoever escalated a ticket with that box ticked keeps getting
notified about it. Any service that changes a ticket in a way its former holder cares
about (moved, escalated, resolved, a customer reply) calls ``notify_informed``."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskapp.models import Escalation, Ticket
from deskapp.models.enums import NotificationKind
from deskapp.services.notifications import notify


def informed_user_ids(session: Session, ticket_id: uuid.UUID) -> set[uuid.UUID]:
    rows = session.scalars(
        select(Escalation.created_by_id)
        .where(
            Escalation.ticket_id == ticket_id,
            Escalation.keep_informed.is_(True),
            Escalation.created_by_id.is_not(None),
        )
        .distinct()
    )
    return {r for r in rows if r is not None}


def notify_informed(
    session: Session,
    ticket: Ticket,
    *,
    title: str,
    body: str,
    event: str,
    exclude: Iterable[uuid.UUID | None] = (),
) -> int:
    """Notify every keep-informed watcher of ``ticket`` except ``exclude`` and its
    current assignee; ``event`` makes the dedupe key (one notification per event)."""
    skip = {e for e in exclude if e is not None}
    if ticket.assignee_id is not None:
        skip.add(ticket.assignee_id)
    sent = 0
    for user_id in sorted(informed_user_ids(session, ticket.id) - skip):
        sent += notify(
            session, user_id, ticket, NotificationKind.INFO,
            title=title, body=body, stage="informed",
            dedupe_key=f"informed:{ticket.id}:{event}:{user_id}",
        )
    return sent
