"""Shared fixtures. Qt runs offscreen; databases are private to each test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from deskapp.models.database import make_engine  # noqa: E402
from deskapp.services import schema  # noqa: E402
from deskapp.services.facade import Services, build_services  # noqa: E402
from tests.helpers.databases import (  # noqa: E402
    copy_sqlite,
    create_pg_database,
    drop_pg_database,
    migrated_sqlite_template,
    truncate_all,
)
from tests.helpers.staff import Desk, make_desk  # noqa: E402

# app_dirs, memory_keyring, no_keyring: the app's files and secrets kept inside a test.
# pgbouncer: a real PgBouncer (transaction mode) in front of the test server.
pytest_plugins = ["tests.helpers.app_dirs", "tests.helpers.pgbouncer"]


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """New password hashes in tests use a tiny scrypt cost (the suite must not pay the
    production 128 MiB per hash); tests/unit/test_login_hardening.py checks that the
    production parameters are what a new hash gets outside the tests."""
    from deskapp.services import passwords

    monkeypatch.setattr(passwords, "CURRENT", passwords.ScryptParams(2**4, 8, 1))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrated_sqlite_template(tmp_path_factory.mktemp("template"))


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    return copy_sqlite(sqlite_template, tmp_path)


@pytest.fixture(scope="session")
def pg_session_url() -> Iterator[str]:
    url = create_pg_database()
    engine = make_engine(url)
    schema.upgrade(engine)
    engine.dispose()
    yield url
    drop_pg_database(url)


@pytest.fixture
def pg_url(pg_session_url: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """The session's PostgreSQL database, emptied. In a module marked ``pg_routes`` it
    is parametrized: "direct", then "pgbouncer" (the same database through a real
    PgBouncer in transaction mode, the URL carrying ``pooler=pgbouncer``)."""
    engine = make_engine(pg_session_url)
    truncate_all(engine)
    engine.dispose()
    if getattr(request, "param", "direct") == "pgbouncer":
        yield request.getfixturevalue("pgbouncer").url_for(pg_session_url)
    else:
        yield pg_session_url


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Modules marked ``pytest.mark.pg_routes`` run every test that uses pg_url twice.
    if "pg_url" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
        "pg_routes"
    ):
        metafunc.parametrize(
            "pg_url",
            ["direct", pytest.param("pgbouncer", marks=pytest.mark.pgbouncer)],
            indirect=True,
        )


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Run a test on both databases."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def services(sqlite_url: str) -> Iterator[Services]:
    svc = build_services(sqlite_url)
    yield svc
    svc.dispose()


@pytest.fixture
def desk(services: Services) -> Desk:
    return make_desk(services)
