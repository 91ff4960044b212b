"""Business durations are measured once from what the SLA engine recorded, and again
when a reopened ticket is resolved anew."""

from __future__ import annotations

from sqlalchemy import select

from deskapp.models import Ticket
from deskapp.services.reports.durations import measure_pending, resolution_seconds
from deskapp.services.sla_admin import PolicyDraft
from tests.helpers.sla import FakeClock, round_the_clock
from tests.helpers.staff import make_desk

H = 3600


def _figures(services, ticket_id):
    with services.uow() as uow:
        n = measure_pending(uow.session)
        uow.commit()
    with services.uow(read_only=True) as uow:
        row = uow.session.execute(
            select(Ticket.first_response_business_s, Ticket.resolution_business_s)
            .where(Ticket.id == ticket_id)
        ).one()
    return n, tuple(row)


def test_measured_once_then_again_after_a_reopen(sqlite_url):
    from deskapp.services.facade import build_services

    clock = FakeClock()
    services = build_services(sqlite_url, clock=clock)
    desk = make_desk(services)
    cal = services.sla_admin.create_calendar(desk.manager, round_the_clock())
    services.sla_admin.create_policy(
        desk.manager, PolicyDraft("Default", 240, 1440, cal.id, is_default=True))
    tk = services.tickets
    t = log_ticket_with_contact(services, desk, clock)

    def status(new, h):
        clock.set(hours=h)
        tk.change_status(desk.agent, t, tk.get(desk.agent, t).ticket.version, new)

    clock.set(hours=1)
    tk.add_interaction(desk.agent, t, "email", "On it.")
    status("pending_customer", 2)
    status("open", 5)  # 3 h paused
    status("resolved", 6)
    assert _figures(services, t) == (1, (H, 3 * H))
    assert _figures(services, t) == (0, (H, 3 * H))  # nothing left to measure
    status("open", 8)  # 2 h resolved, not counted
    status("pending_third_party", 9)
    status("resolved", 10)  # straight from pending: the clock stopped at 9
    # Running: 0-2, 5-6, 8-9 = 4 h.
    assert _figures(services, t) == (1, (H, 4 * H))
    services.dispose()


def log_ticket_with_contact(services, desk, clock):
    from deskapp.services.customers import NewCustomer
    from deskapp.services.tickets import NewCall

    clock.set(hours=0)
    detail = services.tickets.log_call(desk.agent, NewCall(
        subject="Modem", channel="email",
        new_customer=NewCustomer("Zahra", phones=["0912 345 6789"], email="z@example.com")))
    return detail.ticket.id


def test_without_a_calendar_wall_clock_time_counts():
    from datetime import UTC, datetime

    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    t1 = datetime(2026, 1, 2, tzinfo=UTC)
    assert resolution_seconds(None, t0, t1, None, 600) == 86400 - 600
    assert resolution_seconds(None, t0, t1, datetime(2026, 1, 1, 12, tzinfo=UTC), 0) == 43200




def test_strict_fcr_is_decided_once_its_window_has_passed(sqlite_url):
    from datetime import date

    from deskapp.services.facade import build_services
    from deskapp.services.reports import ReportQuery

    clock = FakeClock()
    services = build_services(sqlite_url, clock=clock)
    desk = make_desk(services)
    t = log_ticket_with_contact(services, desk, clock)
    clock.set(hours=1)
    services.tickets.change_status(
        desk.agent, t, services.tickets.get(desk.agent, t).ticket.version, "resolved")

    def report_and_stored():
        r = services.reports.report(desk.manager, ReportQuery(date(2026, 11, 23), date(2026, 11, 23)))
        with services.uow(read_only=True) as uow:
            stored = uow.session.scalar(select(Ticket.fcr_strict).where(Ticket.id == t))
        return r.fcr.first_contact, stored

    clock.set(days=2)
    assert report_and_stored() == (1, None)  # counted live, window still open
    clock.set(days=8)
    assert report_and_stored() == (1, True)  # decided and stored
    services.dispose()
