"""History of a customer with 5,000 tickets (issue 16, point 3): the history (stats,
first page, count), the next page by keyset and the oldest page, on a fresh SQLite
database of 50,000 tickets (the million-row caches are shared and left as they are).

    .venv/bin/python benchmarks/customer_history.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text, update  # noqa: E402

from deskapp.models import Ticket  # noqa: E402
from deskapp.models.database import make_engine  # noqa: E402
from deskapp.services import schema  # noqa: E402
from deskapp.services.facade import build_services  # noqa: E402
from tests.helpers.bulk import bulk_tickets  # noqa: E402
from tests.helpers.staff import make_desk  # noqa: E402

PATH = "/tmp/deskapp-bench-history.sqlite3"


def main() -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(PATH + suffix).unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{PATH}")
    schema.upgrade(engine)
    services = build_services(engine)
    desk = make_desk(services)
    teams = [t.id for t in services.staff.list_teams()]
    bulk_tickets(engine, 50_000, assignee_ids=[desk.agent.user_id], team_ids=teams)
    with engine.begin() as conn:
        cid = uuid.UUID(hex=conn.execute(text("SELECT customer_id FROM tickets LIMIT 1")).scalar())
        conn.execute(update(Ticket.__table__).where(Ticket.__table__.c.number <= 5000)
                     .values(customer_id=cid))
        conn.execute(text("ANALYZE"))
    actor = desk.supervisor
    opened, after, oldest = [], [], []
    for _ in range(5):
        t0 = time.perf_counter()
        history = services.customers.history(actor, cid)
        opened.append(time.perf_counter() - t0)
        last = history.tickets[-1]
        t0 = time.perf_counter()
        services.customers.history_tickets(actor, cid, after=(last.created_at, last.id))
        after.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        services.customers.history_tickets(actor, cid, oldest_first=True)
        oldest.append(time.perf_counter() - t0)
    print(f"history of a customer with {history.total_count:,} tickets (SQLite, 50,000 "
          f"tickets), median of 5: open {statistics.median(opened) * 1000:.1f} ms, next "
          f"page {statistics.median(after) * 1000:.1f} ms, oldest page "
          f"{statistics.median(oldest) * 1000:.1f} ms; load {os.getloadavg()[0]:.1f}")
    services.dispose()


if __name__ == "__main__":
    main()
