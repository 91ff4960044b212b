"""SLA policies and the business calendars their targets are counted in."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from deskapp.models.base import Base, MutableMixin
from deskapp.models.enums import Channel, Priority, Segment
from deskapp.models.types import EnumText


class BusinessCalendar(MutableMixin, Base):
    __tablename__ = "business_calendars"

    name: Mapped[str] = mapped_column(String(80), unique=True)
    timezone: Mapped[str] = mapped_column(String(64))
    # Country (and subdivision) for the `holidays` package, e.g. "IR"; empty for none.
    holiday_country: Mapped[str] = mapped_column(String(8), default="")
    holiday_subdivision: Mapped[str] = mapped_column(String(16), default="")

    schedules: Mapped[list[CalendarSchedule]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="CalendarSchedule.effective_from"
    )
    holidays: Mapped[list[CalendarHoliday]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="CalendarHoliday.day"
    )


class CalendarSchedule(MutableMixin, Base):
    """Weekly working hours in force from a date on (a change of schedule)."""

    __tablename__ = "calendar_schedules"
    __table_args__ = (UniqueConstraint("calendar_id", "effective_from"),)

    calendar_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("business_calendars.id", ondelete="CASCADE")
    )
    effective_from: Mapped[date] = mapped_column(Date)
    # {"0": [["08:00", "16:00"]], ...}: ISO weekday 0=Monday .. 6=Sunday, local time.
    weekly_hours: Mapped[dict[str, list[list[str]]]] = mapped_column(JSON)


class CalendarHoliday(MutableMixin, Base):
    """A custom closed day (or a day with shorter hours) on top of the country's holidays."""

    __tablename__ = "calendar_holidays"
    __table_args__ = (UniqueConstraint("calendar_id", "day"),)

    calendar_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("business_calendars.id", ondelete="CASCADE")
    )
    day: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(120), default="")
    # None: closed all day. Otherwise the hours that day, e.g. [["08:00", "12:00"]].
    hours: Mapped[list[list[str]] | None] = mapped_column(JSON, default=None)


class SlaPolicy(MutableMixin, Base):
    """Targets chosen by priority, segment and channel; the most specific match wins."""

    __tablename__ = "sla_policies"

    name: Mapped[str] = mapped_column(String(80), unique=True)
    priority: Mapped[Priority | None] = mapped_column(EnumText(Priority))
    segment: Mapped[Segment | None] = mapped_column(EnumText(Segment))
    channel: Mapped[Channel | None] = mapped_column(EnumText(Channel))
    first_response_minutes: Mapped[int] = mapped_column(Integer)
    resolution_minutes: Mapped[int] = mapped_column(Integer)
    # Percent of the target elapsed at which to warn, ascending, e.g. [75, 90].
    warning_stages: Mapped[list[int]] = mapped_column(JSON, default=lambda: [75, 90])
    calendar_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("business_calendars.id"))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    calendar: Mapped[BusinessCalendar] = relationship(lazy="joined")
