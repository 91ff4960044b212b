"""Change capture on a branch: SQLite triggers generated from the SQLAlchemy metadata.

Every INSERT, UPDATE and DELETE of a synced table writes one ``sync_change_log`` row in
the same transaction (it is the same statement): the row id, the changed columns' new
and old values (JSON, as stored in SQLite), a hybrid-logical-clock timestamp and the
origin site. The triggers advance the HLC kept in ``sync_state`` themselves, so ORM
flushes, Core statements and bulk updates are all caught, and nothing in Python has to
remember to log.

The triggers are generated, not hand-written: ``synced_tables()`` is every table of
the metadata with a single ``id`` key except the ones listed in ``NOT_SYNCED`` (with the
reason), and a test fails when a table is in neither. ``install()`` is idempotent and
cheap to check (``missing()``), so the sync client re-checks before each run and a
table added by a later migration is captured from then on.

Applying pulled changes does not capture them again: the engine sets
``sync_state.applying = 1`` inside its transaction, and every trigger's WHEN clause
requires ``applying = 0``. (A TEMP table cannot be used: SQLite does not let a trigger
of the main schema see it.) On a database that is not a branch there is no
``sync_state`` row, so the triggers, if present, log nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, Engine, Table, text
from sqlalchemy.dialects import sqlite

from deskapp.models import Base

# Tables that are not carried by sync, and why.
NOT_SYNCED: dict[str, str] = {
    "sync_state": "the branch's own sync bookkeeping",
    "sync_change_log": "the outbox itself",
    "sync_batches": "the centre's record of applied batches",
    "sync_field_clocks": "the centre's merge clocks",
    "change_feed": "the centre's feed (written by PostgreSQL triggers)",
    "leases": "per-database job election",
    "login_throttles": "failed logins are counted per database",
    "presence_heartbeats": "who is online is per database and transient",
    "team_members": "composite key; team membership is administered at the centre and "
    "copied by branch init",
}
# The report roll-up (0018) is derived from each database's own tickets and kept by its
# own triggers; branch init skips it too (clone.SKIP_TABLES).
NOT_SYNCED.update({
    name: "report roll-up: derived per database from its own tickets"
    for name in ("report_rollup_days", "report_rollup_months", "report_rollup_sla",
                 "report_rollup_esc", "report_rollup_live", "report_rollup_state",
                 "report_rollup_dirty")
})

# Columns each database derives for itself (the report's bookkeeping, services.reports:
# business durations measured on its own calendars, the strict FCR decided when its
# window passes): an UPDATE that changes only these logs nothing, so a branch's first
# report does not push a change per ticket. The centre's feed skips them the same way
# (change_feed.quiet_transaction).
DERIVED_COLUMNS: dict[str, frozenset[str]] = {
    "tickets": frozenset({"first_response_business_s", "resolution_business_s",
                          "business_measured_for", "fcr_strict"}),
}

TRIGGER_PREFIX = "sync_capture_"
_NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
_HLC = "printf('%013d-%05d-%s', hlc_wall, hlc_counter, site_code)"


def synced_tables(metadata=Base.metadata) -> list[Table]:
    """Every table sync carries, parents before children."""
    tables = []
    for table in metadata.sorted_tables:
        if table.name in NOT_SYNCED:
            continue
        keys = [c.name for c in table.primary_key.columns]
        if keys != ["id"]:
            raise RuntimeError(
                f"table {table.name} has no single 'id' key: add capture for it or list it "
                "in deskapp.services.sync.capture.NOT_SYNCED with the reason"
            )
        tables.append(table)
    return tables


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _object(prefix: str, columns: Iterable[str]) -> str:
    """SQL building a JSON object of all ``columns`` of ``prefix`` (NEW or OLD)."""
    parts = ", ".join(f"'{c}', {prefix}.{_q(c)}" for c in columns)
    return f"json_object({parts})"


def _changed_object(prefix: str, columns: list[str]) -> str:
    """A JSON object of only the columns whose value changed in this UPDATE."""
    pieces = " || ".join(
        f"CASE WHEN OLD.{_q(c)} IS NOT NEW.{_q(c)} "
        f"THEN ',\"{c}\":' || json_quote({prefix}.{_q(c)}) ELSE '' END"
        for c in columns
    )
    return f"'{{' || substr({pieces}, 2) || '}}'"


def _clock_sql() -> str:
    # One UPDATE advances the HLC (SET expressions all see the old values).
    return (
        f"UPDATE sync_state SET hlc_counter = CASE WHEN {_NOW_MS} > hlc_wall THEN 0 "
        f"ELSE hlc_counter + 1 END, hlc_wall = MAX(hlc_wall, {_NOW_MS}) WHERE id = 1;"
    )


def _log_sql(table: str, op: str, row_id: str, new: str, old: str) -> str:
    return (
        "INSERT INTO sync_change_log (table_name, row_id, op, new_values, old_values, hlc, "
        f"origin_site) SELECT '{table}', {row_id}, '{op}', {new}, {old}, {_HLC}, site_code "
        "FROM sync_state WHERE id = 1;"
    )


def trigger_ddl(table: Table, present: set[str] | None = None) -> list[str]:
    """CREATE TRIGGER statements capturing ``table`` (only the columns in ``present``,
    the database's own, when given)."""
    name = table.name
    cols = [c.name for c in table.columns if present is None or c.name in present]
    guard = "(SELECT applying FROM sync_state WHERE id = 1) = 0"
    derived = DERIVED_COLUMNS.get(name, frozenset())
    kept = [c for c in cols if c not in derived]  # what an UPDATE logs
    changed = " OR ".join(f"OLD.{_q(c)} IS NOT NEW.{_q(c)}" for c in kept)
    return [
        f"CREATE TRIGGER {TRIGGER_PREFIX}{name}_i AFTER INSERT ON {_q(name)} "
        f"WHEN {guard} BEGIN {_clock_sql()} "
        f"{_log_sql(name, 'i', 'NEW.id', _object('NEW', cols), 'NULL')} END",
        f"CREATE TRIGGER {TRIGGER_PREFIX}{name}_u AFTER UPDATE ON {_q(name)} "
        f"WHEN {guard} AND ({changed}) BEGIN {_clock_sql()} "
        f"{_log_sql(name, 'u', 'NEW.id', _changed_object('NEW', kept), _changed_object('OLD', kept))}"
        " END",
        f"CREATE TRIGGER {TRIGGER_PREFIX}{name}_d AFTER DELETE ON {_q(name)} "
        f"WHEN {guard} BEGIN {_clock_sql()} "
        f"{_log_sql(name, 'd', 'OLD.id', 'NULL', _object('OLD', cols))} END",
    ]


def installed(conn: Connection) -> dict[str, str]:
    rows = conn.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE :p"),
        {"p": TRIGGER_PREFIX + "%"},
    )
    return {r[0]: r[1] for r in rows}


def _wanted(conn: Connection) -> dict[str, str]:
    """The triggers for every synced table this database has (a table of a newer model
    that is not migrated here yet is the schema check's business, not capture's)."""
    existing = {
        r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
    }
    wanted = {}
    for table in synced_tables():
        if table.name not in existing:
            continue
        present = {r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({_q(table.name)})")}
        for ddl in trigger_ddl(table, present):
            wanted[ddl.split()[2]] = ddl
    return wanted


def missing(conn: Connection) -> list[str]:
    """Names of triggers that are absent or out of date (a column was added since)."""
    have = installed(conn)
    return sorted(n for n, ddl in _wanted(conn).items() if have.get(n) != ddl)


def install(target: Engine | Connection) -> int:
    """(Re)create the capture triggers that are missing or stale; returns how many."""
    if isinstance(target, Engine):
        with target.begin() as conn:
            return install(conn)
    conn = target
    if conn.dialect.name != "sqlite":
        raise RuntimeError("change capture triggers are for a branch's SQLite database")
    have = installed(conn)
    wanted = _wanted(conn)
    count = 0
    for name in have:
        if name not in wanted:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    for name, ddl in wanted.items():
        if have.get(name) != ddl:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            conn.exec_driver_sql(ddl)
            count += 1
    return count


def uninstall(target: Engine | Connection) -> None:
    if isinstance(target, Engine):
        with target.begin() as conn:
            uninstall(conn)
            return
    for name in installed(target):
        target.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


# -- decoding captured values -------------------------------------------------------

_SQLITE = sqlite.dialect()
_decoders: dict[str, dict[str, Callable[[Any], Any]]] = {}


def decoders(table: Table) -> dict[str, Callable[[Any], Any]]:
    """Per column, a function turning a captured (SQLite-stored) value into Python."""
    found = _decoders.get(table.name)
    if found is None:
        found = {}
        for col in table.columns:
            proc = col.type.dialect_impl(_SQLITE).result_processor(_SQLITE, None)
            found[col.name] = proc if proc is not None else (lambda v: v)
        _decoders[table.name] = found
    return found


def decode(table: Table, values_json: str | None) -> dict[str, Any]:
    if not values_json:
        return {}
    raw = json.loads(values_json)
    dec = decoders(table)
    out = {}
    for key, value in raw.items():
        if key in dec:
            out[key] = None if value is None else dec[key](value)
    return out
