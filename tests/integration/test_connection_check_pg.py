"""Test connection against the real PostgreSQL: the failures it can really produce.

(It trusts 127.0.0.1, so a wrong password is tested against tests/helpers/fake_pg.py
in tests/unit/test_connection_check.py.)"""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from deskapp.services.connection_check import NextStep, Problem, check_connection
from tests.helpers.databases import create_pg_database, drop_pg_database

pytestmark = pytest.mark.postgres


def test_current_schema_opens(pg_url):
    report = check_connection(pg_url)
    assert report.connected and report.next_step is NextStep.OPEN
    assert report.server.startswith("PostgreSQL ")


@pytest.mark.parametrize(
    "change, problem, words",
    [
        ({"database": "deskapp_missing_db"}, Problem.DATABASE_MISSING,
         "There is no database deskapp_missing_db"),
        ({"username": "deskapp_no_such_role"}, Problem.ROLE_MISSING,
         "There is no database user deskapp_no_such_role"),
        ({"query": {"sslmode": "require"}}, Problem.SSL_UNAVAILABLE, "requires SSL"),
        ({"port": 1}, Problem.REFUSED, "refused the connection on port 1"),
    ],
)
def test_real_server_failures_are_named(pg_url, change, problem, words):
    url = make_url(pg_url).set(**change)
    report = check_connection(url, timeout=3)
    assert report.problem is problem, report.detail
    assert words in report.message
    assert not report.connected


def test_an_empty_database_offers_to_create_the_schema():
    url = create_pg_database()
    try:
        report = check_connection(url)
        assert report.next_step is NextStep.CREATE_SCHEMA and report.ok
    finally:
        drop_pg_database(url)
