"""The branch's side of a push: seal the outbox into numbered batches, send, record.

1. ``seal``: in one local transaction, the oldest unsent outbox rows get the next batch
   number (``sync_state.next_push_seq``). A sealed batch is never changed: after a
   crash it is sent again as it was, under the same number.
2. ``apply.apply_batch`` at the centre applies it exactly once (a replay returns the
   stored result).
3. ``acknowledge``: in one local transaction, the batch's outbox rows are deleted and
   the rows the centre's merge touched are re-read and applied, so the branch holds the
   centre's merged state (a crash before this step just sends the batch again).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, select, update

from deskapp.models.sync import ChangeLogEntry, SyncState
from deskapp.services.sync.apply import apply_batch
from deskapp.services.sync.merge import Change
from deskapp.services.sync.pull import apply_central_rows
from deskapp.services.sync.stored_rows import fetch_stored

Progress = Callable[[str, int, int], None]


def pending_count(conn: Connection) -> int:
    return int(conn.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0)


def _entries(conn: Connection, seq: int) -> list[Change]:
    rows = conn.execute(
        select(
            ChangeLogEntry.table_name,
            ChangeLogEntry.row_id,
            ChangeLogEntry.op,
            ChangeLogEntry.new_values,
            ChangeLogEntry.old_values,
            ChangeLogEntry.hlc,
        )
        .where(ChangeLogEntry.batch_seq == seq)
        .order_by(ChangeLogEntry.id)
    )
    return [Change(*r) for r in rows]


def seal(branch: Engine, limit: int) -> tuple[int, list[Change]] | None:
    """The batch to send next: the one sealed earlier and not acknowledged, else a new
    one of at most ``limit`` changes; None when the outbox is empty."""
    with branch.begin() as conn:
        open_seq = conn.scalar(
            select(func.min(ChangeLogEntry.batch_seq)).where(ChangeLogEntry.batch_seq.is_not(None))
        )
        if open_seq is not None:
            return int(open_seq), _entries(conn, int(open_seq))
        ids = (
            conn.execute(
                select(ChangeLogEntry.id)
                .where(ChangeLogEntry.batch_seq.is_(None))
                .order_by(ChangeLogEntry.id)
                .limit(limit)
            )
            .scalars()
            .all()
        )
        if not ids:
            return None
        seq = int(conn.scalar(select(SyncState.next_push_seq)))
        conn.execute(
            update(ChangeLogEntry)
            .where(ChangeLogEntry.id >= ids[0], ChangeLogEntry.id <= ids[-1])
            .where(ChangeLogEntry.batch_seq.is_(None))
            .values(batch_seq=seq)
        )
        conn.execute(update(SyncState).values(next_push_seq=seq + 1))
        return seq, _entries(conn, seq)


def acknowledge(branch: Engine, central: Engine, seq: int, result: dict[str, Any]) -> None:
    touched = [(str(t), str(r)) for t, r in result.get("touched", [])]
    with central.connect() as c, c.begin():
        rows = fetch_stored(c, touched)

    def drop_batch(conn: Connection) -> None:
        conn.execute(delete(ChangeLogEntry).where(ChangeLogEntry.batch_seq == seq))

    # One local transaction: the batch leaves the outbox and the centre's merged state
    # of every row it touched arrives (those rows are not pulled back from the feed).
    apply_central_rows(branch, rows, first=drop_batch, central=central)


def push(
    branch: Engine,
    central: Engine,
    site: str,
    *,
    batch_size: int = 1000,
    progress: Progress | None = None,
    hook: Callable[[str], None] | None = None,
) -> int:
    """Send the whole outbox; returns how many changes the centre received."""
    sent = 0
    with branch.connect() as conn:
        total = pending_count(conn)
    while True:
        batch = seal(branch, batch_size)
        if batch is None:
            return sent
        seq, changes = batch
        if hook:
            hook("sealed")
        with branch.connect() as conn:
            st = conn.execute(select(SyncState.pull_xid, SyncState.pull_id)).one()
        result = apply_batch(central, site, seq, changes, known_cursor=(int(st[0]), int(st[1])))
        if hook:
            hook("sent")
        acknowledge(branch, central, seq, result)
        sent += len(changes)
        if progress:
            progress("push", sent, max(total, sent))
