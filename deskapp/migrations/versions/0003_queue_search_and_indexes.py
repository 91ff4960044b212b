"""ticket queue: full-text search document and keyset indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 16:20:00

* ``tickets.search_text``: the normalised search document (deskapp.services.search
  builds it in Python: Persian normalisation must happen before indexing).
* SQLite: an external-content FTS5 table ``tickets_fts`` over that column, keyed by
  the tickets' rowid and kept in step by three triggers.
  TRAP: a later migration that *recreates* ``tickets`` on SQLite (batch mode
  "move and copy") drops these triggers and may renumber rowids; it must call
  ``create_sqlite_fts(op.get_bind())`` again afterwards (it drops, re-creates and
  rebuilds). VACUUM may renumber rowids too: ``INSERT INTO tickets_fts(tickets_fts)
  VALUES('rebuild')`` repairs the index.
* PostgreSQL: a GIN index over ``to_tsvector('simple', search_text)``.
* Indexes on (sort key, id) for the queue's keyset pagination.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FTS = "tickets_fts"
PG_INDEX = "ix_tickets_search_text_fts"
KEYSET_INDEXES = {
    "ix_tickets_q_created": ["created_at", "id"],
    "ix_tickets_q_updated": ["updated_at", "id"],
    "ix_tickets_q_priority": ["priority_rank", "id"],
    "ix_tickets_q_subject": ["subject", "id"],
}


def create_sqlite_fts(bind: sa.engine.Connection) -> None:
    drop_sqlite_fts(bind)
    bind.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(search_text, content='tickets', "
        "content_rowid='rowid', prefix='2 3', tokenize='unicode61 remove_diacritics 2')"
    )
    bind.exec_driver_sql(
        f"CREATE TRIGGER {FTS}_ai AFTER INSERT ON tickets BEGIN "
        f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    bind.exec_driver_sql(
        f"CREATE TRIGGER {FTS}_ad AFTER DELETE ON tickets BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, search_text) "
        "VALUES ('delete', old.rowid, old.search_text); END"
    )
    bind.exec_driver_sql(
        f"CREATE TRIGGER {FTS}_au AFTER UPDATE OF search_text ON tickets BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, search_text) "
        "VALUES ('delete', old.rowid, old.search_text); "
        f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    bind.exec_driver_sql(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")


def drop_sqlite_fts(bind: sa.engine.Connection) -> None:
    for suffix in ("ai", "ad", "au"):
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {FTS}_{suffix}")
    bind.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS}")


def upgrade() -> None:
    bind = op.get_bind()
    # ADD COLUMN needs no table rebuild on SQLite, so rowids and triggers are safe.
    op.add_column(
        "tickets", sa.Column("search_text", sa.Text(), nullable=False, server_default="")
    )
    for name, columns in KEYSET_INDEXES.items():
        op.create_index(name, "tickets", columns)
    if bind.dialect.name == "sqlite":
        create_sqlite_fts(bind)
    elif bind.dialect.name == "postgresql":
        op.execute(
            f"CREATE INDEX {PG_INDEX} ON tickets "
            "USING gin (to_tsvector('simple'::regconfig, search_text))"
        )
    # Documents for tickets that already exist (built by the app's normaliser).
    if bind.execute(sa.text("SELECT 1 FROM tickets LIMIT 1")).first() is not None:
        from deskapp.services.search import rebuild_all

        rebuild_all(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        drop_sqlite_fts(bind)
    elif bind.dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
    for name in KEYSET_INDEXES:
        op.drop_index(name, table_name="tickets")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("search_text")
