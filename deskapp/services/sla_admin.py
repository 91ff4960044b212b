"""Managers edit SLA policies and business calendars here (the settings dialogs sit on
top of this service).

Every call takes the acting manager (``Permission.MANAGE_SLA``), validates the
whole draft before writing anything, and returns frozen dataclasses. Updates take
the version the dialog loaded (``expected_version``) and fail with ``StaleUpdate``
when someone saved in between. A draft is the complete new state: the dialog sends
every field, schedules and custom days included.

Saving a policy or a calendar recomputes the due times of the open tickets it can
affect, in the same transaction (see ``SlaEngine.recompute_open``).

Quick reference::

    admin = SlaAdminService(uow)                      # or services.sla_admin
    cals = admin.list_calendars(manager)
    info = admin.create_policy(manager, PolicyDraft(
        name="Gold phone", first_response_minutes=15, resolution_minutes=240,
        calendar_id=cals[0].id, segment="vip", channel="phone", warning_stages=(50, 80)))
    admin.update_policy(manager, info.id, info.version, replace(draft, active=False))
    admin.update_calendar(manager, cal.id, cal.version, CalendarDraft(
        name=cal.name, timezone="Asia/Tehran", holiday_country="IR",
        schedules=[ScheduleDraft(date(1970, 1, 1), {5: [("08:00", "16:00")], ...}),
                   ScheduleDraft(date(2026, 6, 21), {...summer hours...})],
        custom_days=[CustomDay(date(2026, 3, 18), "Early close", [("08:00", "12:00")]),
                     CustomDay(date(2026, 3, 19), "Company day off")]))
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import holidays as holidays_pkg
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from deskapp.models import (
    AuditEntry,
    BusinessCalendar,
    CalendarHoliday,
    CalendarSchedule,
    SlaPolicy,
    utcnow,
)
from deskapp.models.enums import Channel, Priority, Segment
from deskapp.services import audit, validation
from deskapp.services.business_time import (
    WeeklySchedule,
    country_holidays,
    format_ranges,
    parse_ranges,
    zone_for,
)
from deskapp.services.errors import AlreadyExists, NotFound, StaleUpdate, ValidationFailed
from deskapp.services.permissions import Actor, Permission
from deskapp.services.sla import SlaEngine
from deskapp.services.staff import user_names
from deskapp.services.unit_of_work import UnitOfWorkFactory

MAX_TARGET_MINUTES = 366 * 24 * 60  # a year of wall-clock minutes
MAX_WARNING_STAGES = 5
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

TimePair = tuple[str, str]


# -- drafts (what the dialogs send) -----------------------------------------


@dataclass(frozen=True)
class PolicyDraft:
    name: str
    first_response_minutes: int
    resolution_minutes: int
    calendar_id: uuid.UUID
    # None (or "") means "any".
    priority: Priority | str | None = None
    segment: Segment | str | None = None
    channel: Channel | str | None = None
    # Percent of the target elapsed at which to warn: 1..99, strictly ascending.
    warning_stages: Sequence[int] = (75, 90)
    is_default: bool = False
    active: bool = True


@dataclass(frozen=True)
class ScheduleDraft:
    """Weekly hours in force from ``effective_from``; weekday 0=Monday .. 6=Sunday,
    ranges as ("HH:MM", "HH:MM") local time ("24:00" ends the day); missing days
    are closed."""

    effective_from: date
    weekly_hours: Mapping[int, Sequence[TimePair]]


@dataclass(frozen=True)
class CustomDay:
    """A date with its own hours: ``hours=None`` closed all day, else e.g. a half day."""

    day: date
    name: str = ""
    hours: Sequence[TimePair] | None = None


@dataclass(frozen=True)
class CalendarDraft:
    name: str
    timezone: str
    schedules: Sequence[ScheduleDraft]
    # A country code the ``holidays`` package knows ("IR", "DE"...), or "" for none.
    holiday_country: str = ""
    holiday_subdivision: str = ""
    custom_days: Sequence[CustomDay] = ()


# -- what the service returns -----------------------------------------------


@dataclass(frozen=True)
class PolicyInfo:
    id: uuid.UUID
    name: str
    priority: Priority | None
    segment: Segment | None
    channel: Channel | None
    first_response_minutes: int
    resolution_minutes: int
    warning_stages: tuple[int, ...]
    calendar_id: uuid.UUID
    calendar_name: str
    is_default: bool
    active: bool
    version: int
    updated_at: datetime

    def draft(self) -> PolicyDraft:
        """This policy as a draft, to edit with ``dataclasses.replace``."""
        return PolicyDraft(
            name=self.name,
            first_response_minutes=self.first_response_minutes,
            resolution_minutes=self.resolution_minutes,
            calendar_id=self.calendar_id,
            priority=self.priority,
            segment=self.segment,
            channel=self.channel,
            warning_stages=self.warning_stages,
            is_default=self.is_default,
            active=self.active,
        )


@dataclass(frozen=True)
class ScheduleInfo:
    effective_from: date
    # Seven entries, Monday first: the day's ranges as ("HH:MM", "HH:MM").
    days: tuple[tuple[TimePair, ...], ...]
    weekly_minutes: int


@dataclass(frozen=True)
class CalendarInfo:
    id: uuid.UUID
    name: str
    timezone: str
    holiday_country: str
    holiday_subdivision: str
    schedules: tuple[ScheduleInfo, ...]
    custom_days: tuple[CustomDay, ...]
    policy_names: tuple[str, ...]  # policies counting their targets in this calendar
    version: int
    updated_at: datetime

    def draft(self) -> CalendarDraft:
        return CalendarDraft(
            name=self.name,
            timezone=self.timezone,
            schedules=[
                ScheduleDraft(s.effective_from, {d: h for d, h in enumerate(s.days) if h})
                for s in self.schedules
            ],
            holiday_country=self.holiday_country,
            holiday_subdivision=self.holiday_subdivision,
            custom_days=self.custom_days,
        )


@dataclass(frozen=True)
class HolidayInfo:
    day: date
    name: str
    hours: tuple[TimePair, ...] | None  # None: closed all day
    custom: bool  # True: the desk's own day; False: the country's public holiday


@dataclass(frozen=True)
class CountryInfo:
    code: str
    subdivisions: tuple[str, ...]


def holiday_countries() -> list[CountryInfo]:
    """Countries (and subdivisions) the ``holidays`` package knows, for a picker."""
    return [
        CountryInfo(code, tuple(subs))
        for code, subs in sorted(holidays_pkg.list_supported_countries().items())
    ]


# -- the service -------------------------------------------------------------


class SlaAdminService:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        engine: SlaEngine | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._uow = uow_factory
        self._engine = engine or SlaEngine()
        self._now = clock

    # -- policies -----------------------------------------------------------
    def list_policies(self, actor: Actor) -> list[PolicyInfo]:
        """Every policy, active ones first, then by name."""
        actor.require(Permission.MANAGE_SLA)
        with self._uow() as uow:
            rows = uow.session.scalars(
                select(SlaPolicy).where(SlaPolicy.deleted_at.is_(None))
            ).all()
            infos = [_policy_info(p) for p in rows]
        return sorted(infos, key=lambda p: (not p.active, not p.is_default, p.name.casefold()))

    def create_policy(self, actor: Actor, draft: PolicyDraft) -> PolicyInfo:
        actor.require(Permission.MANAGE_SLA)
        clean = _check_policy(draft)
        with self._uow() as uow:
            s = uow.session
            self._check_policy_against_others(s, clean, None)
            policy = SlaPolicy(**clean)
            s.add(policy)
            s.flush()
            self._make_sole_default(s, policy)
            audit.record(s, actor, "sla_policy.created", "sla_policy", policy.id, **_audit(clean))
            self._engine.recompute_open(s, self._now())
            info = _policy_info(policy)
            uow.commit()
            return info

    def update_policy(
        self, actor: Actor, policy_id: uuid.UUID, expected_version: int, draft: PolicyDraft
    ) -> PolicyInfo:
        actor.require(Permission.MANAGE_SLA)
        clean = _check_policy(draft)
        with self._uow() as uow:
            s = uow.session
            policy = _load_policy(s, policy_id)
            _check_version(s, policy, expected_version, f"The SLA policy {policy.name!r}")
            self._check_policy_against_others(s, clean, policy.id)
            # Which tickets can change: only this policy's, unless the choice of
            # policy itself changed (criteria, active, default).
            selection_changed = any(
                getattr(policy, k) != clean[k]
                for k in ("priority", "segment", "channel", "active", "is_default")
            )
            for key, value in clean.items():
                if getattr(policy, key) != value:
                    setattr(policy, key, value)
            s.flush()
            self._make_sole_default(s, policy)
            audit.record(s, actor, "sla_policy.updated", "sla_policy", policy.id, **_audit(clean))
            self._engine.recompute_open(
                s, self._now(), policy_ids=None if selection_changed else [policy.id]
            )
            info = _policy_info(policy)
            uow.commit()
            return info

    def _check_policy_against_others(
        self, s: Session, clean: dict[str, object], own_id: uuid.UUID | None
    ) -> None:
        others = [
            p
            for p in s.scalars(select(SlaPolicy).where(SlaPolicy.deleted_at.is_(None)))
            if p.id != own_id
        ]
        if any(p.name.casefold() == str(clean["name"]).casefold() for p in others):
            raise AlreadyExists(f"An SLA policy named {clean['name']!r} already exists.")
        calendar = s.get(BusinessCalendar, clean["calendar_id"])
        if calendar is None or calendar.deleted_at is not None:
            raise ValidationFailed("Choose a business calendar for the policy.", "calendar_id")
        if clean["active"]:
            key = (clean["priority"], clean["segment"], clean["channel"])
            for p in others:
                if p.active and (p.priority, p.segment, p.channel) == key:
                    raise ValidationFailed(
                        f"The active policy {p.name!r} already covers "
                        f"{_describe_selection(*key)}; change its criteria or deactivate it.",
                        "priority",
                    )

    def _make_sole_default(self, s: Session, policy: SlaPolicy) -> None:
        if not policy.is_default:
            return
        for other in s.scalars(
            select(SlaPolicy).where(SlaPolicy.is_default.is_(True), SlaPolicy.id != policy.id)
        ):
            other.is_default = False
        s.flush()

    # -- calendars ----------------------------------------------------------
    def list_calendars(self, actor: Actor) -> list[CalendarInfo]:
        actor.require(Permission.MANAGE_SLA)
        with self._uow() as uow:
            s = uow.session
            rows = s.scalars(
                select(BusinessCalendar)
                .where(BusinessCalendar.deleted_at.is_(None))
                .order_by(BusinessCalendar.name)
            ).all()
            return [_calendar_info(s, c) for c in rows]

    def get_calendar(self, actor: Actor, calendar_id: uuid.UUID) -> CalendarInfo:
        actor.require(Permission.MANAGE_SLA)
        with self._uow() as uow:
            return _calendar_info(uow.session, _load_calendar(uow.session, calendar_id))

    def create_calendar(self, actor: Actor, draft: CalendarDraft) -> CalendarInfo:
        actor.require(Permission.MANAGE_SLA)
        clean = _check_calendar(draft)
        with self._uow() as uow:
            s = uow.session
            _check_calendar_name(s, clean.name, None)
            now = self._now()
            cal = BusinessCalendar(
                name=clean.name,
                timezone=clean.timezone,
                holiday_country=clean.holiday_country,
                holiday_subdivision=clean.holiday_subdivision,
                created_at=now,
                updated_at=now,
            )
            s.add(cal)
            _apply_children(cal, clean, now)
            s.flush()
            audit.record(s, actor, "calendar.created", "business_calendar", cal.id, name=cal.name)
            info = _calendar_info(s, cal)
            uow.commit()
            return info

    def update_calendar(
        self, actor: Actor, calendar_id: uuid.UUID, expected_version: int, draft: CalendarDraft
    ) -> CalendarInfo:
        actor.require(Permission.MANAGE_SLA)
        clean = _check_calendar(draft)
        with self._uow() as uow:
            s = uow.session
            cal = _load_calendar(s, calendar_id)
            _check_version(s, cal, expected_version, f"The calendar {cal.name!r}")
            _check_calendar_name(s, clean.name, cal.id)
            now = self._now()
            cal.name = clean.name
            cal.timezone = clean.timezone
            cal.holiday_country = clean.holiday_country
            cal.holiday_subdivision = clean.holiday_subdivision
            # Always written: the version moves even when only hours changed, so a
            # second dialog open on this calendar gets "changed by X" and every
            # SlaEngine drops its cached copy (keyed by id and version).
            cal.updated_at = now
            flag_modified(cal, "updated_at")
            _apply_children(cal, clean, now)
            s.flush()
            audit.record(s, actor, "calendar.updated", "business_calendar", cal.id, name=cal.name)
            policy_ids = list(s.scalars(select(SlaPolicy.id).where(SlaPolicy.calendar_id == cal.id)))
            self._engine.recompute_open(s, now, policy_ids=policy_ids)
            info = _calendar_info(s, cal)
            uow.commit()
            return info

    def holidays(self, actor: Actor, calendar_id: uuid.UUID, year: int) -> list[HolidayInfo]:
        """The closed and special days of ``year`` in a calendar: the country's public
        holidays and the desk's custom days (a custom day wins on the same date)."""
        actor.require(Permission.MANAGE_SLA)
        if not 1900 <= year <= 2200:
            raise ValidationFailed(f"Year {year} is out of range.", "year")
        with self._uow() as uow:
            cal = _load_calendar(uow.session, calendar_id)
            days: dict[date, HolidayInfo] = {}
            if cal.holiday_country:
                for day, name in country_holidays(
                    cal.holiday_country, cal.holiday_subdivision, year
                ).items():
                    days[day] = HolidayInfo(day, name, None, custom=False)
            for h in cal.holidays:
                if h.day.year == year and h.deleted_at is None:
                    hours = tuple((a, b) for a, b in h.hours) if h.hours else None
                    days[h.day] = HolidayInfo(h.day, h.name, hours, custom=True)
            return [days[d] for d in sorted(days)]


# -- validation --------------------------------------------------------------


def _optional_choice(value: object, enum_cls: type, field: str) -> object:
    if value is None or value == "":
        return None
    return validation.choice(value, enum_cls, field)  # type: ignore[arg-type]


def _minutes(value: object, label: str, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationFailed(f"{label} must be a whole number of minutes.", field)
    if value <= 0:
        raise ValidationFailed(f"{label} must be more than 0 minutes.", field)
    if value > MAX_TARGET_MINUTES:
        raise ValidationFailed(
            f"{label} of {value} minutes is more than a year; the limit is "
            f"{MAX_TARGET_MINUTES}.",
            field,
        )
    return value


def check_warning_stages(stages: Sequence[int]) -> list[int]:
    out: list[int] = []
    for p in stages:
        if isinstance(p, bool) or not isinstance(p, int) or not 1 <= p <= 99:
            raise ValidationFailed(
                f"Warning stage {p!r} is not a whole percentage from 1 to 99.", "warning_stages"
            )
        if out and p <= out[-1]:
            raise ValidationFailed(
                f"Warning stages must go up: {p}% comes after {out[-1]}%.", "warning_stages"
            )
        out.append(p)
    if len(out) > MAX_WARNING_STAGES:
        raise ValidationFailed(
            f"At most {MAX_WARNING_STAGES} warning stages, not {len(out)}.", "warning_stages"
        )
    return out


def _check_policy(d: PolicyDraft) -> dict[str, object]:
    name = validation.line(d.name, "Name", 80)
    first = _minutes(d.first_response_minutes, "The first-response target", "first_response_minutes")
    resolution = _minutes(d.resolution_minutes, "The resolution target", "resolution_minutes")
    if first > resolution:
        raise ValidationFailed(
            f"The first-response target ({first} min) cannot be longer than the resolution "
            f"target ({resolution} min).",
            "first_response_minutes",
        )
    if not isinstance(d.calendar_id, uuid.UUID):
        raise ValidationFailed("Choose a business calendar for the policy.", "calendar_id")
    if d.is_default and not d.active:
        raise ValidationFailed(
            "The default policy must be active; make another policy the default first.",
            "active",
        )
    return {
        "name": name,
        "priority": _optional_choice(d.priority, Priority, "Priority"),
        "segment": _optional_choice(d.segment, Segment, "Segment"),
        "channel": _optional_choice(d.channel, Channel, "Channel"),
        "first_response_minutes": first,
        "resolution_minutes": resolution,
        "warning_stages": check_warning_stages(d.warning_stages),
        "calendar_id": d.calendar_id,
        "is_default": bool(d.is_default),
        "active": bool(d.active),
    }


def _describe_selection(priority: object, segment: object, channel: object) -> str:
    parts = [
        f"priority {priority}" if priority else "any priority",
        f"segment {segment}" if segment else "any segment",
        f"channel {channel}" if channel else "any channel",
    ]
    return ", ".join(parts)


@dataclass(frozen=True)
class _CleanCalendar:
    name: str
    timezone: str
    holiday_country: str
    holiday_subdivision: str
    schedules: dict[date, dict[str, list[list[str]]]]
    custom_days: dict[date, tuple[str, list[list[str]] | None]]


def _check_calendar(d: CalendarDraft) -> _CleanCalendar:
    name = validation.line(d.name, "Name", 80)
    timezone = validation.line(d.timezone, "Time zone", 64)
    try:
        zone_for(timezone)
    except ValueError as exc:
        raise ValidationFailed(f"{exc}.", "timezone") from None
    country = (d.holiday_country or "").strip().upper()
    subdivision = (d.holiday_subdivision or "").strip().upper()
    if country:
        supported = holidays_pkg.list_supported_countries()
        if country not in supported:
            raise ValidationFailed(
                f"The holidays of {country!r} are not known; use a two-letter country code "
                "such as IR, DE or US, or none.",
                "holiday_country",
            )
        if subdivision and subdivision not in supported[country]:
            known = ", ".join(supported[country]) or "none"
            raise ValidationFailed(
                f"{country} has no subdivision {subdivision!r}; known: {known}.",
                "holiday_subdivision",
            )
    elif subdivision:
        raise ValidationFailed("A subdivision needs a country.", "holiday_subdivision")
    if not d.schedules:
        raise ValidationFailed("A calendar needs weekly working hours.", "schedules")
    schedules: dict[date, dict[str, list[list[str]]]] = {}
    for sched in d.schedules:
        if not isinstance(sched.effective_from, date):
            raise ValidationFailed("Every schedule needs the date it starts.", "schedules")
        if sched.effective_from in schedules:
            raise ValidationFailed(
                f"Two schedules start on {sched.effective_from}; keep one.", "schedules"
            )
        stored: dict[str, list[list[str]]] = {}
        if not isinstance(sched.weekly_hours, Mapping):
            raise validation.wrong_type(sched.weekly_hours, "schedules",
                                        "a mapping of weekday to hours")
        for weekday, ranges in sched.weekly_hours.items():
            if not isinstance(weekday, int) or not 0 <= weekday <= 6:
                raise ValidationFailed(
                    f"Weekday {weekday!r} is not 0 (Monday) to 6 (Sunday).", "schedules"
                )
            try:
                hours = parse_ranges(_ranges(ranges, "schedules"))
            except ValueError as exc:
                raise ValidationFailed(
                    f"{WEEKDAY_NAMES[weekday]} (from {sched.effective_from}): {exc}.", "schedules"
                ) from None
            if hours:
                stored[str(weekday)] = format_ranges(hours)
        weekly = WeeklySchedule.from_strings(stored, sched.effective_from)
        if weekly.weekly_minutes < 60:
            raise ValidationFailed(
                f"The schedule from {sched.effective_from} has "
                f"{weekly.weekly_minutes} working minutes a week; a calendar needs at least "
                "one working hour a week.",
                "schedules",
            )
        schedules[sched.effective_from] = stored
    custom: dict[date, tuple[str, list[list[str]] | None]] = {}
    for day in d.custom_days:
        if not isinstance(day.day, date):
            raise ValidationFailed("Every custom day needs a date.", "custom_days")
        if day.day in custom:
            raise ValidationFailed(f"{day.day} is listed twice; keep one.", "custom_days")
        label = validation.line(day.name, "Day name", 120, required=False)
        if day.hours is None:
            custom[day.day] = (label, None)
            continue
        try:
            hours = parse_ranges(_ranges(day.hours, "custom_days"))
        except ValueError as exc:
            raise ValidationFailed(f"{day.day}: {exc}.", "custom_days") from None
        # An empty list of hours means closed too.
        custom[day.day] = (label, format_ranges(hours) if hours else None)
    return _CleanCalendar(name, timezone, country, subdivision, schedules, custom)


def _ranges(value: object, field: str) -> list[tuple[str, str]]:
    """Working hours as given: a list of ("HH:MM", "HH:MM") pairs; anything else (None
    for a weekday, numbers instead of times) is one coded validation error."""
    expected = 'a list of ("HH:MM", "HH:MM") pairs'
    if not isinstance(value, (list, tuple)):
        raise validation.wrong_type(value, field, expected)
    for pair in value:
        if not isinstance(pair, (list, tuple)) or not all(isinstance(t, str) for t in pair):
            raise validation.wrong_type(pair, field, expected)
    return list(value)  # type: ignore[arg-type]


def _check_calendar_name(s: Session, name: str, own_id: uuid.UUID | None) -> None:
    for other_id, other_name in s.execute(select(BusinessCalendar.id, BusinessCalendar.name)):
        if other_id != own_id and other_name.casefold() == name.casefold():
            raise AlreadyExists(f"A calendar named {name!r} already exists.")


def _apply_children(cal: BusinessCalendar, clean: _CleanCalendar, now: datetime) -> None:
    """Make the calendar's schedules and custom days match the draft, updating rows in
    place by date (delete-then-insert of the same date would trip the unique key)."""
    by_date = {s.effective_from: s for s in cal.schedules}
    for effective_from, weekly in clean.schedules.items():
        row = by_date.pop(effective_from, None)
        if row is None:
            cal.schedules.append(
                CalendarSchedule(
                    effective_from=effective_from, weekly_hours=weekly,
                    created_at=now, updated_at=now,
                )
            )
        elif row.weekly_hours != weekly:
            row.weekly_hours = weekly
    for row in by_date.values():
        cal.schedules.remove(row)
    by_day = {h.day: h for h in cal.holidays}
    for day, (label, hours) in clean.custom_days.items():
        row = by_day.pop(day, None)
        if row is None:
            cal.holidays.append(
                CalendarHoliday(day=day, name=label, hours=hours, created_at=now, updated_at=now)
            )
        else:
            if row.name != label:
                row.name = label
            if row.hours != hours:
                row.hours = hours
    for row in by_day.values():
        cal.holidays.remove(row)


# -- loading and DTOs ------------------------------------------------------------


def _load_policy(s: Session, policy_id: uuid.UUID) -> SlaPolicy:
    policy = s.get(SlaPolicy, policy_id)
    if policy is None or policy.deleted_at is not None:
        raise NotFound("That SLA policy does not exist (any more).")
    return policy


def _load_calendar(s: Session, calendar_id: uuid.UUID) -> BusinessCalendar:
    cal = s.get(BusinessCalendar, calendar_id)
    if cal is None or cal.deleted_at is not None:
        raise NotFound("That calendar does not exist (any more).")
    return cal


def _check_version(
    s: Session, row: SlaPolicy | BusinessCalendar, expected: int, what: str
) -> None:
    if row.version != expected:
        last = s.scalar(
            select(AuditEntry.actor_id)
            .where(AuditEntry.entity_id == row.id)
            .order_by(AuditEntry.created_at.desc())
            .limit(1)
        )
        who = user_names(s, [last]).get(last) if last is not None else None
        raise StaleUpdate(what, who, row.updated_at, row.version)


def _policy_info(p: SlaPolicy) -> PolicyInfo:
    return PolicyInfo(
        id=p.id,
        name=p.name,
        priority=p.priority,
        segment=p.segment,
        channel=p.channel,
        first_response_minutes=p.first_response_minutes,
        resolution_minutes=p.resolution_minutes,
        warning_stages=tuple(p.warning_stages or ()),
        calendar_id=p.calendar_id,
        calendar_name=p.calendar.name,
        is_default=p.is_default,
        active=p.active,
        version=p.version,
        updated_at=p.updated_at,
    )


def _calendar_info(s: Session, c: BusinessCalendar) -> CalendarInfo:
    schedules = []
    for row in sorted(c.schedules, key=lambda r: r.effective_from):
        weekly = WeeklySchedule.from_strings(row.weekly_hours or {}, row.effective_from)
        schedules.append(
            ScheduleInfo(
                effective_from=row.effective_from,
                days=tuple(
                    tuple((a, b) for a, b in format_ranges(day)) for day in weekly.days
                ),
                weekly_minutes=weekly.weekly_minutes,
            )
        )
    custom = tuple(
        CustomDay(h.day, h.name, tuple((a, b) for a, b in h.hours) if h.hours else None)
        for h in sorted(c.holidays, key=lambda h: h.day)
        if h.deleted_at is None
    )
    policies = tuple(
        s.scalars(
            select(SlaPolicy.name)
            .where(SlaPolicy.calendar_id == c.id, SlaPolicy.deleted_at.is_(None))
            .order_by(SlaPolicy.name)
        )
    )
    return CalendarInfo(
        id=c.id,
        name=c.name,
        timezone=c.timezone,
        holiday_country=c.holiday_country,
        holiday_subdivision=c.holiday_subdivision,
        schedules=tuple(schedules),
        custom_days=custom,
        policy_names=policies,
        version=c.version,
        updated_at=c.updated_at,
    )


def _audit(clean: dict[str, object]) -> dict[str, object]:
    return {k: (v.value if hasattr(v, "value") else v) for k, v in clean.items()}
