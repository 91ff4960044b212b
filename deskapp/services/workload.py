"""The supervisor's desk: each agent's load and presence, and moving work around.

Bulk reassignment is all-or-nothing *per ticket*: every ticket is moved in its own
transaction with its own expected version, so one ticket changed meanwhile does not
stop the others; the result says which tickets moved and which did not, and why.
Every move goes through ``tickets.move_ticket`` (the same rule and the same record —
Assignment row, audit entry, timeline note — as a single reassignment).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from deskapp.models import Team, Ticket, User, utcnow
from deskapp.models.enums import OPEN_STATUSES, Presence, Role, SlaClock
from deskapp.services import validation
from deskapp.services.dto import TicketSummary
from deskapp.services.errors import (
    DeskError,
    NotFound,
    PermissionDenied,
    StaleUpdate,
    ValidationFailed,
)
from deskapp.services.permissions import Actor, Permission
from deskapp.services.presence import beat_of, effective_presence
from deskapp.services.sla import raised_percents
from deskapp.services.sla_state import ClockState, read_ticket
from deskapp.services.ticket_moves import (
    active_user,
    check_version,
    existing_team,
    load_ticket,
    stale_guard,
)
from deskapp.services.ticket_queries import ticket_summaries
from deskapp.services.tickets import move_ticket
from deskapp.services.unit_of_work import UnitOfWorkFactory

MAX_BULK = 1000


@dataclass(frozen=True)
class AgentLoad:
    user_id: uuid.UUID
    display_name: str
    role: Role
    presence: Presence
    team_names: tuple[str, ...]
    open_count: int
    warning_count: int
    breached_count: int
    presence_since: datetime | None = None  # effective presence (services.presence)


@dataclass(frozen=True)
class TeamLoad:
    id: uuid.UUID
    name: str
    open_count: int
    unassigned_count: int
    auto_assign: str
    version: int


@dataclass(frozen=True)
class Workload:
    agents: tuple[AgentLoad, ...]
    teams: tuple[TeamLoad, ...]
    as_of: datetime


@dataclass(frozen=True)
class TicketRef:
    """A ticket as the caller saw it: moving it is refused if it changed since."""

    ticket_id: uuid.UUID
    expected_version: int


@dataclass(frozen=True)
class MoveResult:
    ticket_id: uuid.UUID
    reference: str | None
    moved: bool
    problem: str  # "" when moved; else "stale", "permission", "not_found" or "invalid"
    message: str
    new_version: int | None = None
    changed: bool = False  # False for a ticket that was already where it was sent


@dataclass(frozen=True)
class BulkResult:
    results: tuple[MoveResult, ...]

    @property
    def moved(self) -> tuple[MoveResult, ...]:
        return tuple(r for r in self.results if r.moved)

    @property
    def failed(self) -> tuple[MoveResult, ...]:
        return tuple(r for r in self.results if not r.moved)


def sla_flags(
    t: object, now: datetime, raised: dict[SlaClock, int] | None = None
) -> tuple[bool, bool]:
    """(warning, breached) of the clock that matters now, by the one rule of
    services.sla_state (a paused clock that is already past due counts as breached)."""
    state = read_ticket(t, now, raised).state
    return state is ClockState.WARNING, state.breached


class WorkloadService:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._uow = uow_factory
        self._now = clock

    # -- reading ------------------------------------------------------------
    def workload(self, actor: Actor) -> Workload:
        """Every member of the actor's teams (managers: of all teams) with their open,
        warning and breached tickets and presence; and each team's queue."""
        actor.require(Permission.VIEW_TEAM_WORKLOAD)
        now = self._now()
        with self._uow() as uow:
            s = uow.session
            teams = _visible_teams(s, actor)
            people: dict[uuid.UUID, User] = {}
            for team in teams:
                for m in team.members:
                    if m.active and m.deleted_at is None and m.role is not Role.ADMIN:
                        people[m.id] = m
            counts = {uid: [0, 0, 0] for uid in people}
            team_counts = {t.id: [0, 0] for t in teams}
            live = (Ticket.status.in_(OPEN_STATUSES), Ticket.deleted_at.is_(None))
            if team_counts:
                for team_id, total, unassigned in s.execute(
                    select(Ticket.team_id, func.count(),
                           func.count(case((Ticket.assignee_id.is_(None), 1))))
                    .where(Ticket.team_id.in_(team_counts), *live)
                    .group_by(Ticket.team_id)
                ):
                    team_counts[team_id] = [total, unassigned]
            # Only the people shown: their open tickets' clocks, judged here (the same
            # rule as the queue's SLA column).
            for chunk in _chunks(list(people), 500):
                rows = s.execute(
                    select(Ticket.id, Ticket.assignee_id, Ticket.status, Ticket.created_at,
                           Ticket.first_response_due, Ticket.first_response_at,
                           Ticket.resolution_due, Ticket.resolved_at, Ticket.sla_paused_since)
                    .where(Ticket.assignee_id.in_(chunk), *live)
                ).all()
                raised = raised_percents(s, [r.id for r in rows])
                for r in rows:
                    warning, breached = sla_flags(r, now, raised.get(r.id))
                    c = counts[r.assignee_id]
                    c[0] += 1
                    c[1] += warning
                    c[2] += breached
            visible = {t.id for t in teams}
            wall = utcnow()  # presence is wall-clock time, whatever clock the SLA uses
            agents = sorted(
                (
                    AgentLoad(
                        user_id=u.id, display_name=u.display_name, role=u.role,
                        presence=effective_presence(
                            u.presence, u.presence_at, beat_of(u), wall)[0],
                        presence_since=effective_presence(
                            u.presence, u.presence_at, beat_of(u), wall)[1],
                        team_names=tuple(sorted(t.name for t in u.teams if t.id in visible)),
                        open_count=counts[u.id][0], warning_count=counts[u.id][1],
                        breached_count=counts[u.id][2],
                    )
                    for u in people.values()
                ),
                key=lambda a: (a.display_name.casefold(), str(a.user_id)),
            )
            team_loads = tuple(
                TeamLoad(t.id, t.name, team_counts[t.id][0], team_counts[t.id][1],
                         t.auto_assign, t.version)
                for t in teams
            )
            return Workload(tuple(agents), team_loads, now)

    def tickets(
        self,
        actor: Actor,
        *,
        assignee_id: uuid.UUID | None = None,
        team_id: uuid.UUID | None = None,
        unassigned_only: bool = False,
        limit: int = 500,
    ) -> list[TicketSummary]:
        """Open tickets of the actor's teams (or of one agent / one team), oldest first:
        the supervisor view's own ticket list."""
        actor.require(Permission.VIEW_TEAM_WORKLOAD)
        with self._uow() as uow:
            s = uow.session
            q = select(Ticket).where(Ticket.status.in_(OPEN_STATUSES),
                                     Ticket.deleted_at.is_(None))
            if assignee_id is not None:
                q = q.where(Ticket.assignee_id == assignee_id)
            elif team_id is not None:
                q = q.where(Ticket.team_id == team_id)
            elif actor.role is not Role.MANAGER:
                ids = [t.id for t in _visible_teams(s, actor)]
                members = {m.id for t in _visible_teams(s, actor) for m in t.members}
                q = q.where(Ticket.team_id.in_(ids or [uuid.UUID(int=0)])
                            | Ticket.assignee_id.in_(members or [uuid.UUID(int=0)]))
            if unassigned_only:
                q = q.where(Ticket.assignee_id.is_(None))
            q = q.order_by(Ticket.created_at, Ticket.id).limit(max(1, min(limit, 5000)))
            return ticket_summaries(s, q)

    # -- moving work --------------------------------------------------------
    def reassign(
        self,
        actor: Actor,
        tickets: Sequence[TicketRef] | Iterable[tuple[uuid.UUID, int]],
        *,
        to_user_id: uuid.UUID | None = None,
        to_team_id: uuid.UUID | None = None,
        reason: str,
    ) -> BulkResult:
        """Move many tickets to an agent and/or a team. Each ticket moves in its own
        transaction or not at all; the result lists every ticket with what happened."""
        reason = validation.text(reason, "Reason", 1000)
        refs = [r if isinstance(r, TicketRef) else TicketRef(*r) for r in tickets]
        if not refs:
            raise ValidationFailed("Select at least one ticket to reassign.", "tickets",
                                   code="reassign.nothing_selected")
        if len(refs) > MAX_BULK:
            raise ValidationFailed(
                f"{len(refs)} tickets selected; move at most {MAX_BULK} at once.", "tickets",
                code="reassign.too_many", count=len(refs), limit=MAX_BULK)
        if to_user_id is None and to_team_id is None:
            raise ValidationFailed("Choose an agent or a team to move the tickets to.", "target",
                                   code="reassign.target_required")
        # The target is checked once up front: a wrong target fails the whole request.
        with self._uow() as uow:
            if to_user_id is not None:
                active_user(uow.session, to_user_id)
            if to_team_id is not None:
                existing_team(uow.session, to_team_id)
        seen: set[uuid.UUID] = set()
        results = []
        for ref in refs:
            if ref.ticket_id in seen:
                continue
            seen.add(ref.ticket_id)
            results.append(self._move_one(actor, ref, to_user_id, to_team_id, reason))
        return BulkResult(tuple(results))

    def reassign_one(
        self, actor: Actor, ticket_id: uuid.UUID, expected_version: int, *,
        to_user_id: uuid.UUID | None = None, to_team_id: uuid.UUID | None = None,
        reason: str,
    ) -> MoveResult:
        """One ticket, raising on failure (StaleUpdate names who moved it)."""
        reason = validation.text(reason, "Reason", 1000)
        result, error = self._attempt(actor, TicketRef(ticket_id, expected_version),
                                      to_user_id, to_team_id, reason)
        if error is not None:
            raise error
        return result

    def _move_one(self, actor: Actor, ref: TicketRef, to_user_id: uuid.UUID | None,
                  to_team_id: uuid.UUID | None, reason: str) -> MoveResult:
        result, _error = self._attempt(actor, ref, to_user_id, to_team_id, reason)
        return result

    def _attempt(
        self, actor: Actor, ref: TicketRef, to_user_id: uuid.UUID | None,
        to_team_id: uuid.UUID | None, reason: str,
    ) -> tuple[MoveResult, DeskError | None]:
        reference: str | None = None
        try:
            with self._uow() as uow:
                s = uow.session
                t = load_ticket(s, ref.ticket_id)
                reference = t.reference
                check_version(s, t, ref.expected_version)
                team = to_team_id if to_team_id is not None else t.team_id
                with stale_guard(s, ref.ticket_id):
                    moved = move_ticket(s, actor, t, to_user_id, team, reason=reason,
                                        now=self._now())
                    s.flush()
                    version = t.version
                    uow.commit()
            message = f"{reference} moved." if moved else f"{reference} was already there."
            return MoveResult(ref.ticket_id, reference, True, "", message, version, moved), None
        except StaleUpdate as exc:
            return MoveResult(ref.ticket_id, reference, False, "stale", str(exc),
                              exc.current_version), exc
        except PermissionDenied as exc:
            return MoveResult(ref.ticket_id, reference, False, "permission", str(exc)), exc
        except NotFound as exc:
            return MoveResult(ref.ticket_id, reference, False, "not_found", str(exc)), exc
        except DeskError as exc:
            return MoveResult(ref.ticket_id, reference, False, "invalid", str(exc)), exc


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _visible_teams(s: Session, actor: Actor) -> list[Team]:
    q = select(Team).where(Team.deleted_at.is_(None)).order_by(Team.name)
    if actor.role is Role.MANAGER or actor.is_system:
        return list(s.scalars(q))
    mine = set(actor.team_ids)
    return [t for t in s.scalars(q) if t.id in mine or t.supervisor_id == actor.user_id]


