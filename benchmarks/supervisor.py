"""The supervisor's view on a big desk: team workload, bulk reassignment and the
"escalated to me, not acknowledged" query, on SQLite (and PostgreSQL with --pg).

For each size in ``--sizes`` (total tickets, ~3 % open, bulk-inserted and spread over
the test desk's agents and teams) it times, as medians of ``--repeat`` runs:

* **workload**: ``WorkloadService.workload(supervisor)`` — every agent of the
  supervisor's teams with open / warning / breached counts and presence;
* **unacked**: ``EscalationService.unacknowledged_ticket_ids(specialist)`` with
  ``--escalations`` escalations on record;
* **bulk/ticket**: ``WorkloadService.reassign`` of ``--bulk`` tickets (one transaction
  each), divided by the number of tickets; and **assign**: one
  ``TicketService.assign`` (the same write, one ticket), for the ratio.

and prints the ratios between sizes and between the bulk and single moves.

    .venv/bin/python benchmarks/supervisor.py
    .venv/bin/python benchmarks/supervisor.py --sizes 10000 100000 --pg
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from deskapp.models import Ticket  # noqa: E402
from deskapp.models.database import make_engine  # noqa: E402
from deskapp.models.enums import OPEN_STATUSES  # noqa: E402
from deskapp.services import schema  # noqa: E402
from deskapp.services.facade import build_services  # noqa: E402
from deskapp.services.workload import TicketRef  # noqa: E402
from tests.helpers.bulk import bulk_tickets  # noqa: E402
from tests.helpers.databases import create_pg_database, drop_pg_database  # noqa: E402
from tests.helpers.staff import make_desk  # noqa: E402


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(url: str, size: int, args: argparse.Namespace) -> dict[str, float]:
    engine = make_engine(url)
    schema.upgrade(engine)
    services = build_services(engine)
    desk = make_desk(services)
    people = [desk.agent, desk.other_agent, desk.specialist]
    teams = [t.id for t in services.staff.list_teams()]
    bulk_tickets(engine, size, assignee_ids=[p.user_id for p in people], team_ids=teams)
    with services.uow() as uow:
        open_rows = uow.session.execute(
            select(Ticket.id, Ticket.version, Ticket.team_id)
            .where(Ticket.status.in_(OPEN_STATUSES)).order_by(Ticket.id)
        ).all()
    billing = next(t.id for t in services.staff.list_teams() if t.name == "Billing")
    esc = services.escalations
    escalated = 0
    for tid, _version, team_id in open_rows:
        if escalated >= args.escalations or team_id == billing:
            continue
        current = services.tickets.get(desk.supervisor, tid).ticket
        esc.escalate_functional(desk.supervisor, tid, current.version, to_team_id=billing,
                                reason="needs_specialist", note="benchmark")
        escalated += 1
    workload_ms = median_ms(lambda: services.workload.workload(desk.supervisor), args.repeat)
    unacked_ms = median_ms(lambda: esc.unacknowledged_ticket_ids(desk.specialist), args.repeat)
    with services.uow() as uow:
        batch = uow.session.execute(
            select(Ticket.id, Ticket.version).where(
                Ticket.status.in_(OPEN_STATUSES), Ticket.assignee_id == desk.agent.user_id)
            .limit(args.bulk + 1)).all()
    single, rest = batch[0], batch[1:]
    start = time.perf_counter()
    result = services.workload.reassign(
        desk.supervisor, [TicketRef(t, v) for t, v in rest],
        to_user_id=desk.other_agent.user_id, reason="benchmark")
    bulk_ms = (time.perf_counter() - start) * 1000 / max(1, len(rest))
    assert len(result.moved) == len(rest), result.failed[:3]
    start = time.perf_counter()
    services.tickets.assign(desk.supervisor, single[0], single[1], desk.other_agent.user_id,
                            reason="benchmark")
    assign_ms = (time.perf_counter() - start) * 1000
    services.dispose()
    engine.dispose()
    return {"open": len(open_rows), "workload": workload_ms, "unacked": unacked_ms,
            "bulk": bulk_ms, "assign": assign_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--bulk", type=int, default=100)
    parser.add_argument("--escalations", type=int, default=200)
    parser.add_argument("--pg", action="store_true", help="also on PostgreSQL")
    args = parser.parse_args()
    backends = ["sqlite"] + (["postgresql"] if args.pg else [])
    for backend in backends:
        results = {}
        for size in args.sizes:
            if backend == "sqlite":
                url = f"sqlite:///{tempfile.mkdtemp(prefix='deskapp-bench-')}/desk.sqlite3"
                results[size] = measure(url, size, args)
            else:
                url = create_pg_database()
                try:
                    results[size] = measure(url, size, args)
                finally:
                    drop_pg_database(url)
        print(f"\n{backend}: medians of {args.repeat}, {args.escalations} escalations, "
              f"bulk of {args.bulk}")
        print(f"{'tickets':>9} {'open':>6} {'workload':>10} {'unacked':>9} "
              f"{'bulk/ticket':>12} {'assign':>8} {'bulk/assign':>12}")
        for size, r in results.items():
            print(f"{size:>9,} {r['open']:>6,} {r['workload']:>8.1f}ms {r['unacked']:>7.1f}ms "
                  f"{r['bulk']:>10.1f}ms {r['assign']:>6.1f}ms {r['bulk'] / r['assign']:>11.2f}x")
        small, big = args.sizes[0], args.sizes[-1]
        if small != big:
            a, b = results[small], results[big]
            print(f"{big:,} vs {small:,} tickets: workload {b['workload'] / a['workload']:.2f}x, "
                  f"unacked {b['unacked'] / a['unacked']:.2f}x, "
                  f"bulk/ticket {b['bulk'] / a['bulk']:.2f}x")


if __name__ == "__main__":
    main()
