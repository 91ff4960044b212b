"""hardening: login throttling, queue index for team boundaries

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 14:20:00

``login_throttles``: consecutive failed logins per username and per workstation
(services.login_guard), so repeated failures cost a growing delay, then a lock.
``ix_tickets_q_scope``: the queue of an agent or supervisor is limited to the tickets
they may read (services.visibility); this index covers that condition for the COUNT.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_throttles",
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_throttles")),
        sa.UniqueConstraint("scope", "key", name=op.f("uq_login_throttles_scope_key")),
    )
    op.create_index(
        "ix_tickets_q_scope", "tickets", ["status", "deleted_at", "team_id", "assignee_id", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_tickets_q_scope", table_name="tickets")
    op.drop_table("login_throttles")
