"""A report read from the daily roll-up: the rolled days of its zone from
``report_rollup_*`` (a few hundred rows a month), the rest live through
``rollup_build.collect`` (the days not rolled yet, and the tickets of rolled days whose
SLA clock was still running when their day was built), added up into the very
figures ``service._Run`` computes directly.

The stored strict FCR counts decided verdicts only; the undecided ones of the last week
are worked out live (as the direct report does). Percentiles stay exact: the merged histogram says which bucket holds the k-th value,
and one index range read (``ix_tickets_rpt_*_value``, ``ix_tickets_rpt_agent_fr``)
over the tickets of that bucket, with the report's own conditions, returns it. Should
the counts ever disagree with the tickets (a change the triggers did not see), the
figure falls back to the direct query and a warning is logged.

Used for reports filtered at most by site, team and agent; a filter on channel,
priority, category or segment reads the tickets directly (the roll-up is not keyed by
them).
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, select

from deskapp.models import EscalationReason, SlaPolicy, Ticket, User
from deskapp.models.report_rollup import (
    CHANNELS,
    COUNT_COLUMNS,
    DURATION_EDGES,
    HEAT_COLUMNS,
    MONTH_COLUMNS,
    NO_ID,
    SLA_COLUMNS,
    rollup_days,
    rollup_esc,
    rollup_live,
    rollup_months,
    rollup_sla,
    rollup_state,
)
from deskapp.services.reports.model import (
    AgentRow,
    Backlog,
    Csat,
    Durations,
    Escalations,
    Fcr,
    ReportQuery,
    SlaCompliance,
    Volume,
)
from deskapp.services.reports.rollup_build import (
    CH0,
    COL,
    CSAT1,
    FR0,
    H0,
    RES0,
    WIDTH,
    Rows,
    bucket_bounds,
    collect,
    next_month,
)

log = logging.getLogger(__name__)
MONTH_POS = [COL[c] for c in MONTH_COLUMNS]
NB = len(DURATION_EDGES)


def eligible(query: ReportQuery) -> bool:
    return not (query.channel or query.priority or query.category or query.segment)


def built_until(session, zone: str) -> date | None:
    return session.scalar(select(rollup_state.c.built_until).where(rollup_state.c.zone == zone))


def _add(into: list[int], values) -> None:
    for i, v in enumerate(values):
        into[i] += v or 0


class RolledReport:
    """Every figure of ``run``'s report, its rolled days read from the roll-up."""

    def __init__(self, run: Any, until: date) -> None:
        self.run, self.s, self.q = run, run.s, run.q
        self.until = until
        self.agents: dict[uuid.UUID, list[int]] = {}
        self.days: dict[date, list[int]] = {}  # created, done
        self.heat = [[0] * 24 for _ in range(7)]
        self.sla: dict[uuid.UUID, list[int]] = {}
        self.esc: Counter[tuple[str, str, bool]] = Counter()
        self.left_out: list[uuid.UUID] = []
        self._read()

    # -- reading --------------------------------------------------------------
    def _at(self, d: date) -> datetime:
        return datetime.combine(d, time(0), self.run.zone).astimezone(UTC)

    def _flt(self, t) -> list[ColumnElement]:
        q = self.q
        out = [t.c.zone == q.timezone]
        if q.site_id is not None:
            out.append(t.c.site_id == q.site_id)
        if q.team_ids:
            out.append(t.c.team_id.in_(q.team_ids))
        if q.agent_id is not None:
            out.append(t.c.agent_id == q.agent_id)
        return out

    def _day(self, d: date) -> list[int]:
        r = self.days.get(d)
        if r is None:
            r = self.days[d] = [0, 0]  # created, done
        return r

    def _merge(self, rows: Rows) -> None:
        for (d, _site, _team, agent), r in rows.days.items():
            _add(self.agents.setdefault(agent, [0] * WIDTH), r)
            day = self._day(d)
            day[0] += r[0]
            day[1] += r[COL["done"]]
            _add(self.heat[d.weekday()], r[H0:H0 + 24])
        for (_k, policy), v in rows.sla.items():
            _add(self.sla.setdefault(policy, [0] * len(SLA_COLUMNS)), v)
        for (_k, kind, reason, auto), n in rows.esc.items():
            self.esc[(kind, reason, auto)] += n

    def _agent_sums(self, table, period, columns, positions) -> None:
        t = table
        for agent, *sums in self.s.execute(
            select(t.c.agent_id, *(func.sum(t.c[c]) for c in columns))
            .where(*self._flt(t), *period).group_by(t.c.agent_id)
        ):
            row = self.agents.setdefault(agent, [0] * WIDTH)
            for pos, v in zip(positions, sums, strict=False):
                row[pos] += v or 0
            if len(sums) > len(positions):  # the heat cells of month rows
                heat = sums[len(positions):]
                for w in range(7):
                    _add(self.heat[w], heat[w * 24:(w + 1) * 24])

    def _small_tables(self, grain: str, period_of) -> None:
        t = rollup_sla
        for policy, *sums in self.s.execute(
            select(t.c.policy_id, *(func.sum(t.c[c]) for c in SLA_COLUMNS))
            .where(*self._flt(t), t.c.grain == grain, *period_of(t))
            .group_by(t.c.policy_id)
        ):
            _add(self.sla.setdefault(policy, [0] * len(SLA_COLUMNS)), sums)
        t = rollup_esc
        for kind, reason, auto, n in self.s.execute(
            select(t.c.kind, t.c.reason, t.c.automatic, func.sum(t.c.n))
            .where(*self._flt(t), t.c.grain == grain, *period_of(t))
            .group_by(t.c.kind, t.c.reason, t.c.automatic)
        ):
            self.esc[(kind, reason, bool(auto))] += n or 0

    def _read(self) -> None:
        q, s, run = self.q, self.s, self.run
        # few: read first, then fetched by key (a subquery could walk the whole range)
        self.left_out = list(
            s.scalars(select(rollup_live.c.ticket_id).where(rollup_live.c.zone == q.timezone))
        )
        last_rolled = min(q.end, self.until - timedelta(days=1))
        if q.start <= last_rolled:
            # whole months from the month rows, the days around them from the day rows
            m0 = q.start if q.start.day == 1 else next_month(q.start)
            m1 = m0
            while next_month(m1) <= last_rolled + timedelta(days=1):
                m1 = next_month(m1)
            if m1 > m0:
                edges = [(q.start, m0 - timedelta(days=1)), (m1, last_rolled)]
                t = rollup_months
                self._agent_sums(t, [t.c.month >= m0, t.c.month < m1],
                                 (*MONTH_COLUMNS, *HEAT_COLUMNS), MONTH_POS)
                self._small_tables("m", lambda t: [t.c.day >= m0, t.c.day < m1])
            else:
                edges = [(q.start, last_rolled)]
            t = rollup_days
            for a, b in edges:
                if a > b:
                    continue
                self._agent_sums(t, [t.c.day >= a, t.c.day <= b], COUNT_COLUMNS,
                                 range(WIDTH))
                for d, *hours in s.execute(
                    select(t.c.day, *(func.sum(t.c[f"h{h:02d}"]) for h in range(24)))
                    .where(*self._flt(t), t.c.day >= a, t.c.day <= b).group_by(t.c.day)
                ):
                    _add(self.heat[d.weekday()], hours)
                self._small_tables("d", lambda t, a=a, b=b: [t.c.day >= a, t.c.day <= b])
            for d, created, done in s.execute(
                select(t.c.day, func.sum(t.c.created), func.sum(t.c.done))
                .where(*self._flt(t), t.c.day >= q.start, t.c.day <= last_rolled)
                .group_by(t.c.day)
            ):
                _add(self._day(d), (created, done))
            # strict FCR of the last week's resolutions, not decided yet: live
            from deskapp.services.reports.service import strict_fcr_live

            pg = s.get_bind().dialect.name == "postgresql"
            # from the oldest undecided (an index read): a range of days, not the whole
            # report's, so PostgreSQL reads the partial index instead of the table
            oldest = s.scalar(select(func.min(Ticket.resolved_at)).where(
                Ticket.resolved_at.is_not(None), Ticket.fcr_strict.is_(None)))
            hi = self._at(last_rolled + timedelta(days=1))
            lo = max(run.start, oldest) if oldest is not None else hi
            for agent, n in (s.execute(
                select(Ticket.assignee_id, func.sum(case((strict_fcr_live(pg), 1), else_=0)))
                .where(*run.filters(), Ticket.fcr_strict.is_(None),
                       Ticket.resolved_at >= lo, Ticket.resolved_at < hi)
                .group_by(Ticket.assignee_id)
            ) if lo < hi else ()):
                self.agents.setdefault(agent or NO_ID, [0] * WIDTH)[COL["fcr"]] += n or 0
            # tickets of those days left out while their clock ran
            if self.left_out:
                self._merge(collect(run, run.start, self._at(last_rolled + timedelta(days=1)),
                                    extra=[Ticket.id.in_(self.left_out)], resolved=False,
                                    records=False))
        first_live = max(q.start, self.until)  # today (or later): live
        if first_live <= q.end:
            self._merge(collect(run, self._at(first_live), run.end))

    # -- exact percentiles ----------------------------------------------------
    def _pick(self, value, conds, hist: list[int], k: int) -> int | None:
        below = 0
        for i, n in enumerate(hist):
            if below + n >= k:
                lo, hi = bucket_bounds(i)
                c = [*conds, value.is_not(None)]
                if lo is not None:
                    c.append(value >= lo)
                if hi is not None:
                    c.append(value < hi)
                return self.s.scalar(
                    select(value).where(*c).order_by(value).offset(k - below - 1).limit(1)
                )
            below += n
        return None

    def _durations(self, value, conds, hist: list[int], median_only: bool = False):
        n = sum(hist)
        if not n:
            return None
        med = self._pick(value, conds, hist, (n * 5 + 9) // 10)
        p90 = None if median_only else self._pick(value, conds, hist, (n * 9 + 9) // 10)
        if med is None or (p90 is None and not median_only):
            log.warning("report roll-up disagrees with the tickets; percentile read directly")
            return self.run.overall(value, conds)
        return Durations(n, med, p90)

    # -- figures --------------------------------------------------------------
    def total(self) -> list[int]:
        tot = [0] * WIDTH
        for r in self.agents.values():
            _add(tot, r)
        return tot

    def sla_figure(self) -> tuple[SlaCompliance, ...]:
        names = dict(
            self.s.execute(
                select(SlaPolicy.id, SlaPolicy.name).where(SlaPolicy.id.in_(list(self.sla)))
            ).all()
        )
        out = []
        for pid, c in self.sla.items():
            name = names.get(pid, "?")
            out.append(SlaCompliance(pid, name, "first_response", c[0], c[1], c[2]))
            out.append(SlaCompliance(pid, name, "resolution", c[3], c[4], c[5]))
        out.sort(key=lambda x: (x.policy_name, x.clock))
        return tuple(out)

    def durations(self) -> tuple[Durations, Durations]:
        tot, run = self.total(), self.run
        empty = Durations(0, None, None)
        fr = self._durations(Ticket.first_response_business_s, run.created_in_range(),
                             tot[FR0:FR0 + NB]) or empty
        res = self._durations(Ticket.resolution_business_s, run.resolved_in_range(),
                              tot[RES0:RES0 + NB]) or empty
        return fr, res

    def fcr(self) -> Fcr:
        tot = self.total()
        return Fcr(tot[COL["resolved"]], tot[COL["fcr"]])

    def csat(self) -> Csat:
        tot = self.total()
        return Csat(tot[COL["resolved"]], tuple(tot[CSAT1:CSAT1 + 5]))  # type: ignore[arg-type]

    def backlog(self) -> Backlog:
        from deskapp.services.reports.service import STOPPED

        run, q, s = self.run, self.q, self.s
        by_status, by_age = run.backlog_now()
        cut = min(q.start, self.until)
        t = rollup_days
        created_before, done_before = s.execute(
            select(func.coalesce(func.sum(t.c.created), 0), func.coalesce(func.sum(t.c.done), 0))
            .where(*self._flt(t), t.c.day < cut)
        ).one()
        flt = run.filters()
        if self.left_out:
            created_before += s.scalar(
                select(func.count()).where(
                    *flt, Ticket.id.in_(self.left_out), Ticket.created_at < self._at(cut)
                )
            ) or 0
        if q.start > self.until:  # days between the roll-up and the range: live
            lo, hi = self._at(self.until), run.start
            created_before += s.scalar(
                select(func.count()).where(*flt, Ticket.created_at >= lo, Ticket.created_at < hi)
            ) or 0
            done_before += s.scalar(
                select(func.count()).where(
                    *flt, Ticket.status.in_(STOPPED),
                    Ticket.resolved_at >= lo, Ticket.resolved_at < hi,
                )
            ) or 0
        level = created_before - done_before
        trend = []
        for d in run.days():
            r = self.days.get(d)
            if r is not None:
                level += r[0] - r[1]
            trend.append((d, level))
        return Backlog(run.now, by_status, by_age, tuple(trend))

    def escalations(self) -> Escalations:
        tot = self.total()
        labels = dict(self.s.execute(select(EscalationReason.code, EscalationReason.label)).all())
        kinds: Counter[str] = Counter()
        reasons: Counter[str] = Counter()
        auto = manual = 0
        for (kind, reason, automatic), n in self.esc.items():
            if not n:
                continue
            kinds[kind] += n
            reasons[labels.get(reason, reason)] += n
            if automatic:
                auto += n
            else:
                manual += n
        return Escalations(
            created=tot[COL["created"]],
            escalated=tot[COL["escalated"]],
            by_kind=tuple(sorted(kinds.items())),
            by_reason=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
            automatic=auto,
            manual=manual,
            resolved_once=tot[COL["resolved_once"]],
            reopened=tot[COL["reopened"]],
        )

    def volume(self) -> Volume:
        tot = self.total()
        channels = tuple(
            sorted(
                ((c, tot[CH0 + i]) for i, c in enumerate(CHANNELS) if tot[CH0 + i]),
                key=lambda kv: (-kv[1], kv[0]),
            )
        )
        heat = self.heat
        return Volume(
            total=sum(n for _c, n in channels),
            by_channel=channels,
            by_day=tuple((d, self.days[d][0] if d in self.days else 0) for d in self.run.days()),
            heat=tuple(tuple(r) for r in heat),
        )

    def agents_figure(self) -> tuple[AgentRow, ...]:
        run = self.run
        ids = [a for a, r in self.agents.items() if r[COL["created"]] or r[COL["resolved"]]]
        names = dict(
            self.s.execute(
                select(User.id, User.display_name).where(User.id.in_([i for i in ids if i != NO_ID]))
            ).all()
        )
        rows = []
        for a in ids:
            r = self.agents[a]
            uid = None if a == NO_ID else a
            who = Ticket.assignee_id.is_(None) if uid is None else Ticket.assignee_id == uid
            med = self._durations(Ticket.first_response_business_s,
                                  [*run.created_in_range(), who], r[FR0:FR0 + NB],
                                  median_only=True)
            dist = r[CSAT1:CSAT1 + 5]
            rows.append(
                AgentRow(
                    user_id=uid,
                    name=names.get(uid, "") if uid else "",
                    handled=r[COL["created"]],
                    resolved=r[COL["resolved"]],
                    first_contact=r[COL["fcr"]],
                    csat_count=sum(dist),
                    csat_sum=sum((i + 1) * n for i, n in enumerate(dist)),
                    median_first_response_s=med.median_s if med else None,
                    breaches=r[COL["breached"]],
                )
            )
        rows.sort(key=lambda x: (x.user_id is None, x.name.casefold()))
        return tuple(rows)


__all__ = ["RolledReport", "built_until", "eligible"]
