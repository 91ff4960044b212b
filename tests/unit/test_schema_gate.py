"""The schema check at start-up: create, upgrade (admins only), refuse."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from deskapp.models.database import make_engine
from deskapp.services import login_guard, schema
from deskapp.services.connection_check import NextStep
from deskapp.services.errors import AuthenticationFailed, PermissionDenied, ValidationFailed
from deskapp.services.facade import build_services
from deskapp.services.passwords import hash_password
from deskapp.services.schema_gate import (
    SchemaAttention,
    check_at_start,
    create_schema,
    upgrade_as_admin,
)


def older_database(path, *, admin_password: str | None = None, revision: str = "0001"):
    """A database at an older migration, with an administrator written in plain SQL."""
    engine = make_engine(f"sqlite:///{path}")
    schema.upgrade(engine, revision)
    if admin_password is not None:
        with engine.begin() as conn:
            for username, role in (("boss", "admin"), ("ali", "agent")):
                conn.execute(
                    text(
                        "insert into users (id, username, display_name, role, tier, "
                        "password_hash, active, language, presence, created_at, updated_at, "
                        "version) values (:id, :u, :u, :r, 1, :h, 1, 'en', 'offline', "
                        "'2026-01-01', '2026-01-01', 1)"
                    ),
                    {"id": uuid.uuid4().hex, "u": username, "r": role,
                     "h": hash_password(admin_password)},
                )
    return engine


def test_current_database_opens(sqlite_url):
    engine = make_engine(sqlite_url)
    assert check_at_start(engine).state is schema.SchemaState.CURRENT
    engine.dispose()


def test_the_owner_of_the_local_database_gets_it_created_silently(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'own.sqlite3'}")
    assert check_at_start(engine, owner=True).state is schema.SchemaState.CURRENT
    engine.dispose()


def test_empty_database_offers_creation_with_a_first_admin(tmp_path):
    services = build_services(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    with pytest.raises(SchemaAttention) as info:
        check_at_start(services.engine)
    assert info.value.step is NextStep.CREATE_SCHEMA and info.value.can_continue
    with pytest.raises(ValidationFailed, match="at least 8"):
        create_schema(services, "root", "Root", "short")
    create_schema(services, "root", "Head admin", "long enough pw")
    assert check_at_start(services.engine).state is schema.SchemaState.CURRENT
    actor = services.staff.authenticate("root", "long enough pw")
    assert actor.role.value == "admin" and actor.display_name == "Head admin"
    services.dispose()


def test_older_schema_upgrades_for_an_admin_only(tmp_path):
    engine = older_database(tmp_path / "old.sqlite3", admin_password="admin pass 1")
    with pytest.raises(SchemaAttention) as info:
        check_at_start(engine)
    assert info.value.step is NextStep.ASK_ADMIN
    assert "Ask an administrator" in str(info.value)
    with pytest.raises(PermissionDenied, match="Only an administrator"):
        upgrade_as_admin(engine, "ali", "admin pass 1")  # an agent
    with pytest.raises(PermissionDenied):
        upgrade_as_admin(engine, "boss", "wrong")
    assert schema.schema_status(engine).state is schema.SchemaState.OLDER  # untouched
    status = upgrade_as_admin(engine, "boss", "admin pass 1")
    assert status.state is schema.SchemaState.CURRENT
    engine.dispose()


def test_upgrade_check_counts_towards_the_login_back_off(tmp_path):
    """Guessing an administrator's password through the upgrade prompt is throttled like
    the login window (once the older schema has the throttle table, 0011)."""
    engine = older_database(tmp_path / "old.sqlite3", admin_password="admin pass 1",
                            revision="0011")
    for _ in range(login_guard.USER_POLICY.free_failures):
        with pytest.raises(PermissionDenied):
            upgrade_as_admin(engine, "boss", "wrong")
    with pytest.raises(AuthenticationFailed) as refused:
        upgrade_as_admin(engine, "boss", "admin pass 1")  # right, but has to wait first
    assert refused.value.code == "auth.throttled"
    assert schema.schema_status(engine).state is schema.SchemaState.OLDER
    engine.dispose()


def test_newer_schema_is_refused(sqlite_url):
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '9999'"))
    with pytest.raises(SchemaAttention) as info:
        check_at_start(engine, owner=True)  # not even the owner may "downgrade"
    assert info.value.step is NextStep.UPGRADE_APP and not info.value.can_continue
    assert "Upgrade deskapp on this computer" in str(info.value)
    engine.dispose()
