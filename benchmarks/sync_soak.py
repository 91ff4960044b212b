"""Branch sync soak: two branches and the centre work for minutes while ``deskapp
sync`` runs in a loop at each branch and is killed (SIGKILL) at random moments; at the
end everything settles and the convergence invariants are checked.

A private central PostgreSQL database (on DESKAPP_TEST_PG_URL's server, dropped at the
end, as benchmarks/sync.py) with a small desk; branches TBZ and MHD cloned from it into
SQLite files, set up as on a branch server (the centre's profile in a private
DESKAPP_CONFIG_DIR). For ``--minutes``:

- one writer thread per site (the centre too) makes service writes without pause
  beyond ``--pause``: calls logged (sometimes for an existing customer, sometimes with
  a phone another site may also use: the duplicates queue), replies and notes, status
  changes, reassignments, customer edits, and now and then a conflict from the inbox
  resolved (keep or take);
- per branch a loop runs the real command (``python -m deskapp.cli --db <branch>
  sync``), killing a ``--kill-fraction`` of the runs with SIGKILL at a random moment
  between the start-up's time (``sync status`` timed at the start) and 1.2 times the
  median of the branch's recent completed runs; after each kill the branch's state
  says where it landed (a sealed batch the centre does not hold, one it holds whose
  reply was not recorded, or no batch open).

Then the writers stop, the last runs end, and every branch syncs in-process until it
equals the centre (tests/sync/helpers.settle). Checked: every site equals the centre
on every synced table; outboxes empty; every conflict open in the inbox or resolved;
no ticket reference twice; every call and reply a writer made is at the centre
exactly once. Exit status 1 when an invariant fails.

    .venv/bin/python benchmarks/sync_soak.py [--minutes 10] [--kill-fraction 0.5]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, func, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.exc import OperationalError  # noqa: E402

from deskapp.config import Profile, ProfileBook, save_profiles  # noqa: E402
from deskapp.models import Customer, Interaction, Ticket, User  # noqa: E402
from deskapp.models.database import make_engine  # noqa: E402
from deskapp.models.sync import (  # noqa: E402
    ChangeLogEntry,
    SyncBatch,
    SyncConflict,
    SyncDuplicate,
)
from deskapp.services import passwords, schema  # noqa: E402
from deskapp.services.customers import CustomerChanges, NewCustomer  # noqa: E402
from deskapp.services.errors import DeskError  # noqa: E402
from deskapp.services.facade import build_services, ensure_site  # noqa: E402
from deskapp.services.sync.clone import clone_branch  # noqa: E402
from deskapp.services.sync.conflicts import ConflictService  # noqa: E402
from deskapp.services.tickets import NewCall  # noqa: E402
from tests.helpers.databases import create_pg_database, drop_pg_database  # noqa: E402
from tests.helpers.staff import make_desk  # noqa: E402
from tests.sync.helpers import Site, settle  # noqa: E402

BRANCHES = ("TBZ", "MHD")
PROFILE = "soak-centre"
PHONE_PREFIX = {"HQ": 30, "TBZ": 31, "MHD": 32}  # each site's own new numbers
STATUSES = ("open", "pending_customer", "pending_third_party", "resolved", "closed")
OPS = {  # weight of each kind of write
    "call": 3, "reply": 5, "status": 3, "reassign": 2, "customer": 2, "resolve": 0.3,
}
REPORT = re.compile(r"pushed ([\d,]+), pulled ([\d,]+)")


class Writer(threading.Thread):
    """Service writes at one site until ``stop``; counts what it did."""

    def __init__(self, site: Site, seed: int, stop: threading.Event, pause: float) -> None:
        super().__init__(name=f"writer-{site.code}", daemon=True)
        self.site, self.stop, self.pause = site, stop, pause
        self.rnd = random.Random(seed)
        self.done: Counter[str] = Counter()
        self.refused: Counter[str] = Counter()
        self.failed: list[str] = []
        svc = site.services
        self.agents = [svc.staff.actor(u) for u in ("ali", "sara", "nima")]  # nima: manager
        self.supervisor = svc.staff.actor("maryam")
        with site.engine.connect() as conn:
            self.user_ids = list(conn.scalars(select(User.id).where(User.active)))
        self.conflicts = ConflictService(site.engine)

    def run(self) -> None:
        kinds, weights = list(OPS), list(OPS.values())
        while not self.stop.is_set():
            kind = self.rnd.choices(kinds, weights)[0]
            try:
                if getattr(self, f"_{kind}")():
                    self.done[kind] += 1
            except DeskError as exc:  # stale version, a transition not allowed, ...
                self.refused[f"{kind}: {exc.code}"] += 1
            except OperationalError as exc:  # the branch file busy beyond the timeout
                self.refused[f"{kind}: {type(exc.orig).__name__}"] += 1
            except Exception as exc:  # noqa: BLE001 - reported, the soak goes on
                self.failed.append(f"{kind}: {type(exc).__name__}: {exc}"[:300])
            time.sleep(self.rnd.uniform(0, 2 * self.pause))

    def _ticket(self) -> Any:  # a Row (id, version) or None
        with self.site.engine.connect() as conn:
            return conn.execute(select(Ticket.id, Ticket.version).where(
                Ticket.deleted_at.is_(None)).order_by(func.random()).limit(1)).first()

    def _call(self) -> bool:
        n = self.done["call"]
        call = NewCall(subject=f"{self.site.code} soak call {n}")
        r = self.rnd.random()
        if r < 0.3:
            with self.site.engine.connect() as conn:
                cid = conn.scalar(select(Customer.id).order_by(func.random()).limit(1))
            call = NewCall(subject=call.subject, customer_id=cid)
        else:
            # 1 in 10 new customers has a phone from a small pool the sites share: the
            # same person logged at two sites lands in the duplicates queue.
            phone = (f"0911{self.rnd.randrange(200):07d}" if r < 0.37 else
                     f"09{PHONE_PREFIX[self.site.code]}{n:07d}")
            call = NewCall(subject=call.subject, new_customer=NewCustomer(
                name=f"{self.site.code} customer {n}", phones=[phone]))
        self.site.services.tickets.log_call(self.rnd.choice(self.agents), call)
        return True

    def _reply(self) -> bool:
        t = self._ticket()
        if t is None:
            return False
        n = self.done["reply"]
        self.site.services.tickets.add_interaction(
            self.rnd.choice(self.agents[2:] + [self.supervisor]), t.id,
            self.rnd.choice(["call", "note", "internal_note"]),
            f"{self.site.code} soak reply {n}")
        return True

    def _status(self) -> bool:
        t = self._ticket()
        if t is None:
            return False
        self.site.services.tickets.change_status(
            self.supervisor, t.id, t.version, self.rnd.choice(STATUSES))
        return True

    def _reassign(self) -> bool:
        t = self._ticket()
        if t is None:
            return False
        self.site.services.tickets.assign(
            self.supervisor, t.id, t.version, self.rnd.choice(self.user_ids))
        return True

    def _customer(self) -> bool:
        with self.site.engine.connect() as conn:
            c = conn.execute(select(Customer.id, Customer.version).order_by(
                func.random()).limit(1)).first()
        if c is None:
            return False
        n = self.done["customer"]
        changes = (CustomerChanges(warning_note=f"{self.site.code} note {n}")
                   if self.rnd.random() < 0.5 else
                   CustomerChanges(organisation=f"{self.site.code} org {n}"))
        self.site.services.customers.update(self.supervisor, c.id, c.version, changes)
        return True

    def _resolve(self) -> bool:
        open_ = self.conflicts.list_open(limit=20)
        if not open_:
            return False
        c = self.rnd.choice(open_)
        self.conflicts.resolve(c.id, self.rnd.choice(["local", "remote"]), actor=self.supervisor)
        return True


class SyncLoop(threading.Thread):
    """``deskapp sync`` at one branch, again and again, some runs killed."""

    def __init__(self, site: Site, central: Engine, env: dict[str, str], seed: int,
                 stop: threading.Event, kill_fraction: float, pause: float) -> None:
        super().__init__(name=f"sync-{site.code}", daemon=True)
        self.site, self.central, self.env, self.stop = site, central, env, stop
        self.kill_fraction, self.pause = kill_fraction, pause
        self.rnd = random.Random(seed)
        self.runs = self.kills = self.pushed = self.pulled = 0
        self.exits: Counter[int] = Counter()
        self.errors: list[str] = []
        self.seconds: list[float] = []
        self.killed_in: Counter[str] = Counter()
        self.first_error = ""
        self.startup = 1.0

    def time_startup(self) -> None:
        """The start-up and the local work of the command: `sync status`, median of 3."""
        cmd = [sys.executable, "-m", "deskapp.cli", "--db", str(self.site.engine.url),
               "sync", "status"]
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, env=self.env, check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
        self.startup = sorted(times)[1]

    def where_killed(self) -> str:
        """What the branch's state says about the moment of a kill: a sealed batch the
        centre does not hold (killed before sending or inside the centre's
        transaction), one it holds (after the centre's commit, before the reply was
        recorded), or none (start-up, checks, pull, or between batches)."""
        with self.site.engine.connect() as conn:
            seq = conn.scalar(select(func.min(ChangeLogEntry.batch_seq)).where(
                ChangeLogEntry.batch_seq.is_not(None)))
        if seq is None:
            return "no batch open"
        with self.central.connect() as conn:
            held = conn.scalar(select(func.count()).select_from(SyncBatch).where(
                SyncBatch.site == self.site.code, SyncBatch.seq == seq))
        return "batch applied, reply not recorded" if held else "batch sealed, not applied"

    def run(self) -> None:
        cmd = [sys.executable, "-m", "deskapp.cli", "--db", str(self.site.engine.url), "sync"]
        while not self.stop.is_set():
            # A moment after the start-up (`sync status` timed) and within the typical
            # run: most kills land in the sync's own work, a few after its end.
            recent = sorted(self.seconds[-15:])
            typical = recent[len(recent) // 2] if recent else self.startup + 1.0
            kill_at = (self.rnd.uniform(self.startup, max(self.startup, 1.2 * typical))
                       if self.rnd.random() < self.kill_fraction else None)
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=ROOT, env=self.env, text=True,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            self.runs += 1
            try:
                out, err = proc.communicate(timeout=kill_at if kill_at else 600)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                out, err = proc.communicate()
            if proc.returncode == -signal.SIGKILL:
                self.kills += 1
                self.killed_in[self.where_killed()] += 1
            else:
                self.exits[proc.returncode] += 1
                if proc.returncode == 0:
                    self.seconds.append(time.perf_counter() - t0)
                    m = REPORT.search(out)
                    if m:
                        self.pushed += int(m.group(1).replace(",", ""))
                        self.pulled += int(m.group(2).replace(",", ""))
                else:
                    said = [ln for ln in err.splitlines() if ln.strip()
                            and not ln.startswith("sync:")]  # not the progress bar
                    self.errors.append(f"exit {proc.returncode}: {' / '.join(said[-3:])[:600]}")
                    if len(self.errors) == 1:
                        self.first_error = "\n".join(said[-25:])
            self.stop.wait(self.rnd.uniform(0, self.pause))


def branch_server_env(central_url: str, work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DESKAPP_DATABASE_URL"}
    env.update(DESKAPP_CONFIG_DIR=str(work / "config"), DESKAPP_DATA_DIR=str(work / "data"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", PYTHONPATH=str(ROOT))
    url = make_url(central_url)
    book = ProfileBook()
    book.add(Profile(PROFILE, "postgresql", host=url.host or "127.0.0.1",
                     port=url.port or 5432, database=url.database or "",
                     user=url.username or "postgres", sslmode="disable"))
    save_profiles(book, work / "config" / "profiles.json")
    return env


def count(engine: Engine, *columns, where=()) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(*columns).where(*where)) or 0)


def check(central: Engine, sites: list[Site], writers: list[Writer]) -> list[str]:
    """The invariants after settling; [] when all hold (settle's differences come first)."""
    failed = []
    for s in sites[1:]:
        waiting = count(s.engine, ChangeLogEntry)
        if waiting:
            failed.append(f"{s.code}: {waiting} changes still in the outbox")
    for s in sites:
        with s.engine.connect() as conn:
            twice = conn.execute(select(Ticket.reference).group_by(Ticket.reference)
                                 .having(func.count() > 1).limit(5)).scalars().all()
            states = set(conn.scalars(select(SyncConflict.status).distinct()))
        if twice:
            failed.append(f"{s.code}: ticket references issued twice: {twice}")
        if not states <= {"open", "resolved"}:
            failed.append(f"{s.code}: conflicts in states {sorted(states)}")
    for w in writers:
        code = w.site.code
        calls = count(central, Ticket, where=[Ticket.subject.like(f"{code} soak call %")])
        if calls != w.done["call"]:
            failed.append(f"{code}: {w.done['call']} calls logged, {calls} at the centre")
        with central.connect() as conn:
            replies = conn.execute(
                select(Interaction.body, func.count()).where(
                    Interaction.body.like(f"{code} soak reply %"))
                .group_by(Interaction.body)).all()
        if len(replies) != w.done["reply"] or any(n != 1 for _, n in replies):
            doubled = sum(1 for _, n in replies if n != 1)
            failed.append(f"{code}: {w.done['reply']} replies made, {len(replies)} distinct at "
                          f"the centre, {doubled} more than once")
    return failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--kill-fraction", type=float, default=0.5,
                    help="share of the sync runs killed with SIGKILL at a random moment")
    ap.add_argument("--pause", type=float, default=0.1,
                    help="mean seconds a writer rests between two writes")
    ap.add_argument("--sync-pause", type=float, default=3.0,
                    help="at most this many seconds between two sync runs of a branch")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    passwords.CURRENT = passwords.ScryptParams(2**4, 8, 1)
    url = create_pg_database()
    work = Path(tempfile.mkdtemp(prefix="sync-soak-"))
    started = time.perf_counter()

    def stage(what: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {what}", flush=True)

    engines: list[Engine] = []
    try:
        central = make_engine(url, pool_size=10)
        engines.append(central)
        schema.upgrade(central)
        hq = build_services(central, site_code="HQ")
        make_desk(hq)
        sites = [Site("HQ", central, hq)]
        for code in BRANCHES:
            ensure_site(hq, code, f"Branch {code}")
            branch_url = f"sqlite:///{work / f'{code.lower()}.sqlite3'}"
            clone_branch(central, branch_url, code, central_profile=PROFILE)
            engine = make_engine(branch_url)
            engines.append(engine)
            sites.append(Site(code, engine, build_services(engine, site_code=code)))
        env = branch_server_env(url, work)
        stage(f"central desk made, branches {', '.join(BRANCHES)} cloned")

        stop = threading.Event()
        writers = [Writer(s, args.seed + i, stop, args.pause) for i, s in enumerate(sites)]
        loops = [SyncLoop(s, central, env, args.seed + 100 + i, stop, args.kill_fraction,
                          args.sync_pause) for i, s in enumerate(sites[1:])]
        for x in loops:
            x.time_startup()
        load_before = os.getloadavg()
        for t in [*writers, *loops]:
            t.start()
        end = time.monotonic() + args.minutes * 60
        while time.monotonic() < end:
            time.sleep(min(60.0, max(0.0, end - time.monotonic())))
            stage(f"runs {sum(x.runs for x in loops)}, kills {sum(x.kills for x in loops)}, "
                  f"writes {sum(sum(w.done.values()) for w in writers)}")
        stop.set()
        for t in [*writers, *loops]:
            t.join()
        load_after = os.getloadavg()
        waiting = {s.code: count(s.engine, ChangeLogEntry) for s in sites[1:]}
        stage(f"writers and sync loops stopped; outboxes {waiting}; settling")

        t0 = time.perf_counter()
        diffs = settle(central, sites[1:], deadline=300.0)
        settle_s = time.perf_counter() - t0
        failed = diffs[:10] + check(central, sites, writers)

        soak_s = args.minutes * 60
        print(f"soak: {args.minutes:g} min, 2 branches (SQLite) + the centre (PostgreSQL), "
              f"kill fraction {args.kill_fraction:g}, writer pause ~{args.pause:g} s, "
              f"seed {args.seed}")
        for w in writers:
            refused = sum(w.refused.values())
            print(f"  writes at {w.site.code}: {sum(w.done.values()):,} "
                  f"({', '.join(f'{k} {v:,}' for k, v in sorted(w.done.items()))}); "
                  f"refused by the services {refused:,}; unexpected errors {len(w.failed)}")
            if w.refused:
                print("    most refused: " + ", ".join(
                    f"{k} {v}" for k, v in w.refused.most_common(4)))
            for line in w.failed[:3]:
                print(f"    ! {line}")
        for x in loops:
            done = x.exits.get(0, 0)
            mean = sum(x.seconds) / len(x.seconds) if x.seconds else 0.0
            print(f"  deskapp sync at {x.site.code}: {x.runs} runs, {x.kills} killed (SIGKILL), "
                  f"{done} completed (mean {mean:.1f} s incl. start-up), other exits "
                  f"{dict((k, v) for k, v in x.exits.items() if k != 0) or 'none'}; "
                  f"completed runs pushed {x.pushed:,} changes, pulled {x.pulled:,} feed rows; "
                  f"start-up ({x.site.code} `sync status`) {x.startup:.2f} s")
            print("    state left by the kills: " + (", ".join(
                f"{k} {v}" for k, v in x.killed_in.most_common()) or "none"))
            for line in x.errors[:3]:
                print(f"    ! {line}")
            if x.first_error:
                print("    the first failed run's stderr:\n" + x.first_error)
        with central.connect() as conn:
            batches = conn.execute(select(SyncBatch.site, func.count(),
                                          func.sum(SyncBatch.change_count))
                                   .group_by(SyncBatch.site).order_by(SyncBatch.site)).all()
            conflicts = conn.execute(select(SyncConflict.kind, SyncConflict.status, func.count())
                                     .group_by(SyncConflict.kind, SyncConflict.status)
                                     .order_by(SyncConflict.kind, SyncConflict.status)).all()
            dups = conn.execute(select(SyncDuplicate.status, func.count())
                                .group_by(SyncDuplicate.status)).all()
            tickets = conn.scalar(select(func.count()).select_from(Ticket))
            notes = conn.scalar(select(func.count()).select_from(Interaction))
        print("  applied at the centre (all runs, settle included): " + "; ".join(
            f"{site} {n:,} batches, {int(c or 0):,} changes" for site, n, c in batches)
            + f" ({sum(int(c or 0) for _, _, c in batches) / soak_s:,.1f} changes/s)")
        print("  conflicts: " + (", ".join(f"{k} {s} {n}" for k, s, n in conflicts) or "none")
              + "; duplicate customers: " + (", ".join(f"{s} {n}" for s, n in dups) or "none"))
        print(f"  the centre at the end: {tickets:,} tickets, {notes:,} interactions")
        print(f"  outboxes when the loops stopped: {waiting}; settle: {settle_s:.1f} s")
        print(f"  invariants: {'PASS' if not failed else 'FAIL'}")
        for line in failed:
            print(f"    ! {line}")
        print("load average (1/5/15 min) at the start "
              f"{' '.join(f'{x:.2f}' for x in load_before)}, at the end "
              f"{' '.join(f'{x:.2f}' for x in load_after)}")
        return 1 if failed else 0
    finally:
        for e in engines:
            e.dispose()
        drop_pg_database(url)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
