"""change feed and leases: a commit-ordered feed of changes; one lease row per job

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 14:20:00

``change_feed`` (deskapp.models.feed, deskapp.services.change_feed): one row per
changed domain row, written by an AFTER ROW trigger on every domain table (the list
is generated from the models: every table with an ``id`` key that exists at this
revision; later migrations that add domain tables call
``change_feed.install_triggers`` again). ``xid`` defaults to ``pg_current_xact_id()``
and readers go by ``(xid, id)`` below the snapshot's xmin, so a transaction that
commits late is never skipped. Behind PgBouncer it replaces LISTEN for live updates,
and it is the pull feed of branch sync. The NOTIFY triggers of 0004 stay for
workstations connected directly.

``leases``: who runs a once-per-site job (the SLA scan) until when; a plain row, so
the election works through a transaction-mode pooler.

The table exists on SQLite too (models == migrations); only PostgreSQL writes it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from deskapp.models.feed import Xid8
from deskapp.models.types import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    op.create_table(
        "change_feed",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(),
            primary_key=True,
        ),
        sa.Column(
            "xid",
            Xid8(),
            nullable=False,
            server_default=sa.text("pg_current_xact_id()") if pg else None,
        ),
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("op", sa.String(1), nullable=False),
        sa.Column("version", sa.Integer()),
        sa.Column("ticket_id", sa.Uuid()),
        sa.Column("customer_id", sa.Uuid()),
        sa.Column("recipient_id", sa.Uuid()),
        sa.Column("actor_id", sa.Uuid()),
        sa.Column("origin_site", sa.Text()),
        sa.Column(
            "changed_at",
            UTCDateTime(),
            nullable=False,
            server_default=sa.text("now()") if pg else sa.text("CURRENT_TIMESTAMP"),
        ),
        sa.PrimaryKeyConstraint("id", name="pk_change_feed"),
    )
    op.create_index("ix_change_feed_xid_id", "change_feed", ["xid", "id"])
    op.create_table(
        "leases",
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("holder", sa.String(200)),
        sa.Column("epoch", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("acquired_at", UTCDateTime()),
        sa.Column("renewed_at", UTCDateTime()),
        sa.Column("expires_at", UTCDateTime()),
        sa.PrimaryKeyConstraint("name", name="pk_leases"),
    )
    if pg:
        from deskapp.services import change_feed

        change_feed.install_triggers(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from deskapp.services import change_feed

        change_feed.drop_triggers(bind, change_feed.triggered_tables(bind))
        op.execute("DROP FUNCTION IF EXISTS deskapp_feed_change()")
    op.drop_table("leases")
    op.drop_index("ix_change_feed_xid_id", table_name="change_feed")
    op.drop_table("change_feed")
