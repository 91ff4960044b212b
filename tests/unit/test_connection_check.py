"""Test connection: every failure named, the schema step decided, no password shown.

The PostgreSQL server used by the tests trusts 127.0.0.1 (pg_hba.conf "trust"), so a
wrong password cannot be produced there: tests/helpers/fake_pg.py plays a server
that asks for a password and refuses it as PostgreSQL does (SQLSTATE 28P01).
"""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from deskapp.services import schema
from deskapp.services.connection_check import (
    NextStep,
    Problem,
    check_connection,
    classify_error,
    schema_step,
    verify_admin,
)
from tests.helpers.fake_pg import FakePostgres
from tests.helpers.staff import PASSWORD, Desk

SECRET = "Zq9!never-shown"


class _PgError(Exception):
    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    "sqlstate, message, problem",
    [
        ("28P01", "whatever the locale says", Problem.AUTH_FAILED),
        ("3D000", "…", Problem.DATABASE_MISSING),
        ("28000", 'role "x" does not exist', Problem.ROLE_MISSING),
        ("28000", "no pg_hba.conf entry for host", Problem.NOT_ALLOWED),
        ("42501", "permission denied for database desk", Problem.NOT_ALLOWED),
        ("57P03", "the database system is starting up", Problem.SERVER_UNAVAILABLE),
        ("53300", "sorry, too many clients already", Problem.TOO_MANY),
        ("57P01", "terminating connection due to administrator command",
         Problem.CONNECTION_DROPPED),
        (None, 'connection to server at "h", port 5432 failed: FATAL:  password '
               'authentication failed for user "ali"', Problem.AUTH_FAILED),
        (None, "fe_sendauth: no password supplied", Problem.PASSWORD_REQUIRED),
        (None, "failed to resolve host 'x.invalid': [Errno -2] Name or service not known",
         Problem.DNS),
        (None, "connection refused\n\tIs the server running", Problem.REFUSED),
        (None, "connect: No route to host", Problem.UNREACHABLE),
        (None, "connection timeout expired", Problem.TIMEOUT),
        (None, 'FATAL:  database "nope" does not exist', Problem.DATABASE_MISSING),
        (None, "server does not support SSL, but SSL was required", Problem.SSL_UNAVAILABLE),
        (None, 'FATAL:  no pg_hba.conf entry for host "10.0.0.2", user "ali", database '
               '"desk", no encryption', Problem.SSL_REQUIRED),
        (None, "SSL error: certificate verify failed", Problem.SSL_FAILED),
        (None, "received invalid response to SSL negotiation: H", Problem.NOT_POSTGRES),
        (None, "server closed the connection unexpectedly", Problem.CONNECTION_DROPPED),
        (None, "something nobody has seen before", Problem.UNKNOWN),
    ],
)
def test_sqlstates_and_libpq_messages_map_to_problems(sqlstate, message, problem):
    assert classify_error(_PgError(message, sqlstate)) is problem
    wrapped = OperationalError("connect", {}, _PgError(message, sqlstate))
    assert classify_error(wrapped) is problem


def test_sqlite_file_errors():
    assert classify_error(sqlite3.OperationalError("unable to open database file")) is (
        Problem.FILE
    )


def _url(port: int, password: str | None = SECRET) -> URL:
    return URL.create(
        "postgresql+psycopg", username="ali", password=password, host="127.0.0.1",
        port=port, database="desk",
    )


def test_a_wrong_password_is_named_and_never_echoed():
    with FakePostgres() as server:
        report = check_connection(_url(server.port))
    assert server.received_passwords == [SECRET]  # libpq really sent it...
    assert report.problem is Problem.AUTH_FAILED
    assert report.message == "Wrong password for the database user ali (authentication failed)."
    assert SECRET not in report.message + report.detail + repr(report)
    assert report.next_step is NextStep.FIX_CONNECTION and not report.ok


def test_no_password_when_the_server_wants_one():
    with FakePostgres() as server:
        report = check_connection(_url(server.port, password=None))
    assert report.problem is Problem.PASSWORD_REQUIRED
    assert "needs a password for ali" in report.message


def test_a_server_that_never_answers_times_out():
    with FakePostgres("silent") as server:
        report = check_connection(_url(server.port), timeout=2)
    assert report.problem is Problem.TIMEOUT
    assert "did not answer in time" in report.message


def test_real_psycopg_errors_for_refused_and_dns():
    for url, problem in [
        (_url(1), Problem.REFUSED),
        (_url(5432).set(host="no-such-host.invalid"), Problem.DNS),
    ]:
        with pytest.raises(psycopg.OperationalError) as info:
            psycopg.connect(
                host=url.host, port=url.port, user="ali", dbname="desk", connect_timeout=2
            )
        assert classify_error(info.value) is problem
        assert check_connection(url, timeout=2).problem is problem


def _status(state, db="0001"):
    return schema.SchemaStatus(state, db, "0009")


def test_schema_steps():
    S, N = schema.SchemaState, NextStep
    assert schema_step(_status(S.CURRENT), may_upgrade=None)[0] is N.OPEN
    assert schema_step(_status(S.EMPTY, None), may_upgrade=None)[0] is N.CREATE_SCHEMA
    step, msg = schema_step(_status(S.OLDER), may_upgrade=True)
    assert step is N.UPGRADE_SCHEMA and "Back up the database first" in msg
    for who in (False, None):
        step, msg = schema_step(_status(S.OLDER), may_upgrade=who)
        assert step is N.ASK_ADMIN and "Ask an administrator" in msg
    step, msg = schema_step(_status(S.NEWER, "0042"), may_upgrade=True)
    assert step is N.UPGRADE_APP and "Upgrade deskapp on this computer" in msg
    assert schema_step(_status(S.FOREIGN, None), may_upgrade=True)[0] is N.FOREIGN


def test_sqlite_checks_read_the_schema(sqlite_url, tmp_path):
    report = check_connection(sqlite_url)
    assert report.connected and report.next_step is NextStep.OPEN and report.ok
    assert report.server.startswith("SQLite ")
    fresh = check_connection(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert fresh.next_step is NextStep.CREATE_SCHEMA
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database file at all" * 100)
    bad = check_connection(f"sqlite:///{junk}")
    assert bad.problem is Problem.FILE and not bad.connected


def test_verify_admin_uses_plain_sql(desk: Desk):
    engine = desk.services.engine
    assert verify_admin(engine, "root", PASSWORD)
    assert verify_admin(engine, " ROOT ", PASSWORD)
    assert not verify_admin(engine, "root", "wrong")
    assert not verify_admin(engine, "maryam", PASSWORD)  # a supervisor, not an admin
    assert not verify_admin(engine, "nobody", PASSWORD)
