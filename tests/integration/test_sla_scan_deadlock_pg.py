"""Many SLA scanners at once on one PostgreSQL (cron runs overlapping, a lease handed
over mid-scan): the due rows are claimed with FOR UPDATE SKIP LOCKED, so scanners split
the work instead of waiting on each other's rows, and no deadlock is ever logged."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from deskapp.models import SlaStageEvent
from tests.helpers.sla import START, log_ticket, make_sla_desk, race

pytestmark = pytest.mark.postgres

TICKETS = 60


def test_concurrent_scanners_never_deadlock(pg_url: str, caplog: pytest.LogCaptureFixture):
    sd = make_sla_desk(pg_url)
    try:
        first = log_ticket(sd)
        tickets = [first.ticket] + [
            log_ticket(sd, new_customer=None, customer_id=first.customer.id).ticket
            for _ in range(TICKETS - 1)
        ]
        for t in tickets[::2]:  # half in the pool: their team hears about them
            sd.services.tickets.assign(sd.desk.agent, t.id, t.version, None)
        caplog.set_level(logging.WARNING, logger="deskapp.services.sla_scan")
        raised = []
        for minutes in (181, 60 * 24 * 2, 60 * 24 * 9):
            results = race(pg_url, START + timedelta(minutes=minutes), scanners=8, batch_size=4)
            raised.extend(r for rs in results for r in rs)
        retries = [r.getMessage() for r in caplog.records if "retrying" in r.getMessage()]
        assert not [m for m in retries if "deadlock" in m], retries
        assert retries == []
        keys = Counter((r.ticket_id, r.clock, r.stage) for r in raised)
        assert set(keys.values()) == {1} and len(keys) == 3 * TICKETS
        with sd.services.uow() as uow:
            events = uow.session.scalar(select(func.count()).select_from(SlaStageEvent))
        assert events == 3 * TICKETS
    finally:
        sd.services.dispose()


def test_a_scanner_skips_rows_another_scanner_holds(pg_url: str):
    """Another scanner is mid-batch on some due tickets (their rows locked): this one
    takes the others instead of queueing behind it, and the held ones come next tick."""
    import threading

    from deskapp.models import Ticket
    from deskapp.models.database import make_engine
    from deskapp.services.facade import build_services
    from deskapp.services.sla_scan import SlaScanner

    sd = make_sla_desk(pg_url)
    holder = make_engine(pg_url)
    try:
        first = log_ticket(sd)
        tickets = [first.ticket] + [
            log_ticket(sd, new_customer=None, customer_id=first.customer.id).ticket
            for _ in range(9)
        ]
        held = {t.id for t in tickets[:4]}
        now = START + timedelta(minutes=181)
        conn = holder.connect()
        tx = conn.begin()
        conn.execute(select(Ticket.id).where(Ticket.id.in_(held)).with_for_update())
        ws = build_services(pg_url)
        out: list = []
        worker = threading.Thread(
            target=lambda: out.append(SlaScanner(ws.uow, batch_size=3).scan(now)), daemon=True)
        worker.start()
        worker.join(timeout=120)
        blocked = worker.is_alive()
        tx.rollback()  # the other scanner finishes (here: gives up its rows)
        conn.close()
        worker.join(timeout=120)
        ws.dispose()
        assert not blocked, "the scanner queued behind rows another scanner holds"
        assert {r.ticket_id for r in out[0]} == {t.id for t in tickets} - held
        rest = SlaScanner(sd.services.uow).scan(now)
        assert {r.ticket_id for r in rest} == held
    finally:
        holder.dispose()
        sd.services.dispose()
