"""Who may do what: the role matrix of DESIGN.md, checked in the services."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field

from deskapp.models.enums import Role
from deskapp.services.errors import PermissionDenied


class Permission(enum.StrEnum):
    LOG_CALL = "log_call"
    WORK_TICKETS = "work_tickets"  # own and team tickets: reply, status, resolve, escalate
    VIEW_CUSTOMERS = "view_customers"
    EDIT_CUSTOMERS = "edit_customers"
    REASSIGN_ANY = "reassign_any"
    WORK_ANY_TICKET = "work_any_ticket"
    TAKE_HIERARCHICAL = "take_hierarchical"
    APPROVE = "approve"
    VIEW_TEAM_WORKLOAD = "view_team_workload"
    VIEW_REPORTS = "view_reports"
    MANAGE_SLA = "manage_sla"
    MANAGE_TEAMS = "manage_teams"
    MANAGE_CANNED = "manage_canned"
    MANAGE_USERS = "manage_users"
    MANAGE_SITES = "manage_sites"
    MANAGE_CONNECTIONS = "manage_connections"
    IMPORT_DATA = "import_data"
    MERGE_RECORDS = "merge_records"  # merge duplicate customers or tickets
    VIEW_AUDIT = "view_audit"  # search the whole audit log


_TIER1 = {
    Permission.LOG_CALL,
    Permission.WORK_TICKETS,
    Permission.VIEW_CUSTOMERS,
    Permission.EDIT_CUSTOMERS,
}
_SUPERVISOR = _TIER1 | {
    Permission.REASSIGN_ANY,
    Permission.WORK_ANY_TICKET,
    Permission.TAKE_HIERARCHICAL,
    Permission.APPROVE,
    Permission.VIEW_TEAM_WORKLOAD,
    Permission.VIEW_REPORTS,
    Permission.MANAGE_CANNED,
    Permission.MERGE_RECORDS,
}
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.AGENT: frozenset(_TIER1),
    Role.SPECIALIST: frozenset(_TIER1),
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    # Managers run the desk: everything a supervisor does, plus its rules.
    Role.MANAGER: frozenset(
        _SUPERVISOR
        | {
            Permission.MANAGE_SLA,
            Permission.MANAGE_TEAMS,
            Permission.IMPORT_DATA,
            Permission.VIEW_AUDIT,
        }
    ),
    # Administrators run the system, not the queue.
    Role.ADMIN: frozenset(
        {
            Permission.VIEW_CUSTOMERS,
            Permission.MANAGE_USERS,
            Permission.MANAGE_SITES,
            Permission.MANAGE_CONNECTIONS,
            Permission.MANAGE_TEAMS,
            Permission.IMPORT_DATA,
            Permission.VIEW_REPORTS,  # issue 14: admins see every report
            Permission.VIEW_AUDIT,
        }
    ),
}


@dataclass(frozen=True)
class Actor:
    """The person (or the system) on whose behalf a service acts."""

    user_id: uuid.UUID | None
    username: str
    display_name: str
    role: Role
    tier: int = 1
    team_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)
    is_system: bool = False

    def can(self, permission: Permission) -> bool:
        return self.is_system or permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                f"{self.display_name} ({self.role.value}) may not {_describe(permission)}.",
                code="permission.denied", action=permission.value, role=self.role.value,
            )

    def may_work_ticket(self, assignee_id: uuid.UUID | None, team_id: uuid.UUID | None) -> bool:
        """Own tickets, the team's tickets, and the shared unassigned pool."""
        if self.can(Permission.WORK_ANY_TICKET):
            return True
        if not self.can(Permission.WORK_TICKETS):
            return False
        if assignee_id is not None and assignee_id == self.user_id:
            return True
        if team_id is not None:
            return team_id in self.team_ids
        return assignee_id is None

    def require_ticket(
        self, reference: str, assignee_id: uuid.UUID | None, team_id: uuid.UUID | None
    ) -> None:
        if not self.may_work_ticket(assignee_id, team_id):
            raise PermissionDenied(
                f"{reference} belongs to another agent or team; "
                f"{self.display_name} ({self.role.value}) may not work on it.",
                code="permission.ticket", reference=reference,
            )


SYSTEM = Actor(
    user_id=None, username="system", display_name="deskapp", role=Role.ADMIN, is_system=True
)


def _describe(permission: Permission) -> str:
    return permission.value.replace("_", " ")
