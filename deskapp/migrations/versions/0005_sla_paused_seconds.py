"""SLA: business time the resolution clock has stood still

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 16:30:00

``tickets.sla_paused_seconds``: business seconds spent pending (or resolved, then
reopened); services.sla adds it to the resolution target. A plain ADD COLUMN on
both databases (no batch "move and copy" on SQLite, so the FTS5 triggers of 0003
stay in place).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        'tickets',
        sa.Column('sla_paused_seconds', sa.Integer(), server_default='0', nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_column('sla_paused_seconds')
