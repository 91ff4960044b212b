"""How long `deskapp demo` takes to fill an empty database.

    .venv/bin/python benchmarks/demo.py                       # 100,000 tickets on SQLite
    .venv/bin/python benchmarks/demo.py --tickets 20000 --backends sqlite postgresql

Prints, per backend: the data size, the wall-clock and CPU time of generate_demo (a
fresh migrated database each time; the schema migration is not counted), rows written
per second, and CPU / wall: well below 1 means the process waited for the CPU (other
work on the machine) or for the disk.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

# Importable without installing: the repository root first on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from deskapp.models import Assignment, Customer, Escalation, Interaction, Ticket  # noqa: E402
from deskapp.services import schema  # noqa: E402
from deskapp.services.demo import generate_demo  # noqa: E402
from deskapp.services.facade import build_services  # noqa: E402


def run(url: str, tickets: int, customers: int) -> None:
    svc = build_services(url)
    schema.upgrade(svc.engine)
    wall, cpu = time.perf_counter(), time.process_time()
    report = generate_demo(svc, tickets=tickets, customers=customers, seed=1)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    with svc.engine.connect() as conn:
        rows = sum(
            conn.scalar(select(func.count()).select_from(m)) or 0
            for m in (Ticket, Interaction, Assignment, Escalation, Customer)
        )
    svc.dispose()
    backend = svc.engine.url.get_backend_name()
    print(
        f"{backend:10} {report.tickets:>9,} tickets {report.customers:>7,} customers "
        f"{rows:>10,} rows  wall {wall:6.1f} s  cpu {cpu:6.1f} s  "
        f"{rows / wall:>9,.0f} rows/s  cpu/wall {cpu / wall:4.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--customers", type=int)
    parser.add_argument("--backends", nargs="+", default=["sqlite"],
                        choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    customers = args.customers or max(1, args.tickets // 5)
    for backend in args.backends:
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                run(f"sqlite:///{tmp}/demo.sqlite3", args.tickets, customers)
        else:
            from tests.helpers.databases import create_pg_database, drop_pg_database

            url = create_pg_database()
            try:
                run(url, args.tickets, customers)
            finally:
                drop_pg_database(url)


if __name__ == "__main__":
    main()
