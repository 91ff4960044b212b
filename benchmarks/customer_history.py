"""History of a customer with 5,000 tickets (issue 16, point 3) at 1,000,000 tickets, on
SQLite and PostgreSQL: the history (stats, first page, count), the next page by keyset
and the oldest page, each beside its bare SQL, with the load average.

    .venv/bin/python benchmarks/customer_history.py                  # 1,000,000, both
    .venv/bin/python benchmarks/customer_history.py --rows 20000 --backends sqlite

The million-row databases of benchmarks/ticket_queue.py are shared: this script works
on a private copy of each (SQLite: an online backup of the file; PostgreSQL:
``CREATE DATABASE .. TEMPLATE``, which needs nobody connected to the template, so it
is retried for a while), kept for later runs, in which every 200th ticket (5,000 of a
million, spread over the whole date range) is moved to one customer.

"Bare SQL" is exactly the statements the service call sent (recorded with an engine
event: text and parameters as the driver got them), replayed on one open connection
in the same order (the service runs them one after the other in one session): the
service adds the session, building the statements and the result objects.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse  # noqa: E402
import os  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from typing import Any  # noqa: E402

import psycopg  # noqa: E402
from sqlalchemy import event, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from benchmarks.ticket_queue import PG_SERVER, ensure_data  # noqa: E402
from deskapp.models import Ticket  # noqa: E402
from deskapp.models.database import make_engine  # noqa: E402
from deskapp.services.facade import build_services  # noqa: E402

EVERY = 200  # every 200th ticket: 5,000 of 1,000,000


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def sqlite_copy(url: str, rows: int) -> str:
    source = make_url(url).database or ""
    target = f"/tmp/deskapp-bench-history-{rows}.sqlite3"
    if not Path(target).exists():
        print(f"copying {source} to {target} (online backup)...", flush=True)
        partial = target + ".part"
        Path(partial).unlink(missing_ok=True)
        src, dst = sqlite3.connect(source), sqlite3.connect(partial)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
        os.replace(partial, target)
    return f"sqlite:///{target}"


def pg_copy(url: str, rows: int, patience: float = 600.0) -> str:
    template = make_url(url).database
    name = f"deskapp_bench_history_{rows}"
    admin = make_url(PG_SERVER).set(drivername="postgresql").render_as_string(
        hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return make_url(url).set(database=name).render_as_string(hide_password=False)
        deadline = time.monotonic() + patience
        while True:
            try:
                print(f"CREATE DATABASE {name} TEMPLATE {template}...", flush=True)
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
                break
            except psycopg.errors.ObjectInUse:
                if time.monotonic() > deadline:
                    raise
                print("  the template is in use; retrying in 5 s", flush=True)
                time.sleep(5)
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def prepare(url: str) -> uuid.UUID:
    """One customer owning every EVERY-th ticket (idempotent: found again next time)."""
    engine = make_engine(url)
    t = Ticket.__table__
    with engine.begin() as conn:
        cid = conn.execute(select(t.c.customer_id).where(t.c.number == EVERY)).scalar_one()
        have = conn.scalar(select(func.count()).select_from(t).where(t.c.customer_id == cid))
        wanted = conn.scalar(select(func.count()).select_from(t)
                             .where(t.c.number % EVERY == 0))
        if have < wanted:
            print(f"  moving {wanted:,} tickets to one customer...", flush=True)
            conn.execute(t.update().where(t.c.number % EVERY == 0).values(customer_id=cid))
            conn.execute(text("ANALYZE tickets"))
    engine.dispose()
    return cid if isinstance(cid, uuid.UUID) else uuid.UUID(str(cid))


class Recorder:
    """The SQL a service call sent to the database (statement text and parameters, as
    the driver got them), to replay bare."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.seen: list[tuple[str, Any]] = []

    def __enter__(self) -> Recorder:
        event.listen(self.engine, "before_cursor_execute", self._on)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._on)

    def _on(self, conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            self.seen.append((statement, parameters))


def replay(engine: Any, recorded: list[tuple[str, Any]]) -> float:
    """The recorded statements on one open connection, one after the other as the
    service ran them, rows fetched."""
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1").all()
        t0 = time.perf_counter()
        for statement, parameters in recorded:
            result = conn.exec_driver_sql(statement, parameters)
            if result.returns_rows:
                result.all()
        return time.perf_counter() - t0


def measure(backend: str, url: str, repeat: int) -> list[dict]:
    cid = prepare(url)
    services = build_services(url)
    out: list[dict] = []
    for username in ("maryam", "ali"):
        actor = services.staff.actor(username)
        steps = ("history", "next page", "oldest page")
        ui: dict[str, list[float]] = {k: [] for k in steps}
        bare: dict[str, list[float]] = {k: [] for k in steps}
        sql: dict[str, list[tuple[str, Any]]] = {}
        total = shown = 0
        before = load()
        customers = services.customers
        for i in range(repeat + 1):  # the first round warms up and records the SQL
            with Recorder(services.engine) as rec:
                t0 = time.perf_counter()
                history = customers.history(actor, cid)
                ui["history"].append(time.perf_counter() - t0)
            sql.setdefault("history", rec.seen)
            total, shown = history.total_count, history.shown_count
            last = history.tickets[-1]
            with Recorder(services.engine) as rec:
                t0 = time.perf_counter()
                customers.history_tickets(actor, cid, after=(last.created_at, last.id))
                ui["next page"].append(time.perf_counter() - t0)
            sql.setdefault("next page", rec.seen)
            with Recorder(services.engine) as rec:
                t0 = time.perf_counter()
                customers.history_tickets(actor, cid, oldest_first=True)
                ui["oldest page"].append(time.perf_counter() - t0)
            sql.setdefault("oldest page", rec.seen)
            for name in steps:
                bare[name].append(replay(services.engine, sql[name]))
            if i == 0:
                for name in steps:
                    ui[name].clear()
                    bare[name].clear()
        for name in sql:
            u, b = statistics.median(ui[name]), statistics.median(bare[name])
            out.append({"backend": backend, "user": username, "tickets": total, "shown": shown,
                        "step": name, "statements": len(sql[name]), "service_ms": u * 1000, "sql_ms": b * 1000,
                        "load": f"{before} → {load()}"})
    services.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    results: list[dict] = []
    for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
        shared = ensure_data(backend, args.rows)
        url = sqlite_copy(shared, args.rows) if backend == "sqlite" else pg_copy(shared, args.rows)
        results += measure(backend, url, args.repeat)
    print(f"\nCustomer history, {args.rows:,} tickets, one customer with every {EVERY}th "
          f"ticket, median of {args.repeat}")
    print(f"{'backend':<11}{'user':<8}{'tickets':>8}{'listed':>8}  {'step (statements)':<16}"
          f"{'service ms':>11}{'SQL ms':>8}{'ratio':>7}  load before → after")
    for r in results:
        ratio = r["service_ms"] / r["sql_ms"] if r["sql_ms"] else float("nan")
        print(f"{r['backend']:<11}{r['user']:<8}{r['tickets']:>8,}{r['shown']:>8,}  "
              f"{r['step'] + ' (' + str(r['statements']) + ')':<16}{r['service_ms']:>11.1f}{r['sql_ms']:>8.1f}{ratio:>7.2f}  "
              f"{r['load']}")


if __name__ == "__main__":
    main()
