"""system-written timeline notes as code + params

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-27 17:30:00

``interactions.code`` / ``interactions.params``: the internal notes deskapp itself
writes on a ticket's timeline (escalated, de-escalated, reassigned, merged, a goodwill
credit granted, requested or decided) carry what they say as a stable code and its
parameters, so the timeline words them in the reader's language, as 0016 did for
notifications and escalations; ``body`` keeps the English. Plain ADD COLUMNs with
server defaults (no batch copy on SQLite).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "interactions", sa.Column("code", sa.String(64), server_default="", nullable=False)
    )
    op.add_column(
        "interactions", sa.Column("params", sa.JSON(), server_default="{}", nullable=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_column("params")
        batch_op.drop_column("code")
