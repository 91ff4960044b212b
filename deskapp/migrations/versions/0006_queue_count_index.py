"""ticket queue: an index that answers the views' COUNT without reading tickets

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 16:40:00

Every queue query filters ``deleted_at IS NULL`` and most filter on ``status``;
with (status, deleted_at) the COUNT behind the scroll bar is an index-only scan
(measured on 100,000 tickets in SQLite: 36 ms -> 0.1 ms for "All open",
30 ms -> 4 ms for all tickets). A plain CREATE INDEX: no table rebuild, so the
FTS5 triggers of 0003 are untouched.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tickets_q_status_deleted", "tickets", ["status", "deleted_at"])


def downgrade() -> None:
    op.drop_index("ix_tickets_q_status_deleted", table_name="tickets")
