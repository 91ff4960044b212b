"""Tickets: log a call, add to the conversation, move through the lifecycle, assign."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from deskapp.models import Assignment, Customer, Interaction, Site, Team, Ticket, User, utcnow
from deskapp.models.enums import (
    CHANNEL_INTERACTION,
    PRIORITY_RANK,
    Channel,
    Direction,
    InteractionKind,
    Priority,
    Status,
)
from deskapp.services import audit, validation, visibility
from deskapp.services.auto_assign import auto_assign
from deskapp.services.calls import link_call
from deskapp.services.customers import (
    NewCustomer,
    add_customer,
    customer_info,
    interaction_info,
    load_customer,
    validate_new_customer,
)
from deskapp.services.dto import InteractionInfo, TicketDetail, TicketSummary
from deskapp.services.errors import (
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from deskapp.services.permissions import Actor, Permission
from deskapp.services.staff import user_names
from deskapp.services.ticket_moves import (
    active_user,
    check_version,
    existing_team,
    load_ticket,
    record_move,
    stale,
    stale_guard,
)
from deskapp.services.ticket_queries import ticket_summaries
from deskapp.services.unit_of_work import UnitOfWork, UnitOfWorkFactory
from deskapp.services.watchers import notify_informed

T = TypeVar("T")

MAX_BODY = 20_000

# The lifecycle: new -> open -> pending (customer / third party) -> resolved -> closed,
# and back to open ("reopen") from resolved or closed.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.NEW: frozenset(
        {Status.OPEN, Status.PENDING_CUSTOMER, Status.PENDING_THIRD_PARTY, Status.RESOLVED}
    ),
    Status.OPEN: frozenset({Status.PENDING_CUSTOMER, Status.PENDING_THIRD_PARTY, Status.RESOLVED}),
    Status.PENDING_CUSTOMER: frozenset({Status.OPEN, Status.PENDING_THIRD_PARTY, Status.RESOLVED}),
    Status.PENDING_THIRD_PARTY: frozenset({Status.OPEN, Status.PENDING_CUSTOMER, Status.RESOLVED}),
    Status.RESOLVED: frozenset({Status.CLOSED, Status.OPEN}),
    Status.CLOSED: frozenset({Status.OPEN}),
}

# Channels where the customer talks to a person at once: logging the contact is
# itself the first response.
LIVE_CHANNELS = frozenset({Channel.PHONE, Channel.CHAT, Channel.WALK_IN})


class SlaHook(Protocol):
    """Keeps a ticket's SLA clocks right after any change that affects them."""

    def ticket_changed(
        self, session: Session, ticket: Ticket, now: datetime, previous_status: Status | None
    ) -> None: ...


class NoSla:
    def ticket_changed(
        self, session: Session, ticket: Ticket, now: datetime, previous_status: Status | None
    ) -> None:
        return None


@dataclass(frozen=True)
class NewCall:
    """What an agent types when a customer calls (or writes, or walks in)."""

    subject: str
    notes: str = ""
    customer_id: uuid.UUID | None = None
    new_customer: NewCustomer | None = None
    channel: Channel | str = Channel.PHONE
    category: str = ""
    priority: Priority | str = Priority.NORMAL
    team_id: uuid.UUID | None = None
    resolved_on_contact: bool = False
    # The telephone call this ticket is logged from (services.calls): linked once.
    call_record_id: uuid.UUID | None = None


def format_reference(site_code: str, number: int) -> str:
    return f"{site_code}-{number:06d}"


def next_ticket_number(session: Session, site_code: str) -> tuple[uuid.UUID, int]:
    """Hand out the site's next number; the row lock serialises concurrent callers."""
    row = session.execute(
        update(Site)
        .where(Site.code == site_code)
        .values(last_ticket_number=Site.last_ticket_number + 1, version=Site.version + 1)
        .returning(Site.id, Site.last_ticket_number)
    ).one_or_none()
    if row is None:
        raise NotFound(f"There is no site {site_code!r}; create it with `deskapp db upgrade`.")
    if getattr(Site, "is_branch", None) is not None:
        from deskapp.services.sync.numbering import check_may_number

        check_may_number(session, site_code)
    return row[0], row[1]


def unreachable_kinds(email: str | None, phones: object) -> frozenset[InteractionKind]:
    """The outbound contacts a customer cannot get: an email needs an email address, a
    call a phone number. The UI greys these out; the service refuses them."""
    kinds = set()
    if not (email or "").strip():
        kinds.add(InteractionKind.EMAIL)
    if not phones:
        kinds.add(InteractionKind.CALL)
    return frozenset(kinds)


def check_reachable(customer: Customer, kind: InteractionKind) -> None:
    """Refuse an outbound contact on a channel the customer cannot be reached on, with
    ``contact.unreachable`` (a reply to a phone customer is not "emailed" to nowhere)."""
    if kind not in unreachable_kinds(customer.email, customer.phones):
        return
    missing = "email" if kind is InteractionKind.EMAIL else "phone"
    raise ValidationFailed(
        f"{customer.name} has no {missing} on record; choose another channel or add it "
        "to the customer first.", "kind",
        code=f"contact.unreachable.{missing}", channel=kind.value, missing=missing,
        customer=customer.name,
    )


class TicketService:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        site_code: str = "HQ",
        sla: SlaHook | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._uow = uow_factory
        self.site_code = site_code
        self.sla: SlaHook = sla or NoSla()
        self._now = clock

    # -- reading ------------------------------------------------------------
    def get(self, actor: Actor, ticket_id: uuid.UUID) -> TicketDetail:
        """The ticket as ``actor`` may read it (services.visibility): another team's
        ticket is refused; a ticket seen only because its customer is being served
        comes without internal notes."""
        actor.require(Permission.VIEW_CUSTOMERS)
        with self._uow(read_only=True) as uow:
            s = uow.session
            t = load_ticket(s, ticket_id)
            level = visibility.require_access(s, actor, t)
            return self._detail(s, t, internal=level is visibility.Access.FULL)

    def _detail(self, s: Session, t: Ticket, *, internal: bool = True) -> TicketDetail:
        (summary,) = ticket_summaries(s, select(Ticket).where(Ticket.id == t.id))
        query = (
            select(Interaction, User.display_name)
            .outerjoin(User, User.id == Interaction.author_id)
            .where(Interaction.ticket_id == t.id)
            .order_by(Interaction.created_at, Interaction.id)
        )
        if not internal:
            query = query.where(Interaction.direction != Direction.INTERNAL)
        rows = s.execute(query)
        names = user_names(s, [t.updated_by_id])
        return TicketDetail(
            ticket=summary,
            description=t.description,
            customer=customer_info(t.customer),
            interactions=tuple(interaction_info(i, t.reference, n) for i, n in rows),
            first_response_at=t.first_response_at,
            closed_at=t.closed_at,
            first_contact_resolution=t.first_contact_resolution,
            updated_by_name=names.get(t.updated_by_id) if t.updated_by_id else None,
        )

    # -- log a call ---------------------------------------------------------
    def log_call(self, actor: Actor, call: NewCall) -> TicketDetail:
        """Open a ticket with its first interaction, for a new or an existing customer."""
        actor.require(Permission.LOG_CALL)
        subject = validation.line(call.subject, "Subject", 200)
        notes = validation.text(call.notes, "Notes", MAX_BODY, required=False)
        category = validation.line(call.category, "Category", 80, required=False)
        channel = validation.choice(call.channel, Channel, "Channel")
        priority = validation.choice(call.priority, Priority, "Priority")
        validation.identifier(call.customer_id, "customer_id", required=False)
        validation.identifier(call.team_id, "team_id", required=False)
        validation.identifier(call.call_record_id, "call_record_id", required=False)
        if (call.customer_id is None) == (call.new_customer is None):
            raise ValidationFailed("Choose an existing customer or enter a new one.", "customer",
                                   code="ticket.customer_required")
        if call.new_customer is not None and not isinstance(call.new_customer, NewCustomer):
            raise validation.wrong_type(call.new_customer, "new_customer", "a new customer")
        new_customer = validate_new_customer(call.new_customer) if call.new_customer else None
        now = self._now()
        with self._uow() as uow:
            s = uow.session
            if new_customer is not None:
                customer = add_customer(s, new_customer)
                s.flush()
                audit.record(s, actor, "customer.created", "customer", customer.id)
            else:
                assert call.customer_id is not None
                customer = load_customer(s, call.customer_id)
            team_id = call.team_id
            if team_id is None and len(actor.team_ids) == 1:
                (team_id,) = actor.team_ids
            if team_id is not None and s.get(Team, team_id) is None:
                raise NotFound("That team does not exist (any more).", code="team.not_found")
            site_id, number = next_ticket_number(s, self.site_code)
            ticket = Ticket(
                site_id=site_id,
                number=number,
                reference=format_reference(self.site_code, number),
                subject=subject,
                description=notes,
                channel=channel,
                category=category,
                priority=priority,
                priority_rank=PRIORITY_RANK[priority],
                status=Status.OPEN,
                customer=customer,
                assignee_id=actor.user_id,
                team_id=team_id,
                created_by_id=actor.user_id,
                updated_by_id=actor.user_id,
                created_at=now,
                updated_at=now,
                last_activity_at=now,
                first_response_at=now if channel in LIVE_CHANNELS else None,
            )
            s.add(ticket)
            s.flush()
            first_contact = Interaction(
                ticket_id=ticket.id,
                kind=CHANNEL_INTERACTION[channel],
                direction=Direction.INBOUND,
                author_id=actor.user_id,
                body=notes or subject,
                created_at=now,
            )
            s.add(first_contact)
            if call.call_record_id is not None:
                s.flush()
                link_call(s, actor, call.call_record_id, ticket, first_contact)
            if actor.user_id is not None:
                s.add(
                    Assignment(
                        ticket_id=ticket.id,
                        to_user_id=actor.user_id,
                        to_team_id=team_id,
                        by_user_id=actor.user_id,
                        reason="logged the call",
                        created_at=now,
                    )
                )
            self.sla.ticket_changed(s, ticket, now, None)
            if call.resolved_on_contact:
                self._resolve(s, ticket, now)
                self.sla.ticket_changed(s, ticket, now, Status.OPEN)
            audit.record(
                s, actor, "ticket.created", "ticket", ticket.id, reference=ticket.reference
            )
            s.flush()
            detail = self._detail(s, ticket)
            uow.commit()
            return detail

    # -- the conversation ---------------------------------------------------
    def add_interaction(
        self,
        actor: Actor,
        ticket_id: uuid.UUID,
        kind: InteractionKind | str,
        body: str,
        direction: Direction | str | None = None,
        *,
        interaction_id: uuid.UUID | None = None,
    ) -> InteractionInfo:
        """Append a reply, a call or a note. Appends never conflict: a concurrent change
        of the ticket is retried, not reported. ``interaction_id`` (chosen by the client
        when the text is written) makes a retry safe: when a send failed with the
        connection and may or may not have committed, sending again with the same id
        returns the stored interaction instead of adding it twice."""
        validation.identifier(ticket_id, "ticket_id")
        validation.identifier(interaction_id, "interaction_id", required=False)
        kind = validation.choice(kind, InteractionKind, "Kind")
        body = validation.text(body, "Message", MAX_BODY)
        if direction is None:
            direction = Direction.OUTBOUND if kind.is_contact else Direction.INTERNAL
        direction = validation.choice(direction, Direction, "Direction")
        if not kind.is_contact and direction is not Direction.INTERNAL:
            raise ValidationFailed("A note is internal; it has no direction.", "direction",
                                   code="ticket.note_direction")

        def op(uow: UnitOfWork) -> InteractionInfo:
            s = uow.session
            t = load_ticket(s, ticket_id)
            actor.require_ticket(t.reference, t.assignee_id, t.team_id)
            if direction is Direction.OUTBOUND:
                check_reachable(t.customer, kind)
            if interaction_id is not None:
                stored = s.get(Interaction, interaction_id)
                if stored is not None:  # the earlier attempt did commit
                    if stored.ticket_id != t.id or stored.author_id != actor.user_id:
                        raise ValidationFailed("That message id is already used elsewhere.",
                                               code="ticket.message_id_taken")
                    return interaction_info(stored, t.reference, actor.display_name)
            now = self._now()
            previous = t.status
            interaction = Interaction(
                **({"id": interaction_id} if interaction_id is not None else {}),
                ticket_id=t.id,
                kind=kind,
                direction=direction,
                author_id=actor.user_id,
                body=body,
                created_at=now,
            )
            s.add(interaction)
            t.last_activity_at = now
            t.updated_by_id = actor.user_id
            if direction is Direction.OUTBOUND and t.first_response_at is None:
                t.first_response_at = now
            if direction is Direction.INBOUND and t.status is Status.PENDING_CUSTOMER:
                t.status = Status.OPEN  # the customer answered: the clock runs again
            if t.status is Status.NEW and direction is Direction.OUTBOUND:
                t.status = Status.OPEN
            self.sla.ticket_changed(s, t, now, previous)
            s.flush()
            if kind.is_contact:  # escalated with "keep me informed": hear of contacts
                who = "The customer" if direction is Direction.INBOUND else actor.display_name
                notify_informed(s, t, title=f"{t.reference}: new {kind.value.replace('_', ' ')}",
                                body=f"{who}: {body[:200]}", event=f"contact:{interaction.id}",
                                exclude={actor.user_id})
            author = actor.display_name if actor.user_id else None
            info = interaction_info(interaction, t.reference, author)
            uow.commit()
            return info

        return self._retrying(op)

    # -- lifecycle ----------------------------------------------------------
    def change_status(
        self,
        actor: Actor,
        ticket_id: uuid.UUID,
        expected_version: int,
        status: Status | str,
        *,
        note: str = "",
        csat: int | None = None,
    ) -> TicketSummary:
        status = validation.choice(status, Status, "Status")
        note = validation.text(note, "Note", MAX_BODY, required=False)
        if csat is not None:
            _check_csat(csat)
            if status not in (Status.RESOLVED, Status.CLOSED):
                raise ValidationFailed("Satisfaction is recorded when resolving.", "csat",
                                       code="ticket.csat_on_resolve")
        with self._uow() as uow:
            s = uow.session
            t = load_ticket(s, ticket_id)
            actor.require_ticket(t.reference, t.assignee_id, t.team_id)
            check_version(s, t, expected_version)
            previous = t.status
            if status not in TRANSITIONS[previous]:
                raise InvalidTransition(
                    f"{t.reference} is {previous.value.replace('_', ' ')}; it cannot become "
                    f"{status.value.replace('_', ' ')}.",
                    code="lifecycle.invalid_transition", reference=t.reference,
                    status=previous.value, to=status.value,
                )
            now = self._now()
            if status is Status.RESOLVED:
                self._resolve(s, t, now)
            elif status is Status.CLOSED:
                t.status = Status.CLOSED
                t.closed_at = now
            elif previous in (Status.RESOLVED, Status.CLOSED):
                t.status = status
                t.reopen_count += 1
                t.resolved_at = None
                t.closed_at = None
                t.first_contact_resolution = False
            else:
                t.status = status
            if csat is not None:
                t.csat = csat
            t.updated_by_id = actor.user_id
            t.last_activity_at = now
            if note:
                s.add(
                    Interaction(
                        ticket_id=t.id,
                        kind=InteractionKind.INTERNAL_NOTE,
                        direction=Direction.INTERNAL,
                        author_id=actor.user_id,
                        body=note,
                        created_at=now,
                    )
                )
            with stale_guard(s, t.id):  # the SLA hook's queries autoflush the UPDATE too
                self.sla.ticket_changed(s, t, now, previous)
            audit.record(
                s, actor, "ticket.status_changed", "ticket", t.id,
                reference=t.reference, old=previous.value, new=status.value,
            )
            with stale_guard(s, t.id):  # notify() may autoflush the losing UPDATE
                notify_informed(
                    s, t, title=f"{t.reference} is now {status.value.replace('_', ' ')}",
                    body=f"{actor.display_name}: {t.subject}" + (f" — {note}" if note else ""),
                    event=f"status:{t.version + 1}", exclude={actor.user_id},
                )
            return self._commit_summary(uow, t)

    def set_csat(
        self, actor: Actor, ticket_id: uuid.UUID, expected_version: int, score: int
    ) -> TicketSummary:
        _check_csat(score)
        with self._uow() as uow:
            s = uow.session
            t = load_ticket(s, ticket_id)
            actor.require_ticket(t.reference, t.assignee_id, t.team_id)
            check_version(s, t, expected_version)
            if t.status not in (Status.RESOLVED, Status.CLOSED):
                raise ValidationFailed(
                    f"{t.reference} is not resolved; satisfaction is recorded after resolution.",
                    "csat", code="ticket.csat_not_resolved", reference=t.reference,
                )
            t.csat = score
            t.updated_by_id = actor.user_id
            audit.record(s, actor, "ticket.csat", "ticket", t.id, score=score)
            return self._commit_summary(uow, t)

    def update(
        self,
        actor: Actor,
        ticket_id: uuid.UUID,
        expected_version: int,
        *,
        subject: str | None = None,
        description: str | None = None,
        category: str | None = None,
        priority: Priority | str | None = None,
    ) -> TicketSummary:
        with self._uow() as uow:
            s = uow.session
            t = load_ticket(s, ticket_id)
            actor.require_ticket(t.reference, t.assignee_id, t.team_id)
            check_version(s, t, expected_version)
            changed: dict[str, str] = {}
            if subject is not None:
                t.subject = validation.line(subject, "Subject", 200)
                changed["subject"] = t.subject
            if description is not None:
                t.description = validation.text(description, "Description", MAX_BODY, required=False)
                changed["description"] = "…"
            if category is not None:
                t.category = validation.line(category, "Category", 80, required=False)
                changed["category"] = t.category
            if priority is not None:
                t.priority = validation.choice(priority, Priority, "Priority")
                t.priority_rank = PRIORITY_RANK[t.priority]
                changed["priority"] = t.priority.value
            t.updated_by_id = actor.user_id
            with stale_guard(s, t.id):  # the SLA hook's queries autoflush the UPDATE
                self.sla.ticket_changed(s, t, self._now(), t.status)
            audit.record(s, actor, "ticket.updated", "ticket", t.id, **changed)
            return self._commit_summary(uow, t)

    # -- assignment ---------------------------------------------------------
    def assign(
        self,
        actor: Actor,
        ticket_id: uuid.UUID,
        expected_version: int,
        assignee_id: uuid.UUID | None,
        *,
        team_id: uuid.UUID | None | object = ...,
        reason: str = "",
    ) -> TicketSummary:
        """Give the ticket to someone (or back to the pool). Agents may take a ticket from
        the pool or hand back their own; moving anyone else's work needs a supervisor."""
        reason = validation.text(reason, "Reason", 1000, required=False)
        validation.identifier(assignee_id, "assignee_id", required=False)
        if team_id is not ...:
            validation.identifier(team_id, "team_id", required=False)
        with self._uow() as uow:
            s = uow.session
            t = load_ticket(s, ticket_id)
            check_version(s, t, expected_version)
            new_team = t.team_id if team_id is ... else team_id
            assert new_team is None or isinstance(new_team, uuid.UUID)
            with stale_guard(s, t.id):  # notify() may autoflush the losing UPDATE
                move_ticket(s, actor, t, assignee_id, new_team, reason=reason, now=self._now())
            return self._commit_summary(uow, t)

    # -- helpers ------------------------------------------------------------
    def _resolve(self, s: Session, t: Ticket, now: datetime) -> None:
        contacts = s.scalar(
            select(func.count())
            .select_from(Interaction)
            .where(
                Interaction.ticket_id == t.id,
                Interaction.direction == Direction.INBOUND,
            )
        )
        t.status = Status.RESOLVED
        t.resolved_at = now
        t.first_contact_resolution = (
            (contacts or 0) <= 1 and t.reopen_count == 0 and t.escalation_level == 0
        )

    def _commit_summary(self, uow: UnitOfWork, t: Ticket) -> TicketSummary:
        s = uow.session
        try:
            s.flush()
            (summary,) = ticket_summaries(s, select(Ticket).where(Ticket.id == t.id))
            uow.commit()
        except StaleDataError:
            s.rollback()
            raise stale(s, t.id) from None
        return summary

    def _retrying(self, op: Callable[[UnitOfWork], T], attempts: int = 3) -> T:
        for attempt in range(attempts):
            with self._uow() as uow:
                try:
                    return op(uow)
                except StaleDataError:
                    if attempt == attempts - 1:
                        raise
        raise AssertionError("unreachable")


def move_ticket(
    s: Session,
    actor: Actor,
    t: Ticket,
    assignee_id: uuid.UUID | None,
    new_team: uuid.UUID | None,
    *,
    reason: str,
    now: datetime,
) -> bool:
    """Reassign ``t`` on behalf of ``actor``: the one place that decides who may move
    which ticket (TicketService.assign, bulk reassignment, drag and drop). Agents may
    take a ticket from the pool or hand back their own; moving anyone else's work
    needs a supervisor. A ticket left unassigned in a team with auto-assignment on
    goes straight to an agent. Caller checks the expected version and commits."""
    if not actor.can(Permission.REASSIGN_ANY):
        actor.require_ticket(t.reference, t.assignee_id, t.team_id)
        own_or_pool = t.assignee_id in (None, actor.user_id)
        to_self_or_pool = assignee_id in (None, actor.user_id)
        if not (own_or_pool and to_self_or_pool and new_team == t.team_id):
            raise PermissionDenied(
                f"{actor.display_name} ({actor.role.value}) may take tickets from the "
                "pool or hand back their own; ask a supervisor to move other work.",
                code="permission.move_ticket",
            )
    if assignee_id is not None:
        active_user(s, assignee_id)
    if new_team is not None:
        existing_team(s, new_team)
    moved = record_move(s, actor, t, assignee_id, new_team, reason=reason, now=now)
    if moved and assignee_id is None:
        auto_assign(s, t, now)
    return moved



def _check_csat(score: int) -> None:
    if not isinstance(score, int) or not 1 <= score <= 5:
        raise ValidationFailed(f"Satisfaction must be 1 to 5, not {score!r}.", "csat",
                               code="ticket.csat_range", value=score)
