"""Reassignment on the real PostgreSQL: two supervisors racing for one ticket, then
8 processes shuffling 200 tickets for 30 seconds. Nothing is silently overwritten:
the assignment history and the audit log agree with what every process was told."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import Counter

import pytest
from sqlalchemy import select

from deskapp.models import Assignment, AuditEntry, Ticket, utcnow
from deskapp.services.customers import NewCustomer
from deskapp.services.errors import StaleUpdate
from deskapp.services.facade import build_services
from deskapp.services.tickets import NewCall
from tests.helpers.reassign_worker import reassign_at_random
from tests.helpers.staff import make_desk

pytestmark = pytest.mark.postgres

PROCESSES = 8
TICKETS = 200
SECONDS = float(os.environ.get("DESKAPP_STRESS_SECONDS", "30"))


def _tickets(desk, n: int) -> list:
    first = desk.services.tickets.log_call(
        desk.agent, NewCall(subject="ticket 0",
                            new_customer=NewCustomer("Load Test", phones=["0912 111 2233"])))
    out = [first.ticket]
    for i in range(1, n):
        out.append(desk.services.tickets.log_call(
            desk.agent, NewCall(subject=f"ticket {i}", customer_id=first.customer.id)).ticket)
    return out


def test_two_sessions_reassigning_the_same_ticket(pg_url: str):
    """Both supervisors pass the version check before either writes; the database's
    row lock and version column decide, and the loser is told who won."""
    desk = make_desk(build_services(pg_url))
    (t,) = _tickets(desk, 1)
    both_checked = threading.Barrier(2)

    def clock():  # called after the version check, before the write
        both_checked.wait(timeout=20)
        return utcnow()

    outcomes: dict[str, object] = {}

    def move(actor, target) -> None:
        services = build_services(pg_url, clock=clock)  # its own engine and session
        try:
            outcomes[actor.display_name] = services.workload.reassign_one(
                actor, t.id, t.version, to_user_id=target, reason="race")
        except StaleUpdate as exc:
            outcomes[actor.display_name] = exc
        finally:
            services.dispose()

    threads = [threading.Thread(target=move, args=(desk.supervisor, desk.other_agent.user_id)),
               threading.Thread(target=move, args=(desk.manager, desk.specialist.user_id))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    errors = {k: v for k, v in outcomes.items() if isinstance(v, StaleUpdate)}
    wins = {k: v for k, v in outcomes.items() if not isinstance(v, StaleUpdate)}
    assert len(errors) == 1 and len(wins) == 1, outcomes
    (winner,) = wins
    (error,) = errors.values()
    assert f"Ticket {t.reference} was changed by {winner} at " in str(error)
    with desk.services.uow() as uow:
        s = uow.session
        history = list(s.scalars(select(Assignment.reason).where(Assignment.ticket_id == t.id)
                                 .order_by(Assignment.created_at, Assignment.id)))
        audited = s.scalars(select(AuditEntry.id).where(AuditEntry.action == "ticket.assigned"))
        assert history == ["logged the call", "race"]
        assert len(list(audited)) == 1
    desk.services.dispose()


def test_eight_processes_shuffling_two_hundred_tickets(pg_url: str):
    desk = make_desk(build_services(pg_url))
    tickets = _tickets(desk, TICKETS)
    people = [desk.agent, desk.other_agent, desk.specialist, desk.supervisor, desk.manager]
    ctx = multiprocessing.get_context("spawn")
    args = [
        (pg_url, seed, SECONDS, "maryam" if seed % 2 else "nima",
         [str(t.id) for t in tickets], [str(p.user_id) for p in people])
        for seed in range(PROCESSES)
    ]
    with ctx.Pool(PROCESSES) as pool:
        results = pool.starmap(reassign_at_random, args)
    moves = Counter(m for ms, _ in results for m in ms)
    stale = sum(n for _, n in results)
    print(f"\n{sum(moves.values())} moves and {stale} stale refusals by {PROCESSES} processes "
          f"on {TICKETS} tickets in {SECONDS:.0f} s")
    assert sum(moves.values()) > 0 and stale > 0  # real contention happened

    with desk.services.uow() as uow:
        s = uow.session
        current = dict(s.execute(select(Ticket.id, Ticket.assignee_id)).all())
        last: dict = {}
        for ticket_id, to_user in s.execute(
            select(Assignment.ticket_id, Assignment.to_user_id)
            .order_by(Assignment.created_at, Assignment.id)
        ):
            last[ticket_id] = to_user
        audited = Counter(
            (str(e.entity_id), e.details["to_user"])
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "ticket.assigned"))
        )
    assert {t: last[t] for t in current} == current
    assert audited == moves
    desk.services.dispose()
