"""The desk's supporting records: notifications, canned responses, saved views, audit."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from deskapp.models.base import AppendOnlyMixin, Base, MutableMixin
from deskapp.models.enums import NotificationKind
from deskapp.models.types import EnumText


class Notification(AppendOnlyMixin, Base):
    """Stored so none is lost when no desktop popup could be shown."""

    __tablename__ = "notifications"
    __table_args__ = (
        # A warning fires once per ticket, stage and recipient, even with several
        # workstations scanning one shared database: the database enforces it.
        UniqueConstraint("dedupe_key"),
        Index("ix_notifications_recipient_read", "recipient_id", "read_at", "created_at"),
    )

    recipient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tickets.id"))
    kind: Mapped[NotificationKind] = mapped_column(EnumText(NotificationKind))
    stage: Mapped[str] = mapped_column(String(32), default="")
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[str] = mapped_column(String(8), default="normal")
    dedupe_key: Mapped[str] = mapped_column(String(200))
    read_at: Mapped[datetime | None] = mapped_column()
    # What it says as a code and parameters, worded in the reader's language by the UI
    # (title/body: the English text, for logs and older rows). Migration 0016.
    code: Mapped[str] = mapped_column(String(64), default="", server_default="")
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")


class SlaStageEvent(AppendOnlyMixin, Base):
    """One row per ticket, clock and stage reached: the unique key is what makes a
    stage fire exactly once across every workstation on a shared database."""

    __tablename__ = "sla_stage_events"
    __table_args__ = (UniqueConstraint("ticket_id", "clock", "stage"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    clock: Mapped[str] = mapped_column(String(32))
    stage: Mapped[str] = mapped_column(String(32))
    due_at: Mapped[datetime] = mapped_column()


class CannedResponse(MutableMixin, Base):
    __tablename__ = "canned_responses"

    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(80), default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    search_text: Mapped[str] = mapped_column(Text, default="")


class SavedView(MutableMixin, Base):
    """A custom queue view, saved per user."""

    __tablename__ = "saved_views"
    __table_args__ = (UniqueConstraint("owner_id", "name"),)

    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(80))
    # Filter criteria: status, priority, channel, team, assignee, segment, text.
    criteria: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class AuditEntry(AppendOnlyMixin, Base):
    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[uuid.UUID | None] = mapped_column()
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
