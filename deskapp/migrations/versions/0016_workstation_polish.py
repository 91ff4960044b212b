"""workstation polish: words of notifications and automatic escalations as code + params

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-27 14:20:00

- ``notifications.code`` / ``notifications.params``: what a notification says, as a
  stable code ("sla.breach", "sla.warning", ...) and its parameters, so the UI words
  it in the reader's language (ui.notifications.wording); ``title``/``body`` keep the
  English text for logs, the CLI and notifications written before this revision.
- ``escalations.code`` / ``escalations.params``: the same for the note of an
  automatic escalation ("escalation.sla_breach").
Plain ADD COLUMNs with server defaults (no batch copy on SQLite).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_TABLES = ("notifications", "escalations")


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(
            table, sa.Column("code", sa.String(64), server_default="", nullable=False)
        )
        op.add_column(
            table, sa.Column("params", sa.JSON(), server_default="{}", nullable=False)
        )


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("params")
            batch_op.drop_column("code")
