"""Building and refreshing the daily report roll-up (tables: models.report_rollup).

``collect`` turns the tickets of an interval into roll-up rows in memory, with the
very SQL expressions of the direct report (``service._Run``: SLA clocks, breaches,
strict FCR), so the roll-up cannot drift from the definitions. The same function
gives the report its live part (the days not rolled yet), so a rolled day and a live
day are counted by one code path.

What may be rolled: a ticket whose figures no longer change unless the ticket itself
changes. Two things change with time alone: a *running* SLA clock (it breaches when
its due time passes) and the strict FCR of a ticket resolved less than 7 days ago
(other tickets' contacts decide it; ``decide_fcr`` stores it afterwards). So a zone's
roll-up covers the local days before today; a ticket of such a day whose clock still
runs at build time is left out of it and listed in ``report_rollup_live`` (every
report counts it live; a refresh that finds its clock decided rebuilds its day); and
the stored FCR counts only decided verdicts -- the report works out the undecided
ones of the last week live (the partial index of the undecided), and their day is
rebuilt when ``decide_fcr`` stores them (the trigger sees ``fcr_strict`` change).

Kept fresh by ``refresh_step`` before every report (in its own write transaction,
serialized by an advisory lock on PostgreSQL and by BEGIN IMMEDIATE on SQLite):
the instants the 0018 triggers appended to ``report_rollup_dirty`` are taken with
``DELETE ... RETURNING`` (exactly the rows this transaction saw; a change committed
later leaves its own row for the next refresh) and their local days rebuilt in every
zone; then the zone is extended up to the horizon, at most ``CHUNK_DAYS`` per
transaction so a first build of a large desk never holds the write lock for long.
"""

from __future__ import annotations

import bisect
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Date,
    String,
    and_,
    case,
    delete,
    exists,
    false,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session

from deskapp.models import Escalation, Ticket
from deskapp.models.report_rollup import (
    CHANNELS,
    COUNT_COLUMNS,
    DURATION_EDGES,
    HEAT_COLUMNS,
    MONTH_COLUMNS,
    NO_ID,
    SLA_COLUMNS,
    rollup_days,
    rollup_dirty,
    rollup_esc,
    rollup_live,
    rollup_months,
    rollup_sla,
    rollup_state,
)
from deskapp.models.types import UTCDateTime
from deskapp.services.reports.model import ReportQuery

CHUNK_DAYS = 62
DIRTY_BATCH = 50_000
LOCK_KEY = 0x5EB0_0018  # pg_advisory_xact_lock: one refresh at a time per database
COL = {c: i for i, c in enumerate(COUNT_COLUMNS)}
WIDTH = len(COUNT_COLUMNS)
H0, CH0, FR0, RES0, CSAT1 = COL["h00"], COL[f"ch_{CHANNELS[0]}"], COL["fr00"], COL["res00"], COL["csat1"]
_CHANNEL = {c: i for i, c in enumerate(CHANNELS)}

Key = tuple[date, uuid.UUID, uuid.UUID, uuid.UUID]  # (local day, site, team, agent)


def bucket(seconds: int) -> int:
    return max(0, bisect.bisect_right(DURATION_EDGES, seconds) - 1)


def bucket_bounds(i: int) -> tuple[int | None, int | None]:
    """[low, high) of bucket ``i`` (None: open)."""
    lo = DURATION_EDGES[i] if i > 0 else None
    hi = DURATION_EDGES[i + 1] if i + 1 < len(DURATION_EDGES) else None
    return lo, hi


@dataclass
class Rows:
    """Roll-up rows in memory (what is stored, or what a report adds live)."""

    days: dict[Key, list[int]] = field(default_factory=dict)
    sla: dict[tuple[Key, uuid.UUID], list[int]] = field(default_factory=dict)
    esc: dict[tuple[Key, str, str, bool], int] = field(default_factory=dict)
    live: dict[uuid.UUID, date] = field(default_factory=dict)  # left out: clock running

    def row(self, key: Key) -> list[int]:
        r = self.days.get(key)
        if r is None:
            r = self.days[key] = [0] * WIDTH
        return r


def _ts(value: datetime) -> ColumnElement:
    return literal(value, UTCDateTime())


def _i(cond: ColumnElement) -> ColumnElement:
    return case((cond, 1), else_=0)


def clock_running(run) -> ColumnElement:
    """A ticket whose SLA figures still change with time alone (at ``run.now``): its
    first-response clock runs towards a due time still ahead, or its resolution clock
    is not stopped and not yet past due (sla.py stops it whenever the ticket leaves
    new/open, so a resolved ticket never qualifies)."""
    fr_running = run.fr_clock()[2]
    res_running = and_(
        Ticket.sla_paused_since.is_(None), Ticket.resolution_due >= _ts(run.now)
    )
    return and_(Ticket.sla_policy_id.is_not(None), or_(fr_running, res_running))


def collect(
    run,
    lo: datetime | None,
    hi: datetime,
    *,
    extra: Sequence[ColumnElement] = (),
    created: bool = True,
    resolved: bool = True,
    records: bool = True,
    leave_out_running: bool = False,
) -> Rows:
    """The roll-up rows of tickets created / resolved and escalation records made in
    [lo, hi), keyed by local day of ``run``'s zone, through ``run.filters()`` and
    ``extra``. ``leave_out_running`` (a stored build): tickets whose clock still runs
    go to ``live`` instead, and only a *decided* strict FCR is counted."""
    from deskapp.services.reports.service import STOPPED

    s, zone, out = run.s, run.zone, Rows()
    flt = [*run.filters(), *extra]

    def span(col) -> list[ColumnElement]:
        return ([col >= _ts(lo)] if lo is not None else []) + [col < _ts(hi)]

    # Ids and enums come back raw (hex text on SQLite) and become UUIDs once per
    # distinct value at the end: converting every row's four ids cost more than the
    # query itself (6 us each, 0.8 s for the 20,000 tickets of a week at 1,000,000).
    def raw(col) -> ColumnElement:
        return type_coerce(col, String)

    ids: dict[object, uuid.UUID] = {None: NO_ID}

    def u(v) -> uuid.UUID:
        got = ids.get(v)
        if got is None:
            got = ids[v] = v if isinstance(v, uuid.UUID) else uuid.UUID(hex=str(v))
        return got

    rows: dict[tuple, list[int]] = {}
    sla: dict[tuple, list[int]] = {}
    esc: dict[tuple, int] = {}

    def row(k: tuple) -> list[int]:
        r = rows.get(k)
        if r is None:
            r = rows[k] = [0] * WIDTH
        return r

    if created:
        fm, fb, fr_ = run.fr_clock()
        rm, rb, rr = run.res_clock()
        escalated = exists().where(
            Escalation.ticket_id == Ticket.id, Escalation.is_deescalation.is_(False)
        )
        q = select(
            raw(Ticket.id), Ticket.created_at, raw(Ticket.site_id), raw(Ticket.team_id),
            raw(Ticket.assignee_id), raw(Ticket.channel), raw(Ticket.sla_policy_id),
            _i(fm), _i(fb), _i(fr_), _i(rm), _i(rb), _i(rr), _i(run.breached_any()),
            _i(escalated),
            _i(or_(Ticket.resolved_at.is_not(None), Ticket.reopen_count > 0)),
            _i(Ticket.reopen_count > 0),
            Ticket.first_response_business_s,
            _i(clock_running(run)) if leave_out_running else literal(0),
        ).where(*flt, *span(Ticket.created_at))
        for (tid, at, site, team, agent, channel, policy, *st, br, es, once, reo, frs,
             running) in s.execute(q).yield_per(20_000):
            local = at.astimezone(zone)
            k = (local.date(), site, team, agent)
            if running:
                out.live[u(tid)] = k[0]
                continue
            r = row(k)
            r[0] += 1
            r[1] += es
            r[2] += once
            r[3] += reo
            r[4] += br
            r[H0 + local.hour] += 1
            r[CH0 + _CHANNEL[channel]] += 1
            if frs is not None:
                r[FR0 + bucket(frs)] += 1
            if policy is not None:
                sk = (k, policy)
                acc = sla.get(sk)
                if acc is None:
                    acc = sla[sk] = [0] * len(SLA_COLUMNS)
                for j, v in enumerate(st):
                    acc[j] += v
    if resolved:
        q = select(
            Ticket.resolved_at, raw(Ticket.site_id), raw(Ticket.team_id),
            raw(Ticket.assignee_id),
            # stored: only a decided FCR (the report adds the undecided ones live)
            _i(Ticket.fcr_strict.is_(True)) if leave_out_running else _i(run.strict_fcr()),
            Ticket.csat,
            Ticket.resolution_business_s, _i(Ticket.status.in_(STOPPED)),
        ).where(*flt, *span(Ticket.resolved_at))
        fcr_i, done_i, res_i = COL["fcr"], COL["done"], COL["resolved"]
        for at, site, team, agent, fcr, csat, res, done in s.execute(q).yield_per(20_000):
            r = row((at.astimezone(zone).date(), site, team, agent))
            r[res_i] += 1
            r[fcr_i] += fcr
            r[done_i] += done
            if csat is not None and 1 <= csat <= 5:
                r[CSAT1 + csat - 1] += 1
            if res is not None:
                r[RES0 + bucket(res)] += 1
    if records:
        q = (
            select(Escalation.created_at, raw(Ticket.site_id), raw(Ticket.team_id),
                   raw(Ticket.assignee_id), raw(Escalation.kind), Escalation.reason,
                   Escalation.automatic)
            .join(Ticket, Ticket.id == Escalation.ticket_id)
            .where(*flt, Escalation.is_deescalation.is_(False), *span(Escalation.created_at))
        )
        for at, site, team, agent, kind, reason, auto in s.execute(q):
            ek = ((at.astimezone(zone).date(), site, team, agent), kind, reason or "",
                  bool(auto))
            esc[ek] = esc.get(ek, 0) + 1

    def key(k: tuple) -> Key:
        return (k[0], u(k[1]), u(k[2]), u(k[3]))

    out.days = {key(k): r for k, r in rows.items()}
    out.sla = {(key(k), u(p)): v for (k, p), v in sla.items()}
    out.esc = {(key(k), kind, reason, auto): n for (k, kind, reason, auto), n in esc.items()}
    return out


# -- storing --------------------------------------------------------------------


def _store(s: Session, zone: str, rows: Rows) -> None:
    def keyd(k: Key) -> dict:
        return {"zone": zone, "day": k[0], "site_id": k[1], "team_id": k[2], "agent_id": k[3]}

    batch = 5000
    days = [{**keyd(k), **dict(zip(COUNT_COLUMNS, r, strict=True))} for k, r in rows.days.items()]
    sla = [{**keyd(k), "grain": "d", "policy_id": p, **dict(zip(SLA_COLUMNS, v, strict=True))}
           for (k, p), v in rows.sla.items()]
    esc = [{**keyd(k), "grain": "d", "kind": kind, "reason": reason, "automatic": auto,
            "n": n} for (k, kind, reason, auto), n in rows.esc.items()]
    live = [{"zone": zone, "ticket_id": t, "day": d} for t, d in rows.live.items()]
    for table, values in ((rollup_days, days), (rollup_sla, sla), (rollup_esc, esc),
                          (rollup_live, live)):
        for i in range(0, len(values), batch):
            s.execute(insert(table), values[i:i + batch])


def _drop(s: Session, zone: str, days: Iterable[date] | None = None,
          since: date | None = None) -> None:
    for table in (rollup_days, rollup_sla, rollup_esc, rollup_live):
        cond = [table.c.zone == zone]
        if days is not None:
            cond.append(table.c.day.in_(list(days)))
        if since is not None:
            cond.append(table.c.day >= since)
        s.execute(delete(table).where(*cond))


def _start(zone: ZoneInfo, d: date) -> datetime:
    return datetime.combine(d, time(0), zone).astimezone(UTC)


def _runs(days: Iterable[date]) -> list[tuple[date, date]]:
    """Sorted days as contiguous runs [first, last]."""
    out: list[tuple[date, date]] = []
    for d in sorted(set(days)):
        if out and out[-1][1] + timedelta(days=1) == d:
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return out


def month_of(d: date) -> date:
    return d.replace(day=1)


def next_month(m: date) -> date:
    return (m.replace(day=1) + timedelta(days=32)).replace(day=1)


_MONTH_POS = [COL[c] for c in MONTH_COLUMNS]


def _roll_months(s: Session, zone_name: str, months: Iterable[date], until: date) -> None:
    """(Re)write the month rows of ``months`` from their day rows; only complete months
    (every day before ``until``) have month rows."""
    months = sorted(set(months))
    if not months:
        return
    s.execute(delete(rollup_months).where(rollup_months.c.zone == zone_name,
                                          rollup_months.c.month.in_(months)))
    for tbl in (rollup_sla, rollup_esc):
        s.execute(delete(tbl).where(tbl.c.zone == zone_name, tbl.c.grain == "m",
                                    tbl.c.day.in_(months)))
    t = rollup_days
    for m in months:
        if next_month(m) > until:
            continue
        for tbl, keys, sums in (
            (rollup_sla, ["policy_id"], SLA_COLUMNS),
            (rollup_esc, ["kind", "reason", "automatic"], ["n"]),
        ):
            dims = [tbl.c.zone, tbl.c.site_id, tbl.c.team_id, tbl.c.agent_id,
                    *(tbl.c[k] for k in keys)]
            s.execute(
                insert(tbl).from_select(
                    ["zone", "site_id", "team_id", "agent_id", *keys, "day", "grain", *sums],
                    select(*dims, literal(m, Date()), literal("m"),
                           *(func.sum(tbl.c[c]) for c in sums))
                    .where(tbl.c.zone == zone_name, tbl.c.grain == "d", tbl.c.day >= m,
                           tbl.c.day < next_month(m))
                    .group_by(*dims),
                )
            )
        acc: dict[tuple, list[int]] = {}
        for site, team, agent, day, *vals in s.execute(
            select(t.c.site_id, t.c.team_id, t.c.agent_id, t.c.day,
                   *(t.c[c] for c in COUNT_COLUMNS))
            .where(t.c.zone == zone_name, t.c.day >= m, t.c.day < next_month(m))
        ):
            r = acc.get((site, team, agent))
            if r is None:
                r = acc[(site, team, agent)] = [0] * (len(MONTH_COLUMNS) + len(HEAT_COLUMNS))
            for i, pos in enumerate(_MONTH_POS):
                r[i] += vals[pos]
            base = len(MONTH_COLUMNS) + day.weekday() * 24
            for h in range(24):
                r[base + h] += vals[H0 + h]
        names = (*MONTH_COLUMNS, *HEAT_COLUMNS)
        values = [{"zone": zone_name, "month": m, "site_id": k[0], "team_id": k[1],
                   "agent_id": k[2], **dict(zip(names, r, strict=True))}
                  for k, r in acc.items()]
        if values:
            s.execute(insert(rollup_months), values)


def _months_between(first: date, last: date) -> list[date]:
    out, m = [], month_of(first)
    while m <= last:
        out.append(m)
        m = next_month(m)
    return out


def _build(s: Session, zone_name: str, now: datetime, first: date | None, last: date) -> None:
    """(Re)build the local days [first, last] (first None: everything up to last)."""
    from deskapp.services.reports.service import _Run

    run = _Run(s, ReportQuery(last, last, timezone=zone_name), now)
    lo = _start(run.zone, first) if first is not None else None
    rows = collect(run, lo, _start(run.zone, last + timedelta(days=1)), leave_out_running=True)
    _store(s, zone_name, rows)


def ensure_state(s: Session, zone_name: str) -> bool:
    """Register ``zone_name`` (so the triggers start recording); True if it is new. The
    caller commits before building, so no change can fall between the two."""
    if s.scalar(select(rollup_state.c.zone).where(rollup_state.c.zone == zone_name)):
        return False
    # two first reports at once (PostgreSQL): the second insert is a no-op, not an error
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(rollup_state).values(zone=zone_name, built_until=None, built_at=None)
    done: Any = s.execute(stmt.on_conflict_do_nothing())
    return bool(done.rowcount)


def refresh_step(s: Session, zone_name: str, now: datetime) -> tuple[int, int]:
    """One write transaction of upkeep (see the module docstring): (days still to
    build, days rolled) of the zone; call again in a new transaction while the first
    is not 0."""
    from deskapp.services.reports.service import _Run

    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEY})
    states = dict(s.execute(select(rollup_state.c.zone, rollup_state.c.built_until)).all())
    # 1. days changed since the last refresh, in every zone
    # (in batches: after months without a report the table may hold millions of rows;
    # only the distinct minutes are kept)
    marks: set[datetime] = set()
    while True:
        batch = select(rollup_dirty.c.seq).limit(DIRTY_BATCH).scalar_subquery()
        taken = s.execute(
            delete(rollup_dirty).where(rollup_dirty.c.seq.in_(batch)).returning(rollup_dirty.c.at)
        ).scalars().all()
        marks.update(i.replace(second=0, microsecond=0) for i in taken)
        if len(taken) < DIRTY_BATCH:
            break
    for zname, until in states.items():
        if until is None:
            continue
        zone = ZoneInfo(zname)
        stale = {m.astimezone(zone).date() for m in marks}
        # tickets left out while their clock ran, now decided (or gone)
        run = _Run(s, ReportQuery(until, until, timezone=zname), now)
        stale |= set(
            s.scalars(
                select(rollup_live.c.day)
                .outerjoin(Ticket, Ticket.id == rollup_live.c.ticket_id)
                .where(
                    rollup_live.c.zone == zname,
                    or_(Ticket.id.is_(None), ~func.coalesce(clock_running(run), false())),
                )
                .distinct()
            )
        )
        stale = {d for d in stale if d < until}
        if stale:
            _drop(s, zname, days=stale)
            for a, b in _runs(stale):
                _build(s, zname, now, a, b)
            _roll_months(s, zname, {month_of(d) for d in stale}, until)
    # 2. extend this zone to the horizon
    if zone_name not in states:
        return 0, 0  # not registered (ensure_state): nothing is recorded for it
    zone = ZoneInfo(zone_name)
    target = now.astimezone(zone).date()  # every day before today may be rolled
    until = states[zone_name]
    before = until
    if until is not None and target < until:  # the clock went back: unroll
        _drop(s, zone_name, since=target)
        s.execute(delete(rollup_months).where(rollup_months.c.zone == zone_name,
                                              rollup_months.c.month >= month_of(target)))
        for tbl in (rollup_sla, rollup_esc):
            s.execute(delete(tbl).where(tbl.c.zone == zone_name, tbl.c.grain == "m",
                                        tbl.c.day >= month_of(target)))
        until = target
    elif until is None:
        oldest = s.scalar(select(func.min(Ticket.created_at)))
        start = oldest.astimezone(zone).date() if oldest is not None else target
        end = min(target, start + timedelta(days=CHUNK_DAYS))
        if start < end:
            _build(s, zone_name, now, None, end - timedelta(days=1))
            _roll_months(s, zone_name, _months_between(start, end), end)
        until = max(end, min(start, target))
    elif until < target:
        end = min(target, until + timedelta(days=CHUNK_DAYS))
        _build(s, zone_name, now, until, end - timedelta(days=1))
        # months that became complete (the one holding the old edge, and on)
        _roll_months(s, zone_name, _months_between(before - timedelta(days=1), end), end)
        until = end
    s.execute(
        rollup_state.update()
        .where(rollup_state.c.zone == zone_name)
        .values(built_until=until, built_at=now)
    )
    first = s.scalar(select(func.min(Ticket.created_at)))
    first_day = first.astimezone(zone).date() if first is not None else until
    return max(0, (target - until).days), max(0, (until - first_day).days)


__all__ = [
    "Rows",
    "bucket",
    "bucket_bounds",
    "clock_running",
    "collect",
    "ensure_state",
    "refresh_step",
]
