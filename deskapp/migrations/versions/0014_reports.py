"""reports

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-27 14:20:00

Reserved slot in the chain (filled by the work on reports); no schema change yet.
"""

from __future__ import annotations

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
