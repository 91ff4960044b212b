"""ReportService: every figure of a report, computed in the database with aggregates.

The definitions live in ``deskapp.services.reports.model`` (one place; the UI shows
them as tooltips). Works on SQLite and PostgreSQL alike: the only dialect-specific
pieces are "a timestamp plus 7 days" and "the local hour of a timestamp" (PostgreSQL
converts with ``AT TIME ZONE``; on SQLite the range is cut where the zone's UTC
offset changes and each piece is shifted by its offset).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    exists,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    true,
    update,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Select

from deskapp.models import (
    Customer,
    Escalation,
    EscalationReason,
    Site,
    SlaPolicy,
    Team,
    Ticket,
    User,
    utcnow,
)
from deskapp.models.enums import OPEN_STATUSES, Direction, Role, Status
from deskapp.models.report_rollup import OPEN_NOW_SQL
from deskapp.models.ticket import Interaction
from deskapp.models.types import UTCDateTime
from deskapp.services import change_feed
from deskapp.services.errors import PermissionDenied, ValidationFailed
from deskapp.services.permissions import Actor, Permission
from deskapp.services.reports import rollup_build, rollup_read
from deskapp.services.reports.durations import measure_pending
from deskapp.services.reports.model import (
    AGE_BUCKETS,
    FCR_WINDOW_DAYS,
    AgentRow,
    Backlog,
    Csat,
    Durations,
    Escalations,
    Fcr,
    Report,
    ReportQuery,
    SlaCompliance,
    Volume,
)
from deskapp.services.sla import SlaEngine
from deskapp.services.unit_of_work import UnitOfWorkFactory

STOPPED = (Status.RESOLVED, Status.CLOSED)
MAX_DAYS = 3 * 366
Progress = Callable[[int, int], None]  # (step done, steps)


def range_instants(query: ReportQuery) -> tuple[datetime, datetime]:
    """The report's local days as UTC instants [start, end)."""
    zone = ZoneInfo(query.timezone)
    start = datetime.combine(query.start, time(0), zone).astimezone(UTC)
    end = datetime.combine(query.end + timedelta(days=1), time(0), zone).astimezone(UTC)
    return start, end


def _ts(value: datetime) -> ColumnElement:
    return literal(value, UTCDateTime())


class ReportService:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        *,
        clock: Callable[[], datetime] = utcnow,
        sla: SlaEngine | None = None,
        rollup: bool = True,
    ) -> None:
        self._uow = uow
        self._now = clock
        self._sla = sla or SlaEngine()
        # False: every figure straight from the tickets (the definition; tests compare)
        self._rollup = rollup

    # -- permission ---------------------------------------------------------
    def scope(self, actor: Actor, query: ReportQuery) -> ReportQuery:
        """The query as ``actor`` may run it: supervisors see only their teams (all of
        them when none is chosen); managers and administrators see everything."""
        actor.require(Permission.VIEW_REPORTS)
        if actor.is_system or actor.role in (Role.MANAGER, Role.ADMIN):
            return query
        with self._uow(read_only=True) as uow:
            allowed = set(actor.team_ids) | set(
                uow.session.scalars(select(Team.id).where(Team.supervisor_id == actor.user_id))
            )
        if not query.team_ids:
            if not allowed:
                raise PermissionDenied(
                    f"{actor.display_name} supervises no team to report on.",
                    code="reports.no_team",
                )
            return _replace(query, team_ids=tuple(sorted(allowed)))
        if not set(query.team_ids) <= allowed:
            raise PermissionDenied(
                f"{actor.display_name} may report only on their own teams.",
                code="reports.foreign_team",
            )
        return query

    def team_choices(self, actor: Actor) -> list[tuple[uuid.UUID, str]]:
        """Teams ``actor`` may report on, by name."""
        actor.require(Permission.VIEW_REPORTS)
        with self._uow(read_only=True) as uow:
            teams = uow.session.execute(
                select(Team.id, Team.name, Team.supervisor_id)
                .where(Team.deleted_at.is_(None))
                .order_by(Team.name)
            ).all()
        if actor.is_system or actor.role in (Role.MANAGER, Role.ADMIN):
            return [(i, n) for i, n, _s in teams]
        return [(i, n) for i, n, s in teams if i in actor.team_ids or s == actor.user_id]

    def site_choices(self, actor: Actor) -> list[tuple[uuid.UUID, str]]:
        """Sites (the centre and its branches) by code, for the site filter."""
        actor.require(Permission.VIEW_REPORTS)
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(Site.id, Site.code, Site.name)
                .where(Site.deleted_at.is_(None))
                .order_by(Site.code)
            ).all()
        return [(i, f"{code} — {name}") for i, code, name in rows]

    # -- the report ---------------------------------------------------------
    def report(
        self, actor: Actor, query: ReportQuery, progress: Progress | None = None
    ) -> Report:
        if query.end < query.start:
            raise ValidationFailed(
                "The report ends before it starts.", "end", code="reports.range_reversed"
            )
        if (query.end - query.start).days > MAX_DAYS:
            raise ValidationFailed(
                "A report covers at most three years.", "end", code="reports.range_too_long"
            )
        try:
            ZoneInfo(query.timezone)
        except (KeyError, ValueError) as exc:
            raise ValidationFailed(
                f"Unknown time zone {query.timezone!r}.", "timezone", code="reports.timezone"
            ) from exc
        query = self.scope(actor, query)
        now = self._now()
        step = _Stepper(progress, 10)
        self.measure()
        rolled = self._rollup and rollup_read.eligible(query)
        if rolled:  # a first build shows its own progress (days), then the figures'
            self.refresh_rollup(query.timezone, now, progress)
        step()
        with self._uow(read_only=True) as uow:
            no_jit(uow.session)
            run = _Run(uow.session, query, now)
            until = rollup_read.built_until(uow.session, query.timezone) if rolled else None
            if until is not None:
                src: Any = rollup_read.RolledReport(run, until)
                sla = src.sla_figure(); step()  # noqa: E702
                agents_of = src.agents_figure
            else:
                src = run
                sla = run.sla(); step()  # noqa: E702
                agents_of = run.agents
            fr, res = src.durations(); step()  # noqa: E702
            fcr = src.fcr(); step()  # noqa: E702
            csat = src.csat(); step()  # noqa: E702
            backlog = src.backlog(); step()  # noqa: E702
            esc = src.escalations(); step()  # noqa: E702
            volume = src.volume(); step()  # noqa: E702
            agents = agents_of(); step()  # noqa: E702
            teams = run.team_names()
        step()
        return Report(
            query=query,
            generated_at=now,
            range_start=run.start,
            range_end=run.end,
            sla=sla,
            first_response=fr,
            resolution=res,
            fcr=fcr,
            csat=csat,
            backlog=backlog,
            escalations=esc,
            volume=volume,
            agents=agents,
            team_names=teams,
        )

    def ticket_ids(
        self, actor: Actor, query: ReportQuery, figure: str, key: object
    ) -> list[uuid.UUID]:
        """Ids of the tickets behind one bar or cell (at most DRILL_LIMIT), for the queue."""
        query = self.scope(actor, query)
        with self._uow(read_only=True) as uow:
            run = _Run(uow.session, query, self._now())
            conds = drill_conditions(run, figure, key)
            return list(
                uow.session.scalars(
                    select(Ticket.id).where(*conds).order_by(Ticket.id).limit(DRILL_LIMIT)
                )
            )


    def refresh_rollup(
        self, zone: str, now: datetime | None = None, progress: Progress | None = None
    ) -> None:
        """Bring the daily roll-up of ``zone`` up to date (rollup_build): the first
        call builds it (in transactions of at most two months of days; ``progress``
        gets (days built, days) after each), later calls rebuild the days changed
        since and add the days that became final."""
        now = now or self._now()
        with self._uow() as uow:
            if rollup_build.ensure_state(uow.session, zone):
                uow.commit()
        while True:
            with self._uow() as uow:
                no_jit(uow.session)
                left, done = rollup_build.refresh_step(uow.session, zone, now)
                uow.commit()
            if not left:
                return
            if progress is not None:
                progress(done, done + left)

    def measure(self) -> int:
        """Measure the business durations still missing (see durations.py) and decide
        the strict FCR of tickets whose window has passed."""
        with self._uow() as uow:
            no_jit(uow.session)
            # Per-database figures: not announced to followers nor pulled by branches
            # (a branch's own capture skips these columns: sync.capture.DERIVED_COLUMNS).
            change_feed.quiet_transaction(uow.session)
            n = measure_pending(uow.session, self._sla)
            n += decide_fcr(uow.session, self._now())
            if n:
                uow.commit()
        return n


def no_jit(session: Session) -> None:
    """PostgreSQL: no JIT compilation in this transaction. The report's queries read
    little but are often *estimated* dear (correlated probes, CASE over a range), and
    compiling them took longer than running them (1.4 s for a no-op UPDATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))


def _plus_days(pg: bool, col: ColumnElement, days: int) -> ColumnElement:
    if pg:
        return col + literal_column(f"interval '{int(days)} days'")
    return func.strftime("%Y-%m-%d %H:%M:%f", col, f"+{days} days")


def strict_fcr_live(pg: bool) -> ColumnElement:
    """The strict first-contact resolution of model.py as SQL over a resolved ticket."""
    other = aliased(Ticket)
    window_end = _plus_days(pg, Ticket.resolved_at, FCR_WINDOW_DAYS)
    return and_(
        Ticket.first_contact_resolution.is_(True),
        Ticket.reopen_count == 0,
        ~exists().where(Escalation.ticket_id == Ticket.id),
        ~exists().where(
            Interaction.ticket_id == Ticket.id,
            Interaction.direction == Direction.INBOUND,
            Interaction.created_at > Ticket.resolved_at,
            Interaction.created_at <= window_end,
        ),
        ~exists().where(
            other.customer_id == Ticket.customer_id,
            other.id != Ticket.id,
            other.deleted_at.is_(None),
            other.created_at > Ticket.resolved_at,
            other.created_at <= window_end,
        ),
    )


def decide_fcr(session: Session, now: datetime) -> int:
    """Store the strict FCR of every resolved ticket whose 7-day window has passed and
    is not decided yet (through the partial index of the undecided); how many. A
    later escalation of a ticket left resolved would not change its stored value."""
    pg = session.get_bind().dialect.name == "postgresql"
    cutoff = now - timedelta(days=FCR_WINDOW_DAYS)
    result = session.execute(
        update(Ticket)
        .where(
            Ticket.resolved_at.is_not(None),
            Ticket.fcr_strict.is_(None),
            Ticket.resolved_at < _ts(cutoff),
        )
        .values(fcr_strict=case((strict_fcr_live(pg), true()), else_=false()),
                updated_at=Ticket.updated_at)  # bookkeeping, not an edit: no new stamp
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


def _replace(query: ReportQuery, **changes: object) -> ReportQuery:
    from dataclasses import replace

    return replace(query, **changes)


class _Stepper:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


class _Run:
    """One report's queries over one session."""

    def __init__(self, session: Session, query: ReportQuery, now: datetime) -> None:
        self.s = session
        self.q = query
        self.now = now
        self.start, self.end = range_instants(query)
        self.zone = ZoneInfo(query.timezone)
        self.pg = session.get_bind().dialect.name == "postgresql"
        self._memo: dict[str, object] = {}

    def _once(self, key: str, compute: Callable[[], object]):
        """Queries two figures share (the per-agent resolved counts, the created hours)
        run once per report."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # -- shared conditions --------------------------------------------------
    def filters(self, t=Ticket) -> list[ColumnElement]:
        q = self.q
        out: list[ColumnElement] = [t.deleted_at.is_(None)]
        if q.site_id is not None:
            out.append(t.site_id == q.site_id)
        if q.team_ids:
            out.append(t.team_id.in_(q.team_ids))
        if q.agent_id is not None:
            out.append(t.assignee_id == q.agent_id)
        if q.channel:
            out.append(t.channel == q.channel)
        if q.priority:
            out.append(t.priority == q.priority)
        if q.category:
            out.append(t.category == q.category)
        if q.segment:
            out.append(
                t.customer_id.in_(select(Customer.id).where(Customer.segment == q.segment))
            )
        return out

    def created_in_range(self) -> list[ColumnElement]:
        return [
            *self.filters(),
            Ticket.created_at >= _ts(self.start),
            Ticket.created_at < _ts(self.end),
        ]

    def resolved_in_range(self) -> list[ColumnElement]:
        return [
            *self.filters(),
            Ticket.resolved_at >= _ts(self.start),
            Ticket.resolved_at < _ts(self.end),
        ]


    # -- SLA clocks, as SQL -------------------------------------------------
    def fr_clock(self) -> tuple[ColumnElement, ColumnElement, ColumnElement]:
        stop = func.coalesce(
            Ticket.first_response_at,
            case(
                (Ticket.status.in_(STOPPED), func.coalesce(Ticket.resolved_at, Ticket.closed_at)),
                else_=None,
            ),
        )
        due = Ticket.first_response_due
        now = _ts(self.now)
        met = and_(stop.is_not(None), stop <= due)
        breached = or_(and_(stop.is_not(None), stop > due), and_(stop.is_(None), due < now))
        running = and_(stop.is_(None), due >= now)
        return met, breached, running

    def res_clock(self) -> tuple[ColumnElement, ColumnElement, ColumnElement]:
        clock = func.coalesce(Ticket.sla_paused_since, _ts(self.now))
        due = Ticket.resolution_due
        stopped = Ticket.status.in_(STOPPED)
        breached = clock > due
        met = and_(stopped, clock <= due)
        running = and_(~stopped, clock <= due)
        return met, breached, running

    def breached_any(self) -> ColumnElement:
        return and_(Ticket.sla_policy_id.is_not(None), or_(self.fr_clock()[1], self.res_clock()[1]))

    # -- figures ------------------------------------------------------------
    def sla(self) -> tuple[SlaCompliance, ...]:
        def n(cond: ColumnElement) -> ColumnElement:
            return func.sum(case((cond, 1), else_=0))

        fm, fb, fr_ = self.fr_clock()
        rm, rb, rr = self.res_clock()
        rows = self.s.execute(
            select(Ticket.sla_policy_id, n(fm), n(fb), n(fr_), n(rm), n(rb), n(rr))
            .where(*self.created_in_range(), Ticket.sla_policy_id.is_not(None))
            .group_by(Ticket.sla_policy_id)
        ).all()
        names = dict(
            self.s.execute(
                select(SlaPolicy.id, SlaPolicy.name).where(
                    SlaPolicy.id.in_([r[0] for r in rows])
                )
            ).all()
        )
        out = []
        for pid, *c in rows:
            name = names.get(pid, "?")
            out.append(SlaCompliance(pid, name, "first_response", c[0] or 0, c[1] or 0, c[2] or 0))
            out.append(SlaCompliance(pid, name, "resolution", c[3] or 0, c[4] or 0, c[5] or 0))
        out.sort(key=lambda x: (x.policy_name, x.clock))
        return tuple(out)

    def percentiles(
        self,
        value: ColumnElement,
        conditions: Sequence[ColumnElement],
        partition: ColumnElement | None = None,
    ) -> dict[object, Durations]:
        """Lower median and 90th percentile of ``value`` (per ``partition``), with
        window functions (both databases): the value at row ceil(p x n)."""
        over = {"order_by": value}
        if partition is not None:
            over["partition_by"] = partition
        part = partition.label("part") if partition is not None else literal(0).label("part")
        inner = (
            select(
                part,
                value.label("v"),
                func.row_number().over(**over).label("rn"),
                func.count().over(**({"partition_by": partition} if partition is not None else {})).label("n"),
            )
            .where(*conditions, value.is_not(None))
            .subquery()
        )
        med_rank = (inner.c.n * 5 + 9) // 10
        p90_rank = (inner.c.n * 9 + 9) // 10
        rows = self.s.execute(
            select(inner.c.part, inner.c.n, inner.c.rn, inner.c.v).where(
                or_(inner.c.rn == med_rank, inner.c.rn == p90_rank)
            )
        ).all()
        found: dict[object, dict[str, int]] = {}
        for p, count, rn, v in rows:
            d = found.setdefault(p, {"n": count})
            if rn == (count * 5 + 9) // 10:
                d["med"] = v
            if rn == (count * 9 + 9) // 10:
                d["p90"] = v
        return {p: Durations(d["n"], d.get("med"), d.get("p90")) for p, d in found.items()}

    def overall(self, value: ColumnElement, conditions: Sequence[ColumnElement]) -> Durations:
        """Lower median and 90th percentile of ``value`` over all matching rows:
        PostgreSQL's percentile_disc (the same definition); on SQLite one sorted read of
        the integers (through a covering index) and the values at ceil(p x n)."""
        conds = [*conditions, value.is_not(None)]
        if self.pg:
            n, med, p90 = self.s.execute(
                select(
                    func.count(),
                    func.percentile_disc(0.5).within_group(value),
                    func.percentile_disc(0.9).within_group(value),
                ).where(*conds)
            ).one()
            return Durations(n or 0, med, p90)
        values = self.s.scalars(select(value).where(*conds).order_by(value)).all()
        n = len(values)
        if not n:
            return Durations(0, None, None)
        return Durations(n, values[(n * 5 + 9) // 10 - 1], values[(n * 9 + 9) // 10 - 1])

    def durations(self) -> tuple[Durations, Durations]:
        fr = self.overall(Ticket.first_response_business_s, self.created_in_range())
        res = self.overall(Ticket.resolution_business_s, self.resolved_in_range())
        return fr, res

    def strict_fcr(self) -> ColumnElement:
        """Strict FCR of a resolved ticket: as decided and stored, or worked out now
        while its 7-day window is still open (see decide_fcr)."""
        # CASE, not OR: both databases then skip the probes for decided tickets.
        return case(
            (Ticket.fcr_strict.is_(True), true()),
            (Ticket.fcr_strict.is_(False), false()),
            else_=strict_fcr_live(self.pg),
        )

    def resolved_by_agent(self) -> dict[object, tuple[int, int, int, int]]:
        """Per assignee, of the tickets resolved in the range: (resolved, strict FCR,
        CSAT responses, CSAT sum); the FCR figure is their sum."""

        def compute():
            rows = self.s.execute(
                select(
                    Ticket.assignee_id,
                    func.count(),
                    func.sum(case((self.strict_fcr(), 1), else_=0)),
                    func.count(Ticket.csat),
                    func.coalesce(func.sum(Ticket.csat), 0),
                )
                .where(*self.resolved_in_range())
                .group_by(Ticket.assignee_id)
            )
            return {a: (n or 0, f or 0, cn or 0, cs or 0) for a, n, f, cn, cs in rows}

        return self._once("resolved_by_agent", compute)  # type: ignore[return-value]

    def fcr(self) -> Fcr:
        rows = self.resolved_by_agent().values()
        return Fcr(sum(r[0] for r in rows), sum(r[1] for r in rows))

    def csat(self) -> Csat:
        rows = dict(
            self.s.execute(
                select(Ticket.csat, func.count())
                .where(*self.resolved_in_range())
                .group_by(Ticket.csat)
            ).all()
        )
        dist = tuple(rows.get(i, 0) for i in range(1, 6))
        return Csat(sum(rows.values()), dist)  # type: ignore[arg-type]

    def local_hours(
        self, col: ColumnElement, conditions: Sequence[ColumnElement], lo: datetime, hi: datetime
    ) -> Counter[datetime]:
        """How many rows have ``col`` in [lo, hi), per local hour (naive local datetimes)."""
        out: Counter[datetime] = Counter()
        base = [*conditions, col >= _ts(lo), col < _ts(hi)]
        if self.pg:
            key = func.to_char(func.timezone(self.q.timezone, col), "YYYY-MM-DD HH24")
            pieces = [(key, base)]
        else:
            pieces = []
            for a, b, offset in _offset_pieces(self.zone, lo, hi):
                minutes = int(offset.total_seconds() // 60)
                key = func.strftime("%Y-%m-%d %H", col, f"{minutes:+d} minutes")
                pieces.append((key, [*conditions, col >= _ts(a), col < _ts(b)]))
        for key, cond in pieces:
            grouped = select(key.label("k"), func.count()).where(*cond).group_by(literal_column("k"))
            for k, n in self.s.execute(grouped):
                out[datetime.strptime(k, "%Y-%m-%d %H")] += n
        return out

    def created_hours(self) -> Counter[datetime]:
        """Tickets created in the range per local hour (volume and backlog share it)."""
        return self._once(  # type: ignore[return-value]
            "created_hours",
            lambda: self.local_hours(Ticket.created_at, self.filters(), self.start, self.end),
        )

    def days(self) -> list[date]:
        d, out = self.q.start, []
        while d <= self.q.end:
            out.append(d)
            d += timedelta(days=1)
        return out

    def backlog_statement(self) -> Select:
        """Open tickets now, counted by status and age bucket (one pass over them)."""
        whens = []
        for i, (_label, hours) in reversed(list(enumerate(AGE_BUCKETS))):
            whens.append((Ticket.created_at <= _ts(self.now - timedelta(hours=hours)), i))
        bucket = case(*whens, else_=0)
        return (
            select(Ticket.status, bucket.label("k"), func.count())
            # The open tickets in the words of their partial index (literal SQL: SQLite
            # matches the index's WHERE by its terms; OPEN_STATUSES is the same set).
            .where(*self.filters(), text(OPEN_NOW_SQL))
            .group_by(Ticket.status, literal_column("k"))
        )

    def backlog_now(self) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
        """Open tickets now, by status and by age bucket."""
        counts: Counter[Status] = Counter()
        ages: Counter[int] = Counter()
        for status, k, n in self.s.execute(self.backlog_statement()):
            counts[Status(status)] += n
            ages[k] += n
        by_status = tuple((s.value, counts.get(s, 0)) for s in OPEN_STATUSES)
        by_age = tuple((label, ages.get(i, 0)) for i, (label, _h) in enumerate(AGE_BUCKETS))
        return by_status, by_age

    def backlog(self) -> Backlog:
        by_status, by_age = self.backlog_now()
        # Trend: created by the end of each day minus done by then. A ticket is closed
        # only from resolved (services.tickets.TRANSITIONS), so "done" is resolved_at
        # of a resolved or closed ticket, read through its index.
        flt = self.filters()
        done_flt = [*flt, Ticket.status.in_(STOPPED)]
        created_before = self.s.scalar(
            select(func.count()).where(*flt, Ticket.created_at < _ts(self.start))
        ) or 0
        done_before = self.s.scalar(
            select(func.count()).where(*done_flt, Ticket.resolved_at < _ts(self.start))
        ) or 0
        created = self.created_hours()
        done = self.local_hours(Ticket.resolved_at, done_flt, self.start, self.end)
        c_day = Counter({k.date(): 0 for k in created})
        for k, n in created.items():
            c_day[k.date()] += n
        d_day: Counter[date] = Counter()
        for k, n in done.items():
            d_day[k.date()] += n
        level = created_before - done_before
        trend = []
        for d in self.days():
            level += c_day.get(d, 0) - d_day.get(d, 0)
            trend.append((d, level))
        return Backlog(self.now, by_status, by_age, tuple(trend))

    def escalations(self) -> Escalations:
        created, escalated, resolved_once, reopened = self.s.execute(
            select(
                func.count(),
                func.sum(
                    case(
                        (
                            exists().where(
                                Escalation.ticket_id == Ticket.id,
                                Escalation.is_deescalation.is_(False),
                            ),
                            1,
                        ),
                        else_=0,
                    )
                ),
                func.sum(
                    case(
                        (or_(Ticket.resolved_at.is_not(None), Ticket.reopen_count > 0), 1),
                        else_=0,
                    )
                ),
                func.sum(case((Ticket.reopen_count > 0, 1), else_=0)),
            ).where(*self.created_in_range())
        ).one()
        records = (
            select(Escalation.kind, Escalation.reason, Escalation.automatic, func.count())
            .join(Ticket, Ticket.id == Escalation.ticket_id)
            .where(
                *self.filters(),
                Escalation.is_deescalation.is_(False),
                Escalation.created_at >= _ts(self.start),
                Escalation.created_at < _ts(self.end),
            )
            .group_by(Escalation.kind, Escalation.reason, Escalation.automatic)
        )
        kinds: Counter[str] = Counter()
        reasons: Counter[str] = Counter()
        auto = manual = 0
        labels = dict(self.s.execute(select(EscalationReason.code, EscalationReason.label)).all())
        for kind, reason, automatic, n in self.s.execute(records):
            kinds[str(kind.value if hasattr(kind, "value") else kind)] += n
            reasons[labels.get(reason, reason)] += n
            if automatic:
                auto += n
            else:
                manual += n
        return Escalations(
            created=created or 0,
            escalated=escalated or 0,
            by_kind=tuple(sorted(kinds.items())),
            by_reason=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
            automatic=auto,
            manual=manual,
            resolved_once=resolved_once or 0,
            reopened=reopened or 0,
        )

    def volume(self) -> Volume:
        cond = self.created_in_range()
        by_channel = self.s.execute(
            select(Ticket.channel, func.count()).where(*cond).group_by(Ticket.channel)
        ).all()
        channels = tuple(
            sorted(((str(c.value), n) for c, n in by_channel), key=lambda kv: (-kv[1], kv[0]))
        )
        hours = self.created_hours()
        heat = [[0] * 24 for _ in range(7)]
        per_day: Counter[date] = Counter()
        for k, n in hours.items():
            heat[k.weekday()][k.hour] += n
            per_day[k.date()] += n
        return Volume(
            total=sum(n for _c, n in channels),
            by_channel=channels,
            by_day=tuple((d, per_day.get(d, 0)) for d in self.days()),
            heat=tuple(tuple(r) for r in heat),
        )

    def agents(self) -> tuple[AgentRow, ...]:
        handled = {
            a: (n, b)
            for a, n, b in self.s.execute(
                select(
                    Ticket.assignee_id,
                    func.count(),
                    func.sum(case((self.breached_any(), 1), else_=0)),
                )
                .where(*self.created_in_range())
                .group_by(Ticket.assignee_id)
            )
        }
        resolved = self.resolved_by_agent()
        if self.pg:
            value = Ticket.first_response_business_s
            medians = {
                a: Durations(n, m, None)
                for a, n, m in self.s.execute(
                    select(Ticket.assignee_id, func.count(value),
                           func.percentile_disc(0.5).within_group(value))
                    .where(*self.created_in_range(), value.is_not(None))
                    .group_by(Ticket.assignee_id)
                )
            }
        else:
            medians = self.percentiles(
                Ticket.first_response_business_s, self.created_in_range(), Ticket.assignee_id
            )
        ids = set(handled) | set(resolved)
        names = dict(
            self.s.execute(
                select(User.id, User.display_name).where(User.id.in_([i for i in ids if i]))
            ).all()
        )
        rows = []
        for uid in ids:
            h, b = handled.get(uid, (0, 0))
            r, f, cn, cs = resolved.get(uid, (0, 0, 0, 0))
            med = medians.get(uid)
            rows.append(
                AgentRow(
                    user_id=uid,
                    name=names.get(uid, "") if uid else "",
                    handled=h,
                    resolved=r,
                    first_contact=f or 0,
                    csat_count=cn or 0,
                    csat_sum=cs or 0,
                    median_first_response_s=med.median_s if med else None,
                    breaches=b or 0,
                )
            )
        rows.sort(key=lambda a: (a.user_id is None, a.name.casefold()))
        return tuple(rows)

    def local_weekday_hour(self, col: ColumnElement, weekday: int, hour: int) -> ColumnElement:
        """``col`` falls on local ``weekday`` (0 = Monday) at local ``hour``."""
        if self.pg:
            local = func.timezone(self.q.timezone, col)
            return and_(
                func.extract("isodow", local) == weekday + 1, func.extract("hour", local) == hour
            )
        parts = []
        sqlite_dow = (weekday + 1) % 7  # strftime %w: 0 = Sunday
        for a, b, offset in _offset_pieces(self.zone, self.start, self.end):
            shift = f"{int(offset.total_seconds() // 60):+d} minutes"
            parts.append(
                and_(
                    col >= _ts(a),
                    col < _ts(b),
                    func.strftime("%w", col, shift) == str(sqlite_dow),
                    func.strftime("%H", col, shift) == f"{hour:02d}",
                )
            )
        return or_(*parts)


    def team_names(self) -> tuple[str, ...]:
        if not self.q.team_ids:
            return ()
        return tuple(
            self.s.scalars(
                select(Team.name).where(Team.id.in_(self.q.team_ids)).order_by(Team.name)
            )
        )


def _offset_pieces(
    zone: ZoneInfo, lo: datetime, hi: datetime
) -> list[tuple[datetime, datetime, timedelta]]:
    """[lo, hi) cut where ``zone``'s UTC offset changes: (from, to, offset)."""
    pieces = []
    a = lo
    offset = lo.astimezone(zone).utcoffset() or timedelta(0)
    t = lo
    step = timedelta(hours=1)
    while t < hi:
        t_next = min(t + step, hi)
        o = t_next.astimezone(zone).utcoffset() or timedelta(0)
        if o != offset and t_next < hi:
            # find the change to the minute
            x = t
            while (x.astimezone(zone).utcoffset() or timedelta(0)) == offset:
                x += timedelta(minutes=1)
            pieces.append((a, x, offset))
            a, offset = x, o
        t = t_next
    pieces.append((a, hi, offset))
    return pieces


__all__ = ["ReportService", "range_instants"]


# -- drill-down: the tickets behind one bar or cell ---------------------------

DRILL_LIMIT = 5000


def drill_conditions(run: _Run, figure: str, key: object) -> list[ColumnElement]:
    """Conditions selecting the tickets counted in one cell of a figure (the same
    definitions as the figure itself)."""
    if figure == "volume_channel":
        return [*run.created_in_range(), Ticket.channel == key]
    if figure == "volume_day":
        assert isinstance(key, date)
        lo = datetime.combine(key, time(0), run.zone).astimezone(UTC)
        hi = datetime.combine(key + timedelta(days=1), time(0), run.zone).astimezone(UTC)
        return [*run.filters(), Ticket.created_at >= _ts(lo), Ticket.created_at < _ts(hi)]
    if figure == "volume_hour":
        weekday, hour = key  # type: ignore[misc]
        return [*run.created_in_range(), run.local_weekday_hour(Ticket.created_at, weekday, hour)]
    if figure == "backlog_status":
        return [*run.filters(), Ticket.status == key]
    if figure == "backlog_age":
        i = int(key)  # type: ignore[call-overload]
        lo_h = AGE_BUCKETS[i][1]
        conds = [*run.filters(), Ticket.status.in_(OPEN_STATUSES),
                 Ticket.created_at <= _ts(run.now - timedelta(hours=lo_h))]
        if i + 1 < len(AGE_BUCKETS):
            hi_h = AGE_BUCKETS[i + 1][1]
            conds.append(Ticket.created_at > _ts(run.now - timedelta(hours=hi_h)))
        return conds
    if figure == "csat":
        return [*run.resolved_in_range(), Ticket.csat == int(key)]  # type: ignore[call-overload]
    if figure == "agent":
        who = Ticket.assignee_id.is_(None) if key is None else Ticket.assignee_id == key
        return [*run.created_in_range(), who]
    if figure == "sla_breached":
        policy_id, clock = key  # type: ignore[misc]
        breached = run.fr_clock()[1] if clock == "first_response" else run.res_clock()[1]
        return [*run.created_in_range(), Ticket.sla_policy_id == policy_id, breached]
    raise ValueError(f"no drill-down for {figure!r}")
