"""Telephone calls seen by a workstation: rung, answered, ended, and what they were
logged as. One row per call and agent, keyed by the softphone's Call-ID, so the same
call is never logged twice however often its events arrive."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from deskapp.models.base import Base, MutableMixin
from deskapp.models.enums import Direction
from deskapp.models.types import EnumText


class Call(MutableMixin, Base):
    __tablename__ = "calls"
    __table_args__ = (
        UniqueConstraint("agent_id", "call_id"),
        # The missed-calls list: an agent's unanswered inbound calls, newest first.
        Index("ix_calls_agent_rang", "agent_id", "rang_at"),
    )

    call_id: Mapped[str] = mapped_column(String(200))
    agent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    direction: Mapped[Direction] = mapped_column(EnumText(Direction))
    # As the phone system gave it (a SIP URI, "+98 912 ..."), and in canonical digits.
    raw_number: Mapped[str] = mapped_column(String(200), default="")
    number: Mapped[str] = mapped_column(String(32), default="")
    display_name: Mapped[str] = mapped_column(String(160), default="")
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customers.id"))
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tickets.id"))
    interaction_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("interactions.id"))
    rang_at: Mapped[datetime]
    answered_at: Mapped[datetime | None] = mapped_column(default=None)
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    # "agent" or "caller": who hung up. Missed = inbound, ended, never answered.
    ended_by: Mapped[str | None] = mapped_column(String(16), default=None)
    source: Mapped[str] = mapped_column(String(16), default="softphone")
    workstation: Mapped[str] = mapped_column(String(120), default="")
    # A missed call that was called back or dismissed leaves the missed list.
    handled_at: Mapped[datetime | None] = mapped_column(default=None)
