"""workstation polish

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-27 14:20:00

Reserved slot in the chain (filled by the work on workstation polish); no schema change yet.
"""

from __future__ import annotations

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
