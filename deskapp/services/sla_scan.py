"""The SLA scan: raise every warning and breach whose time has come, exactly once.

One scan reads only tickets whose indexed ``sla_next_check_at`` has passed (open
ones), in batches of one transaction each. For every running clock of such a
ticket, the latest stage that is due is raised:

1. an ``SlaStageEvent`` row is inserted with ``ON CONFLICT DO NOTHING`` on its
   unique (ticket, clock, stage) key. The database decides the winner: with
   several workstations scanning one shared database, only the scanner whose
   insert went in notifies and escalates; the others see the conflict and move on;
2. the winner stores notifications (``notify()``, deduplicated per ticket, clock,
   stage and recipient) for the assignee or, when the ticket is unassigned, the
   active members of its team;
3. on a breach (of either clock) the winner escalates automatically and
   hierarchically with ``apply_escalation(automatic=True)``: an Escalation record,
   the level raised by one, and a notification to the team's supervisor — once per
   ticket and clock, because the breach event is;
4. ``sla_next_check_at`` moves on to the next pending stage (or NULL).

On PostgreSQL a batch claims its due rows with ``FOR UPDATE SKIP LOCKED``: scanners
running at once (overlapping cron runs, a lease handed over mid-scan) split the due
tickets between them instead of queueing on, and deadlocking over, each other's rows;
a ticket locked by someone else is simply left for the next tick.

Each ticket runs in a savepoint, so a ticket that fails (edited by an agent at the
same instant: its version moved) is rolled back alone, its event included, and is
tried again next tick.

**Catch-up** (after sleep, downtime or a tighter target): when several stages of
one clock are due at once, only the latest is raised — a breach supersedes the
warnings before it, 90 % supersedes 75 %. The skipped ones are never raised later
(a stage counts as done once a later stage of its clock is raised). An agent coming
back to a breached ticket gets one message that tells the truth now instead of a
burst of stale warnings. The two clocks are independent.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from deskapp.models import SlaStageEvent, Team, Ticket, User, new_id, utcnow
from deskapp.models.enums import (
    OPEN_STATUSES,
    EscalationKind,
    NotificationKind,
    SlaClock,
)
from deskapp.services.errors import DeskError
from deskapp.services.escalations import apply_escalation
from deskapp.services.notifications import notify
from deskapp.services.sla import (
    BREACH_PERCENT,
    PolicyCatalog,
    SlaEngine,
    StagePlan,
    next_check,
    raised_percents,
    write_columns,
)
from deskapp.services.unit_of_work import UnitOfWorkFactory

log = logging.getLogger(__name__)

SLA_MONITOR = "SLA monitor"
CLOCK_LABELS = {SlaClock.FIRST_RESPONSE: "first response", SlaClock.RESOLUTION: "resolution"}


@dataclass(frozen=True)
class RaisedStage:
    """One stage this scan raised (and notified). Plain data, safe across threads."""

    ticket_id: uuid.UUID
    reference: str
    subject: str
    clock: SlaClock
    stage: str  # "warning_75", "warning_90", "breach"
    percent: int  # 75, 90 ... 100 for the breach
    stage_at: datetime  # when the stage was reached (UTC)
    due_at: datetime  # the clock's target (UTC)
    recipient_ids: tuple[uuid.UUID, ...]  # assignee, or the team's members
    recipient_names: tuple[str, ...]
    escalated: bool = False
    escalation_level: int | None = None  # the ticket's level after the escalation
    supervisor_id: uuid.UUID | None = None  # notified of the escalation
    supervisor_name: str | None = None

    @property
    def is_breach(self) -> bool:
        return self.percent >= BREACH_PERCENT

    @property
    def notified_ids(self) -> tuple[uuid.UUID, ...]:
        """Everyone who got a notification from this stage."""
        extra = (self.supervisor_id,) if self.supervisor_id is not None else ()
        return self.recipient_ids + tuple(x for x in extra if x not in self.recipient_ids)


@dataclass
class _ScanCache:
    """Teams and names read once per batch."""

    teams: dict[uuid.UUID, tuple[tuple[uuid.UUID, ...], uuid.UUID | None]] = field(
        default_factory=dict
    )
    names: dict[uuid.UUID, str] = field(default_factory=dict)


class SlaScanner:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        engine: SlaEngine | None = None,
        *,
        batch_size: int = 200,
        attempts: int = 3,
    ) -> None:
        self._uow = uow_factory
        self.engine = engine or SlaEngine()
        self.batch_size = batch_size
        self.attempts = attempts

    def scan(self, now: datetime | None = None) -> list[RaisedStage]:
        """Raise what is due at ``now`` (default: the current time); returns what *this*
        scanner raised, in order. Database errors that persist after ``attempts``
        tries of a batch propagate (batches already committed stay committed)."""
        now = now or utcnow()
        raised: list[RaisedStage] = []
        failed: set[uuid.UUID] = set()
        seen: set[uuid.UUID] = set()
        while True:
            ids, batch, batch_failed = self._batch_with_retries(now, failed)
            if not ids:
                return raised
            raised.extend(batch)
            failed |= batch_failed
            if len(ids) < self.batch_size or seen.intersection(ids):
                # Fewer than a batch: nothing else is due. A ticket seen twice means
                # another writer keeps moving it back; leave it for the next tick.
                return raised
            seen.update(ids)

    # -- one batch ----------------------------------------------------------
    def _batch_with_retries(
        self, now: datetime, failed: set[uuid.UUID]
    ) -> tuple[list[uuid.UUID], list[RaisedStage], set[uuid.UUID]]:
        for attempt in range(1, self.attempts + 1):
            try:
                with self._uow() as uow:
                    s = uow.session
                    claim = s.get_bind().dialect.name == "postgresql"
                    ids = due_ticket_ids(s, now, self.batch_size, exclude=failed, claim=claim)
                    if not ids:
                        return [], [], set()
                    if s.get_bind().dialect.name == "sqlite":
                        # Read-then-write on SQLite: take the write lock first (waiting
                        # on busy_timeout), then read again on a snapshot no other
                        # writer can make stale - else the first write fails at once
                        # with "database is locked" (SQLITE_BUSY_SNAPSHOT).
                        s.rollback()
                        take_sqlite_write_lock(s)
                        ids = due_ticket_ids(s, now, self.batch_size, exclude=failed)
                        if not ids:
                            return [], [], set()
                    batch, batch_failed = self._process(s, ids, now)
                    uow.commit()
                    return ids, batch, batch_failed
            except DBAPIError as exc:
                # A deadlock, a serialisation failure or SQLite's "database is locked"
                # when another workstation writes at the same moment: try again.
                if attempt == self.attempts:
                    raise
                log.warning("SLA scan batch failed (%s); retrying", exc.orig)
        raise AssertionError("unreachable")

    def _process(
        self, s: Session, ids: list[uuid.UUID], now: datetime
    ) -> tuple[list[RaisedStage], set[uuid.UUID]]:
        catalog = self.engine.catalog(s)
        tickets = {t.id: t for t in s.scalars(select(Ticket).where(Ticket.id.in_(ids)))}
        raised_map = raised_percents(s, ids)
        cache = _ScanCache()
        out: list[RaisedStage] = []
        failed: set[uuid.UUID] = set()
        for ticket_id in ids:
            ticket = tickets.get(ticket_id)
            if ticket is None:
                continue
            try:
                with s.begin_nested():
                    out.extend(
                        self._ticket(s, ticket, now, catalog, raised_map.get(ticket_id, {}), cache)
                    )
            except (StaleDataError, IntegrityError, DeskError) as exc:
                log.warning("SLA scan skipped %s this time: %s", ticket.reference, exc)
                failed.add(ticket_id)
        return out, failed

    def _ticket(
        self,
        s: Session,
        ticket: Ticket,
        now: datetime,
        catalog: PolicyCatalog,
        raised: dict[SlaClock, int],
        cache: _ScanCache,
    ) -> list[RaisedStage]:
        state = self.engine.compute(ticket, now, catalog, raised, reselect=False)
        out: list[RaisedStage] = []
        for plan in state.plans:
            if not plan.running:
                continue
            due = [st for st in plan.pending(raised.get(plan.clock, 0)) if st.at <= now]
            if not due:
                continue
            stage = due[-1]  # the latest supersedes the earlier ones (see module doc)
            raised[plan.clock] = stage.percent
            if not insert_stage_event(s, ticket.id, stage, now):
                continue  # another scanner raised it: it notifies, not us
            out.append(self._raise(s, ticket, stage, plan.due, now, cache))
        columns = state.columns()
        columns["sla_next_check_at"] = next_check(state.plans, raised)
        # No version bump: SLA bookkeeping is not an edit (see SlaEngine.recompute_open).
        write_columns(s, ticket, columns)
        return out

    def _raise(
        self,
        s: Session,
        ticket: Ticket,
        stage: StagePlan,
        due_at: datetime,
        now: datetime,
        cache: _ScanCache,
    ) -> RaisedStage:
        recipients = self._recipients(s, ticket, cache)
        label = CLOCK_LABELS[stage.clock]
        breach = stage.percent >= BREACH_PERCENT
        if breach:
            title = f"{ticket.reference}: {label} target breached"
        else:
            title = f"{ticket.reference}: {stage.percent}% of the {label} time used"
        body = f"{ticket.subject} — {label} due {due_at:%Y-%m-%d %H:%M} UTC"
        params = {  # for the UI's wording in the reader's language (ui.notifications)
            "reference": ticket.reference, "subject": ticket.subject,
            "clock": stage.clock.value, "percent": stage.percent, "due_at": due_at.isoformat(),
        }
        for recipient in recipients:
            notify(
                s,
                recipient,
                ticket,
                NotificationKind.SLA_BREACH if breach else NotificationKind.SLA_WARNING,
                title=title,
                body=body,
                dedupe_key=f"sla:{ticket.id}:{stage.clock.value}:{stage.stage}:{recipient}",
                stage=stage.stage,
                urgency="critical" if breach else "normal",
                code="sla.breach" if breach else "sla.warning",
                params=params,
            )
        escalated = False
        level = None
        supervisor_id = None
        if breach:
            team_id = ticket.team_id
            apply_escalation(
                s,
                ticket,
                kind=EscalationKind.HIERARCHICAL,
                reason=f"SLA breached: {label}",
                note=f"The {label} target ({due_at:%Y-%m-%d %H:%M} UTC) passed; "
                "escalated automatically.",
                code="escalation.sla_breach",
                params={"clock": stage.clock.value, "due_at": due_at.isoformat()},
                now=now,
                by_user_id=None,
                by_name=SLA_MONITOR,
                automatic=True,
            )
            escalated = True
            level = ticket.escalation_level
            if team_id is not None:
                supervisor_id = self._team(s, team_id, cache)[1]
        names = self._names(s, [*recipients, *([supervisor_id] if supervisor_id else [])], cache)
        return RaisedStage(
            ticket_id=ticket.id,
            reference=ticket.reference,
            subject=ticket.subject,
            clock=stage.clock,
            stage=stage.stage,
            percent=stage.percent,
            stage_at=stage.at,
            due_at=due_at,
            recipient_ids=tuple(recipients),
            recipient_names=tuple(names[r] for r in recipients),
            escalated=escalated,
            escalation_level=level,
            supervisor_id=supervisor_id,
            supervisor_name=names.get(supervisor_id) if supervisor_id else None,
        )

    # -- who hears about it -------------------------------------------------
    def _recipients(self, s: Session, ticket: Ticket, cache: _ScanCache) -> list[uuid.UUID]:
        """The assignee; when unassigned, the active members of the team."""
        if ticket.assignee_id is not None:
            return [ticket.assignee_id]
        if ticket.team_id is None:
            return []
        return list(self._team(s, ticket.team_id, cache)[0])

    def _team(
        self, s: Session, team_id: uuid.UUID, cache: _ScanCache
    ) -> tuple[tuple[uuid.UUID, ...], uuid.UUID | None]:
        found = cache.teams.get(team_id)
        if found is None:
            team = s.get(Team, team_id)
            if team is None:
                found = ((), None)
            else:
                members = tuple(
                    sorted(m.id for m in team.members if m.active and m.deleted_at is None)
                )
                found = (members, team.supervisor_id)
            cache.teams[team_id] = found
        return found

    def _names(
        self, s: Session, ids: Sequence[uuid.UUID], cache: _ScanCache
    ) -> dict[uuid.UUID, str]:
        missing = [i for i in ids if i not in cache.names]
        if missing:
            for uid, name in s.execute(
                select(User.id, User.display_name).where(User.id.in_(missing))
            ):
                cache.names[uid] = name
        return {i: cache.names.get(i, "?") for i in ids}


def take_sqlite_write_lock(s: Session) -> None:
    """BEGIN IMMEDIATE by other means (the engine's begin hook always says BEGIN): a
    write that touches no row still takes SQLite's write lock for the transaction."""
    s.execute(text("UPDATE sla_stage_events SET stage = stage WHERE 0"))


def due_ticket_ids(
    s: Session,
    now: datetime,
    limit: int,
    *,
    exclude: set[uuid.UUID] | None = None,
    claim: bool = False,
) -> list[uuid.UUID]:
    """Open tickets whose next SLA check has come, earliest first (the indexed read).
    ``claim`` (PostgreSQL): lock them for this transaction, skipping rows another
    transaction holds, so concurrent scanners take disjoint batches."""
    query = due_query(now, limit, exclude=exclude)
    if claim:
        query = query.with_for_update(skip_locked=True)
    return list(s.scalars(query))


def due_query(now: datetime, limit: int, *, exclude: set[uuid.UUID] | None = None) -> Select:
    """The statement behind ``due_ticket_ids`` (benchmarks/sla_tick.py times it bare)."""
    query = (
        select(Ticket.id)
        .where(
            Ticket.sla_next_check_at <= now,
            Ticket.status.in_(OPEN_STATUSES),
            Ticket.deleted_at.is_(None),
        )
        .order_by(Ticket.sla_next_check_at, Ticket.id)
        .limit(limit)
    )
    if exclude:
        query = query.where(Ticket.id.not_in(exclude))
    return query


def _event_insert(dialect: str):
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = SlaStageEvent.__table__
    return (
        insert(table)
        .on_conflict_do_nothing(index_elements=["ticket_id", "clock", "stage"])
        # RETURNING, not rowcount: SQLAlchemy 2.1 + psycopg 3 report rowcount -1 for
        # a Core INSERT, so rowcount cannot tell the winner on PostgreSQL.
        .returning(table.c.id)
    )


_EVENT_INSERTS = {name: _event_insert(name) for name in ("postgresql", "sqlite")}


def insert_stage_event(s: Session, ticket_id: uuid.UUID, stage: StagePlan, now: datetime) -> bool:
    """Record that ``stage`` was raised; False when it already was (by anyone). The
    unique key (ticket, clock, stage) makes this the exactly-once gate."""
    stmt = _EVENT_INSERTS[s.get_bind().dialect.name]
    row = s.execute(
        stmt,
        {
            "id": new_id(),
            "created_at": now,
            "ticket_id": ticket_id,
            "clock": stage.clock.value,
            "stage": stage.stage,
            "due_at": stage.at,
        },
    ).first()
    return row is not None
