"""hardening

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 14:20:00

Reserved slot in the chain (filled by the work on hardening); no schema change yet.
"""

from __future__ import annotations

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
