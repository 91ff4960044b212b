"""Schema versions: create, upgrade and compare the database with what this app knows.

Alembic (about 200 ms of CPU to import, a fifth of a cold start) is imported only when
it is needed: checking a database that is already current — every start but the first
after an upgrade — reads the head from the migration files' text and the database's
revision with one SELECT (``current_fast``)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

VERSIONS = Path(__file__).resolve().parents[1] / "migrations" / "versions"
_REVISION = re.compile(r"^revision\s*(?::[^=\n]*)?=\s*[\"']([^\"'\n]+)[\"']", re.M)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=\n]*)?=\s*(.+)$", re.M)


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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "deskapp:migrations")
    return cfg


def app_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "deskapp ships at least one migration"
    return head


def head_from_files(versions: Path = VERSIONS) -> str | None:
    """The head revision read from the migration files' text (``revision = "…"``,
    ``down_revision = …``) without importing Alembic; None when that is not certain
    (no source files, a file without the two lines, not exactly one head): then ask
    Alembic. tests/unit/test_schema_head.py checks it names Alembic's head."""
    revisions: set[str] = set()
    revised: set[str] = set()
    files = sorted(versions.glob("*.py")) if versions.is_dir() else []
    for path in files:
        if path.name.startswith("__"):
            continue
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        revised.update(re.findall(r"[\"']([^\"']+)[\"']", down.group(1)))
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def current_fast(engine: Engine) -> SchemaStatus | None:
    """CURRENT without Alembic when the database's one revision is the files' head;
    None (ask ``schema_status``) otherwise."""
    head = head_from_files()
    if head is None:
        return None
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if versions != [head]:
        return None
    return SchemaStatus(SchemaState.CURRENT, head, head)


def schema_status(engine: Engine) -> SchemaStatus:
    fast = current_fast(engine)
    if fast is not None:
        return fast
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

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
    from alembic import command

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
