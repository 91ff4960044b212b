"""Schema versions: create, upgrade and compare the database with what this app knows."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect


class SchemaState(enum.StrEnum):
    EMPTY = "empty"  # no deskapp tables at all: offer to create
    OLDER = "older"  # an upgrade is needed (admins only)
    CURRENT = "current"
    NEWER = "newer"  # made by a newer deskapp: refuse, upgrade the app
    FOREIGN = "foreign"  # tables exist but no alembic version: not a deskapp database


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    database_revision: str | None
    app_revision: str


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "deskapp:migrations")
    return cfg


def app_head() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "deskapp ships at least one migration"
    return head


def schema_status(engine: Engine) -> SchemaStatus:
    script = ScriptDirectory.from_config(alembic_config())
    head = app_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
    if current is None:
        state = SchemaState.FOREIGN if tables - {"alembic_version"} else SchemaState.EMPTY
    elif current == head:
        state = SchemaState.CURRENT
    else:
        try:
            script.get_revision(current)
        except Exception:
            state = SchemaState.NEWER
        else:
            state = SchemaState.OLDER
    return SchemaStatus(state, current, head)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: what this app knows)."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        if revision == "head" and conn.dialect.name == "postgresql":
            # Every domain table announces its changes in the change feed, including
            # tables a later migration added without calling install_triggers itself
            # (the list comes from the models; idempotent).
            from deskapp.services import change_feed

            change_feed.install_triggers(conn)
