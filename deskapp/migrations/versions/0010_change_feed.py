"""change feed

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 14:20:00

Reserved slot in the chain (filled by the work on change feed); no schema change yet.
"""

from __future__ import annotations

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
