"""Change-capture cost on a branch: the services' real writes with and without the
capture triggers, as a ratio measured in the same run.

Two copies of one migrated, seeded SQLite branch database: one with the capture
triggers installed (and a sync_state row, so they log), one without. The same
workload runs on each, interleaved round by round so machine load hits both alike:
log a call (new customer with a phone), reply twice, reassign. Prints medians per
operation and the ratio captured / plain (goal: at most 1.3x).

    .venv/bin/python benchmarks/sync_capture.py [--rounds 7] [--calls 60]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from deskapp.models import SyncState  # noqa: E402
from deskapp.models.database import make_engine  # noqa: E402
from deskapp.models.sync import ChangeLogEntry  # noqa: E402
from deskapp.services import passwords, schema  # noqa: E402
from deskapp.services.customers import NewCustomer  # noqa: E402
from deskapp.services.facade import build_services, ensure_site  # noqa: E402
from deskapp.services.sync import capture  # noqa: E402
from deskapp.services.tickets import NewCall  # noqa: E402


def seed(path: Path) -> None:
    from tests.helpers.staff import make_desk

    passwords.CURRENT = passwords.ScryptParams(2**4, 8, 1)
    engine = make_engine(f"sqlite:///{path}")
    schema.upgrade(engine)
    services = build_services(engine, site_code="TBZ")
    make_desk(services)
    ensure_site(services, "TBZ", "Tabriz")
    engine.dispose()


def workload(services, calls: int, offset: int) -> dict[str, float]:
    ali = services.staff.actor("ali")
    boss = services.staff.actor("maryam")
    sara = services.staff.actor("sara").user_id
    times = {"log a call": 0.0, "reply": 0.0, "reassign": 0.0}
    for i in range(calls):
        t0 = time.perf_counter()
        t = services.tickets.log_call(ali, NewCall(
            subject=f"Printer {i}", notes="it does not print",
            new_customer=NewCustomer(name=f"Customer {offset + i}",
                                     phones=[f"0912{offset + i:07d}"])))
        t1 = time.perf_counter()
        services.tickets.add_interaction(ali, t.ticket.id, "call", "we are on it")
        services.tickets.add_interaction(ali, t.ticket.id, "note", "called the vendor")
        t2 = time.perf_counter()
        with services.engine.connect() as conn:
            from deskapp.models import Ticket

            v = conn.scalar(select(Ticket.version).where(Ticket.id == t.ticket.id))
        t3 = time.perf_counter()
        services.tickets.assign(boss, t.ticket.id, v, sara)
        t4 = time.perf_counter()
        times["log a call"] += t1 - t0
        times["reply"] += (t2 - t1) / 2
        times["reassign"] += t4 - t3
    return {k: v / calls * 1000 for k, v in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--calls", type=int, default=60)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sync-capture-"))
    base = work / "base.sqlite3"
    seed(base)
    plain_path, captured_path = work / "plain.sqlite3", work / "captured.sqlite3"
    shutil.copyfile(base, plain_path)
    shutil.copyfile(base, captured_path)
    captured = make_engine(f"sqlite:///{captured_path}")
    with captured.begin() as conn:
        conn.execute(SyncState.__table__.insert().values(
            id=1, site_code="TBZ", central_profile="bench", central_url_hint="",
            pull_xid=0, pull_id=0, next_push_seq=1, last_error="", hlc_wall=0,
            hlc_counter=0, applying=0))
    capture.install(captured)
    plain = make_engine(f"sqlite:///{plain_path}")
    runs: dict[str, dict[str, list[float]]] = {"plain": {}, "captured": {}}
    svc = {"plain": build_services(plain, site_code="TBZ"),
           "captured": build_services(captured, site_code="TBZ")}
    workload(svc["plain"], 5, 9_000_000)  # warm up both
    workload(svc["captured"], 5, 9_100_000)
    for r in range(args.rounds):
        for name in (("plain", "captured") if r % 2 == 0 else ("captured", "plain")):
            result = workload(svc[name], args.calls, r * 100_000 + (50_000 if name == "plain" else 0))
            for op, ms in result.items():
                runs[name].setdefault(op, []).append(ms)
    with captured.connect() as conn:
        logged = conn.scalar(select(func.count()).select_from(ChangeLogEntry))
    print(f"SQLite branch, {args.rounds} rounds x {args.calls} calls "
          f"(each: log a call with a new customer, 2 replies, 1 reassign); "
          f"{logged} change-log rows written")
    print(f"{'operation':<12} {'plain ms':>9} {'captured ms':>12} {'ratio':>6}")
    ratios = []
    for op in runs["plain"]:
        p = statistics.median(runs["plain"][op])
        c = statistics.median(runs["captured"][op])
        ratios.append(c / p)
        print(f"{op:<12} {p:9.2f} {c:12.2f} {c / p:6.2f}")
    total_p = sum(statistics.median(v) for v in runs["plain"].values())
    total_c = sum(statistics.median(v) for v in runs["captured"].values())
    print(f"{'all':<12} {total_p:9.2f} {total_c:12.2f} {total_c / total_p:6.2f}  (goal <= 1.30)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
