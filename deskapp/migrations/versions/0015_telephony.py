"""telephony

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-27 14:20:00

Reserved slot in the chain (filled by the work on telephony); no schema change yet.
"""

from __future__ import annotations

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
