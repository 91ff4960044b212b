"""Auto-assignment, a switch per team (``Team.auto_assign``): a new unassigned ticket
of the team goes to the least-loaded available agent of the team, or to the next one
in turn (round-robin, remembered in ``Team.last_auto_assignee_id``).

Concurrency: the team row is locked (SELECT ... FOR NO KEY UPDATE on PostgreSQL, see
``lock_team``; SQLite serialises writers anyway) for the rest of the transaction, so two workstations
auto-assigning for the same team at once see each other's choice: loads stay even
and the turn never repeats.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, lazyload
from sqlalchemy.orm.exc import StaleDataError

from deskapp.models import Team, Ticket, User, team_members, utcnow
from deskapp.models.enums import OPEN_STATUSES, Role
from deskapp.services import audit
from deskapp.services.errors import PermissionDenied, StaleUpdate, ValidationFailed
from deskapp.services.permissions import SYSTEM, Actor, Permission
from deskapp.services.presence import available_clause
from deskapp.services.ticket_moves import check_version, existing_team, record_move, stale
from deskapp.services.unit_of_work import UnitOfWorkFactory


class AutoAssignMode(enum.StrEnum):
    OFF = "off"
    LEAST_LOADED = "least_loaded"
    ROUND_ROBIN = "round_robin"


# Roles that take tickets from a queue (supervisors and managers run it).
_WORKER_ROLES = (Role.AGENT, Role.SPECIALIST)


def lock_team(s: Session, team_id: uuid.UUID) -> Team | None:
    """The team row, locked until the transaction ends, with fresh values.

    PostgreSQL: FOR NO KEY UPDATE, not FOR UPDATE. By the time we get here this
    transaction (and a concurrent one) has usually inserted rows that reference the
    team (escalation, assignment), and each such foreign-key check holds FOR KEY SHARE
    on the team row; FOR UPDATE conflicts with KEY SHARE, so two workstations would
    deadlock. NO KEY UPDATE still serialises auto-assigners (it conflicts with itself)
    and is what our own UPDATE of last_auto_assignee_id takes anyway."""
    return s.scalar(
        select(Team)
        .where(Team.id == team_id)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
        .options(lazyload(Team.members))  # available_agents asks SQL, not the list
    )


def available_agents(s: Session, team: Team) -> list[User]:
    """Members who take work and are Available now (their state is Available and their
    workstation's heartbeat is fresh: services.presence), in a stable order (name, id)."""
    wall = utcnow()  # presence is wall-clock time, whatever clock the SLA uses
    # In SQL (the same rule as is_available), without loading every member's teams:
    # a team of 200 costs one query, not 200 users with their relationships.
    people = s.scalars(
        select(User)
        .join(team_members, team_members.c.user_id == User.id)
        .where(
            team_members.c.team_id == team.id,
            User.active.is_(True),
            User.deleted_at.is_(None),
            User.role.in_(_WORKER_ROLES),
            available_clause(wall),
        )
        .options(lazyload(User.teams), lazyload(User.heartbeat))
    ).all()
    return sorted(people, key=lambda u: (u.display_name.casefold(), str(u.id)))


def open_loads(s: Session, user_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not user_ids:
        return {}
    rows = s.execute(
        select(Ticket.assignee_id, func.count())
        .where(
            Ticket.assignee_id.in_(user_ids),
            Ticket.status.in_(OPEN_STATUSES),
            Ticket.deleted_at.is_(None),
        )
        .group_by(Ticket.assignee_id)
    )
    loads = dict.fromkeys(user_ids, 0)
    loads.update({uid: n for uid, n in rows})
    return loads


def choose_agent(s: Session, team: Team) -> User | None:
    """Whom the team's switch picks now (None when off or nobody is available)."""
    mode = AutoAssignMode(team.auto_assign) if team.auto_assign in set(AutoAssignMode) \
        else AutoAssignMode.OFF
    if mode is AutoAssignMode.OFF:
        return None
    people = available_agents(s, team)
    if not people:
        return None
    if mode is AutoAssignMode.LEAST_LOADED:
        loads = open_loads(s, [p.id for p in people])
        return min(people, key=lambda p: loads[p.id])  # ties: the stable order
    ids = [p.id for p in people]
    last = team.last_auto_assignee_id
    if last in ids:
        return people[(ids.index(last) + 1) % len(people)]
    if last is not None:
        # The last one left or went away: continue after where they sorted.
        last_user = s.get(User, last)
        if last_user is not None:
            key = (last_user.display_name.casefold(), str(last_user.id))
            for p in people:
                if (p.display_name.casefold(), str(p.id)) > key:
                    return p
    return people[0]


def auto_assign(s: Session, ticket: Ticket, now: datetime) -> uuid.UUID | None:
    """If ``ticket`` is open, unassigned and in a team whose switch is on, give it to an
    available agent in this transaction. Returns the chosen agent's id."""
    if ticket.assignee_id is not None or ticket.team_id is None or not ticket.status.is_open:
        return None
    team = lock_team(s, ticket.team_id)
    if team is None or team.auto_assign in ("", AutoAssignMode.OFF):
        return None
    agent = choose_agent(s, team)
    if agent is None:
        return None
    mode = AutoAssignMode(team.auto_assign)
    label = "least loaded" if mode is AutoAssignMode.LEAST_LOADED else "round-robin"
    # One microsecond later than the move that made the ticket unassigned, so the
    # history orders them right even when both happen in one transaction.
    record_move(
        s, SYSTEM, ticket, agent.id, team.id,
        reason=f"auto-assigned ({label})",
        now=now + timedelta(microseconds=1),
        audit_action="ticket.auto_assigned",
    )
    if mode is AutoAssignMode.ROUND_ROBIN:
        team.last_auto_assignee_id = agent.id
    return agent.id


@dataclass(frozen=True)
class SweepResult:
    team_id: uuid.UUID
    mode: AutoAssignMode
    assigned: int
    left_unassigned: int


class AutoAssignService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Callable[[], datetime] = utcnow):
        self._uow = uow_factory
        self._now = clock

    def set_mode(
        self, actor: Actor, team_id: uuid.UUID, mode: AutoAssignMode | str,
        expected_version: int | None = None,
    ) -> SweepResult:
        """Turn a team's switch; turning it on hands out the team's waiting tickets."""
        if not (actor.can(Permission.MANAGE_TEAMS) or actor.can(Permission.REASSIGN_ANY)):
            raise PermissionDenied(
                f"{actor.display_name} ({actor.role.value}) may not change auto-assignment; "
                "ask a supervisor or manager."
            )
        mode = _mode(mode)
        with self._uow() as uow:
            s = uow.session
            team = existing_team(s, team_id)
            if expected_version is not None and team.version != expected_version:
                raise StaleUpdate(f"Team {team.name}", None, team.updated_at, team.version)
            old = team.auto_assign
            team.auto_assign = mode.value
            audit.record(s, actor, "team.auto_assign", "team", team.id, old=old, new=mode.value)
            uow.commit()
        return self.sweep(team_id)

    def sweep(self, team_id: uuid.UUID, limit: int = 500) -> SweepResult:
        """Auto-assign the team's open unassigned tickets, oldest first, each in its own
        transaction (a ticket changed meanwhile is simply skipped)."""
        with self._uow() as uow:
            team = existing_team(uow.session, team_id)
            mode = _mode(team.auto_assign)
            ids = list(uow.session.scalars(
                select(Ticket.id)
                .where(
                    Ticket.team_id == team_id,
                    Ticket.assignee_id.is_(None),
                    Ticket.status.in_(OPEN_STATUSES),
                    Ticket.deleted_at.is_(None),
                )
                .order_by(Ticket.created_at, Ticket.id)
                .limit(limit)
            ))
        assigned = 0
        if mode is not AutoAssignMode.OFF:
            for tid in ids:
                if self.assign_one(tid) is not None:
                    assigned += 1
        return SweepResult(team_id, mode, assigned, len(ids) - assigned)

    def assign_one(self, ticket_id: uuid.UUID, expected_version: int | None = None
                   ) -> uuid.UUID | None:
        with self._uow() as uow:
            s = uow.session
            t = s.get(Ticket, ticket_id)
            if t is None or t.deleted_at is not None:
                return None
            if expected_version is not None:
                check_version(s, t, expected_version)
            chosen = auto_assign(s, t, self._now())
            if chosen is None:
                return None
            try:
                s.flush()
                uow.commit()
            except StaleDataError:
                s.rollback()
                raise stale(s, ticket_id) from None
            return chosen


def _mode(value: AutoAssignMode | str) -> AutoAssignMode:
    try:
        return AutoAssignMode(value)
    except ValueError:
        raise ValidationFailed(
            f"Auto-assignment {value!r} is not one of: off, least_loaded, round_robin.",
            "auto_assign",
        ) from None
