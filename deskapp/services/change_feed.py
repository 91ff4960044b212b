"""The commit-ordered change feed: what changed in the shared database, in commit order.

PostgreSQL triggers (migration 0010, ``install_triggers``) append one row per changed
domain row to ``change_feed``: table, row id, operation, version and the ids views
filter on (ticket, customer, notification recipient, actor) — never row content —
stamped with the writing transaction's ``pg_current_xact_id()``.

Why not ``id > cursor``: ids come from a sequence when the row is *written*, not when
the transaction *commits*. A transaction that took id 5 and committed after the one
that took id 6 is skipped for good by a reader that already moved past 6. The feed is
therefore ordered by ``(xid, id)`` and read only below ``pg_snapshot_xmin`` of the
reader's snapshot: every transaction with a smaller xid has finished, so nothing can
later appear behind the cursor. (A transaction left open holds every reader back
until it ends: keep writers short.)

Two users: live updates behind PgBouncer (deskapp.ui.live.feed_follower, a cheap
poll instead of LISTEN) and the offline-branch pull (issue 11). ``origin_site`` is
``current_setting('deskapp.origin_site', true)``, set with ``SET LOCAL`` (transaction
scoped, so it works through PgBouncer) by whoever applies a branch's batch, so the
branch does not pull back its own changes.

Qt-free. On SQLite nothing writes the table; ``read`` and ``head`` work (empty).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import Connection, inspect, text
from sqlalchemy.orm import Session

from deskapp.models import Base
from deskapp.models.types import UTCDateTime
from deskapp.services.changes import Change

FEED_TABLE = "change_feed"
ORIGIN_SETTING = "deskapp.origin_site"
# Tables whose rows are not domain data: the feed itself and leases (renewed every few
# seconds; announcing them would only wake every follower). Others that add their own
# bookkeeping tables extend this set (and call ``install_triggers`` in their migration
# for new domain tables).
EXCLUDED_TABLES: set[str] = {FEED_TABLE, "leases", "alembic_version", "login_throttles"}
# Branch sync's own state (batches, change log, conflicts...) is bookkeeping too.
EXCLUDED_PREFIXES: tuple[str, ...] = ("sync_",)

# Set (transaction-local) by a transaction that writes only figures each database
# derives for itself, such as the report's business durations and strict FCR
# (``quiet_transaction``): announcing them would send every follower and every branch
# a row per ticket for nothing they show or keep (945,588 on a million-ticket desk's
# first report). Migration 0023 added the guard.
QUIET_SETTING = "deskapp.feed_quiet"
_GUARD = f"""    IF current_setting('{QUIET_SETTING}', true) = 'on' THEN
        RETURN NULL;
    END IF;
"""
FUNCTION_TEMPLATE = f"""
CREATE OR REPLACE FUNCTION deskapp_feed_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r jsonb;
BEGIN
{{guard}}    IF TG_OP = 'DELETE' THEN
        r := to_jsonb(OLD);
    ELSE
        r := to_jsonb(NEW);
    END IF;
    INSERT INTO {FEED_TABLE} (table_name, row_id, op, version, ticket_id, customer_id,
                              recipient_id, actor_id, origin_site)
    VALUES (
        TG_TABLE_NAME,
        (r->>'id')::uuid,
        lower(left(TG_OP, 1)),
        (r->>'version')::integer,
        CASE WHEN TG_TABLE_NAME = 'tickets' THEN r->>'id' ELSE r->>'ticket_id' END::uuid,
        CASE WHEN TG_TABLE_NAME = 'customers' THEN r->>'id' ELSE r->>'customer_id' END::uuid,
        (r->>'recipient_id')::uuid,
        COALESCE(r->>'updated_by_id', r->>'author_id', r->>'created_by_id')::uuid,
        NULLIF(current_setting('{ORIGIN_SETTING}', true), '')
    );
    RETURN NULL;
END
$$
"""
FUNCTION_SQL = FUNCTION_TEMPLATE.replace("{guard}", _GUARD)


def quiet_transaction(session: Session) -> None:
    """PostgreSQL: this transaction's writes neither enter the feed nor NOTIFY (the
    0019 guard). Only for a transaction that writes nothing but per-database derived
    figures; it ends with the transaction (works behind a transaction pooler)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(text(
        f"SELECT set_config('{QUIET_SETTING}', 'on', true), "
        "set_config('deskapp.quiet_notify', 'on', true)"))


def feed_tables(existing: Iterable[str] | None = None) -> list[str]:
    """The domain tables the feed covers, generated from the models: every table with a
    single ``id`` primary key (association tables such as ``team_members`` have none),
    minus ``EXCLUDED_TABLES``; restricted to ``existing`` when given."""
    present = set(existing) if existing is not None else None
    names = []
    for table in Base.metadata.sorted_tables:
        pk = [c.name for c in table.primary_key.columns]
        excluded = table.name in EXCLUDED_TABLES or table.name.startswith(EXCLUDED_PREFIXES)
        if excluded or pk != ["id"]:
            continue
        if present is not None and table.name not in present:
            continue
        names.append(table.name)
    return names


def trigger_name(table: str) -> str:
    return f"deskapp_feed_{table}"


def install_triggers(connection: Connection, tables: Iterable[str] | None = None) -> list[str]:
    """(Re)create the feed function and one trigger per domain table; PostgreSQL only.
    ``tables`` defaults to every feed table that exists in the database now (so a
    migration may call it again after creating new tables). Idempotent."""
    if connection.dialect.name != "postgresql":
        return []
    if tables is None:
        tables = feed_tables(inspect(connection).get_table_names())
    tables = list(tables)
    connection.execute(text(FUNCTION_SQL))
    for table in tables:
        connection.execute(
            text(
                f"CREATE OR REPLACE TRIGGER {trigger_name(table)} "
                f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION deskapp_feed_change()"
            )
        )
    return tables


def drop_triggers(connection: Connection, tables: Iterable[str]) -> None:
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        connection.execute(text(f"DROP TRIGGER IF EXISTS {trigger_name(table)} ON {table}"))


def triggered_tables(connection: Connection) -> set[str]:
    """Tables that have a feed trigger now (for tests and ``deskapp db`` checks)."""
    if connection.dialect.name != "postgresql":
        return set()
    rows = connection.execute(
        text(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname LIKE 'deskapp_feed_%' AND NOT t.tgisinternal"
        )
    )
    return {r[0] for r in rows}


@dataclass(frozen=True, order=True)
class FeedCursor:
    """A position in the feed: everything up to and including (xid, id) has been read."""

    xid: int
    id: int

    START: ClassVar[FeedCursor]

    def __str__(self) -> str:  # for a settings file or a sync state row
        return f"{self.xid}:{self.id}"

    @classmethod
    def parse(cls, value: str) -> FeedCursor:
        xid, _, id_ = value.partition(":")
        return cls(int(xid), int(id_))


FeedCursor.START = FeedCursor(0, 0)


@dataclass(frozen=True)
class FeedEntry:
    cursor: FeedCursor
    table: str
    row_id: uuid.UUID
    op: str  # "i", "u" or "d"
    version: int | None
    ticket_id: uuid.UUID | None
    customer_id: uuid.UUID | None
    recipient_id: uuid.UUID | None
    actor_id: uuid.UUID | None
    origin_site: str | None
    changed_at: datetime


Executor = Session | Connection

_COLUMNS = (
    "xid::text AS xid, id, table_name, row_id, op, version, ticket_id, customer_id, "
    "recipient_id, actor_id, origin_site, changed_at"
)
_SQLITE_COLUMNS = _COLUMNS.replace("xid::text AS xid", "xid")
_DATETIME = UTCDateTime()


def _dialect(executor: Executor) -> str:
    bind = executor.get_bind() if isinstance(executor, Session) else executor
    return bind.dialect.name


def _uuid(value: Any) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(str(value))


def _entry(row: Any, dialect: Any) -> FeedEntry:
    changed_at = row.changed_at
    if isinstance(changed_at, str):  # SQLite hands text back from a raw query
        changed_at = datetime.fromisoformat(changed_at)
    changed_at = _DATETIME.process_result_value(changed_at, dialect)
    return FeedEntry(
        cursor=FeedCursor(int(row.xid), int(row.id)),
        table=row.table_name,
        row_id=_uuid(row.row_id),  # type: ignore[arg-type]
        op=row.op,
        version=row.version,
        ticket_id=_uuid(row.ticket_id),
        customer_id=_uuid(row.customer_id),
        recipient_id=_uuid(row.recipient_id),
        actor_id=_uuid(row.actor_id),
        origin_site=row.origin_site,
        changed_at=changed_at,  # type: ignore[arg-type]
    )


def head(executor: Executor) -> FeedCursor:
    """Where a new follower starts: the last entry of a finished transaction. Load what
    you show *after* taking the head; the entries after it are then exactly the changes
    your load may not have seen."""
    if _dialect(executor) != "postgresql":
        row = executor.execute(
            text(f"SELECT xid, id FROM {FEED_TABLE} ORDER BY xid DESC, id DESC LIMIT 1")
        ).first()
    else:
        row = executor.execute(
            text(
                f"SELECT xid::text, id FROM {FEED_TABLE} "
                "WHERE xid < pg_snapshot_xmin(pg_current_snapshot()) "
                "ORDER BY xid DESC, id DESC LIMIT 1"
            )
        ).first()
    return FeedCursor(int(row[0]), int(row[1])) if row else FeedCursor.START


def read(
    executor: Executor,
    after: FeedCursor,
    limit: int = 1000,
    *,
    exclude_origin: str | None = None,
) -> tuple[list[FeedEntry], FeedCursor]:
    """The entries after ``after`` whose transactions have all finished, in commit
    order (at most ``limit``), and the cursor to persist: the last entry read, or
    ``after`` when there is nothing new. ``exclude_origin`` leaves out the entries a
    branch applied (they are still passed over by the cursor). One index range scan
    on ``(xid, id)``."""
    dialect = _dialect(executor)
    params: dict[str, Any] = {"id": after.id, "limit": limit}
    if dialect == "postgresql":
        params["xid"] = str(after.xid)
        sql = (
            f"SELECT {_COLUMNS} FROM {FEED_TABLE} "
            "WHERE (xid, id) > (CAST(:xid AS xid8), :id) "
            "AND xid < pg_snapshot_xmin(pg_current_snapshot()) "
            "ORDER BY xid, id LIMIT :limit"
        )
    else:
        params["xid"] = after.xid
        sql = (
            f"SELECT {_SQLITE_COLUMNS} FROM {FEED_TABLE} "
            "WHERE xid > :xid OR (xid = :xid AND id > :id) "
            "ORDER BY xid, id LIMIT :limit"
        )
    rows = executor.execute(text(sql), params).all()
    bind_dialect = (executor.get_bind() if isinstance(executor, Session) else executor).dialect
    entries = [_entry(r, bind_dialect) for r in rows]
    cursor = entries[-1].cursor if entries else after
    if exclude_origin is not None:
        entries = [e for e in entries if e.origin_site != exclude_origin]
    return entries, cursor


def read_keys(
    executor: Executor,
    after: FeedCursor,
    limit: int = 1000,
    *,
    exclude_origin: str | None = None,
) -> tuple[list[tuple[str, str]], FeedCursor]:
    """As ``read``, but only each entry's (table, row id as 32 hex digits): what a
    branch pull needs, without a FeedEntry per entry (a week's catch-up reads a
    hundred thousand). The same range, order and cursor as ``read``."""
    if _dialect(executor) != "postgresql":
        entries, cursor = read(executor, after, limit, exclude_origin=exclude_origin)
        return [(e.table, e.row_id.hex) for e in entries], cursor
    rows = executor.execute(
        text(
            f"SELECT xid::text, id, table_name, replace(row_id::text, '-', ''), origin_site "
            f"FROM {FEED_TABLE} WHERE (xid, id) > (CAST(:xid AS xid8), :id) "
            "AND xid < pg_snapshot_xmin(pg_current_snapshot()) "
            "ORDER BY xid, id LIMIT :limit"
        ),
        {"xid": str(after.xid), "id": after.id, "limit": limit},
    ).all()
    if not rows:
        return [], after
    cursor = FeedCursor(int(rows[-1][0]), int(rows[-1][1]))
    keys = [(r[2], r[3]) for r in rows if exclude_origin is None or r[4] != exclude_origin]
    return keys, cursor


# -- live followers: by snapshot, immune to a long transaction elsewhere --------------
#
# ``read`` never passes the oldest running writer *of the whole cluster* (xids are
# cluster-wide): one transaction left open in another database holds every reader
# back. Fine for a branch pull; not for live updates. Followers therefore read the way
# Skytools PgQ batches events: keep the previous snapshot; the new entries are those
# visible in the current snapshot that were not in the previous one, i.e. written by
# transactions that were still running then (its xip list) or started after its xmax.
# Two index probes on ``xid``, whatever else runs.


@dataclass(frozen=True)
class FeedSnapshot:
    """A PostgreSQL snapshot as text, ``xmin:xmax:xip1,xip2,...``."""

    text: str

    @property
    def xmax(self) -> int:
        return int(self.text.split(":")[1])

    @property
    def xip(self) -> list[int]:
        rest = self.text.split(":")[2]
        return [int(x) for x in rest.split(",") if x]


_NEW_SINCE = f"""
WITH s AS (SELECT pg_current_snapshot() AS cur)
SELECT s.cur::text AS snap, f.*
FROM s LEFT JOIN LATERAL (
    SELECT {_COLUMNS} FROM {FEED_TABLE}
    WHERE (xid = ANY(CAST(:xip AS xid8[])) OR xid >= CAST(:xmax AS xid8))
      AND pg_visible_in_snapshot(xid, s.cur)
    ORDER BY xid, id
    LIMIT :limit
) f ON true
"""


def current_snapshot(executor: Executor) -> FeedSnapshot:
    """Where a live follower starts (PostgreSQL only)."""
    return FeedSnapshot(executor.execute(text("SELECT pg_current_snapshot()::text")).scalar_one())


def read_new(
    executor: Executor, since: FeedSnapshot, limit: int = 5000
) -> tuple[list[FeedEntry], FeedSnapshot, bool]:
    """Entries committed after snapshot ``since`` was taken, in (xid, id) order; the
    snapshot to pass next time; and ``overflow`` — more than ``limit`` arrived (a
    storm: reload everything rather than read them all). One statement."""
    rows = executor.execute(
        text(_NEW_SINCE),
        {
            "xip": "{" + ",".join(str(x) for x in since.xip) + "}",
            "xmax": str(since.xmax),
            "limit": limit + 1,
        },
    ).all()
    snapshot = FeedSnapshot(rows[0].snap)
    dialect = _bind_dialect(executor)
    entries = [_entry(r, dialect) for r in rows if r.id is not None]
    overflow = len(entries) > limit
    return entries[:limit], snapshot, overflow


def trim(session: Executor, older_than: datetime) -> int:
    """Retention: delete the entries written before ``older_than``; how many. A
    follower whose cursor fell behind the trimmed part must reload everything (live
    updates do after any gap; a branch offline longer than the retention re-syncs)."""
    result = session.execute(
        text(f"DELETE FROM {FEED_TABLE} WHERE changed_at < :cutoff"),
        {"cutoff": _DATETIME.process_bind_param(older_than, _bind_dialect(session))},
    )
    return int(result.rowcount or 0)


def _bind_dialect(executor: Executor) -> Any:
    return (executor.get_bind() if isinstance(executor, Session) else executor).dialect


def to_change(entry: FeedEntry) -> Change:
    """The same notice a NOTIFY payload gives (deskapp.services.changes)."""
    return Change(
        table=entry.table,
        op=entry.op,
        id=entry.row_id,
        version=entry.version,
        ticket_id=entry.ticket_id,
        customer_id=entry.customer_id,
        recipient_id=entry.recipient_id,
        by=entry.actor_id,
    )
