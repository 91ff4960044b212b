"""Test databases: a migrated SQLite template copied per test, and a private
PostgreSQL database per test session (created and dropped here)."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, MetaData, text
from sqlalchemy.engine import make_url

from deskapp.models import Base
from deskapp.models.database import make_engine
from deskapp.services import schema

PG_ADMIN_URL = os.environ.get(
    "DESKAPP_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
PG_HOWTO = (
    "PostgreSQL tests skipped: no server at {url} ({error}). Start PostgreSQL with trust "
    "auth on 127.0.0.1:5432 and a database 'test', or set DESKAPP_TEST_PG_URL to a "
    "server where this user may CREATE DATABASE."
)


def migrated_sqlite_template(directory: Path) -> Path:
    path = directory / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    schema.upgrade(engine)
    engine.dispose()
    return path


def copy_sqlite(template: Path, directory: Path) -> str:
    target = directory / f"db-{uuid.uuid4().hex[:8]}.sqlite3"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def create_pg_database() -> str:
    """A fresh empty database on the test server; its URL. Skips (or, in CI, fails)
    when there is no server."""
    try:
        admin = psycopg.connect(_libpq(PG_ADMIN_URL), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        message = PG_HOWTO.format(url=PG_ADMIN_URL, error=str(exc).strip().splitlines()[0])
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the PostgreSQL tests. " + message)
        pytest.skip(message)
    name = f"deskapp_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    name = make_url(url).database
    with psycopg.connect(_libpq(PG_ADMIN_URL), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def truncate_all(engine: Engine) -> None:
    """Empty every deskapp table (keeping the schema) between PostgreSQL tests."""
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} CASCADE"))


__all__ = ["MetaData"]
