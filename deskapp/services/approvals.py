"""Delegated authority: goodwill credits and warranty decisions.

Each role may grant up to a limit (data: ``authority_limits``, managers edit it).
Within the limit the decision is recorded at once (timeline + audit); above it, it
becomes an Approval request that a supervisor (or a manager, above a supervisor's own
limit) approves or rejects with a note; the outcome goes on the timeline and the
requester is notified. Amounts are currency-neutral decimals with two places.

The limit applies to the running total per ticket and kind, so splitting a credit into
small ones gains nothing: what was granted on the ticket (within authority or approved)
plus what is still pending, plus the new amount. A grant within authority is kept as an
approval row its requester decided (hidden from ``for_ticket``) so the total is one sum;
the ticket row is locked first so two concurrent requests cannot both fit the limit.
Deciding is scoped like the inbox: a supervisor decides requests on tickets of the teams
they supervise or belong to (and tickets without a team); managers decide all.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from deskapp.models import Approval, AuthorityLimit, Team, Ticket, User, utcnow
from deskapp.models.enums import (
    ApprovalStatus,
    NotificationKind,
    Role,
)
from deskapp.services import audit, timeline_notes, validation, visibility
from deskapp.services.errors import (
    InvalidTransition,
    NotFound,
    PermissionDenied,
    StaleUpdate,
    ValidationFailed,
)
from deskapp.services.notifications import notify
from deskapp.services.permissions import Actor, Permission
from deskapp.services.staff import user_names
from deskapp.services.ticket_moves import load_ticket
from deskapp.services.unit_of_work import UnitOfWorkFactory
from deskapp.services.watchers import notify_informed

# What a desk starts with (migration 0002 seeds the same); None is unlimited. Used for a
# role that has no row (e.g. a database emptied by tests); admins run the system, not
# the queue, and grant nothing.
DEFAULT_LIMITS: dict[Role, Decimal | None] = {
    Role.AGENT: Decimal("50"),
    Role.SPECIALIST: Decimal("200"),
    Role.SUPERVISOR: Decimal("1000"),
    Role.MANAGER: None,
    Role.ADMIN: Decimal("0"),
}
MAX_AMOUNT = Decimal("9999999999.99")  # Numeric(12, 2)
MAX_NOTE = 4000


class DecisionKind(enum.StrEnum):
    GOODWILL_CREDIT = "goodwill_credit"
    WARRANTY = "warranty"

    @property
    def label(self) -> str:
        return "Goodwill credit" if self is DecisionKind.GOODWILL_CREDIT else "Warranty decision"


@dataclass(frozen=True)
class AuthorityLimitInfo:
    role: Role
    max_amount: Decimal | None  # None: unlimited
    version: int  # 0: the built-in default (no row yet)


@dataclass(frozen=True)
class ApprovalInfo:
    id: uuid.UUID
    ticket_id: uuid.UUID
    ticket_reference: str
    ticket_subject: str
    kind: DecisionKind
    amount: Decimal
    note: str
    status: ApprovalStatus
    requested_by_id: uuid.UUID
    requested_by_name: str
    requested_at: datetime
    decided_by_name: str | None
    decided_at: datetime | None
    decision_note: str
    version: int


@dataclass(frozen=True)
class DecisionResult:
    """``recorded``: within the actor's authority, done. Otherwise ``approval`` is the
    pending request a supervisor must decide."""

    recorded: bool
    approval: ApprovalInfo | None
    limit: Decimal | None
    message: str


def parse_amount(value: Decimal | str | int | float) -> Decimal:
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise ValidationFailed(f"Amount {value!r} is not a number.", "amount") from None
    if not amount.is_finite() or amount < 0:
        raise ValidationFailed("The amount must be zero or more.", "amount")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationFailed("The amount has at most two decimal places.", "amount")
    if amount > MAX_AMOUNT:
        raise ValidationFailed(f"The amount is above the largest allowed ({MAX_AMOUNT}).",
                               "amount")
    return amount.quantize(Decimal("0.01"))


def authority_limit(s: Session, role: Role) -> Decimal | None:
    row = s.scalar(select(AuthorityLimit).where(AuthorityLimit.role == role.value,
                                                AuthorityLimit.deleted_at.is_(None)))
    if row is None:
        return DEFAULT_LIMITS.get(role, Decimal("0"))
    return row.max_amount


def _within(amount: Decimal, limit: Decimal | None) -> bool:
    return limit is None or amount <= limit


def _granted_so_far(s: Session, ticket_id: uuid.UUID, kind: str,
                    exclude: uuid.UUID | None = None, *, pending: bool = True) -> Decimal:
    """The ticket's running total of ``kind``: granted or approved (and, with
    ``pending``, still waiting). A new request counts the pending ones, so an agent
    cannot grant beside a request above their limit; a supervisor deciding one request
    counts what was granted, so each pending request is judged on its own."""
    statuses = [ApprovalStatus.APPROVED] + ([ApprovalStatus.PENDING] if pending else [])
    q = select(func.coalesce(func.sum(Approval.amount), 0)).where(
        Approval.ticket_id == ticket_id, Approval.kind == kind,
        Approval.deleted_at.is_(None), Approval.status.in_(statuses))
    if exclude is not None:
        q = q.where(Approval.id != exclude)
    return Decimal(str(s.scalar(q) or 0)).quantize(Decimal("0.01"))


def _lock_ticket(s: Session, ticket_id: uuid.UUID) -> Ticket:
    """The ticket, row-locked until commit (PostgreSQL; SQLite writers are serialised by
    BEGIN IMMEDIATE): concurrent decisions on one ticket see each other's totals."""
    t = s.get(Ticket, ticket_id, with_for_update=True, populate_existing=True)
    if t is None or t.deleted_at is not None:
        raise NotFound("That ticket does not exist (any more).")
    return t


def _decision_scope(s: Session, actor: Actor) -> set[uuid.UUID] | None:
    """The teams whose requests ``actor`` decides; None: all (managers, the system)."""
    if actor.role is Role.MANAGER or actor.is_system:
        return None
    return set(actor.team_ids) | set(s.scalars(
        select(Team.id).where(Team.supervisor_id == actor.user_id)))


class ApprovalService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Callable[[], datetime] = utcnow):
        self._uow = uow_factory
        self._now = clock

    # -- limits -------------------------------------------------------------
    def limits(self) -> list[AuthorityLimitInfo]:
        with self._uow() as uow:
            rows = {r.role: r for r in uow.session.scalars(
                select(AuthorityLimit).where(AuthorityLimit.deleted_at.is_(None)))}
            out = []
            for role in Role:
                row = rows.get(role.value)
                if row is not None:
                    out.append(AuthorityLimitInfo(role, row.max_amount, row.version))
                else:
                    out.append(AuthorityLimitInfo(role, DEFAULT_LIMITS[role], 0))
            return out

    def my_limit(self, actor: Actor) -> Decimal | None:
        with self._uow() as uow:
            return authority_limit(uow.session, actor.role)

    def set_limit(
        self, actor: Actor, role: Role | str, max_amount: Decimal | str | None,
        expected_version: int,
    ) -> AuthorityLimitInfo:
        """Managers set a role's limit (None: unlimited). ``expected_version`` 0 creates
        the row for a role still on its default."""
        if not actor.can(Permission.MANAGE_SLA):
            raise PermissionDenied(
                f"{actor.display_name} ({actor.role.value}) may not change authority "
                "limits; ask a manager.")
        role = validation.choice(role, Role, "Role")
        amount = None if max_amount is None else parse_amount(max_amount)
        with self._uow() as uow:
            s = uow.session
            row = s.scalar(select(AuthorityLimit).where(AuthorityLimit.role == role.value))
            current = row.version if row is not None else 0
            if current != expected_version:
                raise StaleUpdate(f"The {role.value} limit", None,
                                  row.updated_at if row else None, current)
            if row is None:
                row = AuthorityLimit(role=role.value, max_amount=amount)
                s.add(row)
            else:
                row.max_amount = amount
            audit.record(s, actor, "authority_limit.changed", "authority_limit", None,
                         role=role.value, max_amount=str(amount) if amount is not None else None)
            try:
                s.flush()
            except StaleDataError:
                raise StaleUpdate(f"The {role.value} limit", None, None, -1) from None
            info = AuthorityLimitInfo(role, row.max_amount, row.version)
            uow.commit()
            return info

    # -- recording a decision -----------------------------------------------
    def record_decision(
        self,
        actor: Actor,
        ticket_id: uuid.UUID,
        kind: DecisionKind | str,
        amount: Decimal | str | int,
        note: str,
    ) -> DecisionResult:
        actor.require(Permission.WORK_TICKETS)
        kind = validation.choice(kind, DecisionKind, "Decision")
        amount = parse_amount(amount)
        if kind is DecisionKind.GOODWILL_CREDIT and amount == 0:
            raise ValidationFailed("A goodwill credit needs an amount above zero.", "amount")
        note = validation.text(note, "Note", MAX_NOTE)
        now = self._now()
        with self._uow() as uow:
            s = uow.session
            t = _lock_ticket(s, ticket_id)
            actor.require_ticket(t.reference, t.assignee_id, t.team_id)
            limit = authority_limit(s, actor.role)
            before = _granted_so_far(s, t.id, kind.value)
            total = before + amount
            if _within(total, limit):
                body = (f"{kind.label} of {amount} granted by {actor.display_name} "
                        f"(within their authority): {note}")
                _timeline(s, t, actor.user_id, body, now, timeline_notes.DECISION_GRANTED,
                          decision=kind.value, amount=str(amount), by=actor.display_name,
                          note=note)
                s.add(Approval(
                    ticket_id=t.id, kind=kind.value, amount=amount, note=note,
                    status=ApprovalStatus.APPROVED, requested_by_id=actor.user_id,
                    decided_by_id=actor.user_id, decided_at=now,
                    decision_note="Within the requester's authority.",
                    created_at=now, updated_at=now,
                ))
                audit.record(s, actor, "decision.recorded", "ticket", t.id,
                             reference=t.reference, kind=kind.value, amount=str(amount),
                             running_total=str(total))
                notify_informed(s, t, title=f"{t.reference}: {kind.label.lower()} of {amount}",
                                body=note, event=f"decision:{now.isoformat()}",
                                exclude={actor.user_id})
                uow.commit()
                return DecisionResult(True, None, limit, body)
            approval = Approval(
                ticket_id=t.id, kind=kind.value, amount=amount, note=note,
                status=ApprovalStatus.PENDING, requested_by_id=actor.user_id,
                created_at=now, updated_at=now,
            )
            s.add(approval)
            s.flush()
            so_far = f" (with {before} already granted or pending on this ticket)" if before else ""
            _timeline(s, t, actor.user_id,
                      f"{kind.label} of {amount}{so_far} requested by {actor.display_name}; "
                      f"above their authority ({limit}), waiting for a supervisor: {note}", now,
                      timeline_notes.DECISION_REQUESTED, decision=kind.value, amount=str(amount),
                      before=str(before) if before else "", by=actor.display_name,
                      limit=str(limit), note=note)
            audit.record(s, actor, "approval.requested", "approval", approval.id,
                         reference=t.reference, kind=kind.value, amount=str(amount),
                         running_total=str(total))
            for approver in _approvers(s, t, total, exclude=actor.user_id):
                notify(s, approver, t, NotificationKind.APPROVAL,
                       title=f"{t.reference}: approve a {kind.label.lower()} of {amount}?",
                       body=f"{actor.display_name}: {note}",
                       dedupe_key=f"approval:{approval.id}:{approver}")
            info = _info(s, approval, t)
            uow.commit()
            what = f"{amount}" if not before else f"{amount} with {before} already on the ticket"
            return DecisionResult(
                False, info, limit,
                f"{what} is above your authority ({limit}); a supervisor must approve it.")

    # -- deciding -----------------------------------------------------------
    def pending(self, actor: Actor) -> list[ApprovalInfo]:
        """Requests waiting for the actor: tickets of the teams they supervise or belong
        to (and tickets without a team); managers see all."""
        actor.require(Permission.APPROVE)
        with self._uow() as uow:
            s = uow.session
            q = (select(Approval, Ticket).join(Ticket, Ticket.id == Approval.ticket_id)
                 .where(Approval.status == ApprovalStatus.PENDING,
                        Approval.deleted_at.is_(None))
                 .order_by(Approval.created_at, Approval.id))
            mine = _decision_scope(s, actor)
            if mine is not None:
                q = q.where(or_(Ticket.team_id.is_(None),
                                Ticket.team_id.in_(mine or {uuid.UUID(int=0)})))
            return [_info(s, a, t) for a, t in s.execute(q)]

    def for_ticket(self, actor: Actor, ticket_id: uuid.UUID) -> list[ApprovalInfo]:
        actor.require(Permission.VIEW_CUSTOMERS)
        with self._uow() as uow:
            s = uow.session
            t = load_ticket(s, ticket_id)
            if not visibility.internal_records_visible(s, actor, t):
                return []
            rows = s.scalars(select(Approval).where(
                Approval.ticket_id == t.id,
                # grants within authority are not requests
                or_(Approval.decided_by_id.is_(None),
                    Approval.decided_by_id != Approval.requested_by_id))
                             .order_by(Approval.created_at, Approval.id))
            return [_info(s, a, t) for a in rows]

    def decide(
        self,
        actor: Actor,
        approval_id: uuid.UUID,
        expected_version: int,
        *,
        approve: bool,
        note: str = "",
    ) -> ApprovalInfo:
        actor.require(Permission.APPROVE)
        note = validation.text(note, "Note", MAX_NOTE, required=not approve)
        now = self._now()
        with self._uow() as uow:
            s = uow.session
            a = s.get(Approval, approval_id)
            if a is None or a.deleted_at is not None:
                raise NotFound("That approval request does not exist (any more).")
            t = _lock_ticket(s, a.ticket_id)
            mine = _decision_scope(s, actor)
            if mine is not None and t.team_id is not None and t.team_id not in mine:
                raise PermissionDenied(
                    f"The request on {t.reference} belongs to a team {actor.display_name} "
                    "does not supervise; its supervisor or a manager decides it.",
                    code="approval.out_of_scope", reference=t.reference)
            if a.status is not ApprovalStatus.PENDING or a.version != expected_version:
                who = user_names(s, [a.decided_by_id]).get(a.decided_by_id) \
                    if a.decided_by_id else None
                if a.status is not ApprovalStatus.PENDING:
                    raise InvalidTransition(
                        f"The request on {t.reference} was already {a.status.value}"
                        + (f" by {who}" if who else "") + ".")
                raise StaleUpdate(f"The request on {t.reference}", who, a.updated_at, a.version)
            if a.requested_by_id == actor.user_id:
                raise PermissionDenied("You cannot decide your own request; ask another "
                                       "supervisor.")
            limit = authority_limit(s, actor.role)
            total = _granted_so_far(s, t.id, a.kind, exclude=a.id, pending=False) + a.amount
            if approve and not _within(total, limit):
                raise PermissionDenied(
                    f"{a.amount} (a total of {total} on this ticket) is above your own "
                    f"authority ({limit}); a manager must approve it.",
                    code="approval.above_own_limit", amount=str(a.amount), total=str(total),
                    limit=str(limit))
            a.status = ApprovalStatus.APPROVED if approve else ApprovalStatus.REJECTED
            a.decided_by_id = actor.user_id
            a.decided_at = now
            a.decision_note = note
            kind = DecisionKind(a.kind)
            verb = "approved" if approve else "rejected"
            _timeline(s, t, actor.user_id,
                      f"{kind.label} of {a.amount} {verb} by {actor.display_name}"
                      + (f": {note}" if note else "."), now,
                      timeline_notes.DECISION_APPROVED if approve
                      else timeline_notes.DECISION_REJECTED,
                      decision=kind.value, amount=str(a.amount), by=actor.display_name,
                      note=note)
            audit.record(s, actor, f"approval.{verb}", "approval", a.id,
                         reference=t.reference, kind=a.kind, amount=str(a.amount))
            if a.requested_by_id != actor.user_id:
                notify(s, a.requested_by_id, t, NotificationKind.APPROVAL,
                       title=f"{t.reference}: your {kind.label.lower()} of {a.amount} was "
                             f"{verb}",
                       body=f"{actor.display_name}" + (f": {note}" if note else ""),
                       dedupe_key=f"approval:{a.id}:{verb}")
            try:
                s.flush()
            except StaleDataError:
                s.rollback()
                fresh = s.get(Approval, approval_id)
                who = user_names(s, [fresh.decided_by_id]).get(fresh.decided_by_id) \
                    if fresh and fresh.decided_by_id else None
                raise StaleUpdate(f"The request on {t.reference}", who,
                                  fresh.updated_at if fresh else None,
                                  fresh.version if fresh else -1) from None
            info = _info(s, a, t)
            uow.commit()
            return info


def _timeline(s: Session, t: Ticket, author: uuid.UUID | None, body: str, now: datetime,
              code: str, **params: Any) -> None:
    s.add(timeline_notes.system_note(t.id, author, now, code, body, **params))
    t.last_activity_at = now


def _approvers(s: Session, t: Ticket, amount: Decimal, exclude: uuid.UUID | None
               ) -> list[uuid.UUID]:
    """The ticket team's supervisor when the amount is within a supervisor's authority;
    otherwise (or with no supervisor) the managers."""
    team = s.get(Team, t.team_id) if t.team_id else None
    ids: list[uuid.UUID] = []
    if team is not None and team.supervisor_id and team.supervisor_id != exclude \
            and _within(amount, authority_limit(s, Role.SUPERVISOR)):
        ids.append(team.supervisor_id)
    if not ids:
        ids = [u for u in s.scalars(select(User.id).where(
            User.role == Role.MANAGER, User.active.is_(True), User.deleted_at.is_(None)))
            if u != exclude]
    return ids


def _info(s: Session, a: Approval, t: Ticket) -> ApprovalInfo:
    names = user_names(s, [a.requested_by_id, a.decided_by_id])
    return ApprovalInfo(
        id=a.id, ticket_id=t.id, ticket_reference=t.reference, ticket_subject=t.subject,
        kind=DecisionKind(a.kind), amount=a.amount, note=a.note, status=a.status,
        requested_by_id=a.requested_by_id,
        requested_by_name=names.get(a.requested_by_id, "?"), requested_at=a.created_at,
        decided_by_name=names.get(a.decided_by_id) if a.decided_by_id else None,
        decided_at=a.decided_at, decision_note=a.decision_note, version=a.version,
    )
