"""desk admin: presence heartbeat, password reset, skill labels, merge pointers

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27 14:20:00

- ``presence_heartbeats``: last sign of life of each user's workstation; a presence
  older than the timeout without a beat reads as offline everywhere (services.presence).
  Keyed by the user (no ``id``), so the change feed and branch sync leave it alone.
- ``users.must_change_password``: set by an administrator's password reset.
- ``teams.skill_labels``: display names of the team's skills in each language.
- ``customers.merged_into_id`` / ``tickets.merged_into_id``: the record a merged-away
  customer or duplicate ticket now lives in. Plain ADD COLUMNs (no batch copy on
  SQLite, so the FTS5 triggers of 0003 stay in place) and no foreign keys: a branch
  may receive a tombstone before the record it points to.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "presence_heartbeats",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("beat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_presence_heartbeats_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_presence_heartbeats")),
    )
    op.add_column(
        "users",
        sa.Column("must_change_password", sa.Boolean(), server_default=sa.false(),
                  nullable=False),
    )
    op.add_column(
        "teams", sa.Column("skill_labels", sa.JSON(), server_default="{}", nullable=False)
    )
    op.add_column("customers", sa.Column("merged_into_id", sa.Uuid(), nullable=True))
    op.add_column("tickets", sa.Column("merged_into_id", sa.Uuid(), nullable=True))


def downgrade() -> None:
    for table in ("tickets", "customers"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("merged_into_id")
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.drop_column("skill_labels")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
    op.drop_table("presence_heartbeats")
