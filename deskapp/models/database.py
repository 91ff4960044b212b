"""Engines for the two supported databases: a local SQLite file or a shared PostgreSQL."""

from __future__ import annotations

import sqlite3
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


# Execution option that marks a connection's transactions as read-only.
READ_ONLY = "deskapp_read_only"


def _on_sqlite_begin(conn: Any) -> None:
    # A deferred transaction that reads and then writes fails at once with "database is
    # locked" when another connection committed in between (busy_timeout cannot help:
    # its snapshot is stale). Writers therefore take the write lock up front; readers,
    # which WAL never blocks, begin deferred.
    read_only = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 10}, **kwargs)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("connect_args", {"connect_timeout": 5, "application_name": "deskapp"})
    return create_engine(parsed, **kwargs)
