"""``kill -9`` of the real ``deskapp sync`` command at chosen and random moments loses
nothing and duplicates nothing.

The branch is set up as on a branch server: its SQLite file (``--db``) and the centre's
connection profile in a private config directory (``DESKAPP_CONFIG_DIR``). Each run
is killed at one of these moments:

- ``sealed``: the batch is numbered, nothing sent yet;
- ``centre-txn``: inside the centre's transaction of a push batch (the batch row is
  written, the merge is blocked on a lock this test holds on the change feed);
- ``sent``: the centre committed the batch, the branch has not recorded the reply;
- ``pull-apply``: inside the branch's transaction applying a pulled chunk (resumed at
  the point before it, with a trigger making that transaction last about a second,
  killed 0.1-0.3 s later: the cursor has not moved);
- ``random``: at a seeded random moment after the start.

The command stops itself at a named point (DESKAPP_SYNC_STOP_AT, a test-only seam of
deskapp/cli/sync.py) so the kill lands there. Between runs the branch and the centre
both work (calls, replies, status changes), so every run has something to push and
to pull.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

from deskapp.config import Profile, ProfileBook, save_profiles
from deskapp.models import Interaction, Ticket
from deskapp.models.sync import ChangeLogEntry, SyncState
from deskapp.services.customers import NewCustomer
from deskapp.services.facade import build_services
from deskapp.services.tickets import NewCall
from tests.sync.helpers import Site, settle

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
MODES = ["sealed", "centre-txn", "sent", "pull-apply"] * 2 + ["random"] * 4


def _count(engine: Engine, model, *where) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _cursor(site: Site) -> tuple[int, int]:
    with site.engine.connect() as conn:
        xid, id_ = conn.execute(select(SyncState.pull_xid, SyncState.pull_id)).one()
    return int(xid), int(id_)


def branch_server_env(central_url: str, tmp_path: Path, profile: str) -> dict[str, str]:
    """A private config directory holding the centre's profile, as `deskapp branch
    init` leaves it on a branch server (trust auth: no password, no keyring)."""
    env = {k: v for k, v in os.environ.items() if k != "DESKAPP_DATABASE_URL"}
    env.update(DESKAPP_CONFIG_DIR=str(tmp_path / "config"),
               DESKAPP_DATA_DIR=str(tmp_path / "data"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               PYTHONPATH=str(ROOT))
    url = make_url(central_url)
    book = ProfileBook()
    book.add(Profile(profile, "postgresql", host=url.host or "127.0.0.1",
                     port=url.port or 5432, database=url.database or "",
                     user=url.username or "postgres", sslmode="disable"))
    save_profiles(book, Path(env["DESKAPP_CONFIG_DIR"]) / "profiles.json")
    return env


def _lock_waiter(central: Engine, deadline: float = 30.0) -> tuple[int, str | None]:
    """The backend (pid, its transaction id) that waits for the lock this test holds."""
    end = time.monotonic() + deadline
    with central.connect() as conn:
        while time.monotonic() < end:
            row = conn.execute(text(
                "SELECT pid, backend_xid::text FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND wait_event_type = 'Lock'")).first()
            if row is not None:
                return int(row[0]), row[1]
            conn.rollback()
            time.sleep(0.02)
    raise AssertionError("the push never reached the centre's lock")


def _slow_down_pull_apply(branch: Engine, on: bool) -> None:
    """Make the branch's next apply transaction last about a second (off: as before).
    The apply's first statement sets ``sync_state.applying``; a trigger on it counts a
    100-million-row cross join, so a kill a few tenths of a second after the apply
    began lands inside its transaction. Only while the command is stopped at its
    ``pull-read`` point (it holds no lock on the branch file then)."""
    with branch.begin() as conn:
        if on:
            conn.exec_driver_sql("CREATE TABLE test_kill_spin (x INTEGER)")
            conn.exec_driver_sql(
                "INSERT INTO test_kill_spin SELECT value FROM json_each(?)",
                (json.dumps(list(range(100))),))
            conn.exec_driver_sql(
                "CREATE TRIGGER test_kill_slow_apply AFTER UPDATE OF applying ON sync_state "
                "WHEN new.applying = 1 BEGIN SELECT count(*) FROM test_kill_spin a, "
                "test_kill_spin b, test_kill_spin c, test_kill_spin d; END")
        else:
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS test_kill_slow_apply")
            conn.exec_driver_sql("DROP TABLE IF EXISTS test_kill_spin")


def _wait_for(proc: subprocess.Popen, marker: str) -> bool:
    """Read stderr until ``marker`` and the process has stopped itself (True), or
    the end of the process (False)."""
    assert proc.stderr is not None
    for line in proc.stderr:
        if marker in line:
            _, status = os.waitpid(proc.pid, os.WUNTRACED)  # the SIGSTOP has landed
            assert os.WIFSTOPPED(status)
            return True
    return False


def test_kill_9_of_deskapp_sync_at_chosen_and_random_moments(
    central: Engine, central_url: str, branch_factory, tmp_path: Path
) -> None:
    tbz = branch_factory("TBZ")  # cloned with the centre's profile name "test"
    env = branch_server_env(central_url, tmp_path, "test")
    ali = tbz.actor("ali")
    hq = build_services(central, site_code="HQ")
    maryam = hq.staff.actor("maryam")
    rnd = random.Random(11)
    modes = MODES[:]
    rnd.shuffle(modes)
    outcome: dict[str, int] = {"killed": 0, "finished": 0, "pull-apply unsaved": 0}
    synced: list = []
    for run, mode in enumerate(modes):
        for i in range(8):  # the branch works offline...
            t = tbz.services.tickets.log_call(ali, NewCall(
                subject=f"run {run} call {i}",
                new_customer=NewCustomer(name=f"C{run}-{i}", phones=[f"0912{run:02d}{i:05d}"])))
            tbz.services.tickets.add_interaction(ali, t.ticket.id, "call", f"tbz {run}/{i}")
        for i in range(8):  # ...and so does the centre, on its own tickets and on TBZ's
            h = hq.tickets.log_call(maryam, NewCall(
                subject=f"hq run {run} call {i}",
                new_customer=NewCustomer(name=f"H{run}-{i}", phones=[f"0935{run:02d}{i:05d}"])))
            hq.tickets.change_status(maryam, h.ticket.id, h.ticket.version, "pending_customer")
        for tid in rnd.sample(synced, min(4, len(synced))):
            hq.tickets.add_interaction(maryam, tid, "note", f"hq on TBZ's ticket, run {run}")

        stop_at = {"sealed": "sealed", "centre-txn": "sealed", "sent": "sent",
                   "pull-apply": "pull-read"}.get(mode)
        proc = subprocess.Popen(
            [sys.executable, "-m", "deskapp.cli", "--db", str(tbz.engine.url), "sync"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**env, "DESKAPP_SYNC_STOP_AT": stop_at} if stop_at else env,
        )
        try:
            cursor_before = _cursor(tbz)
            if stop_at is None:
                time.sleep(rnd.uniform(0.4, 2.0))  # the start-up alone takes about 1 s
            elif not _wait_for(proc, f"stopped at {stop_at}"):
                proc.wait(60)  # nothing to do at that point this time
                assert proc.returncode == 0, f"run {run} ({mode}) failed"
                outcome["finished"] += 1
                continue
            if mode == "centre-txn":
                with central.connect() as lock:
                    lock.execute(text("LOCK TABLE change_feed IN SHARE MODE"))
                    os.kill(proc.pid, signal.SIGCONT)
                    _, xid = _lock_waiter(central)
                    assert xid is not None  # the batch's transaction has written
                    os.kill(proc.pid, signal.SIGKILL)
                    proc.wait(60)
                    lock.rollback()
            elif mode == "pull-apply":
                _slow_down_pull_apply(tbz.engine, True)
                os.kill(proc.pid, signal.SIGCONT)
                time.sleep(rnd.uniform(0.1, 0.3))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait(60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(60)
            if proc.stderr is not None:
                proc.stderr.close()
            if mode == "pull-apply":
                _slow_down_pull_apply(tbz.engine, False)
        if proc.returncode == -signal.SIGKILL:
            outcome["killed"] += 1
            outcome[f"killed {mode}"] = outcome.get(f"killed {mode}", 0) + 1
            if mode == "pull-apply" and _cursor(tbz) == cursor_before:
                outcome["pull-apply unsaved"] += 1
        else:
            assert proc.returncode == 0, f"run {run} ({mode}) exit {proc.returncode}"
            outcome["finished"] += 1
        with central.connect() as conn:
            synced = list(conn.scalars(select(Ticket.id).where(Ticket.reference.like("TBZ-%"))))

    print("kill -9 runs:", outcome)
    # Every kill during the pull's apply left the cursor where it was: the apply's
    # transaction (rows and cursor together) was rolled back, not half kept.
    assert outcome["pull-apply unsaved"] == modes.count("pull-apply"), outcome
    # Every run with a named moment was killed there (a random one may have finished).
    for mode in set(MODES) - {"random"}:
        assert outcome.get(f"killed {mode}") == MODES.count(mode), outcome
    assert settle(central, [tbz]) == []
    assert _count(tbz.engine, ChangeLogEntry) == 0
    assert _count(central, Ticket, Ticket.reference.like("TBZ-%")) == 8 * len(modes)
    assert _count(central, Interaction) == _count(tbz.engine, Interaction)
    with central.connect() as conn:
        twice = conn.execute(
            select(Ticket.reference).group_by(Ticket.reference).having(func.count() > 1)
        ).all()
        assert twice == []
        doubled = conn.execute(
            select(Interaction.ticket_id, Interaction.body)
            .where(Interaction.body.like("tbz %") | Interaction.body.like("hq on %"))
            .group_by(Interaction.ticket_id, Interaction.body).having(func.count() > 1)
        ).all()
        assert doubled == []
        replies = conn.scalar(select(func.count()).select_from(Interaction).where(
            Interaction.body.like("tbz %")))
    assert replies == 8 * len(modes)
