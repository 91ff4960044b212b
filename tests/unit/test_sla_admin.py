"""Managers edit SLA policies and calendars: validation with clear messages,
permissions, optimistic locking, and due times following the change."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from deskapp.services.errors import AlreadyExists, PermissionDenied, StaleUpdate, ValidationFailed
from deskapp.services.sla_admin import (
    CalendarDraft,
    CustomDay,
    PolicyDraft,
    ScheduleDraft,
    holiday_countries,
)
from tests.helpers.sla import START, SlaDesk, log_ticket, make_sla_desk, round_the_clock

EPOCH = date(1970, 1, 1)


@pytest.fixture
def sd(sqlite_url: str) -> SlaDesk:
    sla_desk = make_sla_desk(sqlite_url)
    yield sla_desk
    sla_desk.services.dispose()


def policy(sd: SlaDesk, **kw) -> PolicyDraft:
    values = dict(
        name="Billing e-mail", first_response_minutes=60, resolution_minutes=600,
        calendar_id=sd.calendar.id, channel="email", priority="high",
    )
    values.update(kw)
    return PolicyDraft(**values)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (dict(first_response_minutes=0), "first-response target must be more than 0"),
        (dict(resolution_minutes=-5), "resolution target must be more than 0"),
        (dict(first_response_minutes=1.5), "whole number of minutes"),
        (dict(first_response_minutes=700), "cannot be longer than the resolution"),
        (dict(warning_stages=(90, 75)), "must go up: 75% comes after 90%"),
        (dict(warning_stages=(75, 75)), "must go up"),
        (dict(warning_stages=(0, 50)), "0 is not a whole percentage from 1 to 99"),
        (dict(warning_stages=(50, 100)), "100 is not a whole percentage"),
        (dict(priority="critical"), "Priority 'critical' is not one of"),
        (dict(name="  "), "Name is required"),
        (dict(is_default=True, active=False), "default policy must be active"),
    ],
)
def test_policy_validation(sd: SlaDesk, changes, message):
    with pytest.raises(ValidationFailed, match=message):
        sd.services.sla_admin.create_policy(sd.desk.manager, policy(sd, **changes))


def test_policy_criteria_must_not_duplicate_an_active_policy(sd: SlaDesk):
    admin = sd.services.sla_admin
    with pytest.raises(ValidationFailed, match="'Urgent' already covers priority urgent"):
        admin.create_policy(sd.desk.manager, policy(sd, priority="urgent", channel=None))
    with pytest.raises(AlreadyExists):
        admin.create_policy(sd.desk.manager, policy(sd, name="vip"))
    # Inactive, it may duplicate (a policy kept for later).
    admin.create_policy(
        sd.desk.manager, policy(sd, name="Spare", priority="urgent", channel=None, active=False)
    )


def test_only_managers_edit_policies(sd: SlaDesk):
    for who in (sd.desk.agent, sd.desk.supervisor, sd.desk.admin):
        with pytest.raises(PermissionDenied, match="may not manage sla"):
            sd.services.sla_admin.create_policy(who, policy(sd))
        with pytest.raises(PermissionDenied):
            sd.services.sla_admin.list_calendars(who)


def test_create_and_update_policy_with_optimistic_locking(sd: SlaDesk):
    admin = sd.services.sla_admin
    created = admin.create_policy(sd.desk.manager, policy(sd, warning_stages=(50, 80)))
    assert created.warning_stages == (50, 80) and created.calendar_name == "24/7 UTC"
    updated = admin.update_policy(
        sd.desk.manager, created.id, created.version,
        replace(created.draft(), resolution_minutes=300),
    )
    assert updated.resolution_minutes == 300 and updated.version == created.version + 1
    with pytest.raises(StaleUpdate, match="changed by Nima Moradi"):
        admin.update_policy(sd.desk.manager, created.id, created.version, created.draft())


def test_a_new_default_replaces_the_old_one(sd: SlaDesk):
    admin = sd.services.sla_admin
    admin.create_policy(
        sd.desk.manager, policy(sd, name="New default", priority=None, channel="web", is_default=True)
    )
    defaults = [p.name for p in admin.list_policies(sd.desk.manager) if p.is_default]
    assert defaults == ["New default"]


def test_changing_a_target_moves_the_due_times_of_open_tickets(sd: SlaDesk):
    t = log_ticket(sd).ticket  # Normal: 240 / 1440
    admin = sd.services.sla_admin
    normal = next(p for p in admin.list_policies(sd.desk.manager) if p.name == "Normal")
    admin.update_policy(
        sd.desk.manager, normal.id, normal.version,
        replace(normal.draft(), first_response_minutes=120),
    )
    detail = sd.services.tickets.get(sd.desk.agent, t.id).ticket
    assert detail.first_response_due == START + timedelta(minutes=120)
    assert detail.version == t.version  # bookkeeping: the agent's copy is still current


def test_a_more_specific_new_policy_takes_over_open_tickets(sd: SlaDesk):
    t = log_ticket(sd).ticket  # normal priority, e-mail
    sd.services.sla_admin.create_policy(
        sd.desk.manager,
        policy(sd, name="Normal e-mail", priority="normal", first_response_minutes=90),
    )
    detail = sd.services.tickets.get(sd.desk.agent, t.id).ticket
    assert detail.first_response_due == START + timedelta(minutes=90)


# -- calendars ---------------------------------------------------------------


def week(hours=(("09:00", "17:00"),), days=range(5)):
    return {d: list(hours) for d in days}


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (CalendarDraft("Empty", "UTC", [ScheduleDraft(EPOCH, {})]), "at least one working hour"),
        (
            CalendarDraft("Tiny", "UTC", [ScheduleDraft(EPOCH, week((("09:00", "09:10"),)))]),
            None,  # 50 minutes a week is too little, but 5 days x 10 min = 50: refused
        ),
        (CalendarDraft("Zone", "Asia/Teheran", [ScheduleDraft(EPOCH, week())]), "Asia/Teheran"),
        (CalendarDraft("Time", "UTC", [ScheduleDraft(EPOCH, week((("9h", "17:00"),)))]), "9h"),
        (
            CalendarDraft("Order", "UTC", [ScheduleDraft(EPOCH, week((("17:00", "09:00"),)))]),
            "Monday .*the end must be after the start",
        ),
        (
            CalendarDraft("Overlap", "UTC", [ScheduleDraft(EPOCH, week((("09:00", "13:00"), ("12:00", "17:00"))))]),
            "overlaps",
        ),
        (CalendarDraft("Day", "UTC", [ScheduleDraft(EPOCH, {7: [("09:00", "17:00")]})]), "Weekday 7"),
        (CalendarDraft("Country", "UTC", [ScheduleDraft(EPOCH, week())], holiday_country="XX"), "'XX' are not known"),
        (
            CalendarDraft("Sub", "UTC", [ScheduleDraft(EPOCH, week())], holiday_country="DE", holiday_subdivision="ZZ"),
            "DE has no subdivision 'ZZ'",
        ),
        (CalendarDraft("None", "UTC", []), "needs weekly working hours"),
        (
            CalendarDraft("Twice", "UTC", [ScheduleDraft(EPOCH, week()), ScheduleDraft(EPOCH, week())]),
            "Two schedules start on 1970-01-01",
        ),
        (
            CalendarDraft("Custom", "UTC", [ScheduleDraft(EPOCH, week())], custom_days=[CustomDay(date(2026, 1, 1), "x", [("12:00", "11:00")])]),
            "2026-01-01",
        ),
    ],
)
def test_calendar_validation(sd: SlaDesk, draft, message):
    with pytest.raises(ValidationFailed, match=message or "working hour"):
        sd.services.sla_admin.create_calendar(sd.desk.manager, draft)


def test_calendar_round_trip_with_schedule_change_and_custom_days(sd: SlaDesk):
    admin = sd.services.sla_admin
    draft = CalendarDraft(
        "Tehran office", "Asia/Tehran",
        [
            ScheduleDraft(EPOCH, {5: [("08:00", "16:00")], 3: [("08:00", "13:00")]}),
            ScheduleDraft(date(2026, 6, 21), {5: [("07:00", "14:00")]}),
        ],
        holiday_country="ir",
        custom_days=[
            CustomDay(date(2026, 3, 18), "Early close", [("08:00", "12:00")]),
            CustomDay(date(2026, 3, 19), "Company day off"),
        ],
    )
    cal = admin.create_calendar(sd.desk.manager, draft)
    assert cal.holiday_country == "IR"
    assert [s.weekly_minutes for s in cal.schedules] == [780, 420]
    assert cal.custom_days[0].hours == (("08:00", "12:00"),) and cal.custom_days[1].hours is None
    # Edit: drop the summer schedule, change a custom day, keep the same dates.
    edited = admin.update_calendar(
        sd.desk.manager, cal.id, cal.version,
        replace(
            cal.draft(),
            schedules=[cal.draft().schedules[0]],
            custom_days=[CustomDay(date(2026, 3, 18), "Half day", [("08:00", "11:00")])],
        ),
    )
    assert len(edited.schedules) == 1 and edited.version == cal.version + 1
    assert edited.custom_days == (CustomDay(date(2026, 3, 18), "Half day", (("08:00", "11:00"),)),)
    with pytest.raises(StaleUpdate):
        admin.update_calendar(sd.desk.manager, cal.id, cal.version, cal.draft())
    days = admin.holidays(sd.desk.manager, cal.id, 2026)
    by_day = {h.day: h for h in days}
    assert by_day[date(2026, 3, 18)].custom and by_day[date(2026, 3, 18)].name == "Half day"
    assert not by_day[date(2026, 3, 23)].custom  # a Nowruz holiday from the package
    with pytest.raises(AlreadyExists):
        admin.create_calendar(sd.desk.manager, replace(draft, name="TEHRAN OFFICE"))


def test_calendar_change_moves_due_times_of_its_tickets(sd: SlaDesk):
    t = log_ticket(sd).ticket  # Monday 09:00 on the 24/7 calendar: first response 13:00
    admin = sd.services.sla_admin
    cal = admin.get_calendar(sd.desk.manager, sd.calendar.id)
    office = replace(round_the_clock(), schedules=[ScheduleDraft(EPOCH, week((("09:00", "11:00"),)))])
    admin.update_calendar(sd.desk.manager, cal.id, cal.version, office)
    detail = sd.services.tickets.get(sd.desk.agent, t.id).ticket
    # 240 minutes at two hours a day: Monday 09-11 and Tuesday 09-11.
    assert detail.first_response_due == START + timedelta(days=1, hours=2)


def test_holiday_countries_for_the_picker():
    countries = {c.code: c for c in holiday_countries()}
    assert "IR" in countries and "BY" in countries["DE"].subdivisions
