"""The calendars and SLA policies a new desk starts with.

``ensure_sla_defaults(uow_factory)`` installs them when the database has none; it is
idempotent and safe when two workstations start at once (the unique names decide).
Call it wherever a database is prepared: the CLI does (cli.context), and the GUI
start-up should, right after ``ensure_site``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from deskapp.models import BusinessCalendar, CalendarSchedule, SlaPolicy, utcnow
from deskapp.models.enums import Priority, Segment
from deskapp.services.sla import SlaEngine
from deskapp.services.unit_of_work import UnitOfWorkFactory

log = logging.getLogger(__name__)

PRESET_EFFECTIVE_FROM = date(1970, 1, 1)
IRAN = "Iran (Tehran)"
WEEKDAYS = "Monday-Friday 09:00-17:00"

_IRAN_DAY = [["08:00", "16:00"]]


@dataclass(frozen=True)
class CalendarPreset:
    name: str
    timezone: str
    # ISO weekday 0=Monday .. 6=Sunday -> [[start, end], ...] local time.
    weekly_hours: dict[str, list[list[str]]]
    holiday_country: str = ""


IRAN_PRESET = CalendarPreset(
    name=IRAN,
    timezone="Asia/Tehran",
    # Saturday to Wednesday 08:00-16:00, Thursday 08:00-13:00, Friday off.
    weekly_hours={
        "5": _IRAN_DAY, "6": _IRAN_DAY, "0": _IRAN_DAY, "1": _IRAN_DAY, "2": _IRAN_DAY,
        "3": [["08:00", "13:00"]],
    },
    holiday_country="IR",
)


def weekdays_preset(timezone: str = "UTC") -> CalendarPreset:
    """Monday to Friday 09:00-17:00 in ``timezone``, no public holidays."""
    day = [["09:00", "17:00"]]
    return CalendarPreset(
        name=WEEKDAYS if timezone == "UTC" else f"{WEEKDAYS} ({timezone})",
        timezone=timezone,
        weekly_hours={str(d): day for d in range(5)},
    )


PRESETS: tuple[CalendarPreset, ...] = (IRAN_PRESET, weekdays_preset())


@dataclass(frozen=True)
class PolicyPreset:
    name: str
    first_response_minutes: int
    resolution_minutes: int
    priority: Priority | None = None
    segment: Segment | None = None
    warning_stages: tuple[int, ...] = (75, 90)
    is_default: bool = False


# Business minutes; an Iranian working day has 8 hours (480 minutes).
DEFAULT_POLICIES: tuple[PolicyPreset, ...] = (
    PolicyPreset("Default", 480, 2400, is_default=True),
    PolicyPreset("Urgent", 30, 240, priority=Priority.URGENT),
    PolicyPreset("High", 60, 480, priority=Priority.HIGH),
    PolicyPreset("Normal", 240, 1440, priority=Priority.NORMAL),
    PolicyPreset("Low", 480, 2400, priority=Priority.LOW),
    # The few customers who bring most of the revenue: tighter, and warned earlier.
    PolicyPreset("VIP", 30, 480, segment=Segment.VIP, warning_stages=(50, 75, 90)),
    PolicyPreset(
        "VIP urgent", 15, 120, priority=Priority.URGENT, segment=Segment.VIP,
        warning_stages=(50, 75, 90),
    ),
)


def calendar_from_preset(preset: CalendarPreset) -> BusinessCalendar:
    now = utcnow()
    cal = BusinessCalendar(
        name=preset.name,
        timezone=preset.timezone,
        holiday_country=preset.holiday_country,
        holiday_subdivision="",
        created_at=now,
        updated_at=now,
    )
    cal.schedules = [
        CalendarSchedule(
            effective_from=PRESET_EFFECTIVE_FROM,
            weekly_hours=preset.weekly_hours,
            created_at=now,
            updated_at=now,
        )
    ]
    return cal


def ensure_sla_defaults(
    uow_factory: UnitOfWorkFactory, *, default_calendar: str = IRAN
) -> bool:
    """Install the preset calendars when there are no calendars, and the default
    policies (on ``default_calendar``) when there are no policies; then give open
    tickets their due times. Returns whether anything was installed.

    A desk that deleted or renamed the presets does not get them back: only an empty
    table is filled."""
    try:
        with uow_factory() as uow:
            s = uow.session
            has_calendars = (s.scalar(select(func.count()).select_from(BusinessCalendar)) or 0) > 0
            has_policies = (s.scalar(select(func.count()).select_from(SlaPolicy)) or 0) > 0
            if has_calendars and has_policies:
                return False
            if not has_calendars:
                for preset in PRESETS:
                    s.add(calendar_from_preset(preset))
                s.flush()
            if not has_policies:
                calendar = s.scalar(
                    select(BusinessCalendar).where(BusinessCalendar.name == default_calendar)
                ) or s.scalar(
                    select(BusinessCalendar)
                    .where(BusinessCalendar.deleted_at.is_(None))
                    .order_by(BusinessCalendar.created_at)
                )
                assert calendar is not None
                for p in DEFAULT_POLICIES:
                    s.add(
                        SlaPolicy(
                            name=p.name,
                            priority=p.priority,
                            segment=p.segment,
                            channel=None,
                            first_response_minutes=p.first_response_minutes,
                            resolution_minutes=p.resolution_minutes,
                            warning_stages=list(p.warning_stages),
                            calendar_id=calendar.id,
                            is_default=p.is_default,
                            active=True,
                        )
                    )
                s.flush()
                SlaEngine().recompute_open(s, utcnow())
            uow.commit()
            log.info("installed the SLA presets")
            return True
    except IntegrityError:
        # Another workstation installed them at the same moment.
        return False
