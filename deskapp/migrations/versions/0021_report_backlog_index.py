"""report backlog: a covering index of tickets by status for the open backlog

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-27 17:55:00

``ix_tickets_rpt_open`` (status, deleted_at, created_at, site, team, assignee): the
backlog of a report (open tickets now, by status and by age, with the report's
filters) is read from the index alone. Through ``ix_tickets_q_scope`` each of the
40,000 open tickets of a 1,000,000-ticket desk cost a table read for its creation
time: 290-430 ms of a one-year report that otherwise takes ~300 ms.
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_tickets_rpt_open", "tickets",
        ["status", "deleted_at", "created_at", "site_id", "team_id", "assignee_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_tickets_rpt_open", table_name="tickets")
