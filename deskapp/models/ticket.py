"""The ticket aggregate: the ticket and its append-only history."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    and_,
    or_,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from deskapp.models.base import AppendOnlyMixin, Base, MutableMixin
from deskapp.models.customer import Customer
from deskapp.models.enums import (
    ApprovalStatus,
    Channel,
    Direction,
    EscalationKind,
    InteractionKind,
    Priority,
    Status,
)
from deskapp.models.types import EnumText


class Ticket(MutableMixin, Base):
    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("site_id", "number"),
        CheckConstraint("csat IS NULL OR (csat BETWEEN 1 AND 5)", name="csat_range"),
        # Queue access paths: keyset pagination by (sort key, id).
        Index("ix_tickets_status_created", "status", "created_at", "id"),
        Index("ix_tickets_assignee_status", "assignee_id", "status", "created_at"),
        Index("ix_tickets_team_status", "team_id", "status", "created_at"),
        Index("ix_tickets_customer_created", "customer_id", "created_at"),
        # Sort orders of the queue (services.queue), covering its usual filter so
        # a page read by position is an index-only scan; the search index is
        # dialect-specific and lives in migration 0003 only.
        Index("ix_tickets_q_created", "created_at", "id", "status", "deleted_at"),
        Index("ix_tickets_q_updated", "updated_at", "id", "status", "deleted_at"),
        Index("ix_tickets_q_priority", "priority_rank", "id", "status", "deleted_at"),
        Index("ix_tickets_q_subject", "subject", "id", "status", "deleted_at"),
        Index("ix_tickets_q_customer", "customer_sort_name", "id", "status", "deleted_at"),
        Index("ix_tickets_q_number", "number", "id", "status", "deleted_at"),
        # Covers the COUNT of every status-based view (and of all live tickets).
        Index("ix_tickets_q_status_deleted", "status", "deleted_at"),
        # Reports (services.reports): covering indexes of the figures over tickets
        # created / resolved in a date range (durations, CSAT, per agent).
        Index(
            "ix_tickets_rpt_created", "created_at", "deleted_at", "first_response_business_s",
            "assignee_id",
        ),
        Index(
            "ix_tickets_rpt_resolved", "resolved_at", "deleted_at", "resolution_business_s",
            "csat", "assignee_id",
        ),
    )

    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sites.id"))
    number: Mapped[int] = mapped_column(Integer)
    # "<SITE>-<n>" as people read it, e.g. HQ-000123.
    reference: Mapped[str] = mapped_column(String(24), unique=True)
    subject: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[Channel] = mapped_column(EnumText(Channel))
    category: Mapped[str] = mapped_column(String(80), default="")
    priority: Mapped[Priority] = mapped_column(EnumText(Priority), default=Priority.NORMAL)
    # 0 low .. 3 urgent, kept beside the text so SQL can sort by urgency.
    priority_rank: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[Status] = mapped_column(EnumText(Status), default=Status.NEW)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"))
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    updated_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))

    # SLA: targets and the clock's state (see services.sla).
    sla_policy_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sla_policies.id"))
    first_response_due: Mapped[datetime | None] = mapped_column()
    resolution_due: Mapped[datetime | None] = mapped_column()
    sla_paused_since: Mapped[datetime | None] = mapped_column()
    # When the scheduler must next look at this ticket (next warning stage or breach);
    # NULL when nothing is pending. Indexed so one tick reads only what is due.
    sla_next_check_at: Mapped[datetime | None] = mapped_column(index=True)
    # Business seconds the resolution clock has stood still (pending, or resolved and
    # later reopened); the running clock is created_at + target + this (services.sla).
    sla_paused_seconds: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    first_response_at: Mapped[datetime | None] = mapped_column()
    resolved_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    last_activity_at: Mapped[datetime | None] = mapped_column()
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    # Set when resolved: solved within the customer's first contact.
    first_contact_resolution: Mapped[bool | None] = mapped_column(Boolean)
    csat: Mapped[int | None] = mapped_column(Integer)
    # Business seconds (the SLA policy's calendar) from creation to the first response
    # and to resolution (pauses excluded), measured once for reports
    # (services.reports.durations); ``business_measured_for`` is the ``resolved_at``
    # the resolution figure belongs to, so a reopened and re-resolved ticket is
    # measured again.
    first_response_business_s: Mapped[int | None] = mapped_column(Integer)
    resolution_business_s: Mapped[int | None] = mapped_column(Integer)
    business_measured_for: Mapped[datetime | None] = mapped_column()
    # Strict first-contact resolution (services.reports.model), decided once the 7-day
    # window after the resolution has passed; NULL while undecided (reports work it
    # out live then) and again after a reopen and a new resolution.
    fcr_strict: Mapped[bool | None] = mapped_column(Boolean)
    # Full-text search document (services.search): normalised words of the number,
    # subject, description, interactions and customer. Deferred: only search reads it.
    search_text: Mapped[str] = mapped_column(Text, default="", deferred=True)
    # The customer's name, copied here (with search_text) so the queue can sort a
    # million tickets by customer through an index instead of a join and a sort.
    customer_sort_name: Mapped[str] = mapped_column(String(160), default="", server_default="")
    # A duplicate ticket closed by a merge names the kept one (no foreign key, as for
    # customers: sync may deliver them in either order).
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(default=None)

    customer: Mapped[Customer] = relationship(lazy="joined", innerjoin=True)


# The tickets whose report durations are missing or stale (services.reports.durations
# reads them before every report): a partial index, so the check costs nothing when all
# are measured. The same expression there, so SQLite sees the index applies.
UNMEASURED = or_(
    and_(Ticket.first_response_at.is_not(None), Ticket.first_response_business_s.is_(None)),
    and_(
        Ticket.resolved_at.is_not(None),
        or_(
            Ticket.business_measured_for.is_(None),
            Ticket.business_measured_for != Ticket.resolved_at,
        ),
    ),
)
Index("ix_tickets_rpt_unmeasured", Ticket.id, sqlite_where=UNMEASURED, postgresql_where=UNMEASURED)
# Resolved tickets whose strict FCR is not decided yet (services.reports.service.decide_fcr).
FCR_UNDECIDED = and_(Ticket.resolved_at.is_not(None), Ticket.fcr_strict.is_(None))
Index(
    "ix_tickets_rpt_fcr_undecided", Ticket.resolved_at,
    sqlite_where=FCR_UNDECIDED, postgresql_where=FCR_UNDECIDED,
)


class Interaction(AppendOnlyMixin, Base):
    """One contact or note on a ticket: the customer's history spans channels."""

    __tablename__ = "interactions"
    __table_args__ = (Index("ix_interactions_ticket_created", "ticket_id", "created_at"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    kind: Mapped[InteractionKind] = mapped_column(EnumText(InteractionKind))
    direction: Mapped[Direction] = mapped_column(EnumText(Direction))
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text, default="")
    # A note deskapp wrote (an escalation, a reassignment, a merge...): what it says as a
    # code and its parameters, worded in the reader's language (ui.ticket.note_wording);
    # ``body`` keeps the English for search, exports and older readers. "" for people's.
    code: Mapped[str] = mapped_column(String(64), default="", server_default="")
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")


class Escalation(AppendOnlyMixin, Base):
    __tablename__ = "escalations"
    __table_args__ = (Index("ix_escalations_ticket_created", "ticket_id", "created_at"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    kind: Mapped[EscalationKind] = mapped_column(EnumText(EscalationKind))
    from_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    from_team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"))
    from_level: Mapped[int] = mapped_column(Integer, default=0)
    to_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    to_team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"))
    to_level: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(80))
    note: Mapped[str] = mapped_column(Text, default="")
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    # A de-escalation (back to tier 1) is recorded as an escalation record too.
    is_deescalation: Mapped[bool] = mapped_column(Boolean, default=False)
    keep_informed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column()
    acknowledged_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    # An automatic escalation's note as a code and parameters (worded by the UI in the
    # reader's language; ``note`` keeps the English text). Migration 0016.
    code: Mapped[str] = mapped_column(String(64), default="", server_default="")
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")


class Assignment(AppendOnlyMixin, Base):
    """Every change of assignee or team, in order."""

    __tablename__ = "assignments"
    __table_args__ = (Index("ix_assignments_ticket_created", "ticket_id", "created_at"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    from_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    to_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    from_team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"))
    to_team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"))
    by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")


class Approval(MutableMixin, Base):
    """A goodwill credit or warranty decision above the agent's delegated authority."""

    __tablename__ = "approvals"

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ApprovalStatus] = mapped_column(
        EnumText(ApprovalStatus), default=ApprovalStatus.PENDING, index=True
    )
    requested_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    decided_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column()
    decision_note: Mapped[str] = mapped_column(Text, default="")
