"""ticket queue: sort by ticket number as a number

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 17:10:00

The queue sorted "Number" by the reference text (``HQ-000123``), which puts
``HQ-1000000`` before ``HQ-200000`` once a site passes 999,999 tickets. It now sorts
by ``number`` (per-site, handed out in order), through a covering index like the
other sort keys. CREATE INDEX only: the FTS5 triggers of 0003 stay.
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tickets_q_number", "tickets", ["number", "id", "status", "deleted_at"])


def downgrade() -> None:
    op.drop_index("ix_tickets_q_number", table_name="tickets")
