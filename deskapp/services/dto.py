"""Plain, immutable data the services hand to callers (and across threads to the UI)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from deskapp.models.enums import (
    Channel,
    Direction,
    InteractionKind,
    Presence,
    Priority,
    Role,
    Segment,
    SlaClock,
    Status,
)
from deskapp.services.sla_state import SlaReading, read_ticket


@dataclass(frozen=True)
class UserInfo:
    id: uuid.UUID
    username: str
    display_name: str
    role: Role
    tier: int
    active: bool
    team_ids: tuple[uuid.UUID, ...] = ()
    team_names: tuple[str, ...] = ()
    presence: Presence = Presence.OFFLINE
    version: int = 0
    email: str | None = None
    language: str = "en"
    must_change_password: bool = False
    presence_since: datetime | None = None


@dataclass(frozen=True)
class TeamInfo:
    id: uuid.UUID
    name: str
    skills: tuple[str, ...]
    tier: int
    supervisor_id: uuid.UUID | None
    supervisor_name: str | None
    member_ids: tuple[uuid.UUID, ...]
    auto_assign: str = "off"
    version: int = 0
    description: str = ""
    # {"billing": {"en": "Billing", "fa": "..."}}
    skill_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    member_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class CustomerInfo:
    id: uuid.UUID
    name: str
    phones: tuple[str, ...]
    email: str | None
    organisation: str | None
    segment: Segment
    preferred_language: str
    warning_note: str
    version: int


@dataclass(frozen=True)
class InteractionInfo:
    id: uuid.UUID
    ticket_id: uuid.UUID
    ticket_reference: str
    kind: InteractionKind
    direction: Direction
    author_name: str | None
    body: str
    created_at: datetime
    code: str = ""  # a note deskapp wrote: worded from code + params (services.timeline_notes)
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TicketSummary:
    id: uuid.UUID
    reference: str
    subject: str
    channel: Channel
    category: str
    priority: Priority
    status: Status
    customer_id: uuid.UUID
    customer_name: str
    assignee_id: uuid.UUID | None
    assignee_name: str | None
    team_id: uuid.UUID | None
    team_name: str | None
    escalation_level: int
    created_at: datetime
    updated_at: datetime
    first_response_due: datetime | None
    resolution_due: datetime | None
    sla_paused_since: datetime | None
    resolved_at: datetime | None
    csat: int | None
    version: int
    first_response_at: datetime | None = None
    # The highest SLA stage percent the scanner raised, per clock (0: none).
    first_response_raised: int = 0
    resolution_raised: int = 0

    def sla(self, now: datetime, clock: SlaClock | None = None) -> SlaReading:
        """A clock's state (default: the one that matters now), by services.sla_state."""
        raised = {
            SlaClock.FIRST_RESPONSE: self.first_response_raised,
            SlaClock.RESOLUTION: self.resolution_raised,
        }
        return read_ticket(self, now, raised, clock=clock)


@dataclass(frozen=True)
class TicketDetail:
    ticket: TicketSummary
    description: str
    customer: CustomerInfo
    interactions: tuple[InteractionInfo, ...]
    first_response_at: datetime | None
    closed_at: datetime | None
    first_contact_resolution: bool | None
    updated_by_name: str | None


@dataclass(frozen=True)
class CustomerHistory:
    customer: CustomerInfo
    tickets: tuple[TicketSummary, ...]
    open_count: int
    last_90_days_count: int
    total_count: int
    fcr_rate: float | None  # share of resolved tickets solved at first contact
    average_csat: float | None
    latest_interactions: tuple[InteractionInfo, ...] = field(default=())
    # How many tickets the history lists (``tickets`` is their first page; the rest
    # page in through CustomerService.history_tickets): total_count, or fewer across
    # team boundaries. -1: not given (then len(tickets)).
    shown_count: int = -1
