"""How long `deskapp branch init` takes, and how much memory it needs, on a big desk.

    .venv/bin/python benchmarks/branch_init.py                      # 1,000,000 tickets
    .venv/bin/python benchmarks/branch_init.py --tickets 100000
    .venv/bin/python benchmarks/branch_init.py --central-url postgresql://...  # reuse
    .venv/bin/python benchmarks/branch_init.py --keep                # keep the centre
    .venv/bin/python benchmarks/branch_init.py --centre-from-queue-cache   # 1M in minutes

The central PostgreSQL desk is a private database filled by ``generate_demo`` (timed
separately: it is not part of the figure), unless ``--central-url`` names one that is
already filled. The clone itself (``clone_branch``, the code behind `deskapp branch
init`) runs in a fresh child process so its peak memory (``ru_maxrss``) is its own.
Prints: rows copied, wall-clock and CPU time, rows/s, peak memory, the branch file's
size, and the time extrapolated to 1,000,000 tickets when fewer were measured
(linear in rows: every table is read and written in keyset batches of a fixed size;
the index builds at the end are n log n, so the extrapolation is slightly optimistic).

``--centre-from-queue-cache``: building a million-ticket desk with ``generate_demo``
takes about an hour here; the queue benchmark's cached PostgreSQL desk
(``deskapp_bench_queue_1000000``: staff, teams, 200,000 customers, 1,000,000 HQ tickets,
no conversation) is copied instead (``CREATE DATABASE ... TEMPLATE``, which needs no
other connection to it; the cache itself is only read), and the copy gets a TBZ site to
clone and the demo's conversation shape in SQL: 3.5 interactions and 1.7 assignments per
ticket (3,500,000 and 1,700,000 rows, ~3 minutes). The copy is kept for later runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Importable without installing: the repository root first on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select, update  # noqa: E402

from deskapp.models import Site, Ticket  # noqa: E402
from deskapp.models.database import make_engine  # noqa: E402

GOAL_TICKETS = 1_000_000
QUEUE_CACHE = "deskapp_bench_queue_1000000"
CENTRE_COPY = "deskapp_bench_branch_centre"

# The demo's conversation per ticket (generate_demo: 3.5 interactions, 1.7 assignments),
# with ids ordered by time as UUIDv7 ids are. Triggers off: a benchmark set-up.
AUGMENT_SQL = """
SET session_replication_role = replica;
INSERT INTO sites (code, name, timezone, last_ticket_number, created_at, updated_at,
                   version, id, is_branch)
SELECT 'TBZ', 'Tabriz branch', 'Asia/Tehran', 0, now(), now(), 1, gen_random_uuid(), false
WHERE NOT EXISTS (SELECT 1 FROM sites WHERE code = 'TBZ');
INSERT INTO interactions (ticket_id, kind, direction, author_id, body, created_at, id)
SELECT t.id, k.kind, k.direction, t.assignee_id,
       k.word || ' about ' || t.reference || ': ' || left(t.subject, 24) || '.',
       t.created_at + k.n * interval '37 minutes',
       (lpad(to_hex((extract(epoch FROM t.created_at + k.n * interval '37 minutes')
                     * 1000)::bigint), 12, '0')
        || '7' || substr(md5(t.id::text || k.n), 1, 19))::uuid
FROM tickets t
CROSS JOIN LATERAL (VALUES (1, 'call', 'inbound', 'Customer called'),
                           (2, 'internal_note', 'internal', 'Checked the account'),
                           (3, 'email', 'outbound', 'We replied by email'),
                           (4, 'chat', 'inbound', 'Customer wrote back in chat'))
     AS k(n, kind, direction, word)
WHERE k.n <= 3 OR t.number % 2 = 0;
INSERT INTO assignments (ticket_id, from_user_id, to_user_id, from_team_id, to_team_id,
                         by_user_id, reason, created_at, id)
SELECT t.id, NULL, t.assignee_id, NULL, t.team_id, t.assignee_id, 'auto: skills and load',
       t.created_at + k.n * interval '5 minutes',
       (lpad(to_hex((extract(epoch FROM t.created_at + k.n * interval '5 minutes')
                     * 1000)::bigint), 12, '0')
        || '7' || substr(md5(t.id::text || 'a' || k.n), 1, 19))::uuid
FROM tickets t CROSS JOIN LATERAL (VALUES (1), (2)) AS k(n)
WHERE k.n = 1 OR t.number % 10 < 7;
"""


def centre_from_queue_cache() -> str:
    """The URL of CENTRE_COPY, made from the queue benchmark's cache if missing."""
    import psycopg
    from sqlalchemy.engine import make_url

    from tests.helpers.databases import PG_ADMIN_URL

    admin_url = make_url(PG_ADMIN_URL).set(drivername="postgresql")
    url = admin_url.set(database=CENTRE_COPY).render_as_string(hide_password=False)
    with psycopg.connect(admin_url.render_as_string(hide_password=False),
                         autocommit=True) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                         (CENTRE_COPY,)).fetchone():
            return url
        started = time.perf_counter()
        admin.execute(f'CREATE DATABASE "{CENTRE_COPY}" TEMPLATE "{QUEUE_CACHE}"')
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(AUGMENT_SQL)
        conn.execute("VACUUM ANALYZE interactions")
        conn.execute("VACUUM ANALYZE assignments")
    print(f"central desk {CENTRE_COPY} made from {QUEUE_CACHE} in "
          f"{time.perf_counter() - started:.0f} s (not part of the figure)", flush=True)
    return url


def build_central(url: str, tickets: int) -> None:
    from deskapp.services import passwords, schema
    from deskapp.services.demo import generate_demo
    from deskapp.services.facade import build_services

    passwords.CURRENT = passwords.ScryptParams(2**4, 8, 1)  # the demo's staff only
    schema_engine = make_engine(url)
    schema.upgrade(schema_engine)
    schema_engine.dispose()
    # The bulk load skips row triggers (the change feed's, and the FK checks: the demo
    # writes consistent rows) - a benchmark set-up, not how a desk is filled. Superuser.
    svc = build_services(make_engine(url, connect_args={
        "options": "-c session_replication_role=replica", "connect_timeout": 10}))
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 30:
            last[0] = now
            print(f"  building the centre: {done:,}/{total:,} "
                  f"({now - started:.0f} s)", flush=True)

    report = generate_demo(svc, tickets=tickets, customers=max(1, tickets // 5), seed=1,
                           progress=progress)
    print(f"central desk built: {report.tickets:,} tickets, {report.interactions:,} "
          f"interactions in {time.perf_counter() - started:.0f} s (not part of the figure)",
          flush=True)
    svc.dispose()


def clone_child(url: str, target: str, since: int | None) -> None:
    """In the child: one clone, then a JSON line with the figures."""
    from deskapp.services.sync.clone import clone_branch

    engine = make_engine(url)
    with engine.begin() as conn:  # a previous run's mark
        conn.execute(update(Site).where(Site.code == "TBZ").values(is_branch=False))
    wall, cpu = time.perf_counter(), time.process_time()
    last = [0.0]
    seen: dict[str, float] = {}  # the first and last moment of each phase

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        phase = "copy" if stage.startswith("copy:") else stage
        seen.setdefault(f"{phase}.first", now)
        seen[f"{phase}.last"] = now
        if now - last[0] > 20:
            last[0] = now
            print(f"  cloning: {stage} {done:,}/{total:,} ({now - wall:.0f} s)",
                  file=sys.stderr, flush=True)

    report = clone_branch(engine, f"sqlite:///{target}", "TBZ", central_profile="bench",
                          since_days=since, progress=progress)
    end = time.perf_counter()
    # prepare: the checks, the schema and the counts; copy: the rows; index: the
    # secondary indexes, the FTS5 rebuild, the triggers and ANALYZE; finish: the sync
    # state, the change-capture triggers, quick_check, WAL mode, the rename.
    marks = [wall, seen.get("copy.first", wall), seen.get("index.first", end),
             seen.get("index.last", end), end]
    phases = {name: marks[i + 1] - marks[i]
              for i, name in enumerate(("prepare", "copy", "index", "finish"))}
    wall, cpu = end - wall, time.process_time() - cpu
    with engine.begin() as conn:
        conn.execute(update(Site).where(Site.code == "TBZ").values(is_branch=False))
    engine.dispose()
    print(json.dumps({
        "tickets": report.tickets,
        "rows": sum(report.rows.values()),
        "interactions": report.rows.get("interactions", 0),
        "wall": wall,
        "cpu": cpu,
        "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "size": Path(target).stat().st_size,
        "phases": phases,
    }))


def measure(url: str, since: int | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        target = str(Path(tmp) / "branch.sqlite3")
        args = [sys.executable, __file__, "--clone-child", "--central-url", url,
                "--target", target]
        if since is not None:
            args += ["--since", str(since)]
        out = subprocess.run(args, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def report_line(label: str, r: dict, *, extrapolate: bool = True) -> None:
    rate = r["rows"] / r["wall"]
    print(f"{label:22} {r['tickets']:>9,} tickets {r['rows']:>11,} rows  "
          f"wall {r['wall']:7.1f} s  cpu {r['cpu']:7.1f} s  {rate:>9,.0f} rows/s  "
          f"peak {r['peak_kb'] / 1024:5.0f} MiB  file {r['size'] / 2**20:7.0f} MiB  "
          f"cpu/wall {r['cpu'] / r['wall']:4.2f}")
    phases = r.get("phases") or {}
    if phases:
        print(f"{'':22} " + "  ".join(
            f"{name} {seconds:.1f} s ({seconds / r['wall']:.0%})"
            for name, seconds in phases.items()))
    if extrapolate and r["tickets"] and r["tickets"] < GOAL_TICKETS:
        factor = GOAL_TICKETS / r["tickets"]
        print(f"{'':22} extrapolated to {GOAL_TICKETS:,} tickets: "
              f"{r['wall'] * factor / 60:.1f} min wall (x{factor:.0f}, linear in rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=GOAL_TICKETS)
    parser.add_argument("--central-url", help="an already filled central desk to clone")
    parser.add_argument("--centre-from-queue-cache", action="store_true",
                        help=f"clone {CENTRE_COPY}, made from {QUEUE_CACHE} when missing")
    parser.add_argument("--keep", action="store_true",
                        help="keep the central database built here (prints its URL)")
    parser.add_argument("--since", type=int, action="append", default=None,
                        help="also measure --since DAYS (repeatable)")
    parser.add_argument("--clone-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--target", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.clone_child:
        clone_child(args.central_url, args.target, (args.since or [None])[0])
        return

    from tests.helpers.databases import create_pg_database, drop_pg_database

    url = centre_from_queue_cache() if args.centre_from_queue_cache else args.central_url
    made = url is None
    if made:
        url = create_pg_database()
        print(f"central database: {url}", flush=True)
        build_central(url, args.tickets)
    try:
        engine = make_engine(url)
        with engine.connect() as conn:
            tickets = conn.scalar(select(func.count()).select_from(Ticket))
        engine.dispose()
        print(f"cloning a central desk of {tickets:,} tickets (pid {os.getpid()})", flush=True)
        print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
        report_line("branch init (all)", measure(url, None))
        for days in args.since or []:
            report_line(f"branch init --since {days}", measure(url, days), extrapolate=False)
        print(f"load average after: {os.getloadavg()[0]:.1f}", flush=True)
    finally:
        if made and not args.keep:
            drop_pg_database(url)
        elif made:
            print(f"kept the central database: {url}")


if __name__ == "__main__":
    main()
