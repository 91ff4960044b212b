"""The centre's rows as SQLite stores them: read in bulk, written with one UPSERT.

A pull (and the re-read after a push) brings thousands of rows from the centre to the
branch. Converting every value to Python and back (SQLAlchemy rows, ``values.same``
per column, bind processors) cost more than the databases' own work, so the common
path never makes Python values:

* ``fetch_stored`` reads the rows with the clone's select list (clone.py): PostgreSQL
  itself turns UUIDs, timestamps, booleans, dates and numerics into the forms
  deskapp's column types store on SQLite; one ``= ANY(array)`` query per table.
* ``upsert`` writes them on the raw sqlite3 cursor of the caller's transaction, one
  ``executemany`` per table of ``INSERT OR REPLACE .. ON CONFLICT (id) DO UPDATE ..
  WHERE <some column differs>``: a row equal to the branch's is not written at all
  (re-applying stays idempotent and cheap), a new row whose unique key a local row
  holds replaces it (as the row-by-row INSERT OR REPLACE did).
* Columns watched by an ``AFTER UPDATE OF`` trigger (the tickets' full-text index) are
  left out of the upsert and written by a separate UPDATE only where they differ, so
  the FTS5 index is not rewritten for a ticket whose search text did not change.

Rows that still have local changes in the outbox, and rows the centre deleted, keep
the per-row path of pull.py (``apply_rows``): they are few, and their rules (local
columns kept, tombstones) need Python values, which ``decode`` gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table

from deskapp.models import Base
from deskapp.services.sync.capture import decoders, synced_tables
from deskapp.services.sync.clone import _plan_select, _q

# table -> row id (hex) -> the row in SQLite's stored forms (columns in ``table.c``
# order), or None where the centre has no such row.
StoredRows = dict[str, dict[str, tuple | None]]

# Columns written only where they differ (an AFTER UPDATE OF trigger watches them:
# migration 0003's tickets_fts_au rewrites the ticket's full-text entry).
WATCHED = {"tickets": ("search_text",)}

_SQL: dict[str, tuple[str, str | None]] = {}


def fetch_stored(central: Connection, keys: Iterable[tuple[str, str]]) -> StoredRows:
    """The centre's current rows for ``keys`` (table, row id hex), in stored forms.
    PostgreSQL only (the centre always is)."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for name, rid in keys:
        wanted[name].add(rid)
    tables = Base.metadata.tables
    out: StoredRows = {}
    cursor = central.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        for name, ids in wanted.items():
            table = tables.get(name)
            if table is None:
                continue
            plan = _plan_select(table, None)
            id_pos = [c.name for c in table.c].index("id")
            found: dict[str, tuple | None] = dict.fromkeys(ids)
            cursor.execute(
                f"SELECT {plan.columns} FROM {plan.source} "
                "WHERE c.id = ANY(CAST(%(ids)s AS uuid[]))",
                {"ids": sorted(ids)},
            )
            for row in cursor.fetchall():
                if plan.converters:
                    values = list(row)
                    for i, convert in plan.converters:
                        if values[i] is not None:
                            values[i] = convert(values[i])
                    row = tuple(values)
                found[row[id_pos]] = tuple(row)
            out[name] = found
    finally:
        cursor.close()
    return out


def decode_row(table: Table, row: tuple) -> dict[str, Any]:
    """A stored row as the Python values SQLAlchemy would give (for the per-row path)."""
    dec = decoders(table)
    return {
        c.name: None if v is None else dec[c.name](v) for c, v in zip(table.c, row, strict=True)
    }


def _statements(table: Table) -> tuple[str, str | None]:
    found = _SQL.get(table.name)
    if found is None:
        cols = [c.name for c in table.c]
        watched = WATCHED.get(table.name, ())
        settable = [c for c in cols if c != "id" and c not in watched]
        name = _q(table.name)
        sets = ", ".join(f"{_q(c)} = excluded.{_q(c)}" for c in settable)
        differs = " OR ".join(f"{name}.{_q(c)} IS NOT excluded.{_q(c)}" for c in settable)
        upsert = (
            f"INSERT OR REPLACE INTO {name} ({', '.join(_q(c) for c in cols)}) "
            f"VALUES ({', '.join('?' * len(cols))}) "
            f"ON CONFLICT (id) DO UPDATE SET {sets} WHERE {differs}"
        )
        follow = None
        if watched:
            follow = (
                f"UPDATE {name} SET {', '.join(f'{_q(c)} = ?' for c in watched)} "
                f"WHERE id = ? AND ({' OR '.join(f'{_q(c)} IS NOT ?' for c in watched)})"
            )
        found = _SQL[table.name] = (upsert, follow)
    return found


def upsert(conn: Connection, rows: dict[str, list[tuple]]) -> tuple[int, datetime | None]:
    """Write stored rows (per table) into the branch, parents first, inside the
    caller's transaction. Returns how many rows changed and the latest
    ``updated_at`` (or ``created_at``) among them."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    changed = 0
    latest = ""
    try:
        for table in synced_tables():
            group = rows.get(table.name)
            if not group:
                continue
            upsert_sql, follow_sql = _statements(table)
            cursor.executemany(upsert_sql, group)
            changed += max(cursor.rowcount, 0)
            cols = [c.name for c in table.c]
            if follow_sql is not None:
                pos = [cols.index(c) for c in WATCHED[table.name]]
                id_pos = cols.index("id")
                cursor.executemany(
                    follow_sql,
                    [(*(r[p] for p in pos), r[id_pos], *(r[p] for p in pos)) for r in group],
                )
            for col in ("updated_at", "created_at"):
                if col in cols:
                    p = cols.index(col)
                    newest = max((r[p] for r in group if r[p] is not None), default="")
                    latest = max(latest, newest)
                    break
    finally:
        cursor.close()
    return changed, _when(latest)


def _when(stored: str) -> datetime | None:
    if not stored:
        return None
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def missing_parents(conn: Connection, rows: StoredRows) -> set[tuple[str, str]]:
    """(table, id hex) of the rows that ``rows`` refer to and this branch lacks (a
    foreign key's stored form is the parent's id in hex)."""
    tables = Base.metadata.tables
    refs: dict[str, set[str]] = defaultdict(set)
    for name, by_id in rows.items():
        table = tables.get(name)
        if table is None:
            continue
        cols = [c.name for c in table.c]
        for fk in table.foreign_keys:
            pos = cols.index(fk.parent.name)
            target = fk.column.table.name
            for row in by_id.values():
                value = row[pos] if row is not None else None
                if value is not None and not (target == name and value in by_id):
                    refs[target].add(value)
    missing: set[tuple[str, str]] = set()
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        for target, ids in refs.items():
            id_list = sorted(ids)
            for start in range(0, len(id_list), 500):
                chunk = id_list[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                have = {
                    r[0]
                    for r in cursor.execute(
                        f"SELECT id FROM {_q(target)} WHERE id IN ({marks})", chunk
                    )
                }
                missing.update((target, i) for i in chunk if i not in have)
    finally:
        cursor.close()
    return missing
