"""What a workstation or the CLI needs to know about the local branch database, read
locally (no connection to the centre): is this a branch, of which site, and the sync
state to show (last successful sync, changes waiting, open conflicts, last error).
No Qt here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, inspect, select

from deskapp.models import Team, Ticket, User
from deskapp.models.database import READ_ONLY
from deskapp.models.sync import ChangeLogEntry, SyncConflict, SyncState


@dataclass(frozen=True)
class BranchStatus:
    site_code: str
    central_profile: str
    central_url_hint: str
    last_sync_at: datetime | None
    pending_changes: int  # outbox rows not yet acknowledged by the centre
    open_conflicts: int
    last_error: str


def branch_site(target: Engine | Connection) -> str | None:
    """The site code of this branch database, or None when it is not a branch."""
    status = branch_status(target)
    return status.site_code if status is not None else None


def branch_status(target: Engine | Connection) -> BranchStatus | None:
    """The local sync state, or None on a database that is not a branch (no
    ``sync_state`` table or row: a centre, a plain local desk)."""
    if isinstance(target, Engine):
        with target.connect() as conn:
            conn = conn.execution_options(**{READ_ONLY: True})
            return branch_status(conn)
    conn = target
    if conn.dialect.name != "sqlite" or not inspect(conn).has_table(SyncState.__tablename__):
        return None
    state = conn.execute(select(SyncState).order_by(SyncState.id).limit(1)).first()
    if state is None:
        return None
    pending = conn.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0
    conflicts = conn.scalar(
        select(func.count()).select_from(SyncConflict).where(
            SyncConflict.status == "open", SyncConflict.deleted_at.is_(None))
    ) or 0
    return BranchStatus(
        site_code=state.site_code,
        central_profile=state.central_profile,
        central_url_hint=state.central_url_hint,
        last_sync_at=state.last_sync_at,
        pending_changes=int(pending),
        open_conflicts=int(conflicts),
        last_error=state.last_error or "",
    )


@dataclass(frozen=True)
class ConflictView:
    """One open conflict as the inbox shows it: the engine's ConflictInfo plus the names
    a person reads (ticket number, who changed each side, the names behind user and
    team ids)."""

    info: Any  # deskapp.services.sync.conflicts.ConflictInfo
    ticket_reference: str | None
    local_by: str | None
    remote_by: str | None
    names: dict[str, str]  # str(uuid) -> display name, for id-valued fields


def conflict_views(engine: Engine, conflicts: list[Any]) -> list[ConflictView]:
    """Decorate ``ConflictService.list_open()`` with names, in one read."""
    user_ids: set[uuid.UUID] = set()
    team_ids: set[uuid.UUID] = set()
    ticket_ids: set[uuid.UUID] = set()
    for c in conflicts:
        user_ids.update(i for i in (c.local_by_id, c.remote_by_id) if i is not None)
        if c.ticket_id is not None:
            ticket_ids.add(c.ticket_id)
        for value in (c.local_value, c.remote_value):
            ident = _as_uuid(value)
            if ident is not None:
                (team_ids if c.column_name.startswith("team") else user_ids).add(ident)
    with engine.connect() as conn:
        conn = conn.execution_options(**{READ_ONLY: True})
        users = dict(conn.execute(
            select(User.id, User.display_name).where(User.id.in_(user_ids))).all()
        ) if user_ids else {}
        teams = dict(conn.execute(
            select(Team.id, Team.name).where(Team.id.in_(team_ids))).all()
        ) if team_ids else {}
        refs = dict(conn.execute(
            select(Ticket.id, Ticket.reference).where(Ticket.id.in_(ticket_ids))).all()
        ) if ticket_ids else {}
    names = {str(k): v for k, v in {**users, **teams}.items()}
    return [
        ConflictView(
            info=c,
            ticket_reference=refs.get(c.ticket_id) if c.ticket_id is not None else None,
            local_by=users.get(c.local_by_id) if c.local_by_id is not None else None,
            remote_by=users.get(c.remote_by_id) if c.remote_by_id is not None else None,
            names=names,
        )
        for c in conflicts
    ]


def _as_uuid(value: Any) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str) and len(value) in (32, 36):
        try:
            return uuid.UUID(value)
        except ValueError:
            return None
    return None
