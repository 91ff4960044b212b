"""What a workstation or the CLI needs to know about the local branch database, read
locally (no connection to the centre): is this a branch, of which site, and the sync
state to show (last successful sync, changes waiting, open conflicts, last error).
No Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, func, inspect, select

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
