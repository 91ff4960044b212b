"""Business-time arithmetic: worked examples (nights, weekends, Iranian holidays and
Nowruz, the Thursday half day, custom days, schedule changes, pauses, daylight
saving) and property tests (round trip, monotonicity, additivity)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from deskapp.services.business_time import (
    NoWorkingTime,
    WeeklySchedule,
    WorkCalendar,
    add_business_minutes,
    add_business_time,
    add_business_times,
    business_minutes_between,
    business_time_between,
    country_holidays,
    is_working,
    parse_hhmm,
    parse_ranges,
)
from deskapp.services.sla_presets import IRAN_PRESET, weekdays_preset

TEHRAN = ZoneInfo("Asia/Tehran")
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
EPOCH = date(1970, 1, 1)


def iran(**kw) -> WorkCalendar:
    return WorkCalendar(
        "Asia/Tehran",
        (WeeklySchedule.from_strings(IRAN_PRESET.weekly_hours, EPOCH),),
        holiday_country="IR",
        **kw,
    )


def weekdays(zone: str = "UTC", **kw) -> WorkCalendar:
    preset = weekdays_preset(zone)
    return WorkCalendar(zone, (WeeklySchedule.from_strings(preset.weekly_hours, EPOCH),), **kw)


def always(zone: str) -> WorkCalendar:
    return WorkCalendar(zone, (WeeklySchedule(EPOCH, (((0, 1440),),) * 7),))


def teh(*args: int) -> datetime:
    return datetime(*args, tzinfo=TEHRAN)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# -- parsing -----------------------------------------------------------------


def test_parse_times_and_ranges():
    assert parse_hhmm("08:30") == 510
    assert parse_hhmm("24:00") == 1440
    assert parse_ranges([["13:00", "16:00"], ["08:00", "12:00"]]) == ((480, 720), (780, 960))
    for bad in ("8", "25:00", "24:30", "12:60", "ab:cd", ""):
        with pytest.raises(ValueError):
            parse_hhmm(bad)
    with pytest.raises(ValueError, match="after the start"):
        parse_ranges([["16:00", "08:00"]])
    with pytest.raises(ValueError, match="overlaps"):
        parse_ranges([["08:00", "12:00"], ["11:00", "13:00"]])


def test_unknown_zone_is_refused_with_its_name():
    with pytest.raises(ValueError, match="Mars/Olympus"):
        WorkCalendar("Mars/Olympus", (WeeklySchedule(EPOCH, ((),) * 7),))


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="naive"):
        add_business_minutes(iran(), datetime(2025, 10, 15, 9, 0), 10)


# -- the Iranian week ---------------------------------------------------------


def test_iranian_week_hours():
    cal = iran()
    assert teh(2025, 10, 15).weekday() == 2  # a Wednesday, no holiday that week
    assert business_minutes_between(cal, teh(2025, 10, 11), teh(2025, 10, 18)) == 5 * 480 + 300
    assert business_minutes_between(cal, teh(2025, 10, 16), teh(2025, 10, 17)) == 300  # Thursday
    assert business_minutes_between(cal, teh(2025, 10, 17), teh(2025, 10, 18)) == 0  # Friday


def test_night_carries_over_to_the_next_morning():
    # Saturday 15:30 + 60 business minutes: 30 today, 30 on Sunday from 08:00.
    assert add_business_minutes(iran(), teh(2025, 10, 18, 15, 30), 60) == teh(2025, 10, 19, 8, 30)
    # Started at night: the clock starts with the working day.
    assert add_business_minutes(iran(), teh(2025, 10, 18, 22, 0), 60) == teh(2025, 10, 19, 9, 0)


def test_thursday_half_day_and_friday_off():
    cal = iran()
    # Wednesday 15:00 + 120: one hour on Wednesday, one on Thursday morning.
    assert add_business_minutes(cal, teh(2025, 10, 15, 15, 0), 120) == teh(2025, 10, 16, 9, 0)
    # Thursday 12:00 + 120: Thursday closes at 13:00, Friday is off, Saturday 09:00.
    assert add_business_minutes(cal, teh(2025, 10, 16, 12, 0), 120) == teh(2025, 10, 18, 9, 0)
    assert not is_working(cal, teh(2025, 10, 16, 14, 0))
    assert is_working(cal, teh(2025, 10, 16, 12, 59))


def test_target_ending_at_closing_time_is_due_at_closing_time():
    assert add_business_minutes(iran(), teh(2025, 10, 15, 15, 0), 60) == teh(2025, 10, 15, 16, 0)


def test_iranian_public_holiday():
    cal = iran()
    # 14 and 15 Khordad (Wednesday 4 and Thursday 5 June 2025) are public holidays.
    assert country_holidays("IR", "", 2025)[date(2025, 6, 4)] == "Death of Imam Khomeini"
    assert date(2025, 6, 5) in country_holidays("IR", "", 2025)
    # Tuesday 15:30 + 60: 30 minutes on Tuesday, then Wed, Thu (holidays), Fri (off).
    assert add_business_minutes(cal, teh(2025, 6, 3, 15, 30), 60) == teh(2025, 6, 7, 8, 30)


def test_nowruz():
    cal = iran()
    names = country_holidays("IR", "", 2025)
    assert names[date(2025, 3, 21)] == "Nowruz"
    # 19 and 20 March (oil nationalisation day, last day of the year), Nowruz 21-24,
    # Friday 21 off anyway: a Tuesday afternoon call resumes Tuesday 25 March.
    assert add_business_minutes(cal, teh(2025, 3, 18, 15, 0), 120) == teh(2025, 3, 25, 9, 0)
    assert business_minutes_between(cal, teh(2025, 3, 18, 8, 0), teh(2025, 3, 26, 8, 0)) == 960


def test_custom_half_day_and_closed_day_override_the_week_and_holidays():
    cal = iran(
        special_days=(
            (date(2025, 10, 15), parse_ranges([["08:00", "12:00"]])),  # Wednesday half day
            (date(2025, 10, 18), ()),  # a company day off on Saturday
            (date(2025, 6, 4), parse_ranges([["09:00", "10:00"]])),  # open on a holiday
        )
    )
    assert business_minutes_between(cal, teh(2025, 10, 15), teh(2025, 10, 16)) == 240
    # Wednesday 11:00 + 120: an hour until 12:00, Thursday 08:00-09:00.
    assert add_business_minutes(cal, teh(2025, 10, 15, 11, 0), 120) == teh(2025, 10, 16, 9, 0)
    # Thursday 12:30 + 60: 30 on Thursday, Friday off, Saturday closed, Sunday 08:30.
    assert add_business_minutes(cal, teh(2025, 10, 16, 12, 30), 60) == teh(2025, 10, 19, 8, 30)
    assert business_minutes_between(cal, teh(2025, 6, 4), teh(2025, 6, 5)) == 60


def test_change_of_schedule_takes_effect_on_its_date():
    summer = WeeklySchedule.from_strings({str(d): [["07:00", "14:00"]] for d in range(7)}, date(2025, 6, 1))
    cal = WorkCalendar(
        "Asia/Tehran",
        (WeeklySchedule.from_strings(IRAN_PRESET.weekly_hours, EPOCH), summer),
    )
    assert business_minutes_between(cal, teh(2025, 5, 31), teh(2025, 6, 1)) == 480  # Saturday
    assert business_minutes_between(cal, teh(2025, 6, 1), teh(2025, 6, 2)) == 420
    # Dates before the first schedule use the first schedule.
    early = WorkCalendar("UTC", (summer,))
    assert business_minutes_between(early, utc(2020, 1, 1), utc(2020, 1, 2)) == 420


def test_pause_across_a_weekend():
    cal = weekdays()
    assert utc(2026, 11, 20).weekday() == 4  # Friday
    created, now = utc(2026, 11, 20, 14, 0), utc(2026, 11, 23, 12, 0)
    pause = (utc(2026, 11, 20, 16, 0), utc(2026, 11, 23, 10, 0))
    # Friday 14-17 and Monday 9-12 are 360 business minutes; the pause covers 16-17
    # on Friday and 9-10 on Monday: 240 remain.
    assert business_minutes_between(cal, created, now) == 360
    assert business_minutes_between(cal, created, now, [pause]) == 240
    # A pause still running (no end) counts up to the end of the measurement.
    assert business_minutes_between(cal, created, now, [(pause[0], None)]) == 120
    # Overlapping pauses do not count twice.
    twice = [pause, (utc(2026, 11, 21), utc(2026, 11, 23, 9, 30))]
    assert business_minutes_between(cal, created, now, twice) == 240


def test_measuring_backwards_is_negative():
    cal = weekdays()
    a, b = utc(2026, 11, 23, 9), utc(2026, 11, 23, 11)
    assert business_minutes_between(cal, b, a) == -120


def test_add_several_durations_in_one_walk():
    cal = iran()
    start = teh(2025, 10, 15, 15, 0)
    durations = [timedelta(minutes=m) for m in (120, 0, 60, 45)]
    assert add_business_times(cal, start, durations) == [
        add_business_time(cal, start, d) for d in durations
    ]
    assert add_business_minutes(cal, start, 0) == start
    with pytest.raises(ValueError, match="negative"):
        add_business_minutes(cal, start, -1)


def test_a_calendar_without_working_time_is_reported():
    nothing = WeeklySchedule(EPOCH, ((),) * 7)
    later = WeeklySchedule.from_strings({"0": [["09:00", "10:00"]]}, date(2100, 1, 1))
    with pytest.raises(NoWorkingTime):
        add_business_minutes(WorkCalendar("UTC", (nothing, later)), utc(2026, 1, 1), 10)


# -- daylight saving ----------------------------------------------------------


def test_berlin_working_day_stays_eight_hours_across_spring_forward():
    cal = weekdays("Europe/Berlin")
    # Friday 27 March 2026 16:00 CET + 120: one hour on Friday, the clocks go forward
    # on Sunday 29 March, Monday 09:00-10:00 CEST.
    start = datetime(2026, 3, 27, 16, 0, tzinfo=BERLIN)
    due = add_business_minutes(cal, start, 120)
    assert due == datetime(2026, 3, 30, 10, 0, tzinfo=BERLIN)
    assert due == utc(2026, 3, 30, 8, 0)  # 10:00 CEST
    assert start.astimezone(UTC) == utc(2026, 3, 27, 15, 0)
    assert business_minutes_between(cal, start, due) == 120


def test_round_the_clock_desk_has_short_and_long_days():
    for zone, spring, autumn in (
        (BERLIN, date(2026, 3, 29), date(2026, 10, 25)),
        (NEW_YORK, date(2026, 3, 8), date(2026, 11, 1)),
    ):
        cal = always(zone.key)

        def day(d: date, z: ZoneInfo = zone) -> tuple[datetime, datetime]:
            nxt = d + timedelta(days=1)
            return (
                datetime(d.year, d.month, d.day, tzinfo=z),
                datetime(nxt.year, nxt.month, nxt.day, tzinfo=z),
            )

        assert business_minutes_between(cal, *day(spring)) == 23 * 60
        assert business_minutes_between(cal, *day(autumn)) == 25 * 60
        assert business_minutes_between(cal, *day(spring - timedelta(days=1))) == 24 * 60


def test_working_range_across_the_change_counts_real_time():
    # Sunday 29 March 2026 01:00-04:00 Berlin wall clock is two real hours.
    cal = WorkCalendar(
        "Europe/Berlin", (WeeklySchedule.from_strings({"6": [["01:00", "04:00"]]}, EPOCH),)
    )
    start = datetime(2026, 3, 29, 0, 0, tzinfo=BERLIN)
    assert business_minutes_between(cal, start, start + timedelta(days=1)) == 120
    assert add_business_minutes(cal, start, 90) == datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN)


def test_tehran_kept_dst_until_2022_and_zoneinfo_knows_it():
    cal = iran()
    summer_2021 = add_business_minutes(cal, teh(2021, 6, 1, 7, 0), 1)
    summer_2025 = add_business_minutes(cal, teh(2025, 6, 1, 7, 0), 1)
    assert summer_2021.astimezone(UTC).time().isoformat() == "03:31:00"  # +04:30
    assert summer_2025.astimezone(UTC).time().isoformat() == "04:31:00"  # +03:30


# -- properties -----------------------------------------------------------------

ZONES = ["UTC", "Asia/Tehran", "Europe/Berlin", "America/New_York"]


@st.composite
def calendars(draw: st.DrawFn) -> WorkCalendar:
    zone = draw(st.sampled_from(ZONES))
    days = []
    for _ in range(7):
        cuts = sorted(
            set(draw(st.lists(st.integers(0, 96), max_size=4)))
        )  # quarter hours
        ranges = tuple(
            (cuts[i] * 15, cuts[i + 1] * 15) for i in range(0, len(cuts) - 1, 2)
        )
        days.append(ranges)
    weekly = WeeklySchedule(EPOCH, tuple(days))
    assume(weekly.weekly_minutes >= 240)
    country = draw(st.sampled_from(["", "", "IR", "DE"]))
    return WorkCalendar(zone, (weekly,), holiday_country=country)


instants = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2029, 12, 31), timezones=st.just(UTC)
)
durations = st.integers(0, 6000 * 60 * 1000).map(lambda ms: timedelta(milliseconds=ms))
PROPS = settings(max_examples=150, deadline=None)


@PROPS
@given(calendars(), instants, durations)
def test_adding_then_measuring_gives_back_the_duration(cal, start, duration):
    end = add_business_time(cal, start, duration)
    assert end >= start
    assert business_time_between(cal, start, end) == duration


@PROPS
@given(calendars(), instants, durations, durations)
def test_adding_is_monotonic_in_the_duration(cal, start, d1, d2):
    d1, d2 = sorted((d1, d2))
    assert add_business_time(cal, start, d1) <= add_business_time(cal, start, d2)


@PROPS
@given(calendars(), instants, instants, durations)
def test_adding_is_monotonic_in_the_start(cal, s1, s2, d):
    s1, s2 = sorted((s1, s2))
    assert add_business_time(cal, s1, d) <= add_business_time(cal, s2, d)


@PROPS
@given(calendars(), instants, st.timedeltas(timedelta(0), timedelta(days=40)), st.timedeltas(timedelta(0), timedelta(days=40)))
def test_measuring_is_additive_and_never_negative(cal, a, ab, bc):
    b, c = a + ab, a + ab + bc
    first, second = business_time_between(cal, a, b), business_time_between(cal, b, c)
    assert first >= timedelta(0) and second >= timedelta(0)
    assert business_time_between(cal, a, c) == first + second
    assert first <= ab


@PROPS
@given(calendars(), instants, st.lists(st.tuples(instants, instants), max_size=3), durations)
def test_pauses_only_ever_take_time_away(cal, start, raw_pauses, duration):
    end = add_business_time(cal, start, duration)
    pauses = [tuple(sorted(p)) for p in raw_pauses]
    paused = business_time_between(cal, start, end, pauses)
    assert timedelta(0) <= paused <= duration


@PROPS
@given(calendars(), instants, st.lists(durations, min_size=1, max_size=5))
def test_one_walk_equals_separate_adds(cal, start, ds):
    assert add_business_times(cal, start, ds) == [add_business_time(cal, start, d) for d in ds]
