"""Several workstations scanning one shared PostgreSQL at the same moment raise every
SLA stage exactly once: one SlaStageEvent, one set of notifications, one automatic
escalation per ticket and clock. Each scanner has its own engine (its own
connections), as separate workstations would."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from deskapp.models import Escalation, Notification, SlaStageEvent, Ticket
from deskapp.models.enums import NotificationKind
from deskapp.services.facade import build_services
from deskapp.services.sla_scan import RaisedStage
from deskapp.services.sla_scheduler import SlaScheduler
from tests.helpers.sla import START, SlaDesk, log_ticket, make_sla_desk, race

pytestmark = [pytest.mark.postgres, pytest.mark.pg_routes]  # also through PgBouncer

TICKETS = 24


def count(sd: SlaDesk, model, *where) -> int:
    with sd.services.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_concurrent_scanners_raise_each_stage_exactly_once(pg_url: str):
    sd = make_sla_desk(pg_url)
    try:
        first = log_ticket(sd)
        tickets = [first.ticket] + [
            log_ticket(sd, new_customer=None, customer_id=first.customer.id).ticket
            for _ in range(TICKETS - 1)
        ]
        # Every third ticket back to the pool: its team (two members) hears about it.
        for t in tickets[::3]:
            sd.services.tickets.assign(sd.desk.agent, t.id, t.version, None)
        unassigned = len(tickets[::3])
        per_ticket_recipients = TICKETS + unassigned  # 1 assignee, or 2 team members

        # Round 1: 75 % of the first-response time (180 of 240 minutes).
        results = race(pg_url, START + timedelta(minutes=181))
        raised = [r for rs in results for r in rs]
        keys = Counter((r.ticket_id, r.clock, r.stage) for r in raised)
        assert len(keys) == TICKETS and set(keys.values()) == {1}
        assert count(sd, SlaStageEvent) == TICKETS
        assert count(sd, Notification, Notification.kind == NotificationKind.SLA_WARNING) == (
            per_ticket_recipients
        )

        # Round 2: two days later both clocks of every ticket are breached.
        results = race(pg_url, START + timedelta(days=2))
        raised = [r for rs in results for r in rs]
        keys = Counter((r.ticket_id, r.clock.value, r.stage) for r in raised)
        assert len(keys) == 2 * TICKETS and set(keys.values()) == {1}
        assert {stage for _, _, stage in keys} == {"breach"}
        with sd.services.uow() as uow:
            events = Counter(
                uow.session.execute(
                    select(SlaStageEvent.ticket_id, SlaStageEvent.clock, SlaStageEvent.stage)
                )
            )
            levels = set(uow.session.scalars(select(Ticket.escalation_level)))
            automatic = uow.session.scalar(
                select(func.count()).select_from(Escalation).where(Escalation.automatic.is_(True))
            )
        assert len(events) == 3 * TICKETS and set(events.values()) == {1}
        assert automatic == 2 * TICKETS  # one per ticket and clock
        assert levels == {2}
        assert count(sd, Notification, Notification.kind == NotificationKind.SLA_BREACH) == (
            2 * per_ticket_recipients
        )
        supervisor_escalations = count(
            sd, Notification,
            Notification.kind == NotificationKind.ESCALATION,
            Notification.recipient_id == sd.desk.supervisor.user_id,
        )
        assert supervisor_escalations == 2 * TICKETS
        # Nothing is left to raise, and the work was shared, not done twice.
        assert all(rs == [] for rs in race(pg_url, START + timedelta(days=3)))
    finally:
        sd.services.dispose()


def test_two_schedulers_on_one_database_raise_once(pg_url: str):
    """The same through the scheduler: two 'workstations' with their own scheduler."""
    sd = make_sla_desk(pg_url)
    try:
        t = log_ticket(sd).ticket
        workstations = [build_services(pg_url) for _ in range(2)]
        got: list[RaisedStage] = []
        lock = threading.Lock()
        done = threading.Barrier(3)

        def on_raised(raised: list[RaisedStage]) -> None:
            with lock:
                got.extend(raised)

        def scan_for(ws):
            scanner = ws.sla_scanner

            def scan(now):
                try:
                    return scanner.scan(now)
                finally:
                    done.wait(timeout=30)

            return scan

        schedulers = [
            SlaScheduler(
                scan_for(ws), on_raised, interval_seconds=3600,
                clock=lambda: START + timedelta(minutes=181),
            )
            for ws in workstations
        ]
        for s in schedulers:
            s.start()
        done.wait(timeout=30)  # both first scans finished
        for s in schedulers:
            s.stop()
        for ws in workstations:
            ws.dispose()
        assert [(r.reference, r.stage) for r in got] == [(t.reference, "warning_75")]
        assert count(sd, SlaStageEvent) == 1
    finally:
        sd.services.dispose()
