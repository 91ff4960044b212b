"""The branch's side of the centre's rows: pull from the feed, and re-read after a push.

``pull`` reads the centre's commit-ordered change feed (deskapp.services.change_feed)
after the saved cursor, leaving out the rows this branch's own batches wrote, fetches
the current rows, and writes them locally in ONE local transaction together with the
new cursor: a crash either keeps both or neither, and re-applying is idempotent (a row
is written only where it differs). ``sync_state.applying`` is 1 inside that
transaction, so the capture triggers do not log the pulled rows again.

Rows the centre no longer has are deleted locally. Columns the branch changed since
its last push (still in the outbox) keep the local value: they go to the centre with
the next push and meet the merge there.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, text, update

from deskapp.models import Base
from deskapp.models.sync import ChangeLogEntry, SyncState
from deskapp.services import change_feed
from deskapp.services.change_feed import FeedCursor
from deskapp.services.sync import values
from deskapp.services.sync.capture import synced_tables
from deskapp.services.sync.hlc import to_ms
from deskapp.services.sync.merge import write_updates

Progress = Callable[[str, int, int], None]


def fetch_rows(
    central: Connection, keys: Iterable[tuple[str, str]]
) -> dict[str, dict[str, dict[str, Any] | None]]:
    """The centre's current rows for ``keys`` (table, row id hex): per table, per id,
    the row as a dict, or None where the centre has no such row."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for table, rid in keys:
        wanted[table].add(rid)
    out: dict[str, dict[str, dict[str, Any] | None]] = {}
    tables = Base.metadata.tables
    for name, ids in wanted.items():
        table = tables.get(name)
        if table is None:
            continue
        found: dict[str, dict[str, Any] | None] = dict.fromkeys(ids)
        id_list = [uuid.UUID(i) for i in ids]
        for start in range(0, len(id_list), 500):
            chunk = id_list[start : start + 500]
            for row in central.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                found[row["id"].hex] = dict(row)
        out[name] = found
    return out


def _pending(conn: Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
    """Per row still in the outbox: the columns changed locally ('*' for an insert or a
    delete not pushed yet)."""
    if not keys:
        return {}
    pending: dict[tuple[str, str], set[str]] = defaultdict(set)
    rows = conn.execute(
        select(
            ChangeLogEntry.table_name,
            ChangeLogEntry.row_id,
            ChangeLogEntry.op,
            ChangeLogEntry.new_values,
        )
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
    conn: Connection, rows: dict[str, dict[str, dict[str, Any] | None]]
) -> tuple[int, datetime | None]:
    """Write the centre's rows into the branch (inside the caller's transaction, with
    ``applying`` set). Returns how many rows changed and the latest ``updated_at``."""
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    keys = {(t, rid) for t, by_id in rows.items() for rid in by_id}
    pending = _pending(conn, keys)
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


def missing_parents(
    conn: Connection, rows: dict[str, dict[str, dict[str, Any] | None]]
) -> set[tuple[str, str]]:
    """(table, id hex) of the rows that ``rows`` refer to and this branch lacks."""
    tables = Base.metadata.tables
    refs: dict[str, set[uuid.UUID]] = defaultdict(set)
    for name, by_id in rows.items():
        table = tables.get(name)
        if table is None:
            continue
        for fk in table.foreign_keys:
            col = fk.parent.name
            target = fk.column.table.name
            for row in by_id.values():
                value = row.get(col) if row else None
                if value is not None and not (target == name and value.hex in by_id):
                    refs[target].add(value)
    missing: set[tuple[str, str]] = set()
    for target, ids in refs.items():
        table = tables[target]
        id_list = sorted(ids)
        for start in range(0, len(id_list), 500):
            chunk = id_list[start : start + 500]
            have = set(conn.execute(select(table.c.id).where(table.c.id.in_(chunk))).scalars())
            missing.update((target, i.hex) for i in chunk if i not in have)
    return missing


def fill_parents(
    conn: Connection,
    central: Engine,
    rows: dict[str, dict[str, dict[str, Any] | None]],
    rounds: int = 10,
) -> int:
    """Fetch from the centre the rows that pulled rows refer to and this branch does not
    have (a reply on an old closed ticket that ``branch init --since`` left at the
    centre brings its ticket along); foreign keys are deferred meanwhile."""
    added = 0
    for _ in range(rounds):
        wanted = missing_parents(conn, rows)
        if not wanted:
            break
        with central.connect() as c, c.begin():
            rows = fetch_rows(c, wanted)
        added += apply_rows(conn, rows)[0]
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
    rows: dict[str, dict[str, dict[str, Any] | None]],
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
        changed, latest = apply_rows(conn, rows)
        if central is not None:
            changed += fill_parents(conn, central, rows)
        receive_clock(conn, latest)
        values_ = {"applying": 0, **state}
        conn.execute(update(SyncState).where(SyncState.id == 1).values(**values_))
    return changed


def pull(
    branch: Engine,
    central: Engine,
    site: str,
    *,
    limit: int = 2000,
    progress: Progress | None = None,
    hook: Callable[[str], None] | None = None,
) -> int:
    """Pull until the feed has nothing more; returns how many rows were read."""
    total = 0
    while True:
        with branch.connect() as conn:
            st = conn.execute(select(SyncState.pull_xid, SyncState.pull_id)).one()
        cursor = FeedCursor(int(st[0]), int(st[1]))
        with central.connect() as c, c.begin():
            entries, new_cursor = change_feed.read(c, cursor, limit, exclude_origin=site)
            rows = fetch_rows(c, {(e.table, e.row_id.hex) for e in entries if _synced(e.table)})
        if new_cursor == cursor:
            return total
        if hook:
            hook("pull-read")
        apply_central_rows(
            branch, rows, central=central, pull_xid=new_cursor.xid, pull_id=new_cursor.id
        )
        total += len(entries)
        if progress:
            progress("pull", total, 0)


_SYNCED: set[str] | None = None


def _synced(table: str) -> bool:
    global _SYNCED
    if _SYNCED is None:
        _SYNCED = {t.name for t in synced_tables()}
    return table in _SYNCED
