"""Presence across workstations on PostgreSQL: one process logs in and heart-beats,
then dies without logging out; the other sees it Available while it beats (even past
the timeout) and Offline once the beats stop, and auto-assignment skips it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deskapp.models.enums import Presence
from deskapp.services.customers import NewCustomer
from deskapp.services.facade import build_services
from deskapp.services.permissions import SYSTEM
from deskapp.services.tickets import NewCall
from tests.helpers.staff import PASSWORD, make_desk

pytestmark = pytest.mark.postgres

TIMEOUT = 2.0  # seconds without a heartbeat before a workstation counts as gone
ROOT = Path(__file__).resolve().parents[2]


def _presence(services, actor, username: str) -> Presence:
    return next(p.presence for p in services.presence.staff(actor) if p.username == username)


def _wait_for(predicate, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def _new_team_ticket(desk, team_id):
    s = desk.services
    d = s.tickets.log_call(desk.agent, NewCall(subject="Line down",
                                               new_customer=NewCustomer("Parisa")))
    return s.tickets.assign(SYSTEM, d.ticket.id, d.ticket.version, None, team_id=team_id)


def test_a_workstation_that_stops_beating_goes_offline_everywhere(pg_url, monkeypatch):
    monkeypatch.setenv("DESKAPP_PRESENCE_TIMEOUT", str(TIMEOUT))
    desk = make_desk(build_services(pg_url))
    s = desk.services
    billing = s.staff_admin.get_team("Billing")  # sara (agent), reza (specialist)
    s.auto_assign.set_mode(desk.manager, billing.id, "least_loaded")
    env = {**os.environ, "DESKAPP_PRESENCE_TIMEOUT": str(TIMEOUT)}
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.heartbeat_worker", pg_url, "sara", PASSWORD,
         "0.3"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "up"
        # Beating: Available here, even after more than the timeout has passed.
        time.sleep(TIMEOUT * 1.5)
        assert _presence(s, desk.supervisor, "sara") is Presence.AVAILABLE
        assert _new_team_ticket(desk, billing.id).assignee_id == desk.other_agent.user_id
        # The workstation crashes: no log-out, no last write.
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        assert _wait_for(
            lambda: _presence(s, desk.supervisor, "sara") is Presence.OFFLINE, TIMEOUT * 5
        )
        assert _new_team_ticket(desk, billing.id).assignee_id is None  # reza never logged in
        s.presence.set(desk.specialist, Presence.AVAILABLE)
        assert _new_team_ticket(desk, billing.id).assignee_id == desk.specialist.user_id
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(timeout=10)
        s.dispose()
