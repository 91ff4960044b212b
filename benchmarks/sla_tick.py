"""One SLA scheduler tick over 100,000 open tickets, on SQLite and on PostgreSQL.

Times, in one run and on the same data:

* the bare indexed query a tick starts with (``sla_next_check_at <= now`` on open
  tickets, the statement ``SlaScanner`` runs), executed directly on a connection;
* the same query forced past the index (SQLite ``NOT INDEXED``, PostgreSQL with index
  scans switched off), to show what the index buys;
* one whole ``SlaScanner.scan(now)`` tick when nothing is due (the steady state: a
  tick every 30 s on every workstation) and when ``--due`` tickets are due (each
  raises one warning: event row, notification, next check moved on);

and prints each as a ratio to the bare indexed query. Figures are medians of
``--repeat`` runs; between runs the due tickets are reset (events and notifications
deleted, their next check put back), so every run does the same work.

The data: ``--tickets`` open e-mail tickets under one default policy on a 24/7 UTC
calendar (first response 240 min, resolution 1,440 min, warnings at 50 % and 75 %),
bulk-inserted with the SLA columns the engine would compute (checked on a sample).
All but ``--due`` tickets were created in the last 100 minutes (next check in the
future); the due ones 150 minutes before the simulated now (50 % of the first
response passed, 75 % not yet).

    .venv/bin/python benchmarks/sla_tick.py                        # 100,000, both
    .venv/bin/python benchmarks/sla_tick.py --tickets 20000 --backends sqlite

Generated databases are kept (SQLite under /tmp, PostgreSQL database
``deskapp_bench_sla_<tickets>``) and reused when they already hold the rows.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import bindparam, delete, func, select, text, update  # noqa: E402
from sqlalchemy.engine import Engine, make_url  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from deskapp.models import (  # noqa: E402
    Customer,
    Notification,
    Site,
    SlaStageEvent,
    Team,
    Ticket,
    new_id,
)
from deskapp.models.database import make_engine  # noqa: E402
from deskapp.models.enums import Channel, Priority, Segment, Status  # noqa: E402
from deskapp.models.types import UTCDateTime  # noqa: E402
from deskapp.services import schema  # noqa: E402
from deskapp.services.facade import build_services  # noqa: E402
from deskapp.services.sla import SlaEngine, raised_percents  # noqa: E402
from deskapp.services.sla_admin import CalendarDraft, PolicyDraft, ScheduleDraft  # noqa: E402
from deskapp.services.sla_scan import SlaScanner, due_query, due_ticket_ids  # noqa: E402

PG_SERVER = os.environ.get("DESKAPP_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)  # the simulated "now" of every tick
FIRST_RESPONSE, RESOLUTION, STAGES = 240, 1440, (50, 75)
DUE_MARK = "bench-due"  # the category of the due tickets, to find them again
BATCH = 5_000
# SlaScanner's query with SQLite told to ignore every index of tickets.
UNINDEXED_SQLITE = text(
    "SELECT id FROM tickets NOT INDEXED WHERE sla_next_check_at <= :now "
    "AND status IN ('new', 'open', 'pending_customer', 'pending_third_party') "
    "AND deleted_at IS NULL ORDER BY sla_next_check_at, id LIMIT :n"
).bindparams(bindparam("now", type_=UTCDateTime()))


def sqlite_url(n: int) -> str:
    return f"sqlite:////tmp/deskapp-bench-sla-{n}.sqlite3"


def pg_url(n: int) -> str:
    return make_url(PG_SERVER).set(database=f"deskapp_bench_sla_{n}").render_as_string(
        hide_password=False
    )


# -- data -------------------------------------------------------------------------


def _fresh_database(backend: str, url: str) -> None:
    if backend == "sqlite":
        path = make_url(url).database or ""
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    name = make_url(url).database
    admin = make_url(PG_SERVER).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _count_open(url: str) -> int | None:
    try:
        engine = make_engine(url)
        with engine.connect() as conn:
            n = conn.scalar(
                select(func.count()).select_from(Ticket).where(Ticket.status == Status.OPEN)
            )
        engine.dispose()
        return int(n or 0)
    except Exception:
        return None


def generate(backend: str, url: str, tickets: int, due: int) -> None:
    from tests.helpers.staff import make_desk

    print(f"generating {tickets:,} open tickets on {backend} (kept for later runs)...",
          flush=True)
    started = time.perf_counter()
    _fresh_database(backend, url)
    engine = make_engine(url)
    schema.upgrade(engine)
    services = build_services(engine)
    desk = make_desk(services)
    cal = services.sla_admin.create_calendar(
        desk.manager,
        CalendarDraft("24/7 UTC", "UTC",
                      [ScheduleDraft(date(1970, 1, 1), {d: [("00:00", "24:00")] for d in range(7)})]),
    )
    policy = services.sla_admin.create_policy(
        desk.manager,
        PolicyDraft("Bench", FIRST_RESPONSE, RESOLUTION, cal.id, warning_stages=STAGES,
                    is_default=True),
    )
    agents = [a.user_id for a in (desk.agent, desk.other_agent, desk.specialist)]
    with engine.connect() as conn:
        teams = list(conn.scalars(select(Team.id)))
    _bulk_insert(engine, tickets, due, policy.id, agents, teams)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    if backend == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE tickets"))
    _check_sample(services)
    services.dispose()
    print(f"  {backend}: generated in {time.perf_counter() - started:.0f} s", flush=True)


def _bulk_insert(engine: Engine, tickets: int, due: int, policy_id, agents, teams) -> None:
    rng = random.Random(11)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Skip the live-update NOTIFY triggers for the bulk load (superuser).
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        site_id = conn.scalar(select(Site.id).where(Site.code == "HQ"))
        stamp = NOW - timedelta(days=30)
        customers = [new_id() for _ in range(max(1, tickets // 5))]
        for i in range(0, len(customers), BATCH):
            conn.execute(Customer.__table__.insert(), [
                {"id": cid, "name": f"Customer {i + k}", "search_name": f"customer {i + k}",
                 "email": None, "organisation": None, "segment": Segment.STANDARD,
                 "preferred_language": "fa", "warning_note": "", "created_at": stamp,
                 "updated_at": stamp, "version": 1}
                for k, cid in enumerate(customers[i : i + BATCH])
            ])
        due_numbers = set(rng.sample(range(tickets), due))
        rows = []
        for n in range(tickets):
            is_due = n in due_numbers
            created = NOW - (timedelta(minutes=150) if is_due
                             else timedelta(seconds=rng.randrange(100 * 60)))
            number = n + 1
            rows.append({
                "id": new_id(), "site_id": site_id, "number": number,
                "reference": f"HQ-{number:06d}", "subject": "Invoice is wrong",
                "description": "", "channel": Channel.EMAIL,
                "category": DUE_MARK if is_due else "", "priority": Priority.NORMAL,
                "priority_rank": 1, "status": Status.OPEN, "customer_id": rng.choice(customers),
                "assignee_id": rng.choice(agents), "team_id": rng.choice(teams),
                "escalation_level": 0, "sla_policy_id": policy_id,
                "first_response_due": created + timedelta(minutes=FIRST_RESPONSE),
                "resolution_due": created + timedelta(minutes=RESOLUTION),
                "sla_paused_since": None, "sla_paused_seconds": 0,
                "sla_next_check_at": created + timedelta(minutes=FIRST_RESPONSE * STAGES[0] / 100),
                "first_response_at": None, "resolved_at": None, "closed_at": None,
                "last_activity_at": created, "reopen_count": 0, "created_at": created,
                "updated_at": created, "version": 1, "search_text": "",
            })
            if len(rows) >= BATCH:
                conn.execute(Ticket.__table__.insert(), rows)
                rows = []
        if rows:
            conn.execute(Ticket.__table__.insert(), rows)
        conn.execute(update(Site).where(Site.id == site_id).values(last_ticket_number=tickets))


def _check_sample(services) -> None:
    """The bulk rows hold exactly what SlaEngine computes (else the tick would be
    measured on data the app could never produce)."""
    engine = SlaEngine()
    with services.uow() as uow:
        s = uow.session
        catalog = engine.catalog(s)
        sample = s.scalars(select(Ticket).order_by(Ticket.id).limit(200)).all()
        raised = raised_percents(s, [t.id for t in sample])
        for t in sample:
            state = engine.compute(t, NOW, catalog, raised.get(t.id, {}))
            for column, value in state.columns().items():
                if getattr(t, column) != value:
                    raise SystemExit(f"bulk data disagrees with the engine: {t.reference} "
                                     f"{column} {getattr(t, column)} != {value}")


def _upgraded(url: str) -> bool:
    """Bring a kept database to this code's schema; False when that fails."""
    engine = make_engine(url)
    try:
        if schema.schema_status(engine).state is not schema.SchemaState.CURRENT:
            print("upgrading the kept database to the current schema...", flush=True)
            schema.upgrade(engine)
        return True
    except Exception as exc:
        print(f"  cannot upgrade ({exc}); generating afresh", flush=True)
        return False
    finally:
        engine.dispose()


def ensure_data(backend: str, tickets: int, due: int) -> str:
    url = sqlite_url(tickets) if backend == "sqlite" else pg_url(tickets)
    engine_ok = _count_open(url) == tickets and _upgraded(url)
    if engine_ok:
        e = make_engine(url)
        with e.connect() as conn:
            have_due = conn.scalar(
                select(func.count()).select_from(Ticket).where(Ticket.category == DUE_MARK)
            )
        e.dispose()
        engine_ok = have_due == due
    if not engine_ok:
        generate(backend, url, tickets, due)
    return url


# -- measuring ----------------------------------------------------------------------


def _median(fn: Callable[[], float], repeat: int, before: Callable[[], None] | None = None):
    times = []
    for _ in range(repeat):
        if before:
            before()
        times.append(fn())
    return statistics.median(times)


def measure(backend: str, url: str, due: int, repeat: int) -> dict[tuple[str, str], float]:
    services = build_services(url)
    scanner = SlaScanner(services.uow)
    engine = services.engine
    quiet = NOW - timedelta(minutes=31)  # before any due ticket's check: nothing due
    with engine.connect() as conn:
        due_ids = list(conn.scalars(select(Ticket.id).where(Ticket.category == DUE_MARK)))
    due_check = NOW - timedelta(minutes=150) + timedelta(minutes=FIRST_RESPONSE * STAGES[0] / 100)

    def reset() -> None:
        with engine.begin() as conn:
            conn.execute(delete(Notification))
            conn.execute(delete(SlaStageEvent))
            for i in range(0, len(due_ids), 500):
                conn.execute(
                    update(Ticket).where(Ticket.id.in_(due_ids[i : i + 500]))
                    .values(sla_next_check_at=due_check)
                )

    conn = engine.connect()  # the bare query runs on an open connection, nothing else
    if backend == "postgresql":
        unindexed = conn.begin()  # the planner switches last until this rolls back
        for setting in ("indexscan", "bitmapscan", "indexonlyscan"):
            conn.execute(text(f"SET LOCAL enable_{setting} = off"))
        unindexed_conn = conn
        indexed_conn = engine.connect()
    else:
        unindexed, unindexed_conn, indexed_conn = None, conn, conn

    def bare(now: datetime, indexed: bool = True) -> float:
        if indexed:
            stmt, c = due_query(now, scanner.batch_size), indexed_conn
        elif backend == "postgresql":
            stmt, c = due_query(now, scanner.batch_size), unindexed_conn
        else:
            stmt, c = UNINDEXED_SQLITE.bindparams(now=now, n=scanner.batch_size), unindexed_conn
        t0 = time.perf_counter()
        c.execute(stmt).all()
        elapsed = time.perf_counter() - t0
        if indexed or backend == "sqlite":
            c.rollback()  # a fresh snapshot each time, as a tick has
        return elapsed

    def tick(now: datetime, expect: int) -> float:
        t0 = time.perf_counter()
        raised = scanner.scan(now)
        elapsed = time.perf_counter() - t0
        if len(raised) != expect:
            raise SystemExit(f"{backend}: the tick raised {len(raised)}, expected {expect}")
        return elapsed

    reset()
    for _ in range(3):  # warm caches (pages, plans, the calendar cache)
        bare(NOW)
        tick(quiet, 0)
    with Session(engine) as s:
        assert len(due_ticket_ids(s, NOW, 10**6)) == due
    results = {
        ("0 due", "query"): _median(lambda: bare(quiet), repeat),
        ("0 due", "unindexed"): _median(lambda: bare(quiet, indexed=False), repeat),
        ("0 due", "tick"): _median(lambda: tick(quiet, 0), repeat),
        (f"{due} due", "query"): _median(lambda: bare(NOW), repeat, reset),
        (f"{due} due", "unindexed"): _median(lambda: bare(NOW, indexed=False), repeat, reset),
        (f"{due} due", "tick"): _median(lambda: tick(NOW, due), repeat, reset),
    }
    reset()
    if unindexed is not None:
        unindexed.rollback()
    for c in {conn, indexed_conn}:
        c.close()
    services.dispose()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--due", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    if not 0 < args.due <= args.tickets:
        parser.error("--due must be between 1 and --tickets")
    backends = args.backends.split(",")
    figures = {}
    for backend in backends:
        url = ensure_data(backend, args.tickets, args.due)
        figures[backend] = measure(backend, url, args.due, args.repeat)
    print()
    print(f"SLA scheduler tick, {args.tickets:,} open tickets; median of {args.repeat} runs.")
    print("query = the tick's indexed read, bare on an open connection; unindexed = the")
    print("same read past the index; tick = SlaScanner.scan(); due tickets raise one warning each.")
    print(f"{'backend':<11} {'state':<8} {'query':>9} {'unindexed':>10} {'tick':>10} "
          f"{'tick/query':>11} {'unindexed/query':>16}")
    for backend in backends:
        for state in ("0 due", f"{args.due} due"):
            q, u, t = (figures[backend][(state, k)] for k in ("query", "unindexed", "tick"))
            print(f"{backend:<11} {state:<8} {q * 1e3:>7.2f}ms {u * 1e3:>8.2f}ms "
                  f"{t * 1e3:>8.2f}ms {t / q:>10.1f}x {u / q:>15.1f}x")
    for backend in backends:
        per = (figures[backend][(f"{args.due} due", "tick")]
               - figures[backend][("0 due", "tick")]) / args.due
        print(f"{backend}: {per * 1e3:.2f} ms per due ticket raised")
    return 0


if __name__ == "__main__":
    sys.exit(main())
