"""Two supervisors merge the same duplicate at once on PostgreSQL (one into B, one into
C, say from the branch sync's duplicates queue and from the desk): exactly one merge
wins, the other is refused, and the duplicate's tickets all end with the winner."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from deskapp.models import Ticket
from deskapp.services.customers import NewCustomer
from deskapp.services.errors import NotFound, StaleUpdate
from deskapp.services.facade import build_services
from deskapp.services.tickets import NewCall
from tests.helpers.staff import make_desk

pytestmark = pytest.mark.postgres


def test_concurrent_merges_of_one_duplicate(pg_url):
    desk = make_desk(build_services(pg_url))
    s = desk.services
    try:
        dup = s.customers.create(desk.agent, NewCustomer("Reza T", phones=["09121110000"]))
        b = s.customers.create(desk.agent, NewCustomer("Reza Tehrani"))
        c = s.customers.create(desk.agent, NewCustomer("Reza Tehrany"))
        for i in range(5):
            s.tickets.log_call(desk.agent, NewCall(subject=f"T{i}", customer_id=dup.id))
        start = threading.Barrier(2)
        outcomes: dict[str, object] = {}

        def merge(kept, name):
            own = build_services(pg_url)
            try:
                start.wait(timeout=20)
                outcomes[name] = own.customers.merge(
                    kept.id, dup.id, desk.supervisor, {kept.id: kept.version,
                                                       dup.id: dup.version})
            except (StaleUpdate, NotFound) as exc:
                outcomes[name] = exc
            finally:
                own.dispose()

        threads = [threading.Thread(target=merge, args=(k, n)) for k, n in ((b, "b"), (c, "c"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        won = [n for n, o in outcomes.items() if not isinstance(o, Exception)]
        lost = [n for n, o in outcomes.items() if isinstance(o, Exception)]
        assert len(won) == 1 and len(lost) == 1, outcomes
        winner = b if won == ["b"] else c
        with s.uow() as uow:
            owners = set(uow.session.scalars(
                select(Ticket.customer_id).where(Ticket.subject.like("T%"))))
        assert owners == {winner.id}
        assert s.customers.history(desk.supervisor, winner.id).total_count == 5
    finally:
        s.dispose()
