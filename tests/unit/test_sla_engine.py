"""SLA clocks and the scan: policy choice, due times, pause and resume, recompute on a
priority change, stages raised once, automatic escalation on breach, catch-up."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from deskapp.models import Escalation, Notification, SlaStageEvent, Ticket
from deskapp.models.enums import (
    Channel,
    Direction,
    EscalationKind,
    InteractionKind,
    NotificationKind,
    Priority,
    Segment,
    SlaClock,
    Status,
)
from deskapp.services import sla_scan
from deskapp.services.sla import (
    PolicyRule,
    SlaEngine,
    StagePlan,
    recompute_open_tickets,
    select_policy,
)
from deskapp.services.sla_admin import CalendarDraft, ScheduleDraft
from deskapp.services.sla_presets import IRAN, ensure_sla_defaults
from deskapp.services.sla_scan import SlaScanner, insert_stage_event
from tests.helpers.sla import START, FakeClock, SlaDesk, log_ticket, make_sla_desk, race


@pytest.fixture
def sd(db_url: str) -> SlaDesk:
    """A desk with SLA policies, on SQLite and on PostgreSQL."""
    sla_desk = make_sla_desk(db_url)
    yield sla_desk
    sla_desk.services.dispose()


def row(sd: SlaDesk, ticket_id: uuid.UUID) -> Ticket:
    with sd.services.uow() as uow:
        t = uow.session.get(Ticket, ticket_id)
        uow.session.expunge(t)
        return t


def count(sd: SlaDesk, model, *where) -> int:
    with sd.services.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def scan(sd: SlaDesk, **delta):
    sd.clock.set(**delta)
    return sd.services.sla_scanner.scan(sd.clock.now)


# -- choosing the policy -------------------------------------------------------


def rule(name, priority=None, segment=None, channel=None, res=1000, default=False, active=True):
    return PolicyRule(
        uuid.uuid4(), name, priority, segment, channel, 10, res, (75, 90), uuid.uuid4(),
        default, active,
    )


def test_most_specific_active_policy_wins_then_the_tighter_then_the_default():
    default = rule("Default", res=5000, default=True)
    normal = rule("Normal", priority=Priority.NORMAL, res=1440)
    vip = rule("VIP", segment=Segment.VIP, res=480)
    vip_phone = rule("VIP phone", segment=Segment.VIP, channel=Channel.PHONE, res=600)
    retired = rule("Retired", priority=Priority.NORMAL, segment=Segment.VIP, active=False)
    policies = [default, normal, vip, vip_phone, retired]
    pick = lambda p, s, c: select_policy(policies, p, s, c).name  # noqa: E731
    assert pick(Priority.NORMAL, Segment.STANDARD, Channel.EMAIL) == "Normal"
    # Two criteria beat one, even with a looser target; inactive policies never count.
    assert pick(Priority.NORMAL, Segment.VIP, Channel.PHONE) == "VIP phone"
    # One criterion each (priority vs segment): the tighter target wins.
    assert pick(Priority.NORMAL, Segment.VIP, Channel.EMAIL) == "VIP"
    # Nothing specific: the default policy (it matches everything anyway).
    assert pick(Priority.LOW, Segment.STANDARD, Channel.WEB) == "Default"
    # A default with criteria is still the fallback when nothing matches.
    odd_default = rule("Odd", channel=Channel.SOCIAL, default=True)
    assert select_policy([odd_default], Priority.LOW, Segment.STANDARD, Channel.WEB) is odd_default
    assert select_policy([], Priority.LOW, Segment.STANDARD, Channel.WEB) is None


def test_vip_customer_gets_the_vip_policy(sd: SlaDesk):
    t = log_ticket(sd, segment="vip").ticket
    assert t.first_response_due == START + timedelta(minutes=60)
    assert t.resolution_due == START + timedelta(minutes=480)


def test_without_any_policy_a_ticket_has_no_sla(services, desk):
    t = log_ticket(SlaDesk(desk, FakeClock(), None)).ticket  # type: ignore[arg-type]
    assert t.first_response_due is None and t.resolution_due is None


# -- due times -----------------------------------------------------------------


def test_due_times_and_next_check_at_creation(sd: SlaDesk):
    t = log_ticket(sd).ticket  # an e-mail, normal priority: 240 / 1440 minutes, 24/7
    assert t.first_response_due == START + timedelta(minutes=240)
    assert t.resolution_due == START + timedelta(minutes=1440)
    r = row(sd, t.id)
    assert r.sla_next_check_at == START + timedelta(minutes=180)  # 75 % of 240
    policy_names = {p.id: p.name for p in sd.services.sla_admin.list_policies(sd.desk.manager)}
    assert policy_names[r.sla_policy_id] == "Normal"


def test_a_phone_call_has_had_its_first_response(sd: SlaDesk):
    t = log_ticket(sd, channel="phone").ticket
    # The first-response clock stopped at once; the next stage is 75 % of resolution.
    assert row(sd, t.id).sla_next_check_at == START + timedelta(minutes=1080)


def test_business_hours_calendar_moves_due_times_over_the_night(sqlite_url: str):
    office = CalendarDraft(
        "Office", "UTC", [ScheduleDraft(date(1970, 1, 1), {d: [("09:00", "17:00")] for d in range(5)})]
    )
    sd = make_sla_desk(sqlite_url, office)
    try:
        sd.clock.now = START + timedelta(hours=6)  # Monday 15:00
        t = log_ticket(sd).ticket
        # 240 minutes: two hours on Monday, two on Tuesday from 09:00.
        assert t.first_response_due == START + timedelta(days=1, hours=2)
    finally:
        sd.services.dispose()


def test_priority_change_recomputes_due_times(sd: SlaDesk):
    tickets = sd.services.tickets
    t = log_ticket(sd).ticket
    sd.clock.set(minutes=10)
    t = tickets.update(sd.desk.agent, t.id, t.version, priority=Priority.URGENT)
    assert t.first_response_due == START + timedelta(minutes=30)
    assert t.resolution_due == START + timedelta(minutes=240)
    assert row(sd, t.id).sla_next_check_at == START + timedelta(minutes=22.5)


# -- pause and resume ---------------------------------------------------------------


def test_pending_customer_pauses_resolution_and_a_reply_resumes_it(sd: SlaDesk):
    tickets = sd.services.tickets
    agent = sd.desk.agent
    t = log_ticket(sd).ticket
    sd.clock.set(minutes=60)
    tickets.add_interaction(agent, t.id, InteractionKind.EMAIL, "Which invoice number?")
    t = tickets.get(agent, t.id).ticket
    t = tickets.change_status(agent, t.id, t.version, Status.PENDING_CUSTOMER)
    r = row(sd, t.id)
    assert r.first_response_at == START + timedelta(minutes=60)  # first clock stopped
    assert r.sla_paused_since == START + timedelta(minutes=60)
    assert r.sla_next_check_at is None  # nothing can fall due while paused
    assert r.resolution_due == START + timedelta(minutes=1440)  # as it stood

    sd.clock.set(minutes=600)  # the customer answers 9 hours later
    tickets.add_interaction(agent, t.id, InteractionKind.EMAIL, "INV-2291", Direction.INBOUND)
    r = row(sd, t.id)
    assert r.status is Status.OPEN
    assert r.sla_paused_since is None
    assert r.sla_paused_seconds == 540 * 60
    assert r.resolution_due == START + timedelta(minutes=1440 + 540)
    assert r.sla_next_check_at == START + timedelta(minutes=1080 + 540)


def test_resolution_stops_the_clocks_and_reopening_continues_them(sd: SlaDesk):
    tickets = sd.services.tickets
    agent = sd.desk.agent
    t = log_ticket(sd, channel="phone").ticket
    sd.clock.set(minutes=100)
    t = tickets.change_status(agent, t.id, t.version, Status.RESOLVED)
    r = row(sd, t.id)
    assert r.sla_next_check_at is None and r.sla_paused_since == sd.clock.now
    sd.clock.set(minutes=400)
    t = tickets.change_status(agent, t.id, t.version, Status.OPEN)
    r = row(sd, t.id)
    assert r.sla_paused_seconds == 300 * 60
    assert r.resolution_due == START + timedelta(minutes=1440 + 300)


# -- the scan -------------------------------------------------------------------------


def test_each_stage_is_raised_once_to_the_assignee(sd: SlaDesk):
    t = log_ticket(sd).ticket
    assert scan(sd, minutes=179) == []
    (raised,) = scan(sd, minutes=181)
    assert (raised.reference, raised.clock, raised.stage) == (
        t.reference, SlaClock.FIRST_RESPONSE, "warning_75",
    )
    assert raised.recipient_ids == (sd.desk.agent.user_id,)
    assert raised.recipient_names == ("Ali Rezaei",)
    assert not raised.escalated
    assert scan(sd, minutes=182) == []  # the same stage never twice
    assert row(sd, t.id).sla_next_check_at == START + timedelta(minutes=216)  # 90 %
    (raised,) = scan(sd, minutes=217)
    assert raised.stage == "warning_90"
    assert count(sd, SlaStageEvent) == 2
    notes = count(sd, Notification, Notification.kind == NotificationKind.SLA_WARNING)
    assert notes == 2


def test_breach_escalates_automatically_to_the_supervisor(sd: SlaDesk):
    t = log_ticket(sd).ticket
    scan(sd, minutes=200)  # warning_75
    (raised,) = scan(sd, minutes=241)
    assert raised.stage == "breach" and raised.is_breach
    assert raised.escalated and raised.escalation_level == 1
    assert raised.supervisor_id == sd.desk.supervisor.user_id
    assert raised.supervisor_name == "Maryam Hosseini"
    with sd.services.uow() as uow:
        (esc,) = uow.session.scalars(select(Escalation).where(Escalation.ticket_id == t.id))
        assert esc.automatic is True and esc.kind is EscalationKind.HIERARCHICAL
        assert (esc.from_level, esc.to_level) == (0, 1)
        assert "first response" in esc.reason
    assert row(sd, t.id).escalation_level == 1
    assert count(
        sd, Notification,
        Notification.recipient_id == sd.desk.supervisor.user_id,
        Notification.kind == NotificationKind.ESCALATION,
    ) == 1
    assert count(
        sd, Notification,
        Notification.recipient_id == sd.desk.agent.user_id,
        Notification.kind == NotificationKind.SLA_BREACH,
    ) == 1
    # Scanning again changes nothing: once per ticket and clock.
    assert scan(sd, minutes=300) == []
    assert count(sd, Escalation) == 1


def test_catch_up_after_downtime_raises_only_the_latest_stage_of_each_clock(sd: SlaDesk):
    t = log_ticket(sd).ticket
    # The workstation slept for two days: both clocks breached meanwhile.
    raised = scan(sd, days=2)
    assert sorted((r.clock.value, r.stage) for r in raised) == [
        ("first_response", "breach"),
        ("resolution", "breach"),
    ]
    with sd.services.uow() as uow:
        stages = set(uow.session.execute(select(SlaStageEvent.clock, SlaStageEvent.stage)))
    assert stages == {("first_response", "breach"), ("resolution", "breach")}
    # The superseded warnings are never raised later, and each breach escalated once.
    assert scan(sd, days=3) == []
    assert row(sd, t.id).escalation_level == 2
    assert row(sd, t.id).sla_next_check_at is None


def test_unassigned_ticket_warns_the_whole_team(sd: SlaDesk):
    tickets = sd.services.tickets
    t = log_ticket(sd).ticket
    tickets.assign(sd.desk.agent, t.id, t.version, None, reason="back to the pool")
    (raised,) = scan(sd, minutes=181)
    # Front desk: Ali (agent) and Maryam (supervisor) are its members.
    assert set(raised.recipient_ids) == {sd.desk.agent.user_id, sd.desk.supervisor.user_id}


def test_a_scan_that_lost_the_race_does_not_notify(sd: SlaDesk, monkeypatch):
    t = log_ticket(sd).ticket
    first = SlaScanner(sd.services.uow)
    assert len(first.scan(START + timedelta(minutes=181))) == 1
    # A second workstation that read the ticket before the first one committed: it
    # believes nothing was raised and its due check still points at the stage.
    with sd.services.uow() as uow:
        uow.session.execute(
            Ticket.__table__.update().values(sla_next_check_at=START + timedelta(minutes=180))
        )
        uow.commit()
    monkeypatch.setattr(sla_scan, "raised_percents", lambda s, ids: {})
    assert SlaScanner(sd.services.uow).scan(START + timedelta(minutes=181)) == []
    assert count(sd, SlaStageEvent) == 1
    assert count(sd, Notification, Notification.ticket_id == t.id) == 1


def test_stage_event_insert_is_the_exactly_once_gate(sd: SlaDesk):
    t = log_ticket(sd).ticket
    stage = StagePlan(SlaClock.RESOLUTION, "warning_75", 75, START)
    with sd.services.uow() as uow:
        assert insert_stage_event(uow.session, t.id, stage, START) is True
        assert insert_stage_event(uow.session, t.id, stage, START) is False
        uow.commit()


def test_scan_does_not_bump_the_ticket_version_for_a_warning(sd: SlaDesk):
    t = log_ticket(sd).ticket
    scan(sd, minutes=181)
    # The agent's screen still holds version t.version: saving must not be "stale".
    sd.services.tickets.change_status(sd.desk.agent, t.id, t.version, Status.PENDING_CUSTOMER)


def test_scan_reads_only_due_open_tickets(sd: SlaDesk):
    tickets = sd.services.tickets
    due = log_ticket(sd).ticket
    sd.clock.set(minutes=100)
    later = log_ticket(sd, new_customer=None, customer_id=due.customer_id).ticket
    done = log_ticket(sd, new_customer=None, customer_id=due.customer_id).ticket
    tickets.change_status(sd.desk.agent, done.id, done.version, Status.RESOLVED)
    raised = scan(sd, minutes=181)
    assert [r.reference for r in raised] == [due.reference]
    assert row(sd, later.id).sla_next_check_at == START + timedelta(minutes=280)


# -- bulk recompute and presets -----------------------------------------------------


def test_recompute_open_tickets_fills_tickets_inserted_behind_the_service(sd: SlaDesk):
    t = log_ticket(sd).ticket
    with sd.services.uow() as uow:
        uow.session.execute(
            Ticket.__table__.update().values(
                first_response_due=None, resolution_due=None, sla_next_check_at=None,
                sla_policy_id=None,
            )
        )
        uow.commit()
    assert recompute_open_tickets(sd.services.uow, now=START) == 1
    r = row(sd, t.id)
    assert r.first_response_due == START + timedelta(minutes=240)
    assert r.sla_next_check_at == START + timedelta(minutes=180)
    assert r.version == t.version  # bookkeeping, not an edit
    assert recompute_open_tickets(sd.services.uow, now=START) == 0


def test_ensure_sla_defaults_installs_once(services, desk):
    assert ensure_sla_defaults(services.uow) is True
    assert ensure_sla_defaults(services.uow) is False
    policies = services.sla_admin.list_policies(desk.manager)
    calendars = {c.name: c for c in services.sla_admin.list_calendars(desk.manager)}
    assert len(calendars) == 2 and IRAN in calendars
    iran = calendars[IRAN]
    assert iran.timezone == "Asia/Tehran" and iran.holiday_country == "IR"
    assert iran.schedules[0].weekly_minutes == 5 * 480 + 300
    assert {p.calendar_name for p in policies} == {IRAN}
    assert [p.name for p in policies if p.is_default] == ["Default"]
    assert len(policies) == 7


def test_engine_ignores_tickets_when_no_policy_exists(services, desk):
    engine = SlaEngine()
    with services.uow() as uow:
        assert engine.catalog(uow.session).rules == []


def test_waiting_on_a_third_party_does_not_stop_the_first_response_clock(sd: SlaDesk):
    t = log_ticket(sd).ticket  # e-mail, nobody has answered the customer yet
    sd.clock.set(minutes=30)
    t = sd.services.tickets.change_status(sd.desk.agent, t.id, t.version, Status.PENDING_THIRD_PARTY)
    r = row(sd, t.id)
    assert r.sla_paused_since == START + timedelta(minutes=30)  # resolution paused
    assert r.sla_next_check_at == START + timedelta(minutes=180)  # first response runs on
    (raised,) = scan(sd, minutes=181)
    assert raised.clock is SlaClock.FIRST_RESPONSE


def test_a_ticket_that_fails_mid_scan_is_rolled_back_alone_and_retried(sd: SlaDesk, monkeypatch):
    from sqlalchemy.orm.exc import StaleDataError

    broken = log_ticket(sd).ticket
    fine = log_ticket(sd, new_customer=None, customer_id=broken.customer_id).ticket
    real = sla_scan.apply_escalation

    def escalate(session, ticket, **kw):
        if ticket.id == broken.id:
            real(session, ticket, **kw)  # writes, then the flush finds the row changed
            raise StaleDataError("changed by an agent meanwhile")
        return real(session, ticket, **kw)

    monkeypatch.setattr(sla_scan, "apply_escalation", escalate)
    raised = scan(sd, minutes=241)
    assert [r.reference for r in raised] == [fine.reference]
    # Nothing of the failed ticket's breach was kept: no event, no escalation, no note.
    assert count(sd, SlaStageEvent, SlaStageEvent.ticket_id == broken.id) == 0
    assert count(sd, Escalation, Escalation.ticket_id == broken.id) == 0
    assert count(sd, Notification, Notification.ticket_id == broken.id) == 0
    monkeypatch.setattr(sla_scan, "apply_escalation", real)
    (again,) = scan(sd, minutes=242)
    assert (again.reference, again.stage, again.escalated) == (broken.reference, "breach", True)


def test_scanners_racing_on_one_sqlite_file_raise_each_stage_once(sqlite_url: str):
    """Several workstations on one SQLite file (a branch office's shared disk): the
    scan takes the write lock before it reads, so nobody fails with "database is
    locked" and the unique key keeps every stage to one raise."""
    sd = make_sla_desk(sqlite_url)
    try:
        first = log_ticket(sd)
        for _ in range(11):
            log_ticket(sd, new_customer=None, customer_id=first.customer.id)
        for minutes, stages in ((181, 12), (2181, 24)):  # FR warnings; then both breaches
            results = race(sqlite_url, START + timedelta(minutes=minutes))
            keys = Counter((r.ticket_id, r.clock, r.stage) for rs in results for r in rs)
            assert len(keys) == stages and set(keys.values()) == {1}
        assert count(sd, SlaStageEvent) == 36
        assert count(sd, Escalation) == 24
    finally:
        sd.services.dispose()
