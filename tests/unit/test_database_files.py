"""Foreign and damaged database files: refused unchanged, opened read-only for reading,
never created by a command that only reads, and named for what they are."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from deskapp.cli import main
from deskapp.models.database import make_engine
from tests.helpers.app_dirs import app_dirs  # noqa: F401

pytestmark = pytest.mark.usefixtures("app_dirs")


def foreign_file(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("create table invoices (id integer primary key, total real)")
    conn.execute("insert into invoices (total) values (12.5)")
    conn.commit()
    conn.close()
    return path


def fingerprint(path: Path) -> tuple[str, list[str]]:
    siblings = sorted(p.name for p in path.parent.iterdir())
    return hashlib.sha256(path.read_bytes()).hexdigest(), siblings


def journal_mode(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("pragma journal_mode").fetchone()[0]
    finally:
        conn.close()


def error(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err  # one line, no traceback
    return err[0]


def test_db_upgrade_refuses_a_foreign_file_and_leaves_it_unchanged(tmp_path, capsys):
    path = foreign_file(tmp_path / "other.sqlite3")
    before = fingerprint(path)
    assert main(["--db", f"sqlite:///{path}", "db", "upgrade"]) == 1
    assert "tables that are not deskapp's" in error(capsys)
    assert fingerprint(path) == before
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    conn.close()
    assert tables == {"invoices"}


@pytest.mark.parametrize("kind", ["foreign", "empty"])
def test_db_status_opens_the_file_read_only(tmp_path, capsys, kind):
    path = tmp_path / "x.sqlite3"
    if kind == "foreign":
        foreign_file(path)
    else:
        path.touch()
    before = fingerprint(path)
    assert main(["--db", f"sqlite:///{path}", "db", "status"]) == 0
    assert f"schema: {kind}" in capsys.readouterr().out
    assert fingerprint(path) == before  # no -wal/-shm left, not a byte changed
    assert journal_mode(path) == "delete"


def test_other_commands_do_not_touch_a_foreign_file_either(tmp_path, capsys):
    path = foreign_file(tmp_path / "other.sqlite3")
    before = fingerprint(path)
    for argv in (["sla", "check"], ["user", "list"], ["demo", "--tickets", "5"]):
        assert main(["--db", f"sqlite:///{path}", *argv]) == 1
        assert "not deskapp's" in error(capsys)
        assert fingerprint(path) == before


@pytest.mark.parametrize("argv", [["db", "status"], ["sla", "check"], ["user", "list"]])
def test_commands_that_do_not_create_a_database_say_the_file_does_not_exist(
        tmp_path, capsys, argv):
    missing = tmp_path / "nonexistent" / "dir" / "x.sqlite3"
    assert main(["--db", f"sqlite:///{missing}", *argv]) == 1
    assert f"the database file {missing} does not exist" in error(capsys)
    assert not (tmp_path / "nonexistent").exists()


def test_db_upgrade_creates_a_new_file(tmp_path, capsys):
    path = tmp_path / "new" / "desk.sqlite3"
    assert main(["--db", f"sqlite:///{path}", "db", "upgrade"]) == 0
    assert path.exists() and "(current)" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["db", "status"], ["db", "upgrade"], ["sla", "check"]])
def test_a_random_binary_file_is_not_a_sqlite_database(tmp_path, capsys, argv):
    path = tmp_path / "random.bin"
    path.write_bytes(os.urandom(8192))
    before = fingerprint(path)
    assert main(["--db", f"sqlite:///{path}", *argv]) == 1
    line = error(capsys)
    assert "is not a SQLite database" in line and "may write there" not in line
    assert fingerprint(path) == before


def test_db_upgrade_on_a_newer_schema_says_what_db_status_says(sqlite_url, capsys):
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '9999'"))
    engine.dispose()
    assert main(["--db", sqlite_url, "db", "status"]) == 0
    assert "schema: newer (database 9999" in capsys.readouterr().out
    assert main(["--db", sqlite_url, "db", "upgrade"]) == 1
    line = error(capsys)
    assert "newer deskapp (schema 9999)" in line and "upgrade deskapp" in line
