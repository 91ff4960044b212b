"""Logins under attack: back-off and lock per user and per workstation, audit of every
attempt with the host, the same work for unknown users, per-hash scrypt parameters with
a transparent upgrade, and demo users hashed one by one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from deskapp.cli import main
from deskapp.models import AuditEntry, User
from deskapp.services import passwords
from deskapp.services.errors import AuthenticationFailed, PermissionDenied
from deskapp.services.passwords import PRODUCTION, ScryptParams, hash_password, verify_password
from deskapp.services.permissions import SYSTEM
from tests.helpers.app_dirs import app_dirs  # noqa: F401
from tests.helpers.staff import PASSWORD, Desk


class Clock:
    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(desk: Desk) -> Clock:
    c = Clock(desk.services.staff.clock())
    desk.services.staff.clock = c
    return c


def fail(staff, username: str, host: str = "ws-1") -> AuthenticationFailed:
    with pytest.raises(AuthenticationFailed) as exc:
        staff.authenticate(username, "not the password", host=host)
    return exc.value


def audit_rows(desk: Desk, action: str) -> list[AuditEntry]:
    with desk.services.uow(read_only=True) as uow:
        rows = list(uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.created_at)
        ))
        for r in rows:
            uow.session.expunge(r)
        return rows


def test_repeated_failures_cost_a_growing_delay_then_a_lock(desk: Desk, clock: Clock):
    staff = desk.services.staff
    for _ in range(3):  # typos are free
        assert fail(staff, "ali").code == "auth.failed"
    # The 4th attempt right away is refused without checking the password, even the
    # right one.
    with pytest.raises(AuthenticationFailed) as exc:
        staff.authenticate("ali", PASSWORD, host="ws-1")
    assert exc.value.code == "auth.throttled" and exc.value.params["seconds"] == 1
    delays = []
    for _ in range(6):
        clock.advance(61)
        assert fail(staff, "ali").code == "auth.failed"
        delays.append(fail(staff, "ali").params.get("seconds"))
    assert delays == [2, 4, 8, 16, 32, 60]  # growing, capped at a minute
    clock.advance(61)
    fail(staff, "ali")  # the 10th failure locks the name
    clock.advance(120)
    with pytest.raises(AuthenticationFailed) as exc:
        staff.authenticate("ali", PASSWORD, host="ws-2")
    assert exc.value.code == "auth.locked" and exc.value.params["minutes"] == 13
    # Other users on other workstations are unaffected.
    assert staff.authenticate("sara", PASSWORD, host="ws-2").username == "sara"


def test_an_admin_unlocks_a_user_from_the_command_line(desk: Desk, clock: Clock,
                                                       sqlite_url, app_dirs, capsys):  # noqa: F811
    staff = desk.services.staff
    for _ in range(10):
        clock.advance(61)
        fail(staff, "ali")
    with pytest.raises(AuthenticationFailed, match="locked"):
        staff.authenticate("ali", PASSWORD, host="ws-1")
    with pytest.raises(PermissionDenied):
        staff.unlock(desk.agent, "ali")
    assert main(["--db", sqlite_url, "user", "unlock", "ali"]) == 0
    assert "unlocked ali" in capsys.readouterr().out
    assert staff.authenticate("ali", PASSWORD, host="ws-9").username == "ali"
    assert [r.details["username"] for r in audit_rows(desk, "user.unlocked")] == ["ali"]


def test_a_workstation_spraying_many_names_is_throttled(desk: Desk, clock: Clock):
    staff = desk.services.staff
    for i in range(10):
        fail(staff, f"guess{i}", host="kiosk")
    with pytest.raises(AuthenticationFailed) as exc:
        staff.authenticate("sara", PASSWORD, host="kiosk")
    assert exc.value.code == "auth.throttled" and exc.value.params["scope"] == "host"
    assert staff.authenticate("sara", PASSWORD, host="ws-3").username == "sara"
    staff.unlock(SYSTEM, host="kiosk")
    assert staff.authenticate("sara", PASSWORD, host="kiosk").username == "sara"


def test_success_clears_the_count(desk: Desk, clock: Clock):
    staff = desk.services.staff
    for _ in range(3):
        fail(staff, "ali")
    clock.advance(2)
    staff.authenticate("ali", PASSWORD, host="ws-1")
    for _ in range(3):  # three free typos again
        assert fail(staff, "ali").code == "auth.failed"


def test_every_attempt_is_in_the_audit_log_with_the_host(desk: Desk, clock: Clock):
    staff = desk.services.staff
    fail(staff, "ali", host="desk-07")
    fail(staff, "nobody", host="desk-07")
    staff.authenticate("ali", PASSWORD, host="desk-07")
    failed = audit_rows(desk, "login.failed")
    assert [(r.details["username"], r.details["host"], r.details["reason"]) for r in failed] == [
        ("ali", "desk-07", "wrong_password"), ("nobody", "desk-07", "unknown_user")]
    assert failed[0].actor_id == desk.agent.user_id and failed[1].actor_id is None
    (ok,) = audit_rows(desk, "login.succeeded")
    assert (ok.actor_id, ok.details["host"]) == (desk.agent.user_id, "desk-07")
    assert all("not the password" not in str(r.details) for r in failed)


def test_the_host_defaults_to_this_machine(desk: Desk):
    import socket

    desk.services.staff.authenticate("ali", PASSWORD)
    (ok,) = audit_rows(desk, "login.succeeded")
    assert ok.details["host"] == socket.gethostname()


def test_unknown_users_cost_a_hash_like_real_ones(desk: Desk, monkeypatch):
    calls = []
    real = passwords.verify_password

    def counting(password, stored):
        calls.append(stored.split("$")[1])
        return real(password, stored)

    monkeypatch.setattr(passwords, "verify_password", counting)
    monkeypatch.setattr("deskapp.services.staff.verify_password", counting)
    for name in ("ali", "nobody"):
        with pytest.raises(AuthenticationFailed):
            desk.services.staff.authenticate(name, "not the password", host="h")
    # Both ran scrypt once, with the same cost.
    assert calls == [str(passwords.CURRENT.n)] * 2


def test_new_hashes_get_the_owasp_parameters_outside_the_tests(monkeypatch):
    monkeypatch.setattr(passwords, "CURRENT", PRODUCTION)
    assert ScryptParams(2**17, 8, 1) == PRODUCTION
    stored = hash_password("correct horse battery")
    prefix, n, r, p, salt, digest = stored.split("$")
    assert (prefix, int(n), int(r), int(p)) == ("scrypt", 2**17, 8, 1)
    assert verify_password("correct horse battery", stored)
    assert not verify_password("correct horse batterY", stored)
    assert not passwords.needs_rehash(stored)


def test_an_old_hash_is_upgraded_at_the_next_successful_login(desk: Desk):
    old = hash_password(PASSWORD, ScryptParams(2**2, 8, 1))
    with desk.services.uow() as uow:
        uow.session.get(User, desk.agent.user_id).password_hash = old
        uow.commit()
    with pytest.raises(AuthenticationFailed):
        desk.services.staff.authenticate("ali", "not the password", host="h")
    with desk.services.uow(read_only=True) as uow:
        assert uow.session.get(User, desk.agent.user_id).password_hash == old
    desk.services.staff.authenticate("ali", PASSWORD, host="h")
    with desk.services.uow(read_only=True) as uow:
        new = uow.session.get(User, desk.agent.user_id).password_hash
    assert new != old and new.split("$")[1:4] == [str(x) for x in passwords.CURRENT]
    assert verify_password(PASSWORD, new)


def test_demo_users_have_their_own_salt(tmp_path, app_dirs):  # noqa: F811
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["--db", url, "demo", "--tickets", "20", "--customers", "5"]) == 0
    from deskapp.services.facade import build_services

    svc = build_services(url)
    try:
        with svc.uow(read_only=True) as uow:
            rows = uow.session.execute(select(User.role, User.password_hash)).all()
            n = uow.session.scalar(select(func.count()).select_from(User))
        salts = {h.split("$")[4] for _r, h in rows}
        assert len(salts) == n and len({h for _r, h in rows}) == n
        assert svc.staff.authenticate("ali", "agent-demo", host="h").username == "ali"
    finally:
        svc.dispose()
