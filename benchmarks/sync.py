"""Branch sync throughput: push changes/s, pull rows/s, and a week offline catching up.

A private central PostgreSQL database (on DESKAPP_TEST_PG_URL's server) with a small
desk, a branch cloned from it, then a "week offline": ``--changes`` captured changes
written at the branch (new customers, tickets, replies, ticket updates) and about the
same number written at the centre, with Core bulk statements (the capture triggers
fire per row exactly as for service writes). Then one catch-up: push timed alone, pull
timed alone, and the whole ``SyncClient.sync()``; the branch is checked to equal the
centre afterwards.

    .venv/bin/python benchmarks/sync.py [--changes 50000] [--batch 1000]

Goals (issue 11): push >= 2,000 changes/s, pull >= 10,000 rows/s, a week offline
(50,000 changes each way) caught up in under 60 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select, update  # noqa: E402

from deskapp.models import (  # noqa: E402
    Customer,
    CustomerPhone,
    Interaction,
    Site,
    Ticket,
    new_id,
    utcnow,
)
from deskapp.models.database import make_engine  # noqa: E402
from deskapp.models.sync import ChangeLogEntry  # noqa: E402
from deskapp.services import passwords, schema  # noqa: E402
from deskapp.services.facade import build_services, ensure_site  # noqa: E402
from deskapp.services.sync.client import SyncClient  # noqa: E402
from deskapp.services.sync.clone import clone_branch  # noqa: E402
from deskapp.services.sync.pull import pull  # noqa: E402
from deskapp.services.sync.push import push  # noqa: E402
from tests.helpers.databases import create_pg_database, drop_pg_database  # noqa: E402
from tests.helpers.staff import make_desk  # noqa: E402


def write_week(engine, site_code: str, changes: int, user_id: uuid.UUID, tag: str) -> None:
    """About ``changes`` row changes: per ticket a customer, a phone, the ticket, two
    interactions and an update of the ticket (6 changes)."""
    n = max(1, changes // 6)
    now = utcnow()
    with engine.begin() as conn:
        site_id, last = conn.execute(
            select(Site.id, Site.last_ticket_number).where(Site.code == site_code)).one()
        customers, phones, tickets, notes = [], [], [], []
        for i in range(n):
            cid, tid = new_id(), new_id()
            num = last + i + 1
            customers.append(dict(id=cid, name=f"{tag} customer {i}", search_name=f"{tag} {i}",
                                  created_at=now, updated_at=now, version=1))
            # A fixed prefix per tag (hash() of a str changes per process): the two sites'
            # numbers never meet, so no run is slowed by thousands of duplicate checks.
            prefix = zlib.crc32(tag.encode()) % 90 + 10
            phones.append(dict(id=new_id(), customer_id=cid, number=f"09{prefix}{i:07d}",
                               created_at=now, updated_at=now, version=1))
            tickets.append(dict(id=tid, site_id=site_id, number=num,
                                reference=f"{site_code}-{num:06d}", subject=f"{tag} issue {i}",
                                channel="phone", status="open", customer_id=cid,
                                assignee_id=user_id, created_at=now, updated_at=now, version=1))
            for k in range(2):
                notes.append(dict(id=new_id(), ticket_id=tid, kind="call", direction="inbound",
                                  author_id=user_id, body=f"{tag} contact {k}", created_at=now))
        conn.execute(insert(Customer), customers)
        conn.execute(insert(CustomerPhone), phones)
        conn.execute(insert(Ticket), tickets)
        conn.execute(insert(Interaction), notes)
        conn.execute(update(Site).where(Site.id == site_id).values(
            last_ticket_number=last + n, version=Site.version + 1))
        conn.execute(update(Ticket).where(Ticket.subject.like(f"{tag} issue %")).values(
            status="pending_customer", updated_at=utcnow(), version=Ticket.version + 1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--changes", type=int, default=50_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--pull-limit", type=int, default=5000, help="feed entries per pull step")
    args = ap.parse_args()
    passwords.CURRENT = passwords.ScryptParams(2**4, 8, 1)
    url = create_pg_database()
    work = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    started = time.perf_counter()

    def stage(what: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {what}", flush=True)

    try:
        central = make_engine(url, pool_size=5)
        schema.upgrade(central)
        services = build_services(central, site_code="HQ")
        make_desk(services)
        ensure_site(services, "TBZ", "Tabriz")
        branch_url = f"sqlite:///{work / 'tbz.sqlite3'}"
        clone_branch(central, branch_url, "TBZ", central_profile="bench")
        branch = make_engine(branch_url)
        agent = services.staff.actor("ali").user_id
        stage("central desk made, branch cloned")

        t0 = time.perf_counter()
        write_week(branch, "TBZ", args.changes, agent, "tbz")
        t_branch_writes = time.perf_counter() - t0
        write_week(central, "HQ", args.changes, agent, "hq")
        stage("a week written at both sites")
        with branch.connect() as conn:
            outbox = conn.scalar(select(func.count()).select_from(ChangeLogEntry))
        client = SyncClient(branch, central, batch_size=args.batch, pull_limit=args.pull_limit)
        client.check_schema()
        client._align_seq("TBZ")

        load_before = os.getloadavg()
        t0, c0 = time.perf_counter(), time.process_time()
        pushed = push(branch, central, "TBZ", batch_size=args.batch)
        t_push, c_push = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        pulled = pull(branch, central, "TBZ", limit=args.pull_limit)
        t_pull, c_pull = time.perf_counter() - t0, time.process_time() - c0
        # The whole catch-up once more from a fresh week (push + pull in one sync()).
        write_week(branch, "TBZ", args.changes, agent, "tbz2")
        write_week(central, "HQ", args.changes, agent, "hq2")
        stage("timed push and pull done; a second week written")
        t0, c0 = time.perf_counter(), time.process_time()
        report = client.sync()
        t_sync, c_sync = time.perf_counter() - t0, time.process_time() - c0
        load_after = os.getloadavg()
        with branch.connect() as b, central.connect() as c:
            same = b.scalar(select(func.count()).select_from(Ticket)) == c.scalar(
                select(func.count()).select_from(Ticket))

        print(f"week offline: {outbox} changes captured at the branch "
              f"({t_branch_writes:.1f} s to write them), ~{args.changes} at the centre; "
              f"push batches of {args.batch}, pull steps of {args.pull_limit}")
        print(f"push: {pushed} changes in {t_push:.1f} s = {pushed / t_push:,.0f} changes/s "
              f"(goal >= 2,000); this process's CPU {c_push:.1f} s")
        print(f"pull: {pulled} feed rows in {t_pull:.1f} s = {pulled / t_pull:,.0f} rows/s "
              f"(goal >= 10,000); this process's CPU {c_pull:.1f} s")
        print(f"catch-up (sync(): {report.pushed} pushed, {report.pulled} pulled): "
              f"{t_sync:.1f} s (goal < 60 s); this process's CPU {c_sync:.1f} s; "
              f"tickets equal: {same}")
        print("load average (1/5/15 min) before the timed steps "
              f"{' '.join(f'{x:.1f}' for x in load_before)}, after "
              f"{' '.join(f'{x:.1f}' for x in load_after)}")
        branch.dispose()
        central.dispose()
    finally:
        drop_pg_database(url)
        shutil.rmtree(work, ignore_errors=True)  # the branch file: ~100 MB per run


if __name__ == "__main__":
    main()
