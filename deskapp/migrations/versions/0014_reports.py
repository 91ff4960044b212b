"""reports: business durations measured once, and the indexes reports read through

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-27 14:20:00

``tickets.first_response_business_s`` / ``resolution_business_s``: business seconds
(the ticket's SLA calendar) to the first response and to resolution, pauses
excluded, filled in by services.reports.durations the first time a report needs
them (so medians and percentiles are plain SQL over integers);
``business_measured_for`` is the ``resolved_at`` the resolution figure was measured
for. Plain ADD COLUMN on both databases (no batch copy on SQLite, so the FTS5
triggers of 0003 stay). ``ix_tickets_rpt_created`` / ``ix_tickets_rpt_resolved``: covering
indexes of the figures over tickets created / resolved in a date range (the
percentiles, CSAT and per-agent counts read them without touching the table); ``ix_tickets_rpt_unmeasured``: a partial index of the
tickets still to measure, so the check before every report reads nothing when all
are measured (a full scan of a million tickets otherwise). ``tickets.fcr_strict``:
the strict first-contact resolution decided once its 7-day window has passed, with a
partial index of the resolved tickets still undecided.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# models.ticket.UNMEASURED as SQL: tickets whose report durations are missing or stale.
UNMEASURED = (
    "first_response_at IS NOT NULL AND first_response_business_s IS NULL "
    "OR resolved_at IS NOT NULL AND (business_measured_for IS NULL "
    "OR business_measured_for != resolved_at)"
)

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tickets", sa.Column("first_response_business_s", sa.Integer(), nullable=True))
    op.add_column("tickets", sa.Column("resolution_business_s", sa.Integer(), nullable=True))
    op.add_column(
        "tickets",
        sa.Column("business_measured_for", sa.DateTime(timezone=True), nullable=True),
    )
    op.add_column("tickets", sa.Column("fcr_strict", sa.Boolean(), nullable=True))
    undecided = sa.text("resolved_at IS NOT NULL AND fcr_strict IS NULL")
    op.create_index(
        "ix_tickets_rpt_fcr_undecided", "tickets", ["resolved_at"],
        sqlite_where=undecided, postgresql_where=undecided,
    )
    op.create_index(
        "ix_tickets_rpt_created", "tickets",
        ["created_at", "deleted_at", "first_response_business_s", "assignee_id"],
    )
    op.create_index(
        "ix_tickets_rpt_resolved", "tickets",
        ["resolved_at", "deleted_at", "resolution_business_s", "csat", "assignee_id"],
    )
    unmeasured = sa.text(UNMEASURED)
    op.create_index(
        "ix_tickets_rpt_unmeasured", "tickets", ["id"],
        sqlite_where=unmeasured, postgresql_where=unmeasured,
    )


def downgrade() -> None:
    op.drop_index("ix_tickets_rpt_unmeasured", table_name="tickets")
    op.drop_index("ix_tickets_rpt_fcr_undecided", table_name="tickets")
    op.drop_index("ix_tickets_rpt_resolved", table_name="tickets")
    op.drop_index("ix_tickets_rpt_created", table_name="tickets")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("fcr_strict")
        batch_op.drop_column("business_measured_for")
        batch_op.drop_column("resolution_business_s")
        batch_op.drop_column("first_response_business_s")
