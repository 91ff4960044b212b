"""branch sync: outbox, exactly-once batches, field clocks, conflicts, duplicates

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27 14:20:00

Tables of deskapp.models.sync (see there), the conflict inbox and duplicates queue
in the change feed, and ``sites.is_branch``: the centre never
hands out ticket numbers for a site that is a branch office. The capture triggers of a
branch are not created here: they are generated from the models by
deskapp.services.sync.capture when a branch is set up (and re-checked before each
sync), so a future table is captured without a hand-written trigger.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_BIGINT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _mutable() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.add_column(
        "sites",
        sa.Column("is_branch", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_code", sa.String(8), nullable=False),
        sa.Column("central_profile", sa.String(120), nullable=False),
        sa.Column("central_url_hint", sa.String(300), nullable=False),
        sa.Column("pull_xid", _BIGINT, nullable=False),
        sa.Column("pull_id", _BIGINT, nullable=False),
        sa.Column("next_push_seq", sa.Integer(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("hlc_wall", _BIGINT, nullable=False),
        sa.Column("hlc_counter", sa.Integer(), nullable=False),
        sa.Column("applying", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_change_log",
        sa.Column("id", _BIGINT, autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False),
        sa.Column("op", sa.String(1), nullable=False),
        sa.Column("new_values", sa.Text(), nullable=True),
        sa.Column("old_values", sa.Text(), nullable=True),
        sa.Column("hlc", sa.String(48), nullable=False),
        sa.Column("origin_site", sa.String(8), nullable=False),
        sa.Column("batch_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_change_log")),
    )
    op.create_index(
        "ix_sync_change_log_batch_seq", "sync_change_log", ["batch_seq", "id"], unique=False
    )
    op.create_table(
        "sync_batches",
        sa.Column("id", _BIGINT, autoincrement=True, nullable=False),
        sa.Column("site", sa.String(8), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("change_count", sa.Integer(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_batches")),
        sa.UniqueConstraint("site", "seq", name=op.f("uq_sync_batches_site_seq")),
    )
    op.create_table(
        "sync_field_clocks",
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False),
        sa.Column("column_name", sa.String(64), nullable=False),
        sa.Column("hlc", sa.String(48), nullable=False),
        sa.Column("site", sa.String(8), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint(
            "table_name", "row_id", "column_name", name=op.f("pk_sync_field_clocks")
        ),
    )
    op.create_table(
        "merge_conflicts",
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False),
        sa.Column("column_name", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=True),
        sa.Column("local_value", sa.Text(), nullable=True),
        sa.Column("local_by_id", sa.Uuid(), nullable=True),
        sa.Column("local_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("local_site", sa.String(8), nullable=False),
        sa.Column("remote_value", sa.Text(), nullable=True),
        sa.Column("remote_by_id", sa.Uuid(), nullable=True),
        sa.Column("remote_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("remote_site", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("resolution", sa.String(16), nullable=True),
        sa.Column("resolved_value", sa.Text(), nullable=True),
        sa.Column("resolved_by_id", sa.Uuid(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        *_mutable(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_conflicts")),
    )
    op.create_index(
        "ix_merge_conflicts_status", "merge_conflicts", ["status", "created_at"], unique=False
    )
    op.create_index(
        op.f("ix_merge_conflicts_ticket_id"), "merge_conflicts", ["ticket_id"], unique=False
    )
    op.create_table(
        "duplicate_customers",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("other_customer_id", sa.Uuid(), nullable=False),
        sa.Column("match_kind", sa.String(8), nullable=False),
        sa.Column("match_value", sa.String(254), nullable=False),
        sa.Column("site", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("resolved_by_id", sa.Uuid(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        *_mutable(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_customers")),
        sa.UniqueConstraint(
            "customer_id",
            "other_customer_id",
            name=op.f("uq_duplicate_customers_customer_id_other_customer_id"),
        ),
    )
    # The conflict inbox and the duplicates queue are domain data every site sees: the
    # centre's change feed announces them (migration 0010 ran before they existed).
    from deskapp.services import change_feed

    change_feed.install_triggers(op.get_bind(), FEED_TABLES)


FEED_TABLES = ["merge_conflicts", "duplicate_customers"]


def downgrade() -> None:
    from deskapp.services import change_feed

    change_feed.drop_triggers(op.get_bind(), FEED_TABLES)
    op.drop_table("duplicate_customers")
    op.drop_index(op.f("ix_merge_conflicts_ticket_id"), table_name="merge_conflicts")
    op.drop_index("ix_merge_conflicts_status", table_name="merge_conflicts")
    op.drop_table("merge_conflicts")
    op.drop_table("sync_field_clocks")
    op.drop_table("sync_batches")
    op.drop_index("ix_sync_change_log_batch_seq", table_name="sync_change_log")
    op.drop_table("sync_change_log")
    op.drop_table("sync_state")
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.drop_column("is_branch")
