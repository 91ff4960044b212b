"""The branch's side of the centre's rows: pull from the feed, and re-read after a push.

``pull`` reads the centre's commit-ordered change feed (deskapp.services.change_feed)
after the saved cursor, leaving out the rows this branch's own batches wrote, fetches
the current rows, and writes them locally in ONE local transaction together with the
new cursor: a crash either keeps both or neither, and re-applying is idempotent (a row
is written only where it differs). ``sync_state.applying`` is 1 inside that
transaction, so the capture triggers do not log the pulled rows again. The rows travel
in SQLite's stored forms and are written with one UPSERT per table (stored_rows.py);
a helper thread reads the next steps of the feed from the centre while the branch
writes the current one.

Rows the centre no longer has are deleted locally. Columns the branch changed since
its last push (still in the outbox) keep the local value: they go to the centre with
the next push and meet the merge there.
"""

from __future__ import annotations

import json
import queue
import threading
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, text, update

from deskapp.models import Base
from deskapp.models.sync import SyncState
from deskapp.services import change_feed
from deskapp.services.change_feed import FeedCursor
from deskapp.services.sync import stored_rows, values
from deskapp.services.sync.capture import synced_tables
from deskapp.services.sync.hlc import to_ms
from deskapp.services.sync.merge import write_updates
from deskapp.services.sync.stored_rows import StoredRows

Progress = Callable[[str, int, int], None]


def _pending(conn: Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
    """Per row still in the outbox: the columns changed locally ('*' for an insert or a
    delete not pushed yet)."""
    if not keys:
        return {}
    pending: dict[tuple[str, str], set[str]] = defaultdict(set)
    # Only the outbox rows of these ids leave SQLite (the outbox may hold a week).
    rows = conn.exec_driver_sql(
        "SELECT table_name, row_id, op, new_values FROM sync_change_log "
        "WHERE row_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted({rid for _t, rid in keys})),),
    )
    for table, rid, op, new in rows:
        if (table, rid) not in keys:
            continue
        if op in ("i", "d"):
            pending[(table, rid)].add("*" + op)
        if new:
            pending[(table, rid)].update(json.loads(new).keys())
    return pending


def apply_rows(
    conn: Connection,
    rows: dict[str, dict[str, dict[str, Any] | None]],
    pending: dict[tuple[str, str], set[str]] | None = None,
) -> tuple[int, datetime | None]:
    """Write the centre's rows (Python values) into the branch one by one (inside the
    caller's transaction, with ``applying`` set): the path of rows the centre deleted
    and of rows with local changes still in the outbox (their columns keep the local
    value). Returns how many rows changed and the latest ``updated_at``."""
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    if pending is None:
        pending = _pending(conn, {(t, rid) for t, by_id in rows.items() for rid in by_id})
    order = [t for t in synced_tables() if t.name in rows]
    changed = 0
    latest: datetime | None = None
    # Deletes first (children before parents), so a unique key freed by a deleted
    # duplicate can be taken by the centre's row.
    for table in reversed(order):
        gone = [
            uuid.UUID(rid)
            for rid, row in rows[table.name].items()
            if row is None and "*i" not in pending.get((table.name, rid), ())
        ]
        for start in range(0, len(gone), 500):
            result = conn.execute(delete(table).where(table.c.id.in_(gone[start : start + 500])))
            changed += result.rowcount or 0
    for table in order:
        present = {rid: row for rid, row in rows[table.name].items() if row is not None}
        if not present:
            continue
        local = {
            r["id"].hex: dict(r)
            for start in range(0, len(present), 500)
            for r in conn.execute(
                select(table).where(
                    table.c.id.in_([uuid.UUID(i) for i in list(present)[start : start + 500]])
                )
            ).mappings()
        }
        new_rows: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        updates: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
        for rid, row in present.items():
            when = row.get("updated_at") or row.get("created_at")
            if when is not None and (latest is None or when > latest):
                latest = when
            mine = pending.get((table.name, rid), set())
            if "*d" in mine:
                continue  # deleted here, not pushed yet: the push settles it
            have = local.get(rid)
            if have is None:
                new_rows[tuple(sorted(row))].append(row)
                changed += 1
                continue
            diff = {
                k: v
                for k, v in row.items()
                if k in have and k not in mine and not values.same(have[k], v)
            }
            if diff:
                if "updated_at" in row and "updated_at" not in mine:
                    diff["updated_at"] = row["updated_at"]  # not the column's onupdate
                updates[(table.name, row["id"])] = diff
                changed += 1
        for group in new_rows.values():
            for start in range(0, len(group), 1000):
                conn.execute(insert(table).prefix_with("OR REPLACE"), group[start : start + 1000])
        write_updates(conn, updates)
    return changed, latest


def apply_stored(conn: Connection, rows: StoredRows) -> tuple[int, datetime | None]:
    """Write the centre's rows (stored forms, ``stored_rows.fetch_stored``) into the
    branch: one UPSERT per table for the rows without local changes, the per-row
    ``apply_rows`` for the others and for the rows the centre deleted."""
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    keys = {(t, rid) for t, by_id in rows.items() for rid in by_id}
    pending = _pending(conn, keys)
    tables = Base.metadata.tables
    per_row: dict[str, dict[str, dict[str, Any] | None]] = defaultdict(dict)
    bulk: dict[str, list[tuple]] = defaultdict(list)
    for name, by_id in rows.items():
        table = tables[name]
        for rid, row in by_id.items():
            if row is None or (name, rid) in pending:
                per_row[name][rid] = None if row is None else stored_rows.decode_row(table, row)
            else:
                bulk[name].append(row)
    changed, latest = apply_rows(conn, per_row, pending) if per_row else (0, None)
    more, newest = stored_rows.upsert(conn, bulk)
    if newest is not None and (latest is None or newest > latest):
        latest = newest
    return changed + more, latest


def fill_parents(
    conn: Connection,
    central: Engine,
    rows: StoredRows,
    rounds: int = 10,
) -> int:
    """Fetch from the centre the rows that pulled rows refer to and this branch does not
    have (a reply on an old closed ticket that ``branch init --since`` left at the
    centre brings its ticket along); foreign keys are deferred meanwhile."""
    added = 0
    for _ in range(rounds):
        wanted = stored_rows.missing_parents(conn, rows)
        if not wanted:
            break
        with central.connect() as c, c.begin():
            rows = stored_rows.fetch_stored(c, wanted)
        added += apply_stored(conn, rows)[0]
    return added


def set_applying(conn: Connection, on: bool) -> None:
    conn.execute(update(SyncState).where(SyncState.id == 1).values(applying=1 if on else 0))


def receive_clock(conn: Connection, latest: datetime | None) -> None:
    """Advance the branch's HLC past the newest row it received."""
    if latest is None:
        return
    ms = to_ms(latest)
    conn.execute(
        text(
            "UPDATE sync_state SET hlc_counter = CASE WHEN :ms > hlc_wall THEN 0 "
            "ELSE hlc_counter END, hlc_wall = MAX(hlc_wall, :ms) WHERE id = 1"
        ),
        {"ms": ms},
    )


def apply_central_rows(
    branch: Engine,
    rows: StoredRows,
    *,
    first: Callable[[Connection], None] | None = None,
    central: Engine | None = None,
    **state: Any,
) -> int:
    """One local transaction: ``first`` (e.g. drop the acknowledged outbox rows), apply
    ``rows`` without capturing them, and update the sync state with ``state`` (e.g. the
    new cursor) in the same commit."""
    with branch.begin() as conn:
        if first is not None:
            first(conn)
        set_applying(conn, True)
        changed, latest = apply_stored(conn, rows)
        if central is not None:
            changed += fill_parents(conn, central, rows)
        receive_clock(conn, latest)
        values_ = {"applying": 0, **state}
        conn.execute(update(SyncState).where(SyncState.id == 1).values(**values_))
    return changed


@dataclass
class _Chunk:
    start: FeedCursor
    end: FeedCursor
    keys: list[tuple[str, str]]
    rows: StoredRows


class _ReadAhead:
    """Reads the feed and the rows it names from the centre on a helper thread, at
    most ``depth`` chunks ahead, so the centre's reads overlap the branch's writes.
    Each chunk is read in one central transaction, as before; nothing is saved on
    the branch here (the cursor is saved with the rows, by the caller)."""

    def __init__(
        self, central: Engine, site: str, start: FeedCursor, limit: int, depth: int = 2
    ) -> None:
        self._queue: queue.Queue[_Chunk | BaseException | None] = queue.Queue(depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(central, site, start, limit), name="sync-pull-read",
            daemon=True,
        )
        self._thread.start()

    def _run(self, central: Engine, site: str, cursor: FeedCursor, limit: int) -> None:
        try:
            while not self._stop.is_set():
                with central.connect() as c, c.begin():
                    keys, end = change_feed.read_keys(c, cursor, limit, exclude_origin=site)
                    rows = stored_rows.fetch_stored(c, {k for k in keys if _synced(k[0])})
                if end == cursor:
                    self._put(None)
                    return
                self._put(_Chunk(cursor, end, keys, rows))
                cursor = end
        except BaseException as exc:  # handed to the caller's thread
            self._put(exc)

    def _put(self, item: _Chunk | BaseException | None) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def next(self) -> _Chunk | None:
        item = self._queue.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


def pull(
    branch: Engine,
    central: Engine,
    site: str,
    *,
    limit: int = 5000,
    progress: Progress | None = None,
    hook: Callable[[str], None] | None = None,
) -> int:
    """Pull until the feed has nothing more; returns how many rows were read."""
    total = 0
    while True:
        cursor = _saved_cursor(branch)
        ahead = _ReadAhead(central, site, cursor, limit)
        try:
            while True:
                chunk = ahead.next()
                if chunk is None:
                    return total
                if chunk.start != _saved_cursor(branch):
                    break  # another pull moved the cursor meanwhile: read again from it
                if hook:
                    hook("pull-read")
                apply_central_rows(
                    branch, chunk.rows, central=central, pull_xid=chunk.end.xid,
                    pull_id=chunk.end.id,
                )
                total += len(chunk.keys)
                if progress:
                    progress("pull", total, 0)
        finally:
            ahead.close()


def _saved_cursor(branch: Engine) -> FeedCursor:
    with branch.connect() as conn:
        st = conn.execute(select(SyncState.pull_xid, SyncState.pull_id)).one()
    return FeedCursor(int(st[0]), int(st[1]))


_SYNCED: set[str] | None = None


def _synced(table: str) -> bool:
    global _SYNCED
    if _SYNCED is None:
        _SYNCED = {t.name for t in synced_tables()}
    return table in _SYNCED
