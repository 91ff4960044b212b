"""Customers: look-up while the phone rings, profile, and the whole history."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, or_, select, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from deskapp.models import Customer, CustomerPhone, Interaction, Ticket, User, utcnow
from deskapp.models.enums import OPEN_STATUSES, Direction, Segment, Status
from deskapp.services import audit, validation, visibility
from deskapp.services.dto import CustomerHistory, CustomerInfo, InteractionInfo, TicketSummary
from deskapp.services.errors import NotFound, StaleUpdate, ValidationFailed
from deskapp.services.merging import CustomerMergeResult, merge_customers
from deskapp.services.permissions import Actor, Permission
from deskapp.services.text import normalize_phone, phone_problem, search_key
from deskapp.services.ticket_queries import ticket_summaries
from deskapp.services.unit_of_work import UnitOfWorkFactory

MAX_PHONES = 5


@dataclass(frozen=True)
class NewCustomer:
    name: str
    phones: Sequence[str] = ()
    email: str | None = None
    organisation: str | None = None
    segment: Segment | str = Segment.STANDARD
    preferred_language: str = "fa"
    warning_note: str = ""


@dataclass(frozen=True)
class CustomerChanges:
    """Fields to change; None leaves a field as it is."""

    name: str | None = None
    phones: Sequence[str] | None = None
    email: str | None = None
    organisation: str | None = None
    segment: Segment | str | None = None
    preferred_language: str | None = None
    warning_note: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def clean_phones(phones: Sequence[str]) -> list[str]:
    result: list[str] = []
    if phones is None:
        phones = ()
    if isinstance(phones, str) or not isinstance(phones, (list, tuple)):
        raise validation.wrong_type(phones, "phones", "a list of phone numbers")
    for raw in phones:
        raw = validation.plain_text(raw, "phones")
        if not raw or not raw.strip():
            continue
        number = normalize_phone(raw)
        problem = phone_problem(number)
        if problem is not None:
            plan, low, high = problem
            raise ValidationFailed(
                f"Phone {raw.strip()!r} is not a phone number: a {plan} number has "
                f"{low}–{high} digits.", "phones",
                code=f"validation.phone.{plan}", value=raw.strip(), min=low, max=high,
            )
        if number not in result:
            result.append(number)
    if len(result) > MAX_PHONES:
        raise ValidationFailed(f"A customer has at most {MAX_PHONES} phone numbers.", "phones")
    return result


def validate_new_customer(data: NewCustomer) -> NewCustomer:
    """The checks every way in (dialog, import, demo) shares; returns cleaned data."""
    language = validation.line(data.preferred_language or "fa", "Language", 8)
    return NewCustomer(
        name=validation.line(data.name, "Name", 160),
        phones=clean_phones(data.phones),
        email=validation.email(data.email),
        organisation=validation.line(data.organisation, "Organisation", 160, required=False)
        or None,
        segment=validation.choice(data.segment or Segment.STANDARD, Segment, "Segment"),
        preferred_language=language.lower(),
        warning_note=validation.text(data.warning_note, "Warning note", 1000, required=False),
    )


def customer_info(c: Customer) -> CustomerInfo:
    return CustomerInfo(
        id=c.id,
        name=c.name,
        phones=tuple(p.number for p in c.phones),
        email=c.email,
        organisation=c.organisation,
        segment=c.segment,
        preferred_language=c.preferred_language,
        warning_note=c.warning_note,
        version=c.version,
    )


def add_customer(session: Session, data: NewCustomer) -> Customer:
    """Insert an already validated customer into the session."""
    customer = Customer(
        name=data.name,
        search_name=search_key(data.name),
        email=data.email,
        organisation=data.organisation,
        segment=Segment(data.segment),
        preferred_language=data.preferred_language,
        warning_note=data.warning_note,
    )
    customer.phones = [CustomerPhone(number=n, position=i) for i, n in enumerate(data.phones)]
    session.add(customer)
    return customer


def load_customer(session: Session, customer_id: uuid.UUID) -> Customer:
    validation.identifier(customer_id, "customer_id")
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound("That customer does not exist (any more).")
    return customer


class CustomerService:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    def create(self, actor: Actor, data: NewCustomer) -> CustomerInfo:
        actor.require(Permission.EDIT_CUSTOMERS)
        data = validate_new_customer(data)
        with self._uow() as uow:
            customer = add_customer(uow.session, data)
            uow.flush()
            audit.record(uow.session, actor, "customer.created", "customer", customer.id)
            info = customer_info(customer)
            uow.commit()
            return info

    def get(self, actor: Actor, customer_id: uuid.UUID) -> CustomerInfo:
        actor.require(Permission.VIEW_CUSTOMERS)
        with self._uow(read_only=True) as uow:
            return customer_info(load_customer(uow.session, customer_id))

    def update(
        self,
        actor: Actor,
        customer_id: uuid.UUID,
        expected_version: int,
        changes: CustomerChanges,
    ) -> CustomerInfo:
        actor.require(Permission.EDIT_CUSTOMERS)
        with self._uow() as uow:
            s = uow.session
            c = load_customer(s, customer_id)
            if c.version != expected_version:
                raise _stale(s, c)
            numbers = clean_phones(changes.phones) if changes.phones is not None else None
            if numbers is not None:
                _check_phones_free(s, numbers, c.id)
            if changes.name is not None:
                c.name = validation.line(changes.name, "Name", 160)
                c.search_name = search_key(c.name)
            if changes.email is not None:
                c.email = validation.email(changes.email)
            if changes.organisation is not None:
                c.organisation = (
                    validation.line(changes.organisation, "Organisation", 160, required=False)
                    or None
                )
            if changes.segment is not None:
                c.segment = validation.choice(changes.segment, Segment, "Segment")
            if changes.preferred_language is not None:
                c.preferred_language = validation.line(changes.preferred_language, "Language", 8)
            if changes.warning_note is not None:
                c.warning_note = validation.text(
                    changes.warning_note, "Warning note", 1000, required=False
                )
            if numbers is not None and numbers != [p.number for p in c.phones]:
                c.phones = [CustomerPhone(number=n, position=i) for i, n in enumerate(numbers)]
            c.updated_by_id = actor.user_id
            changed = sorted(
                k for k, v in vars(changes).items() if v is not None and k != "extra"
            )
            audit.record(s, actor, "customer.updated", "customer", c.id, fields=changed)
            try:
                uow.commit()
            except StaleDataError:
                s.rollback()
                fresh = load_customer(s, customer_id)
                raise _stale(s, fresh) from None
            return customer_info(c)

    def merge(
        self,
        kept_id: uuid.UUID,
        other_id: uuid.UUID,
        actor: Actor,
        expected_versions: Mapping[uuid.UUID, int] | Sequence[int] | None = None,
    ) -> CustomerMergeResult:
        """Merge ``other_id`` into ``kept_id`` (see services.merging): a supervisor's
        action in the customer pane, and what the branch sync's duplicates queue calls.
        ``expected_versions``: {id: version} or (kept_version, other_version)."""
        with self._uow() as uow:
            result = merge_customers(uow.session, actor, kept_id, other_id, expected_versions)
            try:
                uow.commit()
            except StaleDataError:
                uow.session.rollback()
                raise StaleUpdate("One of the two customers", None, None, -1) from None
            return result

    def lookup(self, actor: Actor, query: str, limit: int = 20) -> list[CustomerInfo]:
        """Find customers by phone (any part of the number), email or name, as typed."""
        actor.require(Permission.VIEW_CUSTOMERS)
        query = query.strip()
        if not query:
            return []
        with self._uow(read_only=True) as uow:
            s = uow.session
            stmt = select(Customer).where(Customer.deleted_at.is_(None))
            digits = normalize_phone(query)
            if "@" in query:
                stmt = stmt.where(Customer.email.startswith(query.lower(), autoescape=True))
            elif re.fullmatch(r"[\d\s+()\-۰-۹٠-٩]+", query) and len(digits.lstrip("+")) >= 3:
                phone_match = select(CustomerPhone.customer_id).where(
                    CustomerPhone.number.contains(digits.lstrip("+"), autoescape=True)
                )
                stmt = stmt.where(Customer.id.in_(phone_match))
            else:
                key = search_key(query)
                stmt = stmt.where(
                    or_(
                        Customer.search_name.startswith(key, autoescape=True),
                        Customer.search_name.contains(" " + key, autoescape=True),
                    )
                )
            stmt = stmt.order_by(Customer.name).limit(limit)
            return [customer_info(c) for c in s.scalars(stmt)]

    def history(self, actor: Actor, customer_id: uuid.UUID, limit: int = 100) -> CustomerHistory:
        actor.require(Permission.VIEW_CUSTOMERS)
        with self._uow(read_only=True) as uow:
            s = uow.session
            customer = load_customer(s, customer_id)
            mine = Ticket.customer_id == customer_id
            since = utcnow() - timedelta(days=90)
            resolved = Ticket.status.in_([Status.RESOLVED, Status.CLOSED])
            stats = s.execute(
                select(
                    func.count(),
                    func.count().filter(Ticket.status.in_(OPEN_STATUSES)),
                    func.count().filter(Ticket.created_at >= since),
                    func.count().filter(resolved),
                    func.sum(case((resolved & Ticket.first_contact_resolution.is_(True), 1),
                                  else_=0)),
                    func.avg(Ticket.csat),
                ).where(mine, Ticket.deleted_at.is_(None))
            ).one()
            total, open_count, recent, resolved_count, fcr, avg_csat = stats
            # Team boundaries (services.visibility): all of the customer's tickets when
            # the actor is serving them, else those the actor reads in full; internal
            # notes only of tickets read in full.
            full = visibility.full_condition(s, actor)
            shown, restricted = _history_shown(s, customer_id, full)
            tickets = ticket_summaries(s, _history_select(shown, None, False).limit(limit))
            if not restricted or len(tickets) < limit:
                shown_count = len(tickets) if restricted else total
            else:
                shown_count = int(s.scalar(
                    select(func.count()).select_from(Ticket)
                    .where(shown, Ticket.deleted_at.is_(None))
                ) or 0)
            interactions = latest_interactions(s, customer_id, 10, shown=shown, full=full)
            return CustomerHistory(
                customer=customer_info(customer),
                tickets=tuple(tickets),
                open_count=open_count,
                last_90_days_count=recent,
                total_count=total,
                fcr_rate=(fcr or 0) / resolved_count if resolved_count else None,
                average_csat=float(avg_csat) if avg_csat is not None else None,
                latest_interactions=tuple(interactions),
                shown_count=shown_count,
            )

    def history_tickets(
        self,
        actor: Actor,
        customer_id: uuid.UUID,
        *,
        after: tuple[datetime, uuid.UUID] | None = None,
        oldest_first: bool = False,
        offset: int = 0,
        limit: int = 100,
    ) -> list[TicketSummary]:
        """A page of the customer's tickets the history lists (the same ones as
        ``history``): newest first, or ``oldest_first``; from the keyset ``after``
        (created_at, id) of the last row of the page before, or ``offset`` rows in."""
        actor.require(Permission.VIEW_CUSTOMERS)
        if not 1 <= limit <= 1000 or offset < 0:
            raise ValidationFailed("A history page holds 1 to 1,000 tickets.", "limit",
                                   code="validation.range", low=1, high=1000)
        with self._uow(read_only=True) as uow:
            s = uow.session
            shown, _ = _history_shown(s, customer_id, visibility.full_condition(s, actor))
            stmt = _history_select(shown, after, oldest_first).limit(limit)
            if offset:
                stmt = stmt.offset(offset)
            return ticket_summaries(s, stmt)


def _history_shown(
    s: Session, customer_id: uuid.UUID, full: ColumnElement[bool] | None
) -> tuple[ColumnElement[bool], bool]:
    """Which of the customer's tickets the history lists (team boundaries,
    services.visibility): all of them when the actor is serving the customer (an open
    ticket they read in full), else those the actor reads in full; and whether that
    is fewer than all."""
    mine = Ticket.customer_id == customer_id
    if full is not None and s.scalar(
        select(Ticket.id).where(mine, full, Ticket.status.in_(OPEN_STATUSES),
                                Ticket.deleted_at.is_(None)).limit(1)
    ) is None:
        return and_(mine, full), True
    return mine, False


def _history_select(
    shown: ColumnElement[bool], after: tuple[datetime, uuid.UUID] | None, oldest_first: bool
) -> Select:
    # Keyset by (created_at, id) over ix_tickets_customer_created.
    stmt = select(Ticket).where(shown, Ticket.deleted_at.is_(None))
    if after is not None:
        key = tuple_(Ticket.created_at, Ticket.id)
        anchor = tuple_(bindparam("h_at", after[0], type_=Ticket.created_at.type),
                        bindparam("h_id", after[1], type_=Ticket.id.type))
        stmt = stmt.where(key > anchor if oldest_first else key < anchor)
    if oldest_first:
        return stmt.order_by(Ticket.created_at.asc(), Ticket.id.asc())
    return stmt.order_by(Ticket.created_at.desc(), Ticket.id.desc())


def _stale(s: Session, c: Customer) -> StaleUpdate:
    who = s.get(User, c.updated_by_id) if c.updated_by_id else None
    return StaleUpdate(
        f"Customer {c.name}", who.display_name if who else None, c.updated_at, c.version
    )


def _check_phones_free(s: Session, numbers: Sequence[str], own_id: uuid.UUID | None) -> None:
    """A number may belong to one live customer only (edit; merging is the way to join)."""
    if not numbers:
        return
    q = (
        select(CustomerPhone.number, Customer.name)
        .join(Customer, Customer.id == CustomerPhone.customer_id)
        .where(CustomerPhone.number.in_(list(numbers)), Customer.deleted_at.is_(None))
    )
    if own_id is not None:
        q = q.where(Customer.id != own_id)
    row = s.execute(q.limit(1)).first()
    if row is not None:
        raise ValidationFailed(
            f"Phone {row.number} already belongs to {row.name}; merge the two customers "
            "instead.", "phones", code="customer.phone_taken", phone=row.number,
            customer=row.name,
        )


def latest_interactions(
    session: Session,
    customer_id: uuid.UUID,
    limit: int,
    *,
    shown: ColumnElement[bool] | None = None,
    full: ColumnElement[bool] | None = None,
) -> list[InteractionInfo]:
    """The customer's latest interactions, of the tickets ``shown`` (SQL over Ticket);
    internal notes only where ``full`` holds (None: everywhere)."""
    query = (
        select(Interaction, Ticket.reference, User.display_name)
        .join(Ticket, Ticket.id == Interaction.ticket_id)
        .outerjoin(User, User.id == Interaction.author_id)
        .where(Ticket.customer_id == customer_id)
        .order_by(Interaction.created_at.desc(), Interaction.id.desc())
        .limit(limit)
    )
    if shown is not None:
        query = query.where(shown)
    if full is not None:
        query = query.where(or_(Interaction.direction != Direction.INTERNAL, full))
    rows = session.execute(query)
    return [interaction_info(i, ref, name) for i, ref, name in rows]


def interaction_info(i: Interaction, reference: str, author: str | None) -> InteractionInfo:
    return InteractionInfo(
        id=i.id,
        ticket_id=i.ticket_id,
        ticket_reference=reference,
        kind=i.kind,
        direction=i.direction,
        author_name=author,
        body=i.body,
        created_at=i.created_at,
        code=i.code or "",
        params=dict(i.params or {}),
    )
