"""Reports over a large desk: each figure over one month and one year, SQLite and
PostgreSQL, as time and as a ratio to the bare aggregate query.

    .venv/bin/python benchmarks/reports.py --direct              # 1,000,000 tickets
    .venv/bin/python benchmarks/reports.py --tickets 100000 --backends sqlite
    .venv/bin/python benchmarks/reports.py --rebuild --direct    # time the first build again

The desk is generated once per size and backend (kept in /tmp and in a PostgreSQL
database ``deskapp_bench_reports_<n>``) with Core bulk inserts: tickets spread over
400 days up to a fixed "now", 1.2 inbound interactions per ticket, 6 % escalated,
3 % reopened, CSAT on 40 % of the resolved ones, SLA due times and the business
durations already measured (as the report would leave them). Nothing of the report
roll-up is generated: ``prepare`` upgrades the schema, lets the app decide the strict
FCR of old resolutions (``ReportService.measure``) and build or refresh the roll-up of
the report's zone (``ReportService.refresh_rollup``), each timed once (one-off costs).

Then, over the last 30 and 365 days (zone Asia/Tehran), medians of ``--repeat`` runs,
warm cache: "bare" is ``SELECT count(*)`` of the tickets created in the range, the
cheapest aggregate over the same rows; "read" is ``RolledReport`` reading the roll-up
and the live parts (today, undecided FCR, tickets whose clock was running); each
figure is its own work after that read; "report" is ``ReportService.report()`` end to
end (the upkeep checks included); "direct" (``--direct``, once) is the same report
computed straight from the tickets, without the roll-up (the definition).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import bindparam, func, insert, select, update  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from deskapp.models import (  # noqa: E402
    BusinessCalendar,
    CalendarSchedule,
    Customer,
    Escalation,
    Interaction,
    Site,
    SlaPolicy,
    Team,
    Ticket,
    User,
    new_id,
)
from deskapp.models.database import make_engine  # noqa: E402
from deskapp.models.report_rollup import (  # noqa: E402
    rollup_days,
    rollup_esc,
    rollup_live,
    rollup_months,
    rollup_sla,
    rollup_state,
)
from deskapp.services import schema  # noqa: E402
from deskapp.services.permissions import SYSTEM  # noqa: E402
from deskapp.services.reports import ReportQuery, ReportService  # noqa: E402
from deskapp.services.reports.rollup_read import RolledReport, built_until  # noqa: E402
from deskapp.services.reports.service import _Run  # noqa: E402
from deskapp.services.unit_of_work import unit_of_work_factory  # noqa: E402

PG_SERVER = os.environ.get("DESKAPP_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
CHANNELS = ["phone", "email", "chat", "social", "walk_in", "web"]
PRIORITIES = ["low", "normal", "high", "urgent"]
REASONS = ["needs_specialist", "customer_insists", "sla_breach", "billing"]


def sqlite_url(n: int) -> str:
    return f"sqlite:////tmp/deskapp-bench-reports-{n}.sqlite3"


def pg_url(n: int) -> str:
    return make_url(PG_SERVER).set(database=f"deskapp_bench_reports_{n}").render_as_string(
        hide_password=False)


def _count(url: str) -> int:
    try:
        engine = make_engine(url)
        with engine.connect() as c:
            n = c.scalar(select(func.count()).select_from(Ticket))
        engine.dispose()
        return int(n or 0)
    except Exception:
        return -1


def fresh(backend: str, n: int) -> str:
    if backend == "sqlite":
        url = sqlite_url(n)
        path = Path(make_url(url).database)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return url
    url = pg_url(n)
    name = make_url(url).database
    admin = make_url(PG_SERVER).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def generate(backend: str, n: int, seed: int = 14) -> str:
    url = fresh(backend, n)
    engine = make_engine(url)
    schema.upgrade(engine)
    rng = random.Random(seed)
    t0 = time.perf_counter()
    site = new_id()
    teams = [new_id() for _ in range(5)]
    agents = [new_id() for _ in range(40)]
    cals = [new_id(), new_id()]
    policies = [new_id(), new_id()]
    base = {"created_at": NOW, "updated_at": NOW, "version": 1}
    with engine.begin() as c:
        c.execute(insert(Site), [{"id": site, "code": "HQ", "name": "HQ", "timezone": "UTC",
                                  "last_ticket_number": n, **base}])
        c.execute(insert(User), [{"id": a, "username": f"agent{i}", "display_name": f"Agent {i}",
                                  "role": "agent", "password_hash": "x", **base}
                                 for i, a in enumerate(agents)])
        c.execute(insert(Team), [{"id": t, "name": f"Team {i}", **base} for i, t in enumerate(teams)])
        c.execute(insert(BusinessCalendar), [{"id": cals[0], "name": "24/7", "timezone": "UTC", **base},
                                             {"id": cals[1], "name": "Office", "timezone": "Asia/Tehran", **base}])
        c.execute(insert(CalendarSchedule), [
            {"id": new_id(), "calendar_id": cals[0], "effective_from": date(1970, 1, 1),
             "weekly_hours": {str(d): [["00:00", "24:00"]] for d in range(7)}, **base},
            {"id": new_id(), "calendar_id": cals[1], "effective_from": date(1970, 1, 1),
             "weekly_hours": {str(d): [["08:00", "16:00"]] for d in (0, 1, 2, 5, 6)}, **base}])
        c.execute(insert(SlaPolicy), [
            {"id": policies[0], "name": "Default", "first_response_minutes": 240,
             "resolution_minutes": 1440, "calendar_id": cals[0], "is_default": True, "active": True,
             "warning_stages": [75, 90], **base},
            {"id": policies[1], "name": "VIP", "segment": "vip", "first_response_minutes": 60,
             "resolution_minutes": 480, "calendar_id": cals[1], "is_default": False, "active": True,
             "warning_stages": [75, 90], **base}])
        customers = [(new_id(), rng.choice(["standard"] * 8 + ["priority", "vip"]))
                     for _ in range(max(1, n // 5))]
        for i in range(0, len(customers), 20_000):
            c.execute(insert(Customer), [{"id": cid, "name": f"Customer {j}", "search_name": f"customer {j}",
                                          "segment": seg, **base}
                                         for j, (cid, seg) in enumerate(customers[i:i + 20_000], i)])
    span = 400 * 86400
    batch = 20_000
    for start in range(0, n, batch):
        tickets, interactions, escalations = [], [], []
        for k in range(start, min(n, start + batch)):
            tid = new_id()
            cid, seg = customers[rng.randrange(len(customers))]
            created = NOW - timedelta(seconds=rng.random() * span)
            age = (NOW - created).total_seconds()
            vip = seg == "vip"
            policy = policies[1] if vip else policies[0]
            fr_target, res_target = (3600, 8 * 3600) if vip else (4 * 3600, 24 * 3600)
            done = rng.random() < (0.97 if age > 14 * 86400 else 0.6)
            fr_gap = rng.expovariate(1 / 5400)
            fr_at = created + timedelta(seconds=fr_gap) if (done or rng.random() < 0.7) else None
            res_gap = rng.expovariate(1 / 72000)
            res_at = created + timedelta(seconds=max(res_gap, fr_gap)) if done else None
            if res_at is not None and res_at > NOW:
                res_at, done = None, False
            if fr_at is not None and fr_at > NOW:
                fr_at = None
            status = (rng.choice(["resolved", "closed", "closed", "closed"]) if done
                      else rng.choice(["new", "open", "open", "pending_customer", "pending_third_party"]))
            agent = rng.randrange(len(agents))
            escalated = rng.random() < 0.06
            reopened = done and rng.random() < 0.03
            tickets.append({
                "id": tid, "site_id": site, "number": k + 1, "reference": f"HQ-{k + 1:07d}",
                "subject": "Internet is slow", "description": "", "channel": rng.choice(CHANNELS),
                "category": rng.choice(["billing", "network", "account", ""]),
                "priority": rng.choice(PRIORITIES), "priority_rank": 1,
                "status": status, "customer_id": cid, "assignee_id": agents[agent],
                "team_id": teams[agent % len(teams)], "escalation_level": 1 if escalated else 0,
                "created_at": created, "updated_at": res_at or created, "version": 1,
                "sla_policy_id": policy,
                "first_response_due": created + timedelta(seconds=fr_target * (1 if not vip else 3)),
                "resolution_due": created + timedelta(seconds=res_target * (1 if not vip else 3)),
                "sla_paused_since": res_at, "sla_paused_seconds": 0,
                "first_response_at": fr_at, "resolved_at": res_at,
                "closed_at": res_at if status == "closed" else None, "last_activity_at": res_at or created,
                "reopen_count": 1 if reopened else 0,
                "first_contact_resolution": (done and not escalated and not reopened
                                             and rng.random() < 0.75) if done else None,
                "csat": rng.choice([1, 2, 3, 4, 4, 5, 5, 5]) if done and rng.random() < 0.4 else None,
                "first_response_business_s": int(fr_gap * (0.4 if vip else 1)) if fr_at else None,
                "resolution_business_s": int(res_gap * (0.4 if vip else 1)) if res_at else None,
                "business_measured_for": res_at, "search_text": "", "customer_sort_name": "",
            })
            interactions.append({"id": new_id(), "ticket_id": tid, "kind": "call", "direction": "inbound",
                                 "body": "", "created_at": created})
            if rng.random() < 0.2:
                later = created + timedelta(seconds=rng.expovariate(1 / 300000))
                if later < NOW:
                    interactions.append({"id": new_id(), "ticket_id": tid, "kind": "email",
                                         "direction": "inbound", "body": "", "created_at": later})
            if escalated:
                escalations.append({"id": new_id(), "ticket_id": tid,
                                    "kind": rng.choice(["functional", "hierarchical"]),
                                    "reason": rng.choice(REASONS), "note": "", "from_level": 0,
                                    "to_level": 1, "automatic": rng.random() < 0.3,
                                    "is_deescalation": False, "keep_informed": False,
                                    "created_at": created + timedelta(seconds=fr_gap)})
        with engine.begin() as c:
            c.execute(insert(Ticket.__table__), tickets)
            c.execute(insert(Interaction.__table__), interactions)
            if escalations:
                c.execute(insert(Escalation.__table__), escalations)
        print(f"  {backend}: {min(n, start + batch):,} tickets ({time.perf_counter() - t0:.0f} s)",
              file=sys.stderr, flush=True)
    with engine.begin() as c:
        if backend == "postgresql":
            c.exec_driver_sql("ANALYZE")
        else:
            c.exec_driver_sql("ANALYZE")
    engine.dispose()
    return url


FIGURES = ["sla", "durations", "fcr", "csat", "backlog", "escalations", "volume", "agents"]
ROLLED = {"sla": "sla_figure", "agents": "agents_figure"}  # RolledReport's method names
ZONE = "Asia/Tehran"


def prepare(url: str, backend: str) -> dict[str, float]:
    """Bring a cached desk to this app's schema and do the report bookkeeping that
    happens once: strict FCR decided for every old resolution, the first roll-up
    build of the report's zone. Each timed (one-off costs, not per report); the
    statistics refreshed after each (autovacuum would, later)."""
    engine = make_engine(url)
    out: dict[str, float] = {}

    def analyze() -> None:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("VACUUM ANALYZE" if backend == "postgresql" else "ANALYZE")

    t = time.perf_counter()
    schema.upgrade(engine)
    out["upgrade"] = time.perf_counter() - t
    svc = ReportService(unit_of_work_factory(engine), clock=lambda: NOW)
    t = time.perf_counter()
    out["decided"] = svc.measure()
    out["measure"] = time.perf_counter() - t
    analyze()
    with engine.connect() as c:
        built = c.scalar(select(func.count()).select_from(rollup_state).where(
            rollup_state.c.zone == ZONE, rollup_state.c.built_until.is_not(None)))
    t = time.perf_counter()
    svc.refresh_rollup(ZONE, NOW)
    out["build" if not built else "refresh"] = time.perf_counter() - t
    analyze()
    with engine.connect() as c:
        out["rows"] = c.scalar(select(func.count()).select_from(rollup_days).where(
            rollup_days.c.zone == ZONE)) or 0
    engine.dispose()
    return out


def churn(url: str, n: int, days: int) -> dict[str, float]:
    """``n`` CSAT scores changed by plain UPDATEs (as branch sync applies them) on
    tickets resolved over the last ``days`` days, then the upkeep and a one-year report
    timed; the scores are put back afterwards (and the roll-up refreshed, untimed)."""
    engine = make_engine(url)
    svc = ReportService(unit_of_work_factory(engine), clock=lambda: NOW)
    end = NOW.date() - timedelta(days=1)
    year = ReportQuery(end - timedelta(days=364), end, timezone=ZONE)
    with engine.connect() as c:
        picked = c.execute(
            select(Ticket.id, Ticket.csat, Ticket.resolved_at).where(
                Ticket.resolved_at >= NOW - timedelta(days=days),
                Ticket.resolved_at < NOW - timedelta(days=1), Ticket.deleted_at.is_(None))
        ).all()
    rng = random.Random(n)
    picked = rng.sample(picked, min(n, len(picked)))
    zone = ZoneInfo(ZONE)
    touched = {r[2].astimezone(zone).date() for r in picked}
    set_csat = update(Ticket).where(Ticket.id == bindparam("tid")).values(csat=bindparam("v"))
    with engine.begin() as c:
        c.execute(set_csat, [{"tid": t, "v": (old or 0) % 5 + 1} for t, old, _r in picked])
    out: dict[str, float] = {"changed": len(picked), "days": len(touched)}
    t = time.perf_counter()
    svc.refresh_rollup(ZONE, NOW)
    out["refresh"] = time.perf_counter() - t
    t = time.perf_counter()
    svc.report(SYSTEM, year)
    out["report"] = time.perf_counter() - t
    with engine.begin() as c:
        c.execute(set_csat, [{"tid": t, "v": old} for t, old, _r in picked])
    svc.refresh_rollup(ZONE, NOW)
    engine.dispose()
    return out


def drop_rollup(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as c:
        for table in (rollup_days, rollup_months, rollup_sla, rollup_esc, rollup_live,
                      rollup_state):
            c.execute(table.delete().where(table.c.zone == ZONE))
    engine.dispose()


def measure(url: str, days: int, repeat: int, direct: bool) -> dict[str, float]:
    engine = make_engine(url)
    uow = unit_of_work_factory(engine)
    end = NOW.date() - timedelta(days=1)
    q = ReportQuery(end - timedelta(days=days - 1), end, timezone=ZONE)
    out: dict[str, float] = {}

    def timed(fn, n: int = repeat) -> float:
        runs = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t)
        return statistics.median(runs)

    def bare():
        with uow(read_only=True) as u:
            r = _Run(u.session, q, NOW)
            u.session.scalar(select(func.count()).select_from(Ticket).where(*r.created_in_range()))

    out["bare"] = timed(bare)
    with uow(read_only=True) as u:
        until = built_until(u.session, ZONE)

    def read():
        with uow(read_only=True) as u:
            RolledReport(_Run(u.session, q, NOW), until)

    out["read"] = timed(read)
    for name in FIGURES:
        def one(name=name):
            with uow(read_only=True) as u:
                rolled = RolledReport(_Run(u.session, q, NOW), until)
                t = time.perf_counter()
                getattr(rolled, ROLLED.get(name, name))()
                return time.perf_counter() - t
        out[name] = statistics.median(one() for _ in range(repeat))
    svc = ReportService(uow, clock=lambda: NOW)
    out["report"] = timed(lambda: svc.report(SYSTEM, q))
    if direct:
        plain = ReportService(uow, clock=lambda: NOW, rollup=False)
        out["direct"] = timed(lambda: plain.report(SYSTEM, q), 1)
    engine.dispose()
    return out


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--direct", action="store_true",
                        help="also time the whole report straight from the tickets (once)")
    parser.add_argument("--rebuild", action="store_true",
                        help="drop the zone's roll-up first, to time its first build again")
    parser.add_argument("--churn", type=int, default=0, metavar="N",
                        help="also: N CSAT changes over the last 60 days, then the upkeep "
                             "and a year's report timed")
    parser.add_argument("--prepare-only", action="store_true",
                        help="generate/upgrade, decide FCR and build the roll-up; no timings")
    args = parser.parse_args()
    cols = ["bare", "read", *FIGURES, "report"] + (["direct"] if args.direct else [])
    print(f"{args.tickets:,} tickets; report zone {ZONE}; medians of {args.repeat} runs; "
          f"ms (ratio to bare); load {load()}\n")
    print("| backend | range | " + " | ".join(cols) + " |")
    print("|" + "---|" * (len(cols) + 2), flush=True)
    for backend in args.backends.split(","):
        url = sqlite_url(args.tickets) if backend == "sqlite" else pg_url(args.tickets)
        if args.regenerate or _count(url) != args.tickets:
            t = time.perf_counter()
            url = generate(backend, args.tickets)
            print(f"generated {args.tickets:,} tickets on {backend} in "
                  f"{time.perf_counter() - t:.0f} s", file=sys.stderr)
        if args.rebuild:
            drop_rollup(url)
        p = prepare(url, backend)
        print(f"{backend}: schema upgrade {p['upgrade']:.1f} s; first measure "
              f"{p['measure']:.1f} s ({p['decided']:,.0f} tickets measured/decided); "
              + (f"first roll-up build {p['build']:.1f} s; " if "build" in p else
                 f"roll-up refresh {p['refresh']:.1f} s; ")
              + f"{p['rows']:,.0f} roll-up rows", file=sys.stderr, flush=True)
        if args.prepare_only:
            continue
        if args.churn:
            c = churn(url, args.churn, 60)
            print(f"{backend}: {c['changed']:,.0f} CSAT changes on {c['days']:.0f} resolution "
                  f"days -> roll-up refresh {c['refresh'] * 1000:.0f} ms, then a year's "
                  f"report {c['report'] * 1000:.0f} ms", flush=True)
        for label, days in (("month", 30), ("year", 365)):
            r = measure(url, days, args.repeat, args.direct)
            cells = [f"{r['bare'] * 1000:.0f}"] + [
                f"{r[c] * 1000:.0f} ({r[c] / r['bare']:.1f}x)" for c in cols[1:]]
            print(f"| {backend} | {label} | " + " | ".join(cells) + " |", flush=True)
    print(f"\nload after: {load()}")

if __name__ == "__main__":
    main()
