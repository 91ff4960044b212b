"""escalation reasons and delegated authority limits, as editable data

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 16:00:00

Seed rows get deterministic ids (uuid5 of their code) so a branch office and the
centre, each migrated on its own, hold the same rows and sync never sees two
"customer insists" reasons.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_NS = uuid.UUID("6f1d3c52-6a0e-4d35-9d7e-3f0c8f7b2a11")

REASONS = [
    ("customer_insists", "Customer insists"),
    ("beyond_authority", "Beyond my authority"),
    ("needs_specialist", "Needs specialist skill"),
    ("sla_at_risk", "SLA at risk"),
    ("sla_breached", "SLA breached"),
    ("other", "Other (see note)"),
]

LIMITS = [
    ("agent", Decimal("50")),
    ("specialist", Decimal("200")),
    ("supervisor", Decimal("1000")),
    ("manager", None),  # unlimited
]


def _mutable_columns() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
    ]


def upgrade() -> None:
    reasons = op.create_table(
        "escalation_reasons",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_mutable_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation_reasons")),
        sa.UniqueConstraint("code", name=op.f("uq_escalation_reasons_code")),
    )
    limits = op.create_table(
        "authority_limits",
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("max_amount", sa.Numeric(precision=12, scale=2), nullable=True),
        *_mutable_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authority_limits")),
        sa.UniqueConstraint("role", name=op.f("uq_authority_limits_role")),
    )
    now = datetime.now(UTC)
    stamp = {"created_at": now, "updated_at": now, "deleted_at": None, "version": 1}
    op.bulk_insert(
        reasons,
        [
            {"id": uuid.uuid5(_NS, f"reason:{code}"), "code": code, "label": label,
             "position": n, "active": True, **stamp}
            for n, (code, label) in enumerate(REASONS)
        ],
    )
    op.bulk_insert(
        limits,
        [
            {"id": uuid.uuid5(_NS, f"limit:{role}"), "role": role, "max_amount": amount, **stamp}
            for role, amount in LIMITS
        ],
    )


def downgrade() -> None:
    op.drop_table("authority_limits")
    op.drop_table("escalation_reasons")
