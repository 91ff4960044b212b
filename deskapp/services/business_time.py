"""Business-time arithmetic: pure functions over a calendar value object.

A :class:`WorkCalendar` says when a desk works: weekly hours per weekday in local
time of one time zone, schedules that change from an effective date on, a
country's public holidays (the ``holidays`` package) and custom days (closed, or
open with their own hours — a half day).

Business time is *real elapsed time inside working hours*. Wall-clock ranges are
turned into UTC instants with ``zoneinfo``, so a working range that spans a
daylight-saving change is an hour shorter (spring) or longer (autumn) than its
wall-clock length, and an ordinary 09:00-17:00 day stays eight hours. Local times
that do not exist (inside a spring-forward gap) are read with ``fold=0``, i.e.
as if the old offset still held; ambiguous ones (autumn) mean their first
occurrence.

All instants in and out are aware datetimes (any zone; results are UTC). The
exact functions work on ``timedelta`` (microseconds, so adding a duration and
measuring it back gives exactly that duration); the ``*_minutes`` wrappers take
and return minutes.

Rules that decide edge cases:

* Adding a positive duration returns the *earliest* instant at which that much
  business time has passed: a target that ends exactly at closing time is due at
  closing time, not at the next opening. Adding zero returns the start unchanged.
* Dates before a calendar's first schedule use its first schedule.
* A custom day overrides everything for that date (also a country holiday on
  which the desk opens for a few hours); otherwise a country holiday closes the
  day; otherwise the weekly schedule in force that date applies.
* Pauses are intervals of wall-clock time (``end=None``: still paused) whose
  working time does not count.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays as holidays_pkg

# A working range inside one local day: minutes after local midnight, 0 <= start < end <= 1440.
TimeRange = tuple[int, int]
DayHours = tuple[TimeRange, ...]
Pause = tuple[datetime, datetime | None]

MINUTES_PER_DAY = 24 * 60
# How far the arithmetic looks for working time before deciding there is none.
SEARCH_HORIZON_DAYS = 3 * 366
_ONE_MINUTE = timedelta(minutes=1)
_HHMM = re.compile(r"^([01]?\d|2[0-4]):([0-5]\d)$")


class NoWorkingTime(ValueError):
    """The calendar has no working time within the search horizon."""


# -- parsing ----------------------------------------------------------------


def parse_hhmm(text: str) -> int:
    """``"08:30"`` -> 510 minutes after midnight; ``"24:00"`` is the end of the day."""
    match = _HHMM.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"{text!r} is not a time of day as HH:MM (00:00 to 24:00)")
    minutes = int(match.group(1)) * 60 + int(match.group(2))
    if minutes > MINUTES_PER_DAY:
        raise ValueError(f"{text!r} is later than 24:00")
    return minutes


def format_hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_ranges(ranges: Iterable[Sequence[str]]) -> DayHours:
    """``[["08:00", "12:00"], ["13:00", "16:00"]]`` -> sorted, non-overlapping ranges.

    Raises ``ValueError`` naming the bad range."""
    parsed: list[TimeRange] = []
    for item in ranges:
        if len(item) != 2:
            raise ValueError(f"{list(item)!r} is not a pair of times [start, end]")
        start, end = parse_hhmm(item[0]), parse_hhmm(item[1])
        if start >= end:
            raise ValueError(f"{item[0]}-{item[1]}: the end must be after the start")
        parsed.append((start, end))
    parsed.sort()
    for (s1, e1), (s2, e2) in zip(parsed, parsed[1:], strict=False):
        if s2 < e1:
            raise ValueError(
                f"{format_hhmm(s1)}-{format_hhmm(e1)} overlaps {format_hhmm(s2)}-{format_hhmm(e2)}"
            )
    return tuple(parsed)


def format_ranges(hours: DayHours) -> list[list[str]]:
    return [[format_hhmm(s), format_hhmm(e)] for s, e in hours]


def zone_for(name: str) -> ZoneInfo:
    """The zone, or ``ValueError`` with a message that names it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(f"{name!r} is not a known time zone (e.g. Asia/Tehran, UTC)") from None


# -- the calendar -----------------------------------------------------------


@dataclass(frozen=True)
class WeeklySchedule:
    """Working hours per weekday (index 0 = Monday .. 6 = Sunday), local time, in force
    from ``effective_from`` on."""

    effective_from: date
    days: tuple[DayHours, ...]

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError("a weekly schedule has 7 days, Monday first")

    @classmethod
    def from_strings(
        cls, weekly_hours: Mapping[str | int, Iterable[Sequence[str]]], effective_from: date
    ) -> WeeklySchedule:
        """From the stored form ``{"0": [["08:00", "16:00"]], ...}`` (missing days: closed)."""
        days: list[DayHours] = [() for _ in range(7)]
        for key, ranges in weekly_hours.items():
            day = int(key)
            if not 0 <= day <= 6:
                raise ValueError(f"weekday {key!r} is not 0 (Monday) to 6 (Sunday)")
            days[day] = parse_ranges(ranges)
        return cls(effective_from, tuple(days))

    @property
    def weekly_minutes(self) -> int:
        return sum(e - s for day in self.days for s, e in day)


@dataclass(frozen=True)
class WorkCalendar:
    timezone: str
    schedules: tuple[WeeklySchedule, ...]
    holiday_country: str = ""
    holiday_subdivision: str = ""
    # Custom days: date -> hours that day; () means closed all day.
    special_days: tuple[tuple[date, DayHours], ...] = ()
    _cache: dict[date, tuple[tuple[datetime, datetime], ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        if not self.schedules:
            raise ValueError("a calendar needs at least one weekly schedule")
        object.__setattr__(
            self, "schedules", tuple(sorted(self.schedules, key=lambda s: s.effective_from))
        )
        object.__setattr__(self, "_zone", zone_for(self.timezone))
        object.__setattr__(self, "_special", dict(self.special_days))

    @property
    def zone(self) -> ZoneInfo:
        return self._zone  # type: ignore[attr-defined,no-any-return]

    def schedule_on(self, day: date) -> WeeklySchedule:
        current = self.schedules[0]
        for schedule in self.schedules[1:]:
            if schedule.effective_from <= day:
                current = schedule
            else:
                break
        return current

    def holiday_name(self, day: date) -> str | None:
        if not self.holiday_country:
            return None
        return country_holidays(self.holiday_country, self.holiday_subdivision, day.year).get(day)

    def hours_on(self, day: date) -> DayHours:
        """The local working ranges on ``day`` after custom days and holidays."""
        special: dict[date, DayHours] = self._special  # type: ignore[attr-defined]
        if day in special:
            return special[day]
        if self.holiday_name(day) is not None:
            return ()
        return self.schedule_on(day).days[day.weekday()]

    def intervals_on(self, day: date) -> tuple[tuple[datetime, datetime], ...]:
        """Working intervals of the local ``day`` as UTC instants, in order."""
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        zone = self.zone
        out: list[tuple[datetime, datetime]] = []
        for start, end in self.hours_on(day):
            a = _local_to_utc(day, start, zone)
            b = _local_to_utc(day, end, zone)
            if b > a:
                out.append((a, b))
        result = tuple(out)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[day] = result
        return result

    def local_date(self, instant: datetime) -> date:
        return _aware(instant).astimezone(self.zone).date()

    def intervals(self, start: datetime, end: datetime | None = None) -> Iterator[tuple[datetime, datetime]]:
        """Working intervals clipped to ``[start, end)`` in order, non-overlapping.

        Without ``end`` the iteration goes on until the horizon; raises
        ``NoWorkingTime`` when it finds no working time for SEARCH_HORIZON_DAYS."""
        start = _aware(start).astimezone(UTC)
        end = None if end is None else _aware(end).astimezone(UTC)
        day = self.local_date(start)
        last_end = start
        idle_days = 0
        while True:
            found = False
            for a, b in self.intervals_on(day):
                if end is not None and a >= end:
                    return
                a = max(a, last_end)
                if end is not None:
                    b = min(b, end)
                if b > a:
                    found = True
                    last_end = b
                    yield a, b
            if end is not None:
                if _local_to_utc(day + timedelta(days=1), 0, self.zone) >= end:
                    return
            elif not found:
                idle_days += 1
                if idle_days > SEARCH_HORIZON_DAYS:
                    raise NoWorkingTime(
                        f"no working hours in the {SEARCH_HORIZON_DAYS} days after {day}"
                    )
            else:
                idle_days = 0
            day += timedelta(days=1)


@functools.lru_cache(maxsize=256)
def _country_holidays_cached(country: str, subdivision: str, year: int) -> dict[date, str]:
    return dict(holidays_pkg.country_holidays(country, subdiv=subdivision or None, years=year))


def country_holidays(country: str, subdivision: str, year: int) -> dict[date, str]:
    """The public holidays of a country (``holidays`` package) in one year, cached.

    For ``IR`` (holidays 0.109) the package gives the solar-Hijri holidays exactly
    (Nowruz 1-4 Farvardin, 12/13 Farvardin, 14/15 Khordad, 22 Bahman, 29 Esfand...)
    and the lunar-Hijri ones (Tasua, Ashura, Arbaeen, the Eids...) from Iran's
    official tables for 2001-2026 and by estimate after that, which can be a day off
    from what the authorities announce: add a custom day then."""
    return _country_holidays_cached(country.upper(), subdivision.upper(), year)


def _aware(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError(f"naive datetime {instant!r}: business time needs aware instants")
    return instant


def _local_to_utc(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    if minutes >= MINUTES_PER_DAY:
        day, minutes = day + timedelta(days=minutes // MINUTES_PER_DAY), minutes % MINUTES_PER_DAY
    local = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=zone)
    return local.astimezone(UTC)


# -- arithmetic -------------------------------------------------------------


def add_business_time(calendar: WorkCalendar, start: datetime, duration: timedelta) -> datetime:
    """The earliest instant at which ``duration`` of business time has passed since ``start``."""
    (result,) = add_business_times(calendar, start, [duration])
    return result


def add_business_times(
    calendar: WorkCalendar, start: datetime, durations: Sequence[timedelta]
) -> list[datetime]:
    """``add_business_time`` for several durations in one walk (any order; same order out)."""
    start = _aware(start).astimezone(UTC)
    for d in durations:
        if d < timedelta(0):
            raise ValueError(f"a business duration cannot be negative ({d})")
    order = sorted(range(len(durations)), key=lambda i: durations[i])
    results: list[datetime] = [start] * len(durations)
    pending = [i for i in order if durations[i] > timedelta(0)]
    if not pending:
        return results
    elapsed = timedelta(0)
    k = 0
    for a, b in calendar.intervals(start):
        span = b - a
        while k < len(pending) and durations[pending[k]] <= elapsed + span:
            results[pending[k]] = a + (durations[pending[k]] - elapsed)
            k += 1
        if k == len(pending):
            return results
        elapsed += span
    raise AssertionError("unreachable: intervals() never ends without raising")


def business_time_between(
    calendar: WorkCalendar,
    a: datetime,
    b: datetime,
    pauses: Iterable[Pause] = (),
) -> timedelta:
    """Business time from ``a`` to ``b`` minus the business time inside ``pauses``
    (negative when ``b`` is before ``a``)."""
    a, b = _aware(a).astimezone(UTC), _aware(b).astimezone(UTC)
    if b < a:
        return -business_time_between(calendar, b, a, pauses)
    total = sum((y - x for x, y in calendar.intervals(a, b)), timedelta(0))
    for x, y in _merge(pauses, a, b):
        total -= sum((q - p for p, q in calendar.intervals(x, y)), timedelta(0))
    return total


def _merge(pauses: Iterable[Pause], lo: datetime, hi: datetime) -> list[tuple[datetime, datetime]]:
    """Pauses clipped to [lo, hi], merged so overlapping ones do not count twice."""
    clipped = []
    for p0, p1 in pauses:
        x = max(_aware(p0).astimezone(UTC), lo)
        y = hi if p1 is None else min(_aware(p1).astimezone(UTC), hi)
        if y > x:
            clipped.append((x, y))
    clipped.sort()
    merged: list[tuple[datetime, datetime]] = []
    for x, y in clipped:
        if merged and x <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], y))
        else:
            merged.append((x, y))
    return merged


def add_business_minutes(calendar: WorkCalendar, start: datetime, minutes: float) -> datetime:
    """``start`` plus ``minutes`` of business time (see :func:`add_business_time`)."""
    return add_business_time(calendar, start, timedelta(minutes=minutes))


def business_minutes_between(
    calendar: WorkCalendar, a: datetime, b: datetime, pauses: Iterable[Pause] = ()
) -> float:
    """Business minutes from ``a`` to ``b``, paused intervals excluded."""
    return business_time_between(calendar, a, b, pauses) / _ONE_MINUTE


def is_working(calendar: WorkCalendar, instant: datetime) -> bool:
    """Whether ``instant`` falls inside working hours."""
    instant = _aware(instant).astimezone(UTC)
    day = calendar.local_date(instant)
    return any(a <= instant < b for a, b in calendar.intervals_on(day))
