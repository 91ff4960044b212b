"""Delegated authority on the real PostgreSQL: two processes each asking for 40 of an
agent's 50 on the same ticket at the same moment; exactly one is granted, the other
needs a supervisor (the running total is checked under the ticket's row lock)."""

from __future__ import annotations

import multiprocessing

import pytest

from deskapp.services.facade import build_services
from deskapp.services.permissions import SYSTEM
from tests.helpers.authority_worker import ask_credits
from tests.helpers.staff import make_desk
from tests.unit.test_escalations import log

pytestmark = pytest.mark.postgres

ROUNDS = 10


def test_two_processes_cannot_both_fit_the_limit(pg_url: str):
    services = build_services(pg_url)
    try:
        desk = make_desk(services)
        services.staff.create_user(SYSTEM, "tina", "Tina", "agent", "correct horse",
                                   team_names=["Front desk"])
        tickets = [str(log(desk, subject=f"Outage {i}").id) for i in range(ROUNDS)]
        ctx = multiprocessing.get_context("spawn")
        barrier = ctx.Barrier(2)
        results = ctx.Queue()
        procs = [ctx.Process(target=ask_credits,
                             args=(pg_url, name, tickets, "40", barrier, results))
                 for name in ("ali", "tina")]
        for p in procs:
            p.start()
        got = dict(results.get(timeout=180) for _ in procs)
        for p in procs:
            p.join(timeout=30)
        ali, tina = got["ali"], got["tina"]
        for i in range(ROUNDS):
            assert sorted([ali[i], tina[i]]) == [False, True], (i, ali[i], tina[i])
        pending = services.approvals.pending(desk.supervisor)
        assert len(pending) == ROUNDS
        assert {str(p.ticket_id) for p in pending} == set(tickets)
    finally:
        services.dispose()
