"""The call log: who is calling, what happened to each call, and what it was logged as.

Every event of a call (ring, answer, hang-up), from the softphone or the local hook,
is recorded on one ``Call`` row per agent and Call-ID; events may repeat or arrive out
of order (a reconnecting softphone, a hook script run twice) and are merged, never
duplicated. A call is logged on a ticket at most once: ``link_call`` (used by Log a
call in the same transaction as the new ticket) and ``attach`` (a call about an open
ticket) refuse a second time with the ticket it was logged on.
"""

from __future__ import annotations

import re
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from deskapp.models import Call, Customer, CustomerPhone, Interaction, Ticket, utcnow
from deskapp.models.enums import Direction, InteractionKind
from deskapp.services import audit
from deskapp.services.customers import customer_info
from deskapp.services.dto import CustomerInfo
from deskapp.services.errors import NotFound, ValidationFailed
from deskapp.services.permissions import Actor, Permission
from deskapp.services.telephony.events import CallEvent, CallPhase, EndedBy, number_from_address
from deskapp.services.unit_of_work import UnitOfWorkFactory

CALL_NAMESPACE = uuid.UUID("6f1f4a4e-7b0e-4c38-9c2b-3f3e2d7c9a11")


@dataclass(frozen=True)
class CallInfo:
    id: uuid.UUID
    call_id: str
    incoming: bool
    number: str
    raw_number: str
    display_name: str
    customer_id: uuid.UUID | None
    customer_name: str | None
    ticket_id: uuid.UUID | None
    ticket_reference: str | None
    rang_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    ended_by: str | None
    source: str

    @property
    def duration(self) -> timedelta | None:
        """Talk time: from answer to hang-up (None while the call is up or if missed)."""
        if self.answered_at is None or self.ended_at is None:
            return None
        return max(self.ended_at - self.answered_at, timedelta(0))

    @property
    def missed(self) -> bool:
        """An incoming call that ended without being answered here."""
        return self.incoming and self.ended_at is not None and self.answered_at is None


def caller_candidates(number: str) -> list[str]:
    """The stored forms a caller's number may match (phones are stored canonical:
    services.text.normalize_phone)."""
    digits = number_from_address(number)
    if not digits:
        return []
    found = [digits]
    bare = digits.lstrip("+")
    if not digits.startswith(("+", "0")) and len(bare) >= 11:
        found.append("+" + bare)  # an international number without its '+'
    return found


def find_callers(s: Session, number: str, limit: int = 10) -> list[Customer]:
    candidates = caller_candidates(number)
    if not candidates:
        return []
    ids = select(CustomerPhone.customer_id).where(
        CustomerPhone.number.in_(candidates), CustomerPhone.deleted_at.is_(None)
    )
    stmt = (
        select(Customer)
        .where(Customer.id.in_(ids), Customer.deleted_at.is_(None))
        .order_by(Customer.name)
        .limit(limit)
    )
    return list(s.scalars(stmt))


def link_call(
    s: Session, actor: Actor, call_record_id: uuid.UUID, ticket: Ticket, interaction: Interaction
) -> None:
    """Record that ``interaction`` on ``ticket`` is this call (same transaction as the
    interaction). Refuses a call already logged, naming the ticket."""
    call = s.get(Call, call_record_id, with_for_update=True)
    if call is None or call.agent_id != actor.user_id:
        raise NotFound("That call is not in your call log.", code="call.not_found")
    if call.interaction_id is not None and (
        call.interaction_id != interaction.id or call.ticket_id != ticket.id
    ):
        _refuse_logged(s, call)
    call.ticket_id = ticket.id
    call.interaction_id = interaction.id
    if call.customer_id is None:
        call.customer_id = ticket.customer_id
    interaction.created_at = call.answered_at or call.rang_at


def _refuse_logged(s: Session, call: Call) -> None:
    logged_on = s.get(Ticket, call.ticket_id) if call.ticket_id else None
    reference = logged_on.reference if logged_on else "?"
    raise ValidationFailed(
        f"This call is already logged on {reference}.",
        "call",
        code="call.already_logged",
        reference=reference,
    )


class CallService:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        *,
        clock: Callable[[], datetime] = utcnow,
        workstation: str | None = None,
    ) -> None:
        self._uow = uow_factory
        self._now = clock
        self.workstation = (workstation or socket.gethostname())[:120]

    # -- who is calling -------------------------------------------------------
    def identify(self, actor: Actor, number: str) -> list[CustomerInfo]:
        """Customers whose phone is this number, in any spelling (+98, 0098, 0,
        Persian digits, spaces, a SIP URI): the screen-pop's look-up."""
        actor.require(Permission.VIEW_CUSTOMERS)
        with self._uow(read_only=True) as uow:
            return [customer_info(c) for c in find_callers(uow.session, number)]

    # -- events -----------------------------------------------------------------
    def record(self, actor: Actor, event: CallEvent) -> CallInfo:
        """Merge one event into the agent's call log; idempotent and order-tolerant."""
        if actor.user_id is None:
            raise ValidationFailed("Calls are logged for a person.", "agent")
        for attempt in range(2):
            try:
                return self._record(actor, event)
            except IntegrityError:  # the same call created concurrently: merge into it
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _record(self, actor: Actor, event: CallEvent) -> CallInfo:
        with self._uow() as uow:
            s = uow.session
            call = s.scalar(
                select(Call).where(Call.agent_id == actor.user_id, Call.call_id == event.call_id)
            )
            at = event.at
            if call is None:
                call = Call(
                    call_id=event.call_id,
                    agent_id=actor.user_id,
                    direction=Direction.INBOUND if event.incoming else Direction.OUTBOUND,
                    raw_number=event.raw_number[:200],
                    number=event.number[:32],
                    display_name=event.display_name[:160],
                    rang_at=at,
                    source=event.source[:16],
                    workstation=self.workstation,
                )
                callers = find_callers(s, event.number, limit=2) if event.number else []
                if len(callers) == 1:
                    call.customer_id = callers[0].id
                s.add(call)
            else:
                if not call.raw_number and event.raw_number:
                    call.raw_number, call.number = event.raw_number[:200], event.number[:32]
                if not call.display_name and event.display_name:
                    call.display_name = event.display_name[:160]
                call.rang_at = min(call.rang_at, at)
            if event.phase is CallPhase.ANSWERED and call.answered_at is None:
                call.answered_at = at
            if event.phase is CallPhase.ENDED and call.ended_at is None:
                call.ended_at = at
                # Who hung up. A missed call is one that ended unanswered (``missed``),
                # whatever the softphone said about it.
                by = event.ended_by
                call.ended_by = (by if by in (EndedBy.AGENT, EndedBy.CALLER)
                                 else EndedBy.CALLER).value
            s.flush()
            info = self._info(s, call)
            uow.commit()
            return info

    def set_customer(self, actor: Actor, call_record_id: uuid.UUID,
                     customer_id: uuid.UUID) -> CallInfo:
        """The agent chose who is calling (several customers share the number)."""
        with self._uow() as uow:
            s = uow.session
            call = self._own(s, actor, call_record_id)
            if s.get(Customer, customer_id) is None:
                raise NotFound("That customer does not exist (any more).",
                               code="customer.not_found")
            call.customer_id = customer_id
            s.flush()
            info = self._info(s, call)
            uow.commit()
            return info

    def attach(
        self, actor: Actor, call_record_id: uuid.UUID, ticket_id: uuid.UUID, note: str = ""
    ) -> CallInfo:
        """Log the call on an open ticket as a call interaction, once."""
        from deskapp.services import validation

        note = validation.text(note, "Notes", 20_000, required=False)
        with self._uow() as uow:
            s = uow.session
            call = self._own(s, actor, call_record_id)
            ticket = s.get(Ticket, ticket_id)
            if ticket is None or ticket.deleted_at is not None:
                raise NotFound("That ticket does not exist (any more).",
                               code="ticket.not_found")
            actor.require_ticket(ticket.reference, ticket.assignee_id, ticket.team_id)
            if call.interaction_id is not None and call.ticket_id != ticket.id:
                _refuse_logged(s, call)
            interaction_id = uuid.uuid5(CALL_NAMESPACE, str(call.id))
            interaction = s.get(Interaction, interaction_id)
            if interaction is None:
                interaction = Interaction(
                    id=interaction_id,
                    ticket_id=ticket.id,
                    kind=InteractionKind.CALL,
                    direction=Direction.INBOUND
                    if call.direction is Direction.INBOUND else Direction.OUTBOUND,
                    author_id=actor.user_id,
                    body=note or _call_summary(call),
                    created_at=call.answered_at or call.rang_at,
                )
                s.add(interaction)
                s.flush()
                ticket.last_activity_at = max(ticket.last_activity_at or self._now(),
                                              self._now())
            link_call(s, actor, call.id, ticket, interaction)
            audit.record(s, actor, "call.logged", "ticket", ticket.id, call_id=call.call_id)
            s.flush()
            info = self._info(s, call)
            uow.commit()
            return info

    # -- lists ------------------------------------------------------------------
    def get(self, actor: Actor, call_record_id: uuid.UUID) -> CallInfo:
        with self._uow(read_only=True) as uow:
            return self._info(uow.session, self._own(uow.session, actor, call_record_id))

    def missed(self, actor: Actor, limit: int = 50) -> list[CallInfo]:
        """Unanswered incoming calls at this agent's workstation not yet called back or
        dismissed, newest first."""
        with self._uow(read_only=True) as uow:
            s = uow.session
            rows = s.scalars(
                select(Call)
                .where(
                    Call.agent_id == actor.user_id,
                    Call.direction == Direction.INBOUND,
                    Call.ended_at.is_not(None),
                    Call.answered_at.is_(None),
                    Call.handled_at.is_(None),
                    Call.deleted_at.is_(None),
                )
                .order_by(Call.rang_at.desc())
                .limit(limit)
            )
            return [self._info(s, c) for c in rows]

    def mark_handled(self, actor: Actor, call_record_id: uuid.UUID) -> None:
        """A missed call was called back or dismissed: it leaves the missed list."""
        with self._uow() as uow:
            call = self._own(uow.session, actor, call_record_id)
            if call.handled_at is None:
                call.handled_at = self._now()
            uow.commit()

    # -- helpers ----------------------------------------------------------------
    def _own(self, s: Session, actor: Actor, call_record_id: uuid.UUID) -> Call:
        call = s.get(Call, call_record_id)
        if call is None or call.agent_id != actor.user_id:
            raise NotFound("That call is not in your call log.", code="call.not_found")
        return call

    def _info(self, s: Session, call: Call) -> CallInfo:
        customer = s.get(Customer, call.customer_id) if call.customer_id else None
        ticket = s.get(Ticket, call.ticket_id) if call.ticket_id else None
        return CallInfo(
            id=call.id,
            call_id=call.call_id,
            incoming=call.direction is Direction.INBOUND,
            number=call.number,
            raw_number=call.raw_number,
            display_name=call.display_name,
            customer_id=call.customer_id,
            customer_name=customer.name if customer else None,
            ticket_id=call.ticket_id,
            ticket_reference=ticket.reference if ticket else None,
            rang_at=call.rang_at,
            answered_at=call.answered_at,
            ended_at=call.ended_at,
            ended_by=call.ended_by,
            source=call.source,
        )


def _call_summary(call: Call) -> str:
    who = call.display_name or call.number or call.raw_number
    way = "Call from" if call.direction is Direction.INBOUND else "Call to"
    return re.sub(r"\s+", " ", f"{way} {who}").strip()
