"""kill -9 of a sync process at random moments loses nothing and duplicates nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from deskapp.models import Interaction, Ticket
from deskapp.models.sync import ChangeLogEntry
from deskapp.services.customers import NewCustomer
from deskapp.services.tickets import NewCall
from tests.sync.helpers import settle

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


def _count(engine, model, *where):
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model).where(*where))


def test_kill_9_during_sync_at_random_moments(central, central_url, branch_factory):
    tbz = branch_factory("TBZ")
    ali = tbz.actor("ali")
    rnd = random.Random(11)
    kills = 0
    for run in range(4):
        for i in range(15):  # more work between the runs
            t = tbz.services.tickets.log_call(ali, NewCall(
                subject=f"run {run} call {i}",
                new_customer=NewCustomer(name=f"C{run}-{i}", phones=[f"0912{run:02d}{i:05d}"])))
            tbz.services.tickets.add_interaction(ali, t.ticket.id, "call", "reply")
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.sync_worker", str(tbz.engine.url),
             central_url, "20"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "started"
        time.sleep(rnd.uniform(0.0, 0.8))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
    assert kills >= 2  # the runs were really cut short
    assert settle(central, [tbz]) == []
    assert _count(tbz.engine, ChangeLogEntry) == 0
    assert _count(central, Ticket, Ticket.reference.like("TBZ-%")) == 60
    assert _count(central, Interaction) == _count(tbz.engine, Interaction)
    with central.connect() as conn:
        bodies = conn.execute(
            select(Ticket.subject, func.count()).group_by(Ticket.subject)
            .having(func.count() > 1)
        ).all()
    assert bodies == []
