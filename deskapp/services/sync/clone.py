"""``clone_branch``: a branch office's local SQLite database made from the centre.

What a branch needs to work for days without the link: the schema at this app's head
(Alembic), every reference row (sites, staff with their password hashes so logins work
offline, teams and memberships, SLA policies and calendars, escalation reasons,
authority limits, canned answers, saved views...), every customer with phones, and the
tickets with their conversation, escalations, assignments and SLA state — all of them,
or with ``since_days`` only the closed history of that many days (open tickets are
always copied).

How, so that a million-ticket desk clones in minutes with bounded memory:

* The tables come from the models' metadata (``Base.metadata.sorted_tables``), not a
  hand list, so a table added later is cloned too; only the sync and feed bookkeeping
  is skipped.
* The centre is read inside ONE read-only REPEATABLE READ transaction, as pg_dump
  does: every table is copied from the same snapshot, so a ticket's interactions never
  point at a ticket the copy does not have. The change-feed cursor is taken first, in
  that snapshot; what commits after it (or was still running) is pulled by the first
  sync, and re-applying a row the snapshot already had is idempotent.
* Each table is read in keyset batches (``WHERE pk > :last ORDER BY pk LIMIT n``) on
  the raw DBAPI cursor, with PostgreSQL itself turning UUIDs, timestamps, booleans,
  dates and numerics into the forms deskapp's types store on SQLite (no per-value
  Python), by a helper thread that stays a few batches ahead (bounded memory), and
  written with ``executemany`` on a plain sqlite3 connection with the secondary
  indexes, the search triggers and the change-capture triggers dropped; they are
  re-created (and the FTS5 index rebuilt) in one pass at the end, as a restore does.
  Memory does not grow with the desk: a 64 MiB page cache and a few batches.
* Everything is written to a temporary file beside the target and renamed into place
  only when complete: a failure (or ``kill -9``) half way never leaves a half-made
  branch file at the target.
* ``cancelled`` (a callable polled between batches, and by SQLite while it builds the
  indexes) stops a clone at any point before the file is put in place: CloneCancelled,
  the temporary file removed, the branch mark taken back - as any other failure.

Before copying, the site is marked as a branch at the centre (``sites.is_branch``) in
its own committed transaction: from then on the centre hands out no numbers of that
site, and the copy's ``last_ticket_number`` is final. If the clone then fails, the mark
is taken back. No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    Engine,
    Numeric,
    Table,
    Uuid,
    select,
    update,
)
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import URL

from deskapp.models import Base, Site, Ticket
from deskapp.models.database import make_engine, normalize_url
from deskapp.models.enums import Status
from deskapp.models.types import EnumText, UTCDateTime
from deskapp.services import change_feed, schema
from deskapp.services.errors import DeskError
from deskapp.services.search import FTS_TABLE

log = logging.getLogger(__name__)

# progress(stage, done, total): stage is "prepare", "copy:<table>", "index" or "done";
# done/total count rows over the whole clone (the finishing steps weighted in).
Progress = Callable[[str, int, int], None]

BATCH = 5_000
# Bookkeeping that belongs to one database, never copied to a branch. (The conflict
# inbox and the duplicates queue are synced like domain tables, so they are copied.)
SKIP_TABLES = frozenset({
    "sync_state", "sync_change_log", "sync_batches", "sync_field_clocks",
    "change_feed", "leases", "login_throttles", "presence_heartbeats",
    # the report roll-up counts the centre's tickets (a branch may get only the recent
    # ones): a branch builds its own the first time it runs a report
    "report_rollup_days", "report_rollup_months", "report_rollup_sla", "report_rollup_esc",
    "report_rollup_live", "report_rollup_state", "report_rollup_dirty",
})
# Tables sync does not carry (capture.NOT_SYNCED) that a branch still gets once, here.
COPIED_UNSYNCED = frozenset({"team_members"})
CLOSED_STATUSES = (Status.RESOLVED.value, Status.CLOSED.value)


class CloneRefused(DeskError):
    """The branch cannot be made as asked; nothing was written."""

    default_code = "branch.refused"


class CloneCancelled(DeskError):
    """The person stopped the clone; nothing was left behind (no file, no mark)."""

    default_code = "branch.cancelled"


@dataclass(frozen=True)
class CloneReport:
    site_code: str
    path: Path
    rows: dict[str, int]  # table -> rows copied
    cursor: change_feed.FeedCursor
    since_days: int | None
    seconds: float
    skipped_tickets: int = 0  # closed history left at the centre (since_days)

    @property
    def tickets(self) -> int:
        return self.rows.get("tickets", 0)


@dataclass
class _Plan:
    tables: list[Table]
    counts: dict[str, int] = field(default_factory=dict)
    finishing: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + self.finishing


def branch_path(branch_url: str | URL) -> Path:
    """The file a branch URL names; CloneRefused for anything but a SQLite file."""
    url = normalize_url(branch_url)
    if url.get_backend_name() != "sqlite":
        raise CloneRefused(
            "A branch database is a local SQLite file (sqlite:///PATH).",
            code="branch.target_not_sqlite",
        )
    database = url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        raise CloneRefused(
            "A branch database needs a file path (sqlite:///PATH).",
            code="branch.target_not_sqlite",
        )
    return Path(database).expanduser().absolute()


def check_target(path: Path) -> None:
    """Refuse a target that already holds anything: a branch is never mixed into
    other data, and an existing branch is never overwritten."""
    if not path.exists():
        return
    if path.is_dir():
        raise CloneRefused(f"{path} is a directory.", code="branch.target_exists", path=str(path))
    if path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
        finally:
            con.close()
    except sqlite3.DatabaseError:
        names = ["?"]
    if names:
        raise CloneRefused(
            f"{path} already holds a database; a branch is only made into a new, empty "
            "file. Choose another path (--db sqlite:///NEW_FILE) or move that file away.",
            code="branch.target_exists",
            path=str(path),
        )


def clone_tables() -> list[Table]:
    """The tables a branch gets, parents before children."""
    return [
        t for t in Base.metadata.sorted_tables
        if t.name not in SKIP_TABLES
    ]


def clone_branch(
    central_engine: Engine,
    branch_url: str | URL,
    site_code: str,
    *,
    central_profile: str,
    since_days: int | None = None,
    progress: Progress | None = None,
    central_url_hint: str | None = None,
    batch_size: int = BATCH,
    now: datetime | None = None,
    replace_branch: bool = False,
    cancelled: Callable[[], bool] | None = None,
) -> CloneReport:
    """Make the branch database of ``site_code`` at ``branch_url`` from the centre.

    Refuses (CloneRefused, nothing written) a target that exists and is not empty, a
    centre that is not PostgreSQL or not at this app's schema, an unknown site, and a
    site that is already a branch - unless ``replace_branch``: for a branch whose
    database was lost, or an init that was killed half way (the mark stays then).
    ``cancelled``: polled while copying; True stops the clone (CloneCancelled) and
    leaves nothing behind."""
    started = time.perf_counter()
    site_code = site_code.strip().upper()
    path = branch_path(branch_url)
    check_target(path)
    if since_days is not None and since_days < 0:
        raise CloneRefused("--since needs a number of days, 0 or more.", code="branch.since")
    if central_engine.dialect.name != "postgresql":
        raise CloneRefused(
            "The centre must be a shared PostgreSQL database (a connection profile).",
            code="branch.central_not_postgresql",
        )
    _check_central_schema(central_engine)
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=since_days) if since_days is not None else None
    _emit(progress, "prepare", 0, 1)

    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_partials(path)
    temp = path.with_name(f".{path.name}.partial-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    _check_cancelled(cancelled)
    marked = _mark_branch(central_engine, site_code, replace=replace_branch)
    try:
        report = _clone_into(
            central_engine, temp, site_code, cutoff, progress, batch_size, cancelled,
        )
        _write_sync_state(
            temp, site_code, central_profile, central_url_hint, report.cursor, now
        )
        _finalise_file(temp)
        _check_cancelled(cancelled)  # the last moment: after this the file is in place
        if path.exists() and path.stat().st_size == 0:
            path.unlink()
        # os.link refuses an existing name: a target made meanwhile is never clobbered.
        try:
            os.link(temp, path)
        except FileExistsError:
            raise CloneRefused(
                f"{path} appeared while the branch was being made; it was left alone.",
                code="branch.target_exists", path=str(path),
            ) from None
        except OSError:  # a file system without hard links
            check_target(path)
            os.replace(temp, path)
        _remove(temp)
    except BaseException:
        _remove(temp)
        if marked:
            _unmark_branch(central_engine, site_code)
        raise
    _emit(progress, "done", report.total, report.total)
    return CloneReport(
        site_code=site_code,
        path=path,
        rows=report.rows,
        cursor=report.cursor,
        since_days=since_days,
        seconds=time.perf_counter() - started,
        skipped_tickets=report.skipped_tickets,
    )


@dataclass
class _Copied:
    rows: dict[str, int]
    cursor: change_feed.FeedCursor
    skipped_tickets: int
    total: int


def _check_central_schema(central_engine: Engine) -> None:
    status = schema.schema_status(central_engine)
    if status.state is schema.SchemaState.CURRENT:
        return
    if status.state is schema.SchemaState.OLDER:
        raise CloneRefused(
            f"The centre's schema ({status.database_revision}) is older than this deskapp "
            f"({status.app_revision}): upgrade the centre first (`deskapp db upgrade` on "
            "the central database).",
            code="branch.central_older",
            central=status.database_revision, app=status.app_revision,
        )
    if status.state is schema.SchemaState.NEWER:
        raise CloneRefused(
            f"The centre's schema ({status.database_revision}) is newer than this deskapp "
            f"({status.app_revision}): upgrade deskapp on this machine first.",
            code="branch.central_newer",
            central=status.database_revision, app=status.app_revision,
        )
    raise CloneRefused(
        "The central database holds no deskapp desk.", code="branch.central_empty"
    )


def _branch_column() -> Any:
    col = Site.__table__.c.get("is_branch")
    if col is None:  # the sync models are older than this module expects
        raise CloneRefused("This deskapp has no branch support in its schema.",
                           code="branch.unsupported")
    return col


def _mark_branch(central_engine: Engine, site_code: str, *, replace: bool = False) -> bool:
    """Mark the site as a branch at the centre (committed at once). Returns True when
    this call set the mark."""
    flag = _branch_column()
    sites = Site.__table__
    with central_engine.begin() as conn:
        row = conn.execute(
            select(sites.c.id, flag).where(sites.c.code == site_code).with_for_update()
        ).first()
        if row is None:
            known = ", ".join(conn.scalars(select(sites.c.code).order_by(sites.c.code)))
            raise CloneRefused(
                f"The centre has no site {site_code!r} (sites: {known or 'none'}).",
                code="branch.no_site", site=site_code, known=known,
            )
        if row[1] and replace:
            log.warning("site %s was already a branch: replacing that branch", site_code)
            return False  # not ours to take back if this attempt fails
        if row[1]:
            raise CloneRefused(
                f"Site {site_code} is already a branch: its branch database holds ticket "
                "numbers and changes the centre has not seen. Sync that branch; if its "
                "database is lost (or an earlier init was interrupted), make the new one "
                "with --replace-branch.",
                code="branch.already_branch", site=site_code,
            )
        conn.execute(
            update(sites).where(sites.c.id == row[0])
            .values({flag: True, sites.c.version: sites.c.version + 1,
                     sites.c.updated_at: datetime.now(UTC)})
        )
    return True


def _unmark_branch(central_engine: Engine, site_code: str) -> None:
    flag = _branch_column()
    sites = Site.__table__
    try:
        with central_engine.begin() as conn:
            conn.execute(
                update(sites).where(sites.c.code == site_code)
                .values({flag: False, sites.c.version: sites.c.version + 1,
                         sites.c.updated_at: datetime.now(UTC)})
            )
    except Exception:
        log.exception("could not take back the branch mark of site %s", site_code)


# -- the copy -------------------------------------------------------------------------


def _clone_into(
    central_engine: Engine,
    temp: Path,
    site_code: str,
    cutoff: datetime | None,
    progress: Progress | None,
    batch_size: int,
    cancelled: Callable[[], bool] | None = None,
) -> _Copied:
    # The schema, exactly as every other SQLite database gets it.
    engine = make_engine(f"sqlite:///{temp}")
    try:
        schema.upgrade(engine)
    finally:
        engine.dispose()

    tables = clone_tables()
    dest = sqlite3.connect(temp, isolation_level=None)
    try:
        # A throw-away file until it is renamed into place: no journal, no fsync.
        dest.execute("PRAGMA journal_mode=OFF")
        dest.execute("PRAGMA synchronous=OFF")
        dest.execute("PRAGMA foreign_keys=OFF")
        dest.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache
        dest.execute("BEGIN")
        saved = _suspend_sqlite_extras(dest)
        # Migrations seed some defaults (reasons, authority limits...): the centre's
        # rows replace them.
        for t in reversed(tables):
            dest.execute(f'DELETE FROM "{t.name}"')
        with central_engine.connect() as src:
            src = src.execution_options(isolation_level="REPEATABLE READ",
                                        postgresql_readonly=True)
            with src.begin():
                # The cursor first, in the snapshot every table is read from.
                cursor = change_feed.head(src)
                plan = _Plan(tables)
                for t in tables:
                    plan.counts[t.name] = _count(src, t, cutoff)
                tickets = plan.counts.get("tickets", 0)
                skipped = 0
                if cutoff is not None:
                    skipped = _count(src, Ticket.__table__, None) - tickets
                # Index builds and the search index: about as long as the copy itself
                # at a million tickets (measured: benchmarks/README.md, Branch init).
                plan.finishing = max(1, plan.total)
                done = 0
                _emit(progress, "prepare", 0, plan.total)
                rows = {t.name: 0 for t in tables}
                # closing(): the reader thread is stopped and joined before the
                # snapshot's transaction ends, also when a batch fails or is cancelled.
                with contextlib.closing(
                    _prefetched(src, tables, cutoff, batch_size)
                ) as batches:
                    for t, batch in batches:
                        _check_cancelled(cancelled)
                        _write_batch(dest, t, batch)
                        rows[t.name] += len(batch)
                        done += len(batch)
                        _emit(progress, f"copy:{t.name}", done, plan.total)
        _emit(progress, "index", done, plan.total)
        if cancelled is not None:  # SQLite asks every 100,000 steps of an index build
            dest.set_progress_handler(lambda: 1 if cancelled() else 0, 100_000)
        weights, work = _finishing_weights(saved, rows)
        scale = plan.finishing / max(1.0, work)
        indexed = 0.0

        def built(what: str) -> None:  # one index (or the search index) is done
            nonlocal indexed
            indexed += weights.get(what, 0) * scale
            _emit(progress, "index", min(plan.total - 1, done + int(indexed)), plan.total)

        try:
            _resume_sqlite_extras(dest, saved, built)
        except sqlite3.OperationalError:
            _check_cancelled(cancelled)  # "interrupted" by the handler: say so
            raise
        dest.set_progress_handler(None, 0)
        if _has_table(dest, "sync_change_log"):  # belt and braces: nothing was captured
            dest.execute("DELETE FROM sync_change_log")
        dest.execute("COMMIT")
        dest.execute("ANALYZE")
        _emit(progress, "index", plan.total, plan.total)
    except BaseException:
        if dest.in_transaction:
            dest.execute("ROLLBACK")
        raise
    finally:
        dest.close()
    return _Copied(rows, cursor, skipped, plan.total)


_END = object()
PREFETCH = 3  # batches read ahead: bounds the memory the overlap costs


def _prefetched(
    src: Connection, tables: list[Table], cutoff: datetime | None, batch_size: int
) -> Generator[tuple[Table, list[Any]], None, None]:
    """``(table, batch)`` for every table in order, read by a helper thread a few
    batches ahead, so that waiting for PostgreSQL overlaps with writing SQLite (both
    drivers release the GIL while they wait). The connection is used by that thread
    only while this generator runs."""
    q: queue.Queue[Any] = queue.Queue(maxsize=PREFETCH)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                q.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def reader() -> None:
        try:
            for t in tables:
                for batch in _read_batches(src, t, cutoff, batch_size):
                    if not put((t, batch)):
                        return
            put(_END)
        except BaseException as exc:  # handed to the consumer, raised there
            put(exc)

    thread = threading.Thread(target=reader, name="branch-clone-reader", daemon=True)
    thread.start()
    try:
        while True:
            item = q.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _ticket_fk(t: Table) -> Any | None:
    for fk in t.foreign_keys:
        if fk.column.table.name == "tickets" and fk.column.name == "id":
            return fk.parent
    return None


@dataclass(frozen=True)
class _Select:
    """How one table is read from the centre: the select list (with the conversions to
    SQLite's stored forms done by PostgreSQL, in C), the FROM and WHERE of what the
    branch gets, and the keyset over the primary key."""

    columns: str
    source: str  # FROM ... [JOIN ...]
    where: str  # "" or a condition
    key: list[str]  # qualified primary-key columns
    key_casts: list[str]
    key_positions: list[int]  # where the key's (converted) values sit in a row
    converters: list[tuple[int, Callable[[Any], Any]]]  # Python conversions left

    def sql(self, after: bool) -> str:
        conds = [c for c in (self.where, self._after() if after else "") if c]
        where = f" WHERE {' AND '.join(conds)}" if conds else ""
        return (f"SELECT {self.columns} FROM {self.source}{where} "
                f"ORDER BY {', '.join(self.key)} LIMIT %(limit)s")

    def count_sql(self) -> str:
        where = f" WHERE {self.where}" if self.where else ""
        return f"SELECT count(*) FROM {self.source}{where}"

    def _after(self) -> str:
        keys = ", ".join(self.key)
        values = ", ".join(f"%(k{i})s{cast}" for i, cast in enumerate(self.key_casts))
        return f"({keys}) > ({values})" if len(self.key) > 1 else f"{keys} > {values}"


def _plan_select(t: Table, cutoff: datetime | None) -> _Select:
    alias = "c"
    exprs: list[str] = []
    converters: list[tuple[int, Callable[[Any], Any]]] = []
    for i, col in enumerate(t.c):
        ref = f"{alias}.{_q(col.name)}"
        type_ = col.type
        if isinstance(type_, Uuid):
            exprs.append(f"replace(CAST({ref} AS text), '-', '')")
        elif isinstance(type_, UTCDateTime):
            exprs.append(f"to_char({ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')")
        elif isinstance(type_, Boolean):
            exprs.append(f"CAST({ref} AS integer)")
        elif isinstance(type_, Numeric) and type_.asdecimal:
            exprs.append(f"CAST({ref} AS double precision)")
        elif isinstance(type_, Date):
            exprs.append(f"to_char({ref}, 'YYYY-MM-DD')")
        else:
            exprs.append(ref)
            conv = _converter(type_)
            if conv is not None:
                converters.append((i, conv))
    pk = list(t.primary_key.columns)
    source = f"{_q(t.name)} AS {alias}"
    where = ""
    if cutoff is not None:
        stamp = cutoff.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f+00")
        closed = ", ".join(f"'{s}'" for s in CLOSED_STATUSES)
        if t.name == "tickets":
            where = (f"({alias}.status NOT IN ({closed}) "
                     f"OR {alias}.updated_at >= TIMESTAMPTZ '{stamp}')")
        elif (fk := _ticket_fk(t)) is not None:
            # A join per row through the tickets' primary key: O(batch), not O(tickets).
            source += f" LEFT JOIN tickets AS t ON t.id = {alias}.{_q(fk.name)}"
            where = (f"({alias}.{_q(fk.name)} IS NULL OR t.status NOT IN ({closed}) "
                     f"OR t.updated_at >= TIMESTAMPTZ '{stamp}')")
        elif t.name == "audit_entries":
            where = f"{alias}.created_at >= TIMESTAMPTZ '{stamp}'"
    names = [c.name for c in t.c]
    return _Select(
        columns=", ".join(exprs),
        source=source,
        where=where,
        key=[f"{alias}.{_q(c.name)}" for c in pk],
        key_casts=["::uuid" if isinstance(c.type, Uuid) else "" for c in pk],
        key_positions=[names.index(c.name) for c in pk],
        converters=converters,
    )


def _count(src: Connection, t: Table, cutoff: datetime | None) -> int:
    return int(src.exec_driver_sql(_plan_select(t, cutoff).count_sql()).scalar() or 0)


def _read_batches(
    src: Connection, t: Table, cutoff: datetime | None, batch_size: int
) -> Iterator[list[Any]]:
    """Rows of ``t`` (columns in ``t.c`` order, already in the forms deskapp's types
    store on SQLite) in keyset batches by primary key, on the caller's transaction."""
    plan = _plan_select(t, cutoff)
    cursor = src.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        params: dict[str, Any] = {"limit": batch_size}
        first = True
        while True:
            cursor.execute(plan.sql(after=not first), params)
            first = False
            rows = cursor.fetchall()
            if not rows:
                return
            if plan.converters:
                out = []
                for row in rows:
                    values = list(row)
                    for i, f in plan.converters:
                        if values[i] is not None:
                            values[i] = f(values[i])
                    out.append(values)
                rows = out
            last = rows[-1]
            yield rows
            if len(rows) < batch_size:
                return
            for n, i in enumerate(plan.key_positions):
                params[f"k{n}"] = last[i]
    finally:
        cursor.close()


# -- writing SQLite -------------------------------------------------------------------

_DIALECT = sqlite_dialect.dialect()


def _time(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # timestamp without time zone: already UTC
        return value.isoformat(" ", "microseconds")
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _uuid(value: Any) -> str | None:
    if value is None:
        return None
    return value.hex if isinstance(value, uuid.UUID) else uuid.UUID(str(value)).hex


def _bool(value: Any) -> int | None:
    return None if value is None else int(bool(value))


def _json(value: Any) -> str | None:
    # SQLAlchemy's JSON type stores SQL NULL for None on SQLite only with none_as_null;
    # by default it stores the JSON text 'null', as json.dumps does.
    if isinstance(value, str):  # a driver that hands JSON back as text
        return value
    return json.dumps(value)


def _decimal(value: Any) -> float | None:
    return None if value is None else float(value)


def _date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _converter(type_: Any) -> Callable[[Any], Any] | None:
    """Driver value (psycopg) -> the form deskapp's column type stores on SQLite."""
    if isinstance(type_, UTCDateTime):
        return _time
    if isinstance(type_, EnumText):
        return None  # text both sides
    if isinstance(type_, Uuid):
        return _uuid
    if isinstance(type_, Boolean):
        return _bool
    if isinstance(type_, JSON):
        return _json
    if isinstance(type_, Numeric) and type_.asdecimal:
        return _decimal
    if isinstance(type_, Date):
        return _date
    proc = type_.dialect_impl(_DIALECT).bind_processor(_DIALECT)
    return proc


def _write_batch(dest: sqlite3.Connection, t: Table, batch: list[Any]) -> None:
    names = ", ".join(_q(c.name) for c in t.c)
    marks = ", ".join("?" * len(t.c))
    dest.executemany(f"INSERT INTO {_q(t.name)} ({names}) VALUES ({marks})", batch)


def _has_table(dest: sqlite3.Connection, name: str) -> bool:
    return dest.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone() is not None


@dataclass
class _Saved:
    indexes: list[str]
    triggers: list[str]
    fts: bool


def _suspend_sqlite_extras(dest: sqlite3.Connection) -> _Saved:
    """Drop the secondary indexes and every trigger (the search index's and the change
    capture's): a bulk load then only appends to each table's B-tree. Unique
    constraints (automatic indexes) stay, so a bad row still fails the load."""
    indexes = dest.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    triggers = dest.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    ).fetchall()
    for name, _sql in triggers:
        dest.execute(f'DROP TRIGGER "{name}"')
    for name, _sql in indexes:
        dest.execute(f'DROP INDEX "{name}"')
    return _Saved([s for _n, s in indexes], [s for _n, s in triggers],
                  _has_table(dest, FTS_TABLE))


_ON_TABLE = re.compile(r'\bON\s+"?(\w+)"?', re.IGNORECASE)
FTS_WORK = "fts"


def _index_table(sql: str) -> str:
    match = _ON_TABLE.search(sql)
    return match.group(1) if match else ""


def _finishing_weights(saved: _Saved, rows: dict[str, int]) -> tuple[dict[str, float], float]:
    """How long each finishing step takes, roughly, for the progress shown during it:
    the weight of one index build on each table (it scans and sorts the table; a ticket
    row is wide: twice the work) and of the FTS5 rebuild (it tokenises every ticket with
    its prefix indexes: 13 s at a million tickets against 1-2.5 s per ticket index), and
    the sum over every step."""
    weights = {table: float(n * (2 if table == "tickets" else 1)) for table, n in rows.items()}
    weights[FTS_WORK] = 15.0 * rows.get("tickets", 0) if saved.fts else 0.0
    total = sum(weights.get(_index_table(sql), 0.0) for sql in saved.indexes)
    return weights, total + weights[FTS_WORK]


def _resume_sqlite_extras(
    dest: sqlite3.Connection, saved: _Saved, built: Callable[[str], None] | None = None
) -> None:
    """Re-create what ``_suspend_sqlite_extras`` dropped; ``built(table)`` after each
    index (``built("fts")`` after the search index)."""
    for sql in saved.indexes:
        dest.execute(sql)
        if built is not None:
            built(_index_table(sql))
    if saved.fts:
        dest.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        if built is not None:
            built(FTS_WORK)
    for sql in saved.triggers:
        dest.execute(sql)


def _write_sync_state(
    temp: Path,
    site_code: str,
    central_profile: str,
    central_url_hint: str | None,
    cursor: change_feed.FeedCursor,
    now: datetime,
) -> None:
    from sqlalchemy.orm import Session

    from deskapp.models.sync import SyncState

    engine = make_engine(f"sqlite:///{temp}")
    try:
        with Session(engine) as session, session.begin():
            session.add(SyncState(
                site_code=site_code,
                central_profile=central_profile,
                central_url_hint=central_url_hint or "",
                pull_xid=cursor.xid,
                pull_id=cursor.id,
                last_sync_at=now,
            ))
        # From now on every local write is logged for the centre (the copy was not).
        from deskapp.services.sync import capture

        capture.install(engine)
    finally:
        engine.dispose()


def _finalise_file(temp: Path) -> None:
    """Leave one self-contained file: journal folded in, WAL mode kept for the app."""
    con = sqlite3.connect(temp, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        ok = con.execute("PRAGMA quick_check").fetchone()
        if ok is None or ok[0] != "ok":
            raise DeskError(f"the new branch database failed its check: {ok}",
                            code="branch.check_failed")
        con.execute("PRAGMA journal_mode=WAL")
    finally:
        con.close()


def _remove_stale_partials(path: Path) -> None:
    """Temporary files of earlier inits of this target whose process is gone (killed:
    no clean-up ran). A running init's file is left alone."""
    for stale in path.parent.glob(f".{path.name}.partial-*"):
        pid_text = stale.name.rsplit(".partial-", 1)[1].split("-", 1)[0]
        if pid_text.isdigit() and not _alive(int(pid_text)):
            log.info("removing %s, left by an interrupted branch init", stale)
            stale.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _remove(temp: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{temp}{suffix}").unlink(missing_ok=True)


def _check_cancelled(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise CloneCancelled("The branch set-up was cancelled; nothing was kept.",
                             code="branch.cancelled")


def _emit(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


__all__ = [
    "CloneCancelled",
    "CloneRefused",
    "CloneReport",
    "branch_path",
    "check_target",
    "clone_branch",
    "clone_tables",
]
