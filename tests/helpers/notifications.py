"""Stored notifications and a ticket to point them at, for notification tests."""

from __future__ import annotations

import uuid

from deskapp.models import Ticket
from deskapp.models.enums import NotificationKind
from deskapp.services.customers import NewCustomer
from deskapp.services.notifications import notify
from deskapp.services.permissions import Actor
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk


def log_ticket(desk: Desk, subject: str = "Printer jammed again") -> uuid.UUID:
    call = NewCall(
        subject=subject,
        notes="The office printer jams on every second page.",
        new_customer=NewCustomer("Zahra Kazemi", phones=["0912 345 6789"]),
    )
    return desk.services.tickets.log_call(desk.agent, call).ticket.id


def store(
    desk: Desk,
    recipient: Actor,
    title: str,
    *,
    ticket_id: uuid.UUID | None = None,
    kind: NotificationKind = NotificationKind.SLA_WARNING,
    urgency: str = "normal",
    stage: str = "75",
) -> None:
    """Store one notification the way the services do."""
    with desk.services.uow() as uow:
        ticket = uow.session.get(Ticket, ticket_id) if ticket_id is not None else None
        assert recipient.user_id is not None
        notify(
            uow.session, recipient.user_id, ticket, kind, title=title, body=f"body of {title}",
            dedupe_key=f"test:{uuid.uuid4()}", stage=stage, urgency=urgency,
        )
        uow.commit()
