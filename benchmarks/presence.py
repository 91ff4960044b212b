"""Presence on a desk of ``--agents`` agents: what one heartbeat costs, what the whole
desk's heartbeats cost per second at one beat every 30 s, and what an auto-assignment
costs with that many team members (each one's presence judged from its last beat).

    .venv/bin/python benchmarks/presence.py [--agents 200] [--pg]

Prints medians of ``--repeat`` runs and the share of one database connection the
desk's heartbeats take (beats per second x time per beat).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from deskapp.models.database import make_engine  # noqa: E402
from deskapp.models.enums import Presence, Role  # noqa: E402
from deskapp.services import passwords, schema  # noqa: E402
from deskapp.services.customers import NewCustomer  # noqa: E402
from deskapp.services.facade import build_services, ensure_site  # noqa: E402
from deskapp.services.permissions import SYSTEM  # noqa: E402
from deskapp.services.presence import HEARTBEAT_INTERVAL  # noqa: E402
from deskapp.services.tickets import NewCall  # noqa: E402


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def run(url: str, agents: int, repeat: int, label: str) -> None:
    passwords.CURRENT = passwords.ScryptParams(2**4, 8, 1)  # set-up speed, not measured
    engine = make_engine(url)
    schema.upgrade(engine)
    svc = build_services(engine)
    ensure_site(svc, "HQ", "Head office")
    team = svc.staff_admin.create_team(SYSTEM, "Front desk")
    actors = []
    for i in range(agents):
        name = f"agent{i:04d}"
        svc.staff.create_user(SYSTEM, name, f"Agent {i:04d}", Role.AGENT, "long enough",
                              team_names=["Front desk"])
        actors.append(svc.staff.actor(name))
    for i, a in enumerate(actors):  # half Available, a quarter Away, a quarter gone
        svc.presence.set(a, Presence.AVAILABLE if i % 4 < 2 else Presence.AWAY)
    svc.auto_assign.set_mode(SYSTEM, team.id, "round_robin")
    beat_ms = _median_ms(lambda: svc.presence.heartbeat(actors[0]), repeat)

    def bare_write():  # the floor: one single-row write and its commit
        with svc.engine.begin() as conn:
            conn.execute(text("UPDATE sites SET name = name WHERE code = 'HQ'"))

    floor_ms = _median_ms(bare_write, repeat)
    per_second = agents / HEARTBEAT_INTERVAL.total_seconds()
    tickets = [svc.tickets.log_call(SYSTEM, NewCall(subject=f"T{i}", new_customer=NewCustomer(
        f"C{i}"))).ticket for i in range(repeat)]
    it = iter(tickets)

    def assign_one():
        t = next(it)
        svc.tickets.assign(SYSTEM, t.id, t.version, None, team_id=team.id)

    assign_ms = _median_ms(assign_one, repeat)
    print(f"{label}: {agents} agents in one team")
    print(f"  heartbeat: {beat_ms:.2f} ms each ({beat_ms / floor_ms:.1f}x a bare one-row "
          f"write and commit, {floor_ms:.2f} ms); the desk sends {per_second:.1f}/s "
          f"-> {per_second * beat_ms / 10:.2f} % of one connection")
    print(f"  move into the team + auto-assign among {agents} members: {assign_ms:.2f} ms")
    svc.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agents", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--pg", action="store_true", help="also on the test PostgreSQL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        run(f"sqlite:///{d}/presence.sqlite3", args.agents, args.repeat, "SQLite")
    if args.pg:
        sys.path.insert(0, str(ROOT))
        from tests.helpers.databases import create_pg_database, drop_pg_database

        url = create_pg_database()
        try:
            run(url, args.agents, args.repeat, "PostgreSQL")
        finally:
            drop_pg_database(url)


if __name__ == "__main__":
    main()
