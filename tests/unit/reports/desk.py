"""A small hand-built desk for the report tests: twelve tickets over two calendars,
with pauses, a reopen, an escalation and CSAT scores. Every figure the reports
must produce from it is worked out by hand in test_report_figures.py.

Calendars: "24/7 UTC" (policy "Default": first response 4 h, resolution 24 h) and
"Office" (UTC, Monday-Friday 09:00-17:00; policy "VIP" for VIP customers: 1 h / 8 h).
Hours below count from START, Monday 2026-11-23 09:00 UTC; the report covers
Monday 23 to Sunday 29 November (UTC) and is run at h=336 (Monday 7 December 09:00).

  h    event
 -72   T11 walk-in (ali), created before the range
   0   T1 phone (ali)              1  T1 resolved, CSAT 5
   1   T2 email (ali, customer C2) 3  T2 reply; T5 phone (sara)
   4   T5 escalated (functional) to Front desk: unassigned
   5   T2 resolved, CSAT 4         6  T5 resolved by the supervisor
   7   T4 email (sara, VIP, Monday 16:00 office time)
  24   T3 phone (ali, C2 again: T2 is not first-contact); T11 resolved
  25   T4 reply                    26 T3 resolved, CSAT 3; T4 pending customer
  27   T6 email (ali)              28 T6 reply   30 T6 resolved, CSAT 1
  40   T6 reopened                 42 T6 resolved again
  48   T4 customer answers (open); T9 phone (ali)   49 T9 resolved, CSAT 5
  51   T4 resolved, CSAT 2
  72   T12 email (sara)            73 reply  74 resolved, CSAT 4  80 customer writes again
 121   T7 chat (ali, VIP, Saturday)   122 pending third party
 155   T8 email (sara), never answered
 192   T10 phone (ali, C9 again, 1 December): T9 is not first-contact
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from deskapp.services.customers import NewCustomer
from deskapp.services.facade import Services, build_services
from deskapp.services.permissions import Actor
from deskapp.services.sla_admin import CalendarDraft, PolicyDraft, ScheduleDraft
from deskapp.services.tickets import NewCall
from tests.helpers.sla import FakeClock, round_the_clock
from tests.helpers.staff import Desk, make_desk

NOW_H = 336
RANGE = (date(2026, 11, 23), date(2026, 11, 29))


@dataclass
class ReportDesk:
    services: Services
    desk: Desk
    clock: FakeClock
    tickets: dict[str, uuid.UUID] = field(default_factory=dict)
    teams: dict[str, uuid.UUID] = field(default_factory=dict)


def office() -> CalendarDraft:
    return CalendarDraft(
        name="Office",
        timezone="UTC",
        schedules=[ScheduleDraft(date(1970, 1, 1), {d: [("09:00", "17:00")] for d in range(5)})],
    )


def build(url: str, customer_name: str = "Customer", vip_policy: str = "VIP") -> ReportDesk:
    clock = FakeClock()
    services = build_services(url, clock=clock)
    desk = make_desk(services)
    rd = ReportDesk(services, desk, clock)
    admin = services.sla_admin
    always = admin.create_calendar(desk.manager, round_the_clock())
    work = admin.create_calendar(desk.manager, office())
    admin.create_policy(desk.manager, PolicyDraft("Default", 240, 1440, always.id, is_default=True))
    admin.create_policy(desk.manager, PolicyDraft(vip_policy, 60, 480, work.id, segment="vip"))
    rd.teams = {name: tid for tid, name in services.reports.team_choices(desk.manager)}

    tk = services.tickets
    ali, sara, boss = desk.agent, desk.other_agent, desk.supervisor
    customers: dict[str, uuid.UUID] = {}

    def at(h: float) -> None:
        clock.set(hours=h)

    def log(name: str, actor: Actor, customer: str, channel: str, segment: str = "standard"):
        if customer in customers:
            call = NewCall(subject=f"{name} subject", customer_id=customers[customer], channel=channel)
        else:
            call = NewCall(
                subject=f"{name} subject",
                new_customer=NewCustomer(
                    f"{customer_name} {customer}",
                    phones=[f"0912 345 {len(customers):04d}"],
                    email=f"{customer.lower()}@example.com",
                    segment=segment,
                ),
                channel=channel,
            )
        detail = tk.log_call(actor, call)
        customers[customer] = detail.ticket.customer_id
        rd.tickets[name] = detail.ticket.id

    def status(name: str, actor: Actor, new: str, **kw) -> None:
        tid = rd.tickets[name]
        version = tk.get(actor, tid).ticket.version
        tk.change_status(actor, tid, version, new, **kw)

    def reply(name: str, actor: Actor, direction: str = "outbound") -> None:
        tk.add_interaction(actor, rd.tickets[name], "email", "Thanks for writing.", direction)

    at(-72); log("T11", ali, "C11", "walk_in")  # noqa: E702
    at(0); log("T1", ali, "C1", "phone")  # noqa: E702
    at(1); status("T1", ali, "resolved", csat=5); log("T2", ali, "C2", "email")  # noqa: E702
    at(3); reply("T2", ali); log("T5", sara, "C5", "phone")  # noqa: E702
    at(4)
    reason = services.escalations.reasons()[0].code
    version = tk.get(sara, rd.tickets["T5"]).ticket.version
    services.escalations.escalate_functional(
        sara, rd.tickets["T5"], version, to_team_id=rd.teams["Front desk"], reason=reason,
        note="Needs the front desk.",
    )
    at(5); status("T2", ali, "resolved", csat=4)  # noqa: E702
    at(6); status("T5", boss, "resolved")  # noqa: E702
    at(7); log("T4", sara, "C4", "email", "vip")  # noqa: E702
    at(24); log("T3", ali, "C2", "phone"); status("T11", ali, "resolved")  # noqa: E702
    at(25); reply("T4", sara)  # noqa: E702
    at(26); status("T3", ali, "resolved", csat=3); status("T4", sara, "pending_customer")  # noqa: E702
    at(27); log("T6", ali, "C6", "email")  # noqa: E702
    at(28); reply("T6", ali)  # noqa: E702
    at(30); status("T6", ali, "resolved", csat=1)  # noqa: E702
    at(40); status("T6", ali, "open")  # noqa: E702
    at(42); status("T6", ali, "resolved")  # noqa: E702
    at(48); reply("T4", sara, "inbound"); log("T9", ali, "C9", "phone")  # noqa: E702
    at(49); status("T9", ali, "resolved", csat=5)  # noqa: E702
    at(51); status("T4", sara, "resolved", csat=2)  # noqa: E702
    at(72); log("T12", sara, "C12", "email")  # noqa: E702
    at(73); reply("T12", sara)  # noqa: E702
    at(74); status("T12", sara, "resolved", csat=4)  # noqa: E702
    at(80); reply("T12", sara, "inbound")  # noqa: E702
    at(121); log("T7", ali, "C7", "chat", "vip")  # noqa: E702
    at(122); status("T7", ali, "pending_third_party")  # noqa: E702
    at(155); log("T8", sara, "C8", "email")  # noqa: E702
    at(192); log("T10", ali, "C9", "phone")  # noqa: E702
    at(NOW_H)
    return rd
