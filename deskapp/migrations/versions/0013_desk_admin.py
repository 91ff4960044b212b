"""desk admin

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27 14:20:00

Reserved slot in the chain (filled by the work on desk admin); no schema change yet.
"""

from __future__ import annotations

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
