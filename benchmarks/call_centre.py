"""A call centre on one PostgreSQL: many simulated workstations through PgBouncer
(transaction mode), then a few connected directly with LISTEN as the reference.

Each simulated workstation runs the real services (pool 2 + 2), the change follower
(the feed poll behind PgBouncer, LISTEN when direct) and the SLA scheduler under the
site lease; agents log a call, add a note or change a status about every ``--period``
seconds, a supervisor every tenth seat reassigns tickets it saw arrive
(tests/helpers/call_centre.py). Printed:

* propagation: from a write's commit on one workstation to every other workstation's
  follower receiving it, p50/p95/p99/max over all (write, other workstation) pairs;
* server connections: the peak PgBouncer held to PostgreSQL for the database (direct:
  the peak of pg_stat_activity) and the client connections PgBouncer served;
* database calls: transactions per second on the database (pg_stat_database) and the
  feed polls per second among them; PostgreSQL CPU: the CPU seconds of the server
  processes serving this database, per second of run;
* pool waits: how long a workstation's worker thread waited for a pooled connection;
* operations done, refused (optimistic locking, expected) and failed (goal 0);
* SLA: stages raised (each once) and the lease.

    .venv/bin/python benchmarks/call_centre.py                 # 200 + 20, 60 s each
    .venv/bin/python benchmarks/call_centre.py --five-minutes  # the 5-minute run
    .venv/bin/python benchmarks/call_centre.py --workstations 50 --duration 30 --no-direct
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from deskapp.models.database import make_engine  # noqa: E402
from deskapp.services import schema  # noqa: E402
from tests.helpers.call_centre import RunResult, prepare, run  # noqa: E402
from tests.helpers.databases import create_pg_database, drop_pg_database  # noqa: E402
from tests.helpers.pgbouncer import PgBouncer, find_pgbouncer  # noqa: E402


def _fresh_database() -> str:
    url = create_pg_database()
    engine = make_engine(url)
    schema.upgrade(engine)
    engine.dispose()
    return url


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.0f} ms"


def report(title: str, r: RunResult) -> None:
    p = r.propagation
    w = r.pool_wait
    print(f"\n== {title}")
    print(
        f"workstations {r.workstations} ({r.survivors} to the end), run {r.duration:.0f} s, "
        f"writes {r.writes}"
    )
    print(
        f"propagation to the other workstations (n={p.get('n', 0)}): p50 {_ms(p.get('p50'))}, "
        f"p95 {_ms(p.get('p95'))}, p99 {_ms(p.get('p99'))}, max {_ms(p.get('max'))}"
    )
    print(f"changes never received by a follower: {len(r.missing)}")
    print(
        f"server connections (peak): {r.server_connections_peak} "
        f"= {r.server_connections_peak / r.workstations:.2f} per workstation; "
        f"client connections served (peak): {r.client_connections_peak}"
    )
    print(
        f"database: {r.xact_per_second:.0f} transactions/s, feed polls "
        f"{r.feed_queries_per_second:.0f}/s; PostgreSQL CPU {r.pg_cpu_seconds:.1f} s "
        f"= {r.pg_cpu_seconds / r.duration * 100:.0f} % of one core"
    )
    print(
        f"pool waits (n={w.get('n', 0)}): p50 {_ms(w.get('p50'))}, p99 {_ms(w.get('p99'))}, "
        f"max {_ms(w.get('max'))}"
    )
    pt = r.poll_time
    if pt.get("n"):
        print(
            f"one feed poll, wall time in the workstation (n={pt['n']}): p50 {_ms(pt['p50'])}, "
            f"p95 {_ms(pt['p95'])}, p99 {_ms(pt['p99'])}"
        )
    print(
        f"CPU of the simulating processes {r.worker_cpu_seconds:.0f} s "
        f"(= {r.worker_cpu_seconds / r.duration:.2f} cores over the run), "
        f"PgBouncer {r.bouncer_cpu_seconds:.1f} s"
    )
    print(f"operations ok {r.ok}; refused (expected) {r.refused}; failed {r.failed or 0}")
    for line in r.failures[:5]:
        print(f"  failure: {line}")
    print(
        f"SLA stages raised {len(r.raised)}, doubled {len(r.doubled)}; "
        f"lease epochs {[e[1] for e in r.lease['epochs']]}"
    )
    if r.killed_pid:
        print(f"killed the lease holder's process; taken over after {r.takeover_seconds} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workstations", type=int, default=200)
    ap.add_argument("--processes", type=int, default=0, help="default: one per 25 workstations")
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of mixed work")
    ap.add_argument("--five-minutes", action="store_true", help="--duration 300")
    ap.add_argument("--period", type=float, default=20.0, help="seconds between an agent's actions")
    ap.add_argument("--pgbouncer-pool", type=int, default=20, help="PgBouncer default_pool_size")
    ap.add_argument("--direct", type=int, default=20, help="workstations in the LISTEN reference")
    ap.add_argument("--no-direct", action="store_true")
    ap.add_argument("--kill-holder-after", type=float, default=None,
                    help="kill the SLA lease holder's process after this many seconds")
    args = ap.parse_args()
    duration = 300.0 if args.five_minutes else args.duration
    binary = find_pgbouncer()
    if binary is None:
        sys.exit("pgbouncer is not installed (apt-get install pgbouncer)")
    print(
        f"host: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    bouncer = PgBouncer(binary, pool_size=args.pgbouncer_pool)
    url = _fresh_database()
    try:
        n = args.workstations
        processes = args.processes or max(1, (n + 24) // 25)
        config = prepare(
            url, workstations=n, sla_tickets=20, duration=duration, period=args.period,
            route_url=bouncer.url_for(url), start_delay=20.0 + n / 10,
        )
        result = run(config, processes=processes, bouncer=bouncer,
                     kill_holder_after=args.kill_holder_after)
        report(
            f"{n} workstations through PgBouncer (transaction mode, default_pool_size "
            f"{args.pgbouncer_pool}), feed polled every 1 s, {processes} processes", result
        )
    finally:
        bouncer.stop()
        drop_pg_database(url)
    if args.no_direct:
        return
    url = _fresh_database()
    try:
        n = args.direct
        config = prepare(
            url, workstations=n, sla_tickets=20, duration=duration, period=args.period,
            follower="listen", start_delay=10.0,
        )
        result = run(config, processes=max(1, (n + 24) // 25))
        report(f"{n} workstations connected directly (LISTEN/NOTIFY), the reference", result)
    finally:
        drop_pg_database(url)


if __name__ == "__main__":
    main()
