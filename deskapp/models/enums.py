"""The desk's vocabulary: roles, channels, the ticket lifecycle and friends."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    AGENT = "agent"
    SPECIALIST = "specialist"
    SUPERVISOR = "supervisor"
    MANAGER = "manager"
    ADMIN = "admin"


class Channel(enum.StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    CHAT = "chat"
    SOCIAL = "social"
    WALK_IN = "walk_in"
    WEB = "web"


class Priority(enum.StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        """Higher is more urgent; used for sorting in SQL and Python alike."""
        return PRIORITY_RANK[self]


PRIORITY_RANK = {Priority.LOW: 0, Priority.NORMAL: 1, Priority.HIGH: 2, Priority.URGENT: 3}


class Status(enum.StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING_CUSTOMER = "pending_customer"
    PENDING_THIRD_PARTY = "pending_third_party"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        return self not in (Status.RESOLVED, Status.CLOSED)


OPEN_STATUSES = tuple(s for s in Status if s.is_open)


class Segment(enum.StrEnum):
    STANDARD = "standard"
    PRIORITY = "priority"
    VIP = "vip"


class InteractionKind(enum.StrEnum):
    CALL = "call"
    EMAIL = "email"
    CHAT = "chat"
    SOCIAL = "social"
    WALK_IN = "walk_in"
    WEB = "web"
    NOTE = "note"
    INTERNAL_NOTE = "internal_note"

    @property
    def is_contact(self) -> bool:
        """A contact with the customer, as opposed to a note on the record."""
        return self not in (InteractionKind.NOTE, InteractionKind.INTERNAL_NOTE)


CHANNEL_INTERACTION = {
    Channel.PHONE: InteractionKind.CALL,
    Channel.EMAIL: InteractionKind.EMAIL,
    Channel.CHAT: InteractionKind.CHAT,
    Channel.SOCIAL: InteractionKind.SOCIAL,
    Channel.WALK_IN: InteractionKind.WALK_IN,
    Channel.WEB: InteractionKind.WEB,
}


class Direction(enum.StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    INTERNAL = "internal"


class EscalationKind(enum.StrEnum):
    FUNCTIONAL = "functional"
    HIERARCHICAL = "hierarchical"


class NotificationKind(enum.StrEnum):
    SLA_WARNING = "sla_warning"
    SLA_BREACH = "sla_breach"
    ESCALATION = "escalation"
    ASSIGNMENT = "assignment"
    APPROVAL = "approval"
    INFO = "info"


class SlaClock(enum.StrEnum):
    FIRST_RESPONSE = "first_response"
    RESOLUTION = "resolution"


class Presence(enum.StrEnum):
    AVAILABLE = "available"
    AWAY = "away"
    ON_CALL = "on_call"
    OFFLINE = "offline"


class ApprovalStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
