"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from deskapp.migrations.unmodelled import include_object
from deskapp.models import Base
from deskapp.models.database import make_engine
from deskapp.services import schema
from tests.helpers.databases import create_pg_database, drop_pg_database


def _differences(url: str) -> list:
    engine = make_engine(url)
    try:
        assert schema.schema_status(engine).state is schema.SchemaState.EMPTY
        schema.upgrade(engine)
        assert schema.schema_status(engine).state is schema.SchemaState.CURRENT
        with engine.connect() as conn:
            opts = {"compare_type": True, "include_object": include_object}
            ctx = MigrationContext.configure(conn, opts=opts)
            return compare_metadata(ctx, Base.metadata)
    finally:
        engine.dispose()


def test_sqlite_migrations_match_models(tmp_path):
    assert _differences(f"sqlite:///{tmp_path / 'fresh.sqlite3'}") == []


@pytest.mark.postgres
def test_postgresql_migrations_match_models():
    url = create_pg_database()
    try:
        assert _differences(url) == []
    finally:
        drop_pg_database(url)
