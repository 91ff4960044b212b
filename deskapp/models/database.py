"""Engines for the two supported databases: a local SQLite file or a shared PostgreSQL."""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.engine.url import URL


def normalize_url(url: str | URL) -> URL:
    """Accept the URLs people type (``postgresql://``, a bare file path) and pin drivers."""
    if isinstance(url, str) and "://" not in url:
        url = f"sqlite:///{Path(url).expanduser()}"
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() != "psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ValueError(
            f"unsupported database {parsed.get_backend_name()!r}: use sqlite:///FILE "
            "or postgresql://USER@HOST/DB"
        )
    return parsed


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Hand transaction control to SQLAlchemy (pysqlite's own BEGIN handling is
    # broken for SAVEPOINT); we emit BEGIN ourselves below.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _on_sqlite_connect_read_only(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # A file opened with mode=ro is looked at, never changed: no journal-mode switch.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


# Execution option that marks a connection's transactions as read-only.
READ_ONLY = "deskapp_read_only"


def _on_sqlite_begin(conn: Any) -> None:
    # A deferred transaction that reads and then writes fails at once with "database is
    # locked" when another connection committed in between (busy_timeout cannot help:
    # its snapshot is stale). Writers therefore take the write lock up front; readers,
    # which WAL never blocks, begin deferred.
    read_only = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _on_sqlite_begin_read_only(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


# -- connection budget (PostgreSQL) -------------------------------------------------
# Every workstation keeps at most POOL_SIZE idle connections and opens at most
# MAX_OVERFLOW more under load (SQLAlchemy's default of 5 + 10 let ~19 workstations
# fill a server with max_connections = 100). Query parameters of the URL (a profile
# writes them; $DESKAPP_DATABASE_URL may carry them) override the defaults and are
# removed before the URL reaches libpq:
#   ?pool_size=2&max_overflow=2&pooler=pgbouncer
POOL_SIZE = 2
MAX_OVERFLOW = 2
POOLERS = ("", "pgbouncer")
_OWN_QUERY_KEYS = ("pool_size", "max_overflow", "pooler")


@dataclass(frozen=True)
class PoolPlan:
    """How an engine uses the server: its pool bounds and whether a transaction-mode
    pooler (PgBouncer) sits in between. Behind a pooler a server connection belongs to
    us only for one transaction, so deskapp keeps no session state: no server-side
    prepared statements (psycopg ``prepare_threshold=None``), no session advisory
    locks, no ``SET`` outside a transaction (``SET LOCAL`` only), and no LISTEN —
    live updates follow the change feed instead (deskapp.ui.live)."""

    pool_size: int = POOL_SIZE
    max_overflow: int = MAX_OVERFLOW
    pooler: str = ""

    @property
    def behind_pooler(self) -> bool:
        return bool(self.pooler)

    @property
    def max_connections(self) -> int:
        return self.pool_size + self.max_overflow


def _int_query(url: URL, key: str, default: int, low: int) -> int:
    raw = url.query.get(key)
    if raw is None:
        return default
    value = raw if isinstance(raw, str) else raw[0]
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{key}={value!r} in the database URL: a whole number") from None
    if number < low:
        raise ValueError(f"{key}={number} in the database URL: at least {low}")
    return number


def split_pool_plan(url: URL) -> tuple[URL, PoolPlan]:
    """The URL without deskapp's own query parameters, and the plan they describe."""
    pooler_raw = url.query.get("pooler", "")
    pooler = (pooler_raw if isinstance(pooler_raw, str) else pooler_raw[0]).strip().lower()
    if pooler in ("none", "off", "no", "false", "0"):
        pooler = ""
    if pooler in ("yes", "on", "true", "1", "transaction"):
        pooler = "pgbouncer"
    if pooler not in POOLERS:
        raise ValueError(f"pooler={pooler!r} in the database URL: pgbouncer or none")
    plan = PoolPlan(
        pool_size=_int_query(url, "pool_size", POOL_SIZE, 1),
        max_overflow=_int_query(url, "max_overflow", MAX_OVERFLOW, 0),
        pooler=pooler,
    )
    return url.difference_update_query(_OWN_QUERY_KEYS), plan


def pool_plan(engine: Engine) -> PoolPlan:
    """The plan ``make_engine`` built ``engine`` with (the defaults for other engines)."""
    return getattr(engine, "deskapp_pool_plan", None) or PoolPlan()


def behind_pooler(engine: Engine) -> bool:
    return pool_plan(engine).behind_pooler


@dataclass
class PoolWaits:
    """How long worker threads waited for a pooled connection (``measure_pool_waits``)."""

    checkouts: int = 0
    waited: int = 0  # checkouts that took longer than 1 ms
    total_seconds: float = 0.0
    max_seconds: float = 0.0
    samples: list[float] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, seconds: float) -> None:
        with self._lock:
            self.checkouts += 1
            self.total_seconds += seconds
            self.max_seconds = max(self.max_seconds, seconds)
            if seconds > 0.001:
                self.waited += 1
            if len(self.samples) < 100_000:
                self.samples.append(seconds)


def measure_pool_waits(engine: Engine) -> PoolWaits:
    """Time every checkout from ``engine``'s pool (waiting for a free connection or
    for a new one to open). For benchmarks and diagnostics."""
    waits = PoolWaits()
    pool = engine.pool
    original = pool._do_get  # noqa: SLF001 - the one place a pool checkout waits

    def timed_do_get() -> Any:
        start = time.perf_counter()
        try:
            return original()
        finally:
            waits.add(time.perf_counter() - start)

    pool._do_get = timed_do_get  # type: ignore[method-assign]  # noqa: SLF001
    return waits


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 10}, **kwargs)
        read_only = "mode=ro" in database and parsed.query.get("uri") == "true"
        event.listen(
            engine, "connect", _on_sqlite_connect_read_only if read_only else _on_sqlite_connect
        )
        event.listen(engine, "begin", _on_sqlite_begin_read_only if read_only else _on_sqlite_begin)
        return engine
    parsed, plan = split_pool_plan(parsed)
    kwargs.setdefault("pool_pre_ping", True)
    connect_args = dict(
        kwargs.pop("connect_args", None) or {"connect_timeout": 5, "application_name": "deskapp"}
    )
    if plan.behind_pooler:
        # PgBouncer (transaction mode) hands each transaction any server connection:
        # a statement prepared on one is unknown on the next.
        connect_args["prepare_threshold"] = None
    kwargs["connect_args"] = connect_args
    if "poolclass" not in kwargs:
        kwargs.setdefault("pool_size", plan.pool_size)
        kwargs.setdefault("max_overflow", plan.max_overflow)
        plan = PoolPlan(kwargs["pool_size"], kwargs["max_overflow"], plan.pooler)
    engine = create_engine(parsed, **kwargs)
    engine.deskapp_pool_plan = plan  # type: ignore[attr-defined]
    return engine
