"""Merging duplicates: two customers (a supervisor's action, also used by the branch
sync's duplicates queue) and two tickets (a repeat caller logged twice).

Customers: the kept record gets the other's tickets (with their conversations), phone
numbers and whatever it lacked (email, organisation; warning notes are joined; the
higher segment wins); the other becomes a tombstone (``deleted_at``) whose
``merged_into_id`` names the kept one, so links and synced rows that still name it can
be followed (``resolve_customer_id``).

Tickets: the conversation of the duplicate moves to the kept ticket; the duplicate is
closed as "merged into <reference>" with a note on both; the kept ticket's SLA clocks
are left as they are (they follow the kept ticket), the duplicate's stop.

Both check the versions the caller saw (optimistic locking) and are audited.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from deskapp.models import Customer, CustomerPhone, Interaction, Ticket, User, utcnow
from deskapp.models.enums import Segment, Status
from deskapp.services import audit, timeline_notes
from deskapp.services.dto import CustomerInfo, TicketSummary
from deskapp.services.errors import NotFound, StaleUpdate, ValidationFailed
from deskapp.services.permissions import Actor, Permission
from deskapp.services.search import refresh_documents
from deskapp.services.ticket_moves import check_version
from deskapp.services.ticket_queries import ticket_summaries

_SEGMENT_RANK = {Segment.STANDARD: 0, Segment.PRIORITY: 1, Segment.VIP: 2}
_MAX_CHAIN = 20

Versions = Mapping[uuid.UUID, int] | Sequence[int] | None


@dataclass(frozen=True)
class CustomerMergeResult:
    kept: CustomerInfo
    merged_id: uuid.UUID
    tickets_moved: int
    phones_moved: int


@dataclass(frozen=True)
class TicketMergeResult:
    kept: TicketSummary
    merged: TicketSummary
    interactions_moved: int


def _expected(versions: Versions, kept_id: uuid.UUID, other_id: uuid.UUID
              ) -> tuple[int | None, int | None]:
    if versions is None:
        return None, None
    if isinstance(versions, Mapping):
        return versions.get(kept_id), versions.get(other_id)
    kept_v, other_v = versions
    return kept_v, other_v


def resolve_customer_id(session: Session, customer_id: uuid.UUID) -> uuid.UUID:
    """Follow merge tombstones to the customer that holds the record now."""
    current = customer_id
    for _ in range(_MAX_CHAIN):
        target = session.scalar(
            select(Customer.merged_into_id).where(Customer.id == current)
        )
        if target is None:
            return current
        current = target
    return current


def _customer_stale(s: Session, c: Customer) -> StaleUpdate:
    who = s.get(User, c.updated_by_id) if c.updated_by_id else None
    return StaleUpdate(f"Customer {c.name}", who.display_name if who else None, c.updated_at,
                       c.version)


def merge_customers(
    s: Session,
    actor: Actor,
    kept_id: uuid.UUID,
    other_id: uuid.UUID,
    expected_versions: Versions = None,
    now: datetime | None = None,
) -> CustomerMergeResult:
    """In the caller's transaction (the sync applies it within its own)."""
    from deskapp.services.customers import customer_info

    actor.require(Permission.MERGE_RECORDS)
    if kept_id == other_id:
        raise ValidationFailed("A customer cannot be merged with itself.", "customer",
                               code="merge.same_record")
    now = now or utcnow()
    kept = s.get(Customer, kept_id)
    other = s.get(Customer, other_id)
    for c in (kept, other):
        if c is None or c.deleted_at is not None:
            raise NotFound("One of the two customers no longer exists (merged or deleted "
                           "elsewhere); reload.", code="customer.not_found")
    assert kept is not None and other is not None
    kept_v, other_v = _expected(expected_versions, kept_id, other_id)
    if kept_v is not None and kept.version != kept_v:
        raise _customer_stale(s, kept)
    if other_v is not None and other.version != other_v:
        raise _customer_stale(s, other)

    # Phones: the other's numbers move over (a number both had stays once).
    have = {p.number for p in kept.phones}
    moved_phones = 0
    position = len(kept.phones)
    for phone in list(other.phones):
        other.phones.remove(phone)  # delete-orphan: the row goes, a new one joins kept
        if phone.number in have:
            continue
        kept.phones.append(CustomerPhone(number=phone.number, label=phone.label,
                                         position=position))
        have.add(phone.number)
        position += 1
        moved_phones += 1
    filled: list[str] = []
    if not kept.email and other.email:
        kept.email, filled = other.email, [*filled, "email"]
    if not kept.organisation and other.organisation:
        kept.organisation, filled = other.organisation, [*filled, "organisation"]
    if other.warning_note and other.warning_note not in kept.warning_note:
        kept.warning_note = "\n".join(x for x in (kept.warning_note, other.warning_note) if x)
        filled.append("warning_note")
    if _SEGMENT_RANK[Segment(other.segment)] > _SEGMENT_RANK[Segment(kept.segment)]:
        kept.segment = other.segment
        filled.append("segment")
    kept.updated_by_id = actor.user_id
    other.updated_by_id = actor.user_id
    other.deleted_at = now
    other.merged_into_id = kept.id
    try:
        s.flush()
    except StaleDataError:
        s.rollback()
        raise StaleUpdate("One of the two customers", None, None, -1) from None

    ticket_ids = list(s.scalars(select(Ticket.id).where(Ticket.customer_id == other_id)))
    if ticket_ids:
        s.execute(
            update(Ticket)
            .where(Ticket.id.in_(ticket_ids))
            .values(customer_id=kept.id, customer_sort_name=kept.name,
                    version=Ticket.version + 1, updated_at=now,
                    updated_by_id=actor.user_id)
            .execution_options(synchronize_session=False)
        )
        refresh_documents(s.connection(), ticket_ids)
    audit.record(s, actor, "customer.merged", "customer", kept.id, merged=other.id,
                 merged_name=other.name, tickets=len(ticket_ids), phones=moved_phones,
                 filled=filled)
    audit.record(s, actor, "customer.merged_into", "customer", other.id, kept=kept.id,
                 kept_name=kept.name)
    return CustomerMergeResult(customer_info(kept), other.id, len(ticket_ids), moved_phones)


def merge_tickets(
    s: Session,
    actor: Actor,
    kept_id: uuid.UUID,
    other_id: uuid.UUID,
    expected_versions: Versions,
    now: datetime,
    sla_changed: Callable[[Session, Ticket, datetime, Status | None], None] | None = None,
) -> TicketMergeResult:
    if kept_id == other_id:
        raise ValidationFailed("A ticket cannot be merged with itself.", "ticket",
                               code="merge.same_record")
    kept = s.get(Ticket, kept_id)
    other = s.get(Ticket, other_id)
    for t in (kept, other):
        if t is None or t.deleted_at is not None:
            raise NotFound("One of the two tickets no longer exists.", code="ticket.not_found")
    assert kept is not None and other is not None
    for t in (kept, other):
        actor.require_ticket(t.reference, t.assignee_id, t.team_id)
    kept_v, other_v = _expected(expected_versions, kept_id, other_id)
    if kept_v is not None:
        check_version(s, kept, kept_v)
    if other_v is not None:
        check_version(s, other, other_v)
    if kept.customer_id != other.customer_id:
        raise ValidationFailed(
            f"{kept.reference} and {other.reference} belong to different customers; merge "
            "the customers first.", "ticket", code="merge.different_customers",
            kept=kept.reference, other=other.reference,
        )
    for t in (kept, other):
        if not t.status.is_open:
            raise ValidationFailed(
                f"{t.reference} is {t.status.value}; only open tickets can be merged.",
                "ticket", code="merge.ticket_closed", reference=t.reference,
            )
    moved = s.scalar(
        select(func.count()).select_from(Interaction).where(Interaction.ticket_id == other.id)
    ) or 0
    s.execute(
        update(Interaction)
        .where(Interaction.ticket_id == other.id)
        .values(ticket_id=kept.id)
        .execution_options(synchronize_session=False)
    )
    previous = other.status
    other.status = Status.CLOSED
    other.closed_at = now
    other.merged_into_id = kept.id
    other.updated_by_id = actor.user_id
    other.last_activity_at = now
    other.sla_next_check_at = None  # its clocks stop; the kept ticket's run on
    kept.updated_by_id = actor.user_id
    kept.last_activity_at = now
    s.add(timeline_notes.system_note(
        other.id, actor.user_id, now, timeline_notes.MERGED_INTO,
        f"Merged into {kept.reference}; {moved} messages moved there.",
        reference=kept.reference, moved=moved))
    s.add(timeline_notes.system_note(
        kept.id, actor.user_id, now, timeline_notes.MERGED_FROM,
        f"{other.reference} ({other.subject}) was merged into this ticket; "
        f"{moved} messages moved here.",
        reference=other.reference, subject=other.subject, moved=moved))
    try:
        s.flush()
        if sla_changed is not None:
            sla_changed(s, other, now, previous)
            s.flush()
    except StaleDataError:
        s.rollback()
        raise StaleUpdate("One of the two tickets", None, None, -1) from None
    refresh_documents(s.connection(), [kept.id, other.id])
    audit.record(s, actor, "ticket.merged", "ticket", kept.id, reference=kept.reference,
                 merged=other.reference, interactions=moved)
    audit.record(s, actor, "ticket.merged_into", "ticket", other.id,
                 reference=other.reference, kept=kept.reference)
    summaries = {t.id: t for t in ticket_summaries(
        s, select(Ticket).where(Ticket.id.in_([kept.id, other.id])))}
    return TicketMergeResult(summaries[kept.id], summaries[other.id], moved)



class MergeService:
    """Ticket merges for the UI (customer merges: ``CustomerService.merge``)."""

    def __init__(self, uow_factory, sla=None, clock: Callable[[], datetime] = utcnow) -> None:
        self._uow = uow_factory
        self._sla = sla
        self._now = clock

    def merge_tickets(
        self, actor: Actor, kept_id: uuid.UUID, other_id: uuid.UUID,
        expected_versions: Versions = None,
    ) -> TicketMergeResult:
        with self._uow() as uow:
            hook = self._sla.ticket_changed if self._sla is not None else None
            result = merge_tickets(uow.session, actor, kept_id, other_id, expected_versions,
                                   self._now(), hook)
            try:
                uow.commit()
            except StaleDataError:
                uow.session.rollback()
                raise StaleUpdate("One of the two tickets", None, None, -1) from None
            return result
