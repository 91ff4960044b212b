"""change feed: a transaction writing only derived figures stays out of the feed

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-27 18:30:00

The feed function of 0010 (``deskapp_feed_change``) returns at once while the
transaction-local setting ``deskapp.feed_quiet`` is 'on'
(deskapp.services.change_feed.quiet_transaction). The report's bookkeeping sets it:
measuring the business durations and deciding the strict FCR wrote one feed row (and
one NOTIFY) per ticket, 945,588 on a million-ticket desk's first report, which every
PgBouncer workstation and every branch then read for nothing. PostgreSQL only.
"""

from __future__ import annotations

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    from deskapp.services import change_feed

    op.execute(change_feed.FUNCTION_SQL)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    from deskapp.services import change_feed

    op.execute(change_feed.FUNCTION_TEMPLATE.replace("{guard}", ""))
