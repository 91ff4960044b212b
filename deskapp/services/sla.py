"""SLA clocks: which policy applies to a ticket, when its targets fall due, and when
the scanner must next look at it.

Two clocks run from the ticket's creation, both counted in business time of the
policy's calendar (services.business_time):

* **first response**: stops at the first outbound reply or call
  (``ticket.first_response_at``, set by TicketService) or at resolution;
* **resolution**: stands still while the ticket waits on the customer or a third
  party (``pending_*``) and while it is resolved or closed; a reopened ticket's
  clock continues where it stopped. ``sla_paused_since`` marks the moment the clock
  stopped (on an open ticket: paused; on a resolved or closed one: stopped), and
  ``sla_paused_seconds`` accumulates the business time of finished stops. The
  running clock's due time is ``created_at + target + paused`` in business time.
  While it stands still, ``resolution_due`` keeps the value it had when it stopped
  (show "paused" when ``sla_paused_since`` is set); it moves on when the clock runs.

Each clock has *stages*: the policy's warning percentages (default 75 % and 90 %
of the target elapsed) and the breach at 100 %, named ``warning_75``,
``warning_90`` and ``breach``. ``sla_next_check_at`` is the earliest stage not yet
raised of a running clock (NULL when none): the scanner (services.sla_scan) reads
only tickets whose time has come.

Policy choice: among active policies whose priority, segment and channel are each
unset or equal to the ticket's, the most specific (most criteria set) wins; ties
go to the tighter targets (then the name); when none matches, the active default
policy applies; without any, the ticket has no SLA.

Approximation, stated: the paused time is kept as a sum of business seconds, so
after a change of *calendar* the time already paused is not re-measured in the new
calendar's hours.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from deskapp.models import BusinessCalendar, SlaPolicy, SlaStageEvent, Ticket, utcnow
from deskapp.models.enums import OPEN_STATUSES, Channel, Priority, Segment, SlaClock, Status
from deskapp.services.business_time import (
    WeeklySchedule,
    WorkCalendar,
    add_business_times,
    business_time_between,
    parse_ranges,
)
from deskapp.services.unit_of_work import UnitOfWorkFactory

log = logging.getLogger(__name__)

BREACH = "breach"
BREACH_PERCENT = 100
_EARLIEST = date(1970, 1, 1)


def stage_name(percent: int) -> str:
    return BREACH if percent >= BREACH_PERCENT else f"warning_{percent}"


def stage_percent(name: str) -> int | None:
    """``"warning_75"`` -> 75, ``"breach"`` -> 100, anything else -> None."""
    if name == BREACH:
        return BREACH_PERCENT
    prefix, _, number = name.partition("_")
    if prefix == "warning" and number.isdigit():
        return int(number)
    return None


def clean_stages(stages: Iterable[int] | None) -> tuple[int, ...]:
    """Warning percentages as stored, made safe: integers 1..99, ascending, unique."""
    out = sorted({int(p) for p in (stages or ()) if isinstance(p, int | float) and 1 <= p <= 99})
    return tuple(out)


# -- value objects ----------------------------------------------------------


@dataclass(frozen=True)
class PolicyRule:
    """An SLA policy detached from the session."""

    id: uuid.UUID
    name: str
    priority: Priority | None
    segment: Segment | None
    channel: Channel | None
    first_response_minutes: int
    resolution_minutes: int
    warning_stages: tuple[int, ...]
    calendar_id: uuid.UUID
    is_default: bool
    active: bool

    @property
    def specificity(self) -> int:
        return sum(x is not None for x in (self.priority, self.segment, self.channel))

    def matches(self, priority: Priority, segment: Segment, channel: Channel) -> bool:
        return (
            (self.priority is None or self.priority == priority)
            and (self.segment is None or self.segment == segment)
            and (self.channel is None or self.channel == channel)
        )

    def target(self, clock: SlaClock) -> int:
        if clock is SlaClock.FIRST_RESPONSE:
            return self.first_response_minutes
        return self.resolution_minutes


def policy_rule(p: SlaPolicy) -> PolicyRule:
    return PolicyRule(
        id=p.id,
        name=p.name,
        priority=p.priority,
        segment=p.segment,
        channel=p.channel,
        first_response_minutes=p.first_response_minutes,
        resolution_minutes=p.resolution_minutes,
        warning_stages=clean_stages(p.warning_stages),
        calendar_id=p.calendar_id,
        is_default=p.is_default,
        active=p.active and p.deleted_at is None,
    )


def select_policy(
    policies: Iterable[PolicyRule], priority: Priority, segment: Segment, channel: Channel
) -> PolicyRule | None:
    """The most specific active match; ties to the tighter targets; else the default."""
    active = [p for p in policies if p.active]
    matching = [p for p in active if p.matches(priority, segment, channel)]
    if matching:
        return min(
            matching,
            key=lambda p: (-p.specificity, p.resolution_minutes, p.first_response_minutes, p.name),
        )
    defaults = sorted((p for p in active if p.is_default), key=lambda p: p.name)
    return defaults[0] if defaults else None


def work_calendar(cal: BusinessCalendar) -> WorkCalendar:
    """The value object of a stored calendar (schedules and custom days included)."""
    schedules = tuple(
        WeeklySchedule.from_strings(s.weekly_hours or {}, s.effective_from)
        for s in cal.schedules
        if s.deleted_at is None
    ) or (WeeklySchedule(_EARLIEST, ((),) * 7),)
    special = tuple(
        (h.day, parse_ranges(h.hours) if h.hours else ())
        for h in cal.holidays
        if h.deleted_at is None
    )
    return WorkCalendar(
        timezone=cal.timezone,
        schedules=schedules,
        holiday_country=cal.holiday_country or "",
        holiday_subdivision=cal.holiday_subdivision or "",
        special_days=special,
    )


@dataclass(frozen=True)
class StagePlan:
    clock: SlaClock
    stage: str
    percent: int
    at: datetime


@dataclass(frozen=True)
class ClockPlan:
    clock: SlaClock
    target_minutes: int
    due: datetime
    running: bool
    stages: tuple[StagePlan, ...]  # ascending, the breach last

    def pending(self, raised_percent: int) -> tuple[StagePlan, ...]:
        """Stages after the highest one raised so far (raised ones and the ones they
        superseded are done)."""
        return tuple(s for s in self.stages if s.percent > raised_percent)


@dataclass(frozen=True)
class SlaColumns:
    """What the SLA columns of a ticket should hold."""

    policy: PolicyRule | None
    first_response_due: datetime | None
    resolution_due: datetime | None
    paused_since: datetime | None
    paused_seconds: int
    next_check_at: datetime | None
    plans: tuple[ClockPlan, ...] = ()

    def columns(self) -> dict[str, object]:
        return {
            "sla_policy_id": self.policy.id if self.policy else None,
            "first_response_due": self.first_response_due,
            "resolution_due": self.resolution_due,
            "sla_paused_since": self.paused_since,
            "sla_paused_seconds": self.paused_seconds,
            "sla_next_check_at": self.next_check_at,
        }


def clock_running(ticket: Ticket, clock: SlaClock) -> bool:
    if clock is SlaClock.FIRST_RESPONSE:
        return ticket.first_response_at is None and ticket.status.is_open
    return ticket.status in (Status.NEW, Status.OPEN)


def plan_clocks(
    ticket: Ticket, policy: PolicyRule, calendar: WorkCalendar, paused_seconds: int
) -> tuple[ClockPlan, ClockPlan]:
    """Due time and stage times of both clocks (first response, resolution)."""
    percents = [*policy.warning_stages, BREACH_PERCENT]
    plans = []
    for clock, offset in (
        (SlaClock.FIRST_RESPONSE, timedelta(0)),
        (SlaClock.RESOLUTION, timedelta(seconds=paused_seconds)),
    ):
        target = timedelta(minutes=policy.target(clock))
        times = add_business_times(
            calendar, ticket.created_at, [target * p / 100 + offset for p in percents]
        )
        stages = tuple(
            StagePlan(clock, stage_name(p), p, at) for p, at in zip(percents, times, strict=True)
        )
        plans.append(
            ClockPlan(clock, policy.target(clock), times[-1], clock_running(ticket, clock), stages)
        )
    return plans[0], plans[1]


def next_check(plans: Iterable[ClockPlan], raised: dict[SlaClock, int]) -> datetime | None:
    candidates = []
    for plan in plans:
        if plan.running:
            pending = plan.pending(raised.get(plan.clock, 0))
            if pending:
                candidates.append(pending[0].at)
    return min(candidates) if candidates else None


def raised_percents(
    session: Session, ticket_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[SlaClock, int]]:
    """The highest stage raised so far, per ticket and clock (from SlaStageEvent)."""
    out: dict[uuid.UUID, dict[SlaClock, int]] = {}
    for i in range(0, len(ticket_ids), 500):
        chunk = list(ticket_ids[i : i + 500])
        rows = session.execute(
            select(SlaStageEvent.ticket_id, SlaStageEvent.clock, SlaStageEvent.stage).where(
                SlaStageEvent.ticket_id.in_(chunk)
            )
        )
        for ticket_id, clock, stage in rows:
            percent = stage_percent(stage)
            try:
                key = SlaClock(clock)
            except ValueError:
                continue
            if percent is not None:
                per = out.setdefault(ticket_id, {})
                per[key] = max(per.get(key, 0), percent)
    return out


# -- the catalogue of policies and calendars --------------------------------


class PolicyCatalog:
    """Every policy with its calendar, read once per operation or scan."""

    def __init__(self, rules: list[PolicyRule], calendars: dict[uuid.UUID, WorkCalendar]):
        self.rules = rules
        self.by_id = {r.id: r for r in rules}
        self.calendars = calendars

    def select(self, priority: Priority, segment: Segment, channel: Channel) -> PolicyRule | None:
        return select_policy(self.rules, priority, segment, channel)

    def calendar(self, policy: PolicyRule) -> WorkCalendar:
        return self.calendars[policy.calendar_id]


class SlaEngine:
    """The SlaHook TicketService calls after every change that can move a clock.

    Thread-safe enough to share between background tasks: it keeps only a cache of
    calendar value objects keyed by (calendar id, version)."""

    def __init__(self) -> None:
        self._calendars: dict[tuple[uuid.UUID, int], WorkCalendar] = {}

    # -- the hook -----------------------------------------------------------
    def ticket_changed(
        self, session: Session, ticket: Ticket, now: datetime, previous_status: Status | None
    ) -> None:
        catalog = self.catalog(session)
        raised = (
            {} if previous_status is None else raised_percents(session, [ticket.id]).get(ticket.id, {})
        )
        state = self.compute(ticket, now, catalog, raised)
        for column, value in state.columns().items():
            if getattr(ticket, column) != value:
                setattr(ticket, column, value)

    # -- reading policies ---------------------------------------------------
    def catalog(self, session: Session) -> PolicyCatalog:
        policies = session.scalars(select(SlaPolicy).where(SlaPolicy.deleted_at.is_(None))).all()
        calendars: dict[uuid.UUID, WorkCalendar] = {}
        for p in policies:
            if p.calendar_id not in calendars:
                calendars[p.calendar_id] = self.calendar_for(p.calendar)
        return PolicyCatalog([policy_rule(p) for p in policies], calendars)

    def calendar_for(self, cal: BusinessCalendar) -> WorkCalendar:
        key = (cal.id, cal.version)
        found = self._calendars.get(key)
        if found is None:
            found = work_calendar(cal)
            if len(self._calendars) > 256:
                self._calendars.clear()
            self._calendars[key] = found
        return found

    # -- computing ----------------------------------------------------------
    def compute(
        self,
        ticket: Ticket,
        now: datetime,
        catalog: PolicyCatalog,
        raised: dict[SlaClock, int],
        *,
        reselect: bool = True,
    ) -> SlaColumns:
        """The SLA columns ``ticket`` should hold at ``now``.

        ``reselect`` chooses the policy afresh (after a change of priority, segment,
        channel or of the policies); otherwise the ticket keeps the policy it has."""
        policy = None
        if not reselect and ticket.sla_policy_id is not None:
            policy = catalog.by_id.get(ticket.sla_policy_id)
        if policy is None:
            policy = catalog.select(ticket.priority, ticket.customer.segment, ticket.channel)
        if policy is None:
            return SlaColumns(None, None, None, None, 0, None)
        calendar = catalog.calendar(policy)
        paused_since = ticket.sla_paused_since
        paused_seconds = ticket.sla_paused_seconds or 0
        stopped = ticket.status not in (Status.NEW, Status.OPEN)
        if stopped and paused_since is None:
            paused_since = now
        elif not stopped and paused_since is not None:
            paused = business_time_between(calendar, paused_since, now)
            if paused > timedelta(0):
                paused_seconds += round(paused.total_seconds())
            paused_since = None
        fr, res = plan_clocks(ticket, policy, calendar, paused_seconds)
        return SlaColumns(
            policy=policy,
            first_response_due=fr.due,
            resolution_due=res.due,
            paused_since=paused_since,
            paused_seconds=paused_seconds,
            next_check_at=next_check((fr, res), raised),
            plans=(fr, res),
        )

    # -- bulk ---------------------------------------------------------------
    def recompute_open(
        self,
        session: Session,
        now: datetime,
        *,
        policy_ids: Iterable[uuid.UUID] | None = None,
        batch_size: int = 500,
    ) -> int:
        """Recompute the SLA columns of open tickets (all, or those on ``policy_ids``)
        after policies or calendars changed or tickets were bulk-inserted. Returns how
        many tickets changed.

        Writes with plain UPDATEs guarded by the ticket's version but *without*
        bumping it: SLA bookkeeping is not an edit, and agents with the ticket open
        must not get "changed by someone else". A ticket edited meanwhile is skipped
        (its own edit recomputed it)."""
        catalog = self.catalog(session)
        query = select(Ticket.id).where(
            Ticket.status.in_(OPEN_STATUSES), Ticket.deleted_at.is_(None)
        )
        if policy_ids is not None:
            ids = list(policy_ids)
            if not ids:
                return 0
            query = query.where(Ticket.sla_policy_id.in_(ids))
        ticket_ids = list(session.scalars(query.order_by(Ticket.id)))
        changed = 0
        for i in range(0, len(ticket_ids), batch_size):
            chunk = ticket_ids[i : i + batch_size]
            tickets = session.scalars(select(Ticket).where(Ticket.id.in_(chunk))).all()
            raised = raised_percents(session, chunk)
            for t in tickets:
                state = self.compute(t, now, catalog, raised.get(t.id, {}))
                if write_state(session, t, state):
                    changed += 1
            for t in tickets:  # keep memory flat over 100,000 tickets
                session.expunge(t)
        return changed


SLA_COLUMNS = (
    "sla_policy_id",
    "first_response_due",
    "resolution_due",
    "sla_paused_since",
    "sla_paused_seconds",
    "sla_next_check_at",
)
_table = Ticket.__table__
# One statement for every bookkeeping write (compiled once): the SLA columns of one
# ticket, only if its version is still the one read; the version is not bumped.
_SLA_UPDATE = (
    update(_table)
    .where(_table.c.id == bindparam("w_id"), _table.c.version == bindparam("w_version"))
    .values({name: bindparam(f"v_{name}") for name in SLA_COLUMNS})
)


def write_columns(session: Session, ticket: Ticket, columns: dict[str, object]) -> bool:
    """Store the SLA ``columns`` on the ticket's row if any differs from the loaded
    ticket; no version bump (see ``SlaEngine.recompute_open``). False when nothing
    changed or the row moved on meanwhile."""
    if all(getattr(ticket, k) == v for k, v in columns.items()):
        return False
    params = {f"v_{k}": columns[k] for k in SLA_COLUMNS}
    params.update(w_id=ticket.id, w_version=ticket.version)
    return bool(session.execute(_SLA_UPDATE, params).rowcount)


def write_state(session: Session, ticket: Ticket, state: SlaColumns) -> bool:
    return write_columns(session, ticket, state.columns())


def recompute_open_tickets(
    uow_factory: UnitOfWorkFactory,
    *,
    engine: SlaEngine | None = None,
    now: datetime | None = None,
) -> int:
    """Recompute due times and next checks of every open ticket and commit; returns
    how many changed. For after bulk inserts (demo data, imports) that bypassed
    TicketService, and after installing the first policies."""
    engine = engine or SlaEngine()
    with uow_factory() as uow:
        count = engine.recompute_open(uow.session, now or utcnow())
        uow.commit()
    return count
