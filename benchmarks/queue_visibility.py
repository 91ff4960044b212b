"""What team boundaries cost the queue: the same queue statements (COUNT + first page)
for an agent, whose queue carries the visibility condition (services.visibility), and
for a manager, whose queue does not. Prints medians and the agent/manager ratio.

    .venv/bin/python benchmarks/queue_visibility.py --rows 100000 --backends sqlite

Uses (and, when missing, generates) the databases of benchmarks/ticket_queue.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

from sqlalchemy import select  # noqa: E402
from ticket_queue import PAGE, ensure_data  # noqa: E402

from deskapp.models import User, team_members  # noqa: E402
from deskapp.models.enums import Role  # noqa: E402
from deskapp.services.facade import build_services  # noqa: E402
from deskapp.services.permissions import Actor  # noqa: E402
from deskapp.services.queue import QueueQuery, QueueService, Sort, View  # noqa: E402


def timed(engine, statements, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        with engine.connect() as conn:
            start = time.perf_counter()
            for stmt in statements:
                conn.execute(stmt).fetchall()
            runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _actor(services, username: str) -> Actor:
    """The actor read with plain queries (independent of the staff service)."""
    with services.engine.connect() as conn:
        user = conn.execute(select(User.id, User.display_name, User.role, User.tier)
                            .where(User.username == username)).one()
        teams = frozenset(conn.scalars(select(team_members.c.team_id)
                                       .where(team_members.c.user_id == user.id)))
    return Actor(user.id, username, user.display_name, Role(user.role), user.tier, teams)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    for backend in args.backends.split(","):
        url = ensure_data(backend, args.rows)
        services = build_services(url)
        queue = QueueService(services.uow)
        agent, manager = _actor(services, "ali"), _actor(services, "nima")
        print(f"{backend}, {args.rows:,} tickets (agent: ali, Front desk; manager: nima)")
        print(f"  {'step':28} {'agent ms':>9} {'manager ms':>11} {'ratio':>6} {'rows a/m':>16}")
        steps = {
            "all open, first page": QueueQuery(view=View.ALL_OPEN),
            "everything by number": QueueQuery(view=View.CUSTOM).sorted_by(Sort.NUMBER, True),
            "search 'router'": QueueQuery(view=View.CUSTOM, search="router"),
            "my team": QueueQuery(view=View.MY_TEAM),
        }
        for name, q in steps.items():
            out = []
            for actor in (agent, manager):
                stmts = [queue.sql_for_count(actor, q), queue.sql_for_page(actor, q).limit(PAGE)]
                out.append((timed(services.engine, stmts, args.repeat), queue.count(actor, q)))
            (ta, na), (tm, nm) = out
            print(f"  {name:28} {ta * 1000:9.1f} {tm * 1000:11.1f} {ta / tm:6.2f} "
                  f"{na:>7,}/{nm:<8,}")
        services.dispose()


if __name__ == "__main__":
    main()
