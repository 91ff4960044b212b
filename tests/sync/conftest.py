"""Sync tests: a central PostgreSQL desk (copied per test from a migrated template
database with staff) and branch SQLite databases cloned from it."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from deskapp.models.database import make_engine
from deskapp.services import passwords, schema
from deskapp.services.facade import build_services
from tests.helpers.databases import PG_ADMIN_URL, _libpq, create_pg_database, drop_pg_database
from tests.helpers.staff import make_desk
from tests.sync.helpers import Site, make_branch


@pytest.fixture(scope="session")
def central_template() -> Iterator[str]:
    url = create_pg_database()
    engine = make_engine(url)
    schema.upgrade(engine)
    old = passwords.CURRENT
    passwords.CURRENT = passwords.ScryptParams(2**4, 8, 1)
    try:
        make_desk(build_services(engine, site_code="HQ"))
    finally:
        passwords.CURRENT = old
    engine.dispose()
    yield url
    drop_pg_database(url)


@pytest.fixture
def central_url(central_template: str) -> Iterator[str]:
    name = f"deskapp_sync_{uuid.uuid4().hex[:12]}"
    template = make_url(central_template).database
    with psycopg.connect(_libpq(PG_ADMIN_URL), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    url = make_url(central_template).set(database=name).render_as_string(hide_password=False)
    yield url
    drop_pg_database(url)


@pytest.fixture
def central(central_url: str) -> Iterator[Engine]:
    engine = make_engine(central_url, pool_size=10)
    yield engine
    engine.dispose()


@pytest.fixture
def branch_factory(central: Engine, tmp_path: Path) -> Iterator[Callable[[str], Site]]:
    made: list[Site] = []

    def make(code: str) -> Site:
        site = make_branch(central, code, tmp_path)
        made.append(site)
        return site

    yield make
    for site in made:
        site.engine.dispose()
