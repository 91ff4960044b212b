"""branch sync

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27 14:20:00

Reserved slot in the chain (filled by the work on branch sync); no schema change yet.
"""

from __future__ import annotations

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
