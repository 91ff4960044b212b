"""SLA test helpers: a settable clock, a desk with SLA policies on a simple calendar."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from deskapp.services.customers import NewCustomer
from deskapp.services.facade import Services, build_services
from deskapp.services.sla_admin import CalendarDraft, CalendarInfo, PolicyDraft, ScheduleDraft
from deskapp.services.sla_scan import RaisedStage, SlaScanner
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk, make_desk

# A Monday, 09:00 UTC.
START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def at(self, **delta: float) -> datetime:
        """START plus ``delta`` (minutes=..., hours=...)."""
        return START + timedelta(**delta)

    def set(self, **delta: float) -> datetime:
        self.now = self.at(**delta)
        return self.now


@dataclass
class SlaDesk:
    desk: Desk
    clock: FakeClock
    calendar: CalendarInfo

    @property
    def services(self) -> Services:
        return self.desk.services


def round_the_clock(name: str = "24/7 UTC") -> CalendarDraft:
    return CalendarDraft(
        name=name,
        timezone="UTC",
        schedules=[ScheduleDraft(date(1970, 1, 1), {d: [("00:00", "24:00")] for d in range(7)})],
    )


# (name, priority, segment, first response, resolution, stages, default)
POLICIES = [
    ("Default", None, None, 480, 2400, (75, 90), True),
    ("Urgent", "urgent", None, 30, 240, (75, 90), False),
    ("Normal", "normal", None, 240, 1440, (75, 90), False),
    ("VIP", None, "vip", 60, 480, (50, 75, 90), False),
]


def make_sla_desk(url: str, calendar: CalendarDraft | None = None) -> SlaDesk:
    clock = FakeClock()
    services = build_services(url, clock=clock)
    desk = make_desk(services)
    admin = services.sla_admin
    cal = admin.create_calendar(desk.manager, calendar or round_the_clock())
    for name, priority, segment, first, resolution, stages, default in POLICIES:
        admin.create_policy(
            desk.manager,
            PolicyDraft(
                name=name,
                priority=priority,
                segment=segment,
                first_response_minutes=first,
                resolution_minutes=resolution,
                warning_stages=stages,
                calendar_id=cal.id,
                is_default=default,
            ),
        )
    return SlaDesk(desk, clock, cal)


def log_ticket(sd: SlaDesk, actor=None, *, segment: str = "standard", **kw):
    call = NewCall(
        subject=kw.pop("subject", "Invoice shows the wrong amount"),
        new_customer=kw.pop(
            "new_customer", NewCustomer("Zahra Kazemi", phones=["0912 345 6789"], segment=segment,
                                        email="zahra@example.com")
        ),
        channel=kw.pop("channel", "email"),
        **kw,
    )
    return sd.services.tickets.log_call(actor or sd.desk.agent, call)


def race(
    url: str, now: datetime, *, scanners: int = 4, batch_size: int = 5
) -> list[list[RaisedStage]]:
    """``scanners`` scanners, each on its own engine (its own connections, as separate
    workstations), released at the same instant; what each one raised."""
    workstations = [build_services(url) for _ in range(scanners)]
    barrier = threading.Barrier(scanners)
    results: list[list[RaisedStage]] = [[] for _ in range(scanners)]
    errors: list[BaseException] = []

    def run(i: int) -> None:
        scanner = SlaScanner(workstations[i].uow, batch_size=batch_size)
        try:
            barrier.wait()
            results[i] = scanner.scan(now)
        except BaseException as exc:  # reported below, not swallowed
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(scanners)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for w in workstations:
        w.dispose()
    assert errors == []
    return results
