"""SQLAlchemy models: one module per aggregate. No Qt here."""

from deskapp.models import report_rollup  # noqa: F401  (the report roll-up tables)
from deskapp.models.base import Base, new_id, utcnow
from deskapp.models.call import Call
from deskapp.models.customer import Customer, CustomerPhone
from deskapp.models.desk import AuditEntry, CannedResponse, Notification, SavedView, SlaStageEvent
from deskapp.models.feed import ChangeFeedEntry, Lease
from deskapp.models.organisation import PresenceHeartbeat, Site, Team, User, team_members
from deskapp.models.policy import AuthorityLimit, EscalationReason
from deskapp.models.security import LoginThrottle
from deskapp.models.sla import BusinessCalendar, CalendarHoliday, CalendarSchedule, SlaPolicy
from deskapp.models.sync import (
    ChangeLogEntry,
    SyncBatch,
    SyncConflict,
    SyncDuplicate,
    SyncFieldClock,
    SyncState,
)
from deskapp.models.ticket import Approval, Assignment, Escalation, Interaction, Ticket

__all__ = [
    "Approval",
    "Assignment",
    "AuditEntry",
    "AuthorityLimit",
    "Base",
    "BusinessCalendar",
    "Call",
    "CalendarHoliday",
    "CalendarSchedule",
    "CannedResponse",
    "ChangeFeedEntry",
    "ChangeLogEntry",
    "Customer",
    "CustomerPhone",
    "Escalation",
    "EscalationReason",
    "Interaction",
    "Lease",
    "LoginThrottle",
    "Notification",
    "PresenceHeartbeat",
    "SavedView",
    "Site",
    "SlaPolicy",
    "SlaStageEvent",
    "SyncBatch",
    "SyncConflict",
    "SyncDuplicate",
    "SyncFieldClock",
    "SyncState",
    "Team",
    "Ticket",
    "User",
    "new_id",
    "team_members",
    "utcnow",
]
