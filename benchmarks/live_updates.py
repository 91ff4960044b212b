"""How fast a change on one workstation reaches another, and what the NOTIFY triggers
cost the writer.

PostgreSQL (two engines = two workstations on one database):

* latency: from workstation A's ``tickets.assign`` returning to workstation B's
  ``ChangeFeed.changed`` naming that ticket — next to a bare psycopg connection that
  LISTENs on the same channel and blocks in ``select()`` (no Qt, no coalescing), and
  the ratio; the feed's coalescing window (``--coalesce-ms``) is part of its figure;
* write cost: ``tickets.assign`` with the NOTIFY triggers against the same calls with
  the triggers disabled, and the ratio.

SQLite (two connections on one file): latency from a commit to ``changed`` with the
``PRAGMA data_version`` poll every ``--poll-ms``.

Medians and 95th percentiles over ``--changes`` changes; the data size is printed.

    .venv/bin/python benchmarks/live_updates.py
    .venv/bin/python benchmarks/live_updates.py --changes 100 --tickets 2000
"""

from __future__ import annotations

import argparse
import os
import random
import select
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psycopg  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from sqlalchemy import text  # noqa: E402

from deskapp.models.database import make_engine  # noqa: E402
from deskapp.services import schema  # noqa: E402
from deskapp.services.changes import CHANNEL, ChangeBatch  # noqa: E402
from deskapp.services.customers import NewCustomer  # noqa: E402
from deskapp.services.facade import build_services  # noqa: E402
from deskapp.services.tickets import NewCall  # noqa: E402
from deskapp.ui.live import make_change_feed  # noqa: E402
from tests.helpers.databases import _libpq, create_pg_database, drop_pg_database  # noqa: E402
from tests.helpers.staff import make_desk  # noqa: E402

TRIGGER_TABLES = ("tickets", "interactions", "escalations", "assignments", "notifications",
                  "customers", "approvals", "users")


def ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return f"median {statistics.median(values) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"


def wait_for(feed, predicate, timeout_s: float = 10.0) -> float | None:
    """Run the event loop until ``changed`` carries a batch matching ``predicate``;
    the perf_counter time it arrived."""
    loop = QEventLoop()
    arrived: list[float] = []

    def on_changed(batch: ChangeBatch) -> None:
        if predicate(batch):
            arrived.append(time.perf_counter())
            loop.quit()

    feed.changed.connect(on_changed)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    feed.changed.disconnect(on_changed)
    return arrived[0] if arrived else None


def seed(desk, tickets: int) -> list:
    made = []
    for i in range(tickets):
        call = NewCall(subject=f"Benchmark ticket {i}", notes="seed",
                       new_customer=NewCustomer(f"Customer {i}", phones=[f"0912{i:07d}"]))
        made.append(desk.services.tickets.log_call(desk.agent, call).ticket)
    return made


def bench_postgresql(args: argparse.Namespace) -> None:
    url = create_pg_database()
    try:
        engine = make_engine(url)
        schema.upgrade(engine)
        engine.dispose()
        a = build_services(url)
        b = build_services(url)
        desk = make_desk(a)
        tickets = seed(desk, args.tickets)
        versions = {t.id: t.version for t in tickets}
        owner = {t.id: t.assignee_id for t in tickets}
        people = (desk.agent.user_id, desk.other_agent.user_id)

        def other(tid):  # always a real change: hand it to the other person
            owner[tid] = people[1] if owner[tid] == people[0] else people[0]
            return owner[tid]

        feed = make_change_feed(b.engine, coalesce_ms=args.coalesce_ms)
        feed.start()
        assert wait_for(feed, lambda batch: True) is not None, "the listener did not connect"
        bare = psycopg.connect(_libpq(url), autocommit=True)
        bare.execute(f"LISTEN {CHANNEL}")

        feed_lat: list[float] = []
        bare_lat: list[float] = []
        for i in range(args.changes):
            t = tickets[i % len(tickets)]
            moved = desk.services.tickets.assign(desk.supervisor, t.id, versions[t.id], other(t.id))
            done = time.perf_counter()
            versions[t.id] = moved.version
            # bare LISTEN: block in select() on its socket until our ticket's row arrives
            got = None
            deadline = time.perf_counter() + 10
            while got is None:
                if time.perf_counter() > deadline:
                    raise SystemExit("the bare listener never saw the change")
                select.select([bare.fileno()], [], [], 5.0)
                bare.pgconn.consume_input()
                while (n := bare.pgconn.notifies()) is not None:
                    if f'"id": "{t.id}"' in n.extra.decode() and '"t": "tickets"' in (
                        n.extra.decode()
                    ):
                        got = time.perf_counter()
            bare_lat.append(got - done)
            seen = wait_for(feed, lambda batch, tid=t.id: batch.touches_ticket(tid))
            assert seen is not None, "the change never reached workstation B"
            feed_lat.append(seen - done)
        feed.stop()
        bare.close()

        def timed_writes(n: int) -> float:
            start = time.perf_counter()
            for i in range(n):
                t = tickets[i % len(tickets)]
                moved = desk.services.tickets.assign(
                    desk.supervisor, t.id, versions[t.id], other(t.id)
                )
                versions[t.id] = moved.version
            return (time.perf_counter() - start) / n

        timed_writes(20)  # warm up
        with_triggers = timed_writes(args.writes)
        with a.engine.begin() as conn:
            for table in TRIGGER_TABLES:
                conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER deskapp_notify_{table}"))
        without = timed_writes(args.writes)
        a.dispose()
        b.dispose()

        print(f"PostgreSQL, {args.tickets} tickets, {args.changes} reassignments "
              f"(coalescing window {args.coalesce_ms} ms):")
        print(f"  A commits -> B ChangeFeed.changed   {ms(feed_lat)}")
        print(f"  A commits -> bare LISTEN select()   {ms(bare_lat)}")
        print(f"  ratio feed / bare (medians)          "
              f"{statistics.median(feed_lat) / statistics.median(bare_lat):7.1f}x")
        print(f"  feed minus its coalescing window     "
              f"{(statistics.median(feed_lat) - args.coalesce_ms / 1000) * 1000:7.1f} ms"
              "   (Qt's coarse timers may fire up to 5 % early)")
        print(f"  tickets.assign with NOTIFY triggers  {with_triggers * 1000:7.2f} ms/call "
              f"({args.writes} calls)")
        print(f"  tickets.assign triggers disabled     {without * 1000:7.2f} ms/call")
        print(f"  ratio with / without                 {with_triggers / without:7.2f}x")
    finally:
        drop_pg_database(url)


def bench_sqlite(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'live.sqlite3'}"
        a = build_services(url)
        schema.upgrade(a.engine)
        desk = make_desk(a)
        tickets = seed(desk, min(args.tickets, 200))
        versions = {t.id: t.version for t in tickets}
        b = build_services(url)
        feed = make_change_feed(b.engine, coalesce_ms=args.coalesce_ms,
                                sqlite_interval_ms=args.poll_ms)
        feed.start()
        loop = QEventLoop()
        QTimer.singleShot(args.poll_ms * 2, loop.quit)
        loop.exec()
        lat: list[float] = []
        n = max(5, args.changes // 5)
        for i in range(n):
            pause = QEventLoop()  # commit at a random phase of the poll, as people do
            QTimer.singleShot(random.randint(0, args.poll_ms), pause.quit)
            pause.exec()
            t = tickets[i % len(tickets)]
            to = desk.other_agent.user_id if (i // len(tickets)) % 2 == 0 else desk.agent.user_id
            moved = desk.services.tickets.assign(desk.supervisor, t.id, versions[t.id], to)
            done = time.perf_counter()
            versions[t.id] = moved.version
            seen = wait_for(feed, lambda batch: batch.full_refresh)
            assert seen is not None
            lat.append(seen - done)
        feed.stop()
        a.dispose()
        b.dispose()
        print(f"SQLite, {len(tickets)} tickets, {n} reassignments, data_version poll every "
              f"{args.poll_ms} ms:")
        print(f"  A commits -> B ChangeFeed.changed   {ms(lat)}")
        print(f"  (expected: half the poll interval plus the coalescing window, "
              f"{args.poll_ms / 2 + args.coalesce_ms:.0f} ms; at most "
              f"{args.poll_ms + args.coalesce_ms} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--tickets", type=int, default=500)
    parser.add_argument("--coalesce-ms", type=int, default=150)
    parser.add_argument("--poll-ms", type=int, default=1000)
    parser.add_argument("--backends", default="postgresql,sqlite")
    args = parser.parse_args()
    app = QCoreApplication.instance() or QCoreApplication(sys.argv)  # noqa: F841
    if "postgresql" in args.backends:
        bench_postgresql(args)
    if "sqlite" in args.backends:
        bench_sqlite(args)


if __name__ == "__main__":
    main()
