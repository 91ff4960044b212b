"""`deskapp team add|list|edit|remove` and `deskapp user edit|disable|enable|
reset-password`: a desk set up from an empty database with the command line only."""

from __future__ import annotations

import io
import sys

import pytest

from deskapp.cli import main
from deskapp.services.errors import PasswordChangeRequired
from deskapp.services.facade import build_services
from tests.helpers.app_dirs import app_dirs  # noqa: F401

pytestmark = pytest.mark.usefixtures("app_dirs")


def run(url, monkeypatch, *argv, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(["--db", url, *argv])


def test_set_up_a_desk_from_an_empty_database(sqlite_url, monkeypatch, capsys):
    pw = "long enough secret\n"
    # What the issue reported: no team can be named before one exists...
    assert run(sqlite_url, monkeypatch, "user", "add", "bob", "--team", "Front desk",
               "--role", "agent", "--password-stdin", stdin=pw) == 1
    assert "known teams: none yet" in capsys.readouterr().err
    # ...now the team can be created first.
    assert run(sqlite_url, monkeypatch, "team", "add", "Front desk", "--skill", "general",
               "--skill", "billing=Billing/صورت‌حساب") == 0
    assert run(sqlite_url, monkeypatch, "user", "add", "bob", "--team", "Front desk",
               "--role", "agent", "--password-stdin", stdin=pw) == 0
    assert run(sqlite_url, monkeypatch, "user", "add", "mina", "--role", "supervisor",
               "--password-stdin", stdin=pw) == 0
    assert run(sqlite_url, monkeypatch, "team", "edit", "Front desk", "--rename", "Reception",
               "--supervisor", "mina", "--add-member", "mina") == 0
    capsys.readouterr()
    assert run(sqlite_url, monkeypatch, "team", "list") == 0
    out = capsys.readouterr().out
    assert "Reception" in out and "supervisor mina" in out
    assert "billing (Billing/صورت‌حساب)" in out and "members: bob, mina" in out
    # A duplicate name: one clear line, exit 1.
    assert run(sqlite_url, monkeypatch, "team", "add", "reception") == 1
    assert "already exists" in capsys.readouterr().err

    assert run(sqlite_url, monkeypatch, "user", "edit", "bob", "--tier", "2",
               "--language", "fa") == 0
    assert "tier 2, teams Reception, language fa" in capsys.readouterr().out
    assert run(sqlite_url, monkeypatch, "user", "disable", "bob") == 0
    assert "no open tickets" in capsys.readouterr().out
    assert run(sqlite_url, monkeypatch, "user", "enable", "bob") == 0
    assert run(sqlite_url, monkeypatch, "user", "reset-password", "bob", "--password-stdin",
               stdin="temporary-99\n") == 0
    svc = build_services(sqlite_url)
    try:
        with pytest.raises(PasswordChangeRequired):
            svc.staff.authenticate("bob", "temporary-99")
    finally:
        svc.dispose()
    assert run(sqlite_url, monkeypatch, "team", "remove", "Reception") == 0
    capsys.readouterr()
    assert run(sqlite_url, monkeypatch, "team", "list") == 0
    assert "no teams yet" in capsys.readouterr().out


def test_bad_skill_option_and_unknown_user(sqlite_url, monkeypatch, capsys):
    assert run(sqlite_url, monkeypatch, "team", "add", "T", "--skill", "=Billing") == 1
    assert "no skill code" in capsys.readouterr().err
    assert run(sqlite_url, monkeypatch, "team", "add", "T", "--member", "ghost") == 1
    assert "no active user 'ghost'" in capsys.readouterr().err
    assert run(sqlite_url, monkeypatch, "user", "disable", "ghost") == 1
