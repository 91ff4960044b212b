"""report roll-up: per-zone daily and monthly counts, the triggers that mark changed days, exact percentiles

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-27 17:20:00

The tables of deskapp.models.report_rollup (described there): a cache that
services.reports.rollup builds the first time a report runs in a time zone and keeps
fresh; dropping every ``report_rollup_*`` row is always safe (the next report
rebuilds). Triggers on ``tickets`` and ``escalations`` append the instants whose
report days a change touches (the old and new creation and resolution times, and the
times of the ticket's escalations) to ``report_rollup_dirty`` -- only while a roll-up
exists (a desk that never runs a report pays nothing), and for tickets only when a
column a report reads changes. They fire for branch sync's applied changes as for
any other write. Tables without an ``id`` key: no change-feed triggers, not synced.

Indexes ``ix_tickets_rpt_fr_value`` / ``ix_tickets_rpt_res_value`` /
``ix_tickets_rpt_agent_fr``: a report finds the bucket of a median or 90th percentile
in the roll-up's histogram and reads the exact value from the tickets of that bucket
alone (value first, then the instant and the filter columns: an index range).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# Frozen at this revision (models.report_rollup may grow: a later migration adds).
_BUCKETS = 26
_CHANNELS = ("phone", "email", "chat", "social", "walk_in", "web")
_COUNTS = (
    "created", "escalated", "resolved_once", "reopened", "breached",
    *(f"h{h:02d}" for h in range(24)),
    *(f"ch_{c}" for c in _CHANNELS),
    *(f"fr{i:02d}" for i in range(_BUCKETS)),
    "resolved", "fcr", *(f"csat{i}" for i in range(1, 6)), "done",
    *(f"res{i:02d}" for i in range(_BUCKETS)),
)
_MONTH = tuple(c for c in _COUNTS if not c.startswith("h"))
_HEAT = tuple(f"w{d}h{h:02d}" for d in range(7) for h in range(24))
_SLA = ("fr_met", "fr_breached", "fr_running", "res_met", "res_breached", "res_running")
# Ticket columns a report reads: a change of any of them marks the ticket's days.
WATCHED = (
    "created_at", "deleted_at", "site_id", "team_id", "assignee_id", "channel",
    "sla_policy_id", "status", "first_response_at", "resolved_at", "closed_at",
    "first_response_due", "resolution_due", "sla_paused_since", "reopen_count",
    "first_contact_resolution", "fcr_strict", "csat", "first_response_business_s",
    "resolution_business_s",
)
_ACTIVE = "EXISTS (SELECT 1 FROM report_rollup_state)"


def _key() -> list[sa.Column]:
    return [
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("site_id", sa.Uuid(), nullable=False),
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("agent_id", sa.Uuid(), nullable=False),
    ]


_KEY = ["zone", "day", "site_id", "team_id", "agent_id"]


def _sqlite_triggers() -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in WATCHED)
    ins = "INSERT INTO report_rollup_dirty (at)"
    return [
        f"""CREATE TRIGGER report_rollup_tickets_ins AFTER INSERT ON tickets
        WHEN {_ACTIVE} BEGIN
            {ins} VALUES (NEW.created_at);
            {ins} SELECT NEW.resolved_at WHERE NEW.resolved_at IS NOT NULL;
        END""",
        f"""CREATE TRIGGER report_rollup_tickets_upd AFTER UPDATE ON tickets
        WHEN {_ACTIVE} AND ({changed}) BEGIN
            {ins} VALUES (OLD.created_at), (NEW.created_at);
            {ins} SELECT OLD.resolved_at WHERE OLD.resolved_at IS NOT NULL;
            {ins} SELECT NEW.resolved_at WHERE NEW.resolved_at IS NOT NULL;
            {ins} SELECT created_at FROM escalations WHERE ticket_id = NEW.id;
        END""",
        f"""CREATE TRIGGER report_rollup_tickets_del AFTER DELETE ON tickets
        WHEN {_ACTIVE} BEGIN
            {ins} VALUES (OLD.created_at);
            {ins} SELECT OLD.resolved_at WHERE OLD.resolved_at IS NOT NULL;
            {ins} SELECT created_at FROM escalations WHERE ticket_id = OLD.id;
        END""",
        f"""CREATE TRIGGER report_rollup_esc_ins AFTER INSERT ON escalations
        WHEN {_ACTIVE} BEGIN
            {ins} VALUES (NEW.created_at);
            {ins} SELECT created_at FROM tickets WHERE id = NEW.ticket_id;
        END""",
        f"""CREATE TRIGGER report_rollup_esc_upd AFTER UPDATE ON escalations
        WHEN {_ACTIVE} BEGIN
            {ins} VALUES (OLD.created_at), (NEW.created_at);
            {ins} SELECT created_at FROM tickets WHERE id IN (OLD.ticket_id, NEW.ticket_id);
        END""",
        f"""CREATE TRIGGER report_rollup_esc_del AFTER DELETE ON escalations
        WHEN {_ACTIVE} BEGIN
            {ins} VALUES (OLD.created_at);
            {ins} SELECT created_at FROM tickets WHERE id = OLD.ticket_id;
        END""",
    ]


_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION report_rollup_mark() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT {_ACTIVE} THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'tickets' THEN
        IF TG_OP <> 'INSERT' THEN
            INSERT INTO report_rollup_dirty (at)
            SELECT x FROM unnest(ARRAY[OLD.created_at, OLD.resolved_at]) AS x
            WHERE x IS NOT NULL
            UNION ALL SELECT created_at FROM escalations WHERE ticket_id = OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO report_rollup_dirty (at)
            SELECT x FROM unnest(ARRAY[NEW.created_at, NEW.resolved_at]) AS x
            WHERE x IS NOT NULL;
        END IF;
    ELSE
        IF TG_OP <> 'INSERT' THEN
            INSERT INTO report_rollup_dirty (at)
            SELECT OLD.created_at
            UNION ALL SELECT created_at FROM tickets WHERE id = OLD.ticket_id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO report_rollup_dirty (at)
            SELECT NEW.created_at
            UNION ALL SELECT created_at FROM tickets WHERE id = NEW.ticket_id;
        END IF;
    END IF;
    RETURN NULL;
END
$$
"""


def _pg_triggers() -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in WATCHED)
    run = "FOR EACH ROW EXECUTE FUNCTION report_rollup_mark()"
    return [
        _PG_FUNCTION,
        f"CREATE TRIGGER report_rollup_tickets_insdel AFTER INSERT OR DELETE ON tickets {run}",
        f"CREATE TRIGGER report_rollup_tickets_upd AFTER UPDATE ON tickets "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION report_rollup_mark()",
        f"CREATE TRIGGER report_rollup_esc AFTER INSERT OR UPDATE OR DELETE ON escalations {run}",
    ]


def upgrade() -> None:
    op.create_table(
        "report_rollup_days",
        *_key(),
        *(sa.Column(c, sa.Integer(), nullable=False, server_default="0") for c in _COUNTS),
        sa.PrimaryKeyConstraint(*_KEY, name="pk_report_rollup_days"),
    )
    op.create_table(
        "report_rollup_months",
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("site_id", sa.Uuid(), nullable=False),
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("agent_id", sa.Uuid(), nullable=False),
        *(sa.Column(c, sa.Integer(), nullable=False, server_default="0")
          for c in (*_MONTH, *_HEAT)),
        sa.PrimaryKeyConstraint("zone", "month", "site_id", "team_id", "agent_id",
                                name="pk_report_rollup_months"),
    )
    op.create_table(
        "report_rollup_sla",
        *_key(),
        sa.Column("grain", sa.String(1), nullable=False),
        sa.Column("policy_id", sa.Uuid(), nullable=False),
        *(sa.Column(c, sa.Integer(), nullable=False, server_default="0") for c in _SLA),
        sa.PrimaryKeyConstraint(*_KEY, "grain", "policy_id", name="pk_report_rollup_sla"),
    )
    op.create_table(
        "report_rollup_esc",
        *_key(),
        sa.Column("grain", sa.String(1), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("reason", sa.String(80), nullable=False),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY, "grain", "kind", "reason", "automatic",
                                name="pk_report_rollup_esc"),
    )
    op.create_table(
        "report_rollup_live",
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("zone", "ticket_id", name="pk_report_rollup_live"),
    )
    op.create_index("ix_report_rollup_live_zone_day", "report_rollup_live", ["zone", "day"])
    op.create_table(
        "report_rollup_state",
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("built_until", sa.Date(), nullable=True),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("zone", name="pk_report_rollup_state"),
    )
    op.create_table(
        "report_rollup_dirty",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_report_rollup_dirty"),
    )
    op.create_index(
        "ix_tickets_rpt_fr_value", "tickets",
        ["first_response_business_s", "created_at", "deleted_at", "site_id", "team_id",
         "assignee_id"],
    )
    op.create_index(
        "ix_tickets_rpt_res_value", "tickets",
        ["resolution_business_s", "resolved_at", "deleted_at", "site_id", "team_id",
         "assignee_id"],
    )
    op.create_index(
        "ix_tickets_rpt_agent_fr", "tickets",
        ["assignee_id", "first_response_business_s", "created_at", "deleted_at", "site_id",
         "team_id"],
    )
    bind = op.get_bind()
    for sql in _pg_triggers() if bind.dialect.name == "postgresql" else _sqlite_triggers():
        op.execute(sql)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS report_rollup_tickets_insdel ON tickets")
        op.execute("DROP TRIGGER IF EXISTS report_rollup_tickets_upd ON tickets")
        op.execute("DROP TRIGGER IF EXISTS report_rollup_esc ON escalations")
        op.execute("DROP FUNCTION IF EXISTS report_rollup_mark()")
    else:
        for name in ("tickets_ins", "tickets_upd", "tickets_del", "esc_ins", "esc_upd",
                     "esc_del"):
            op.execute(f"DROP TRIGGER IF EXISTS report_rollup_{name}")
    op.drop_index("ix_tickets_rpt_agent_fr", table_name="tickets")
    op.drop_index("ix_tickets_rpt_res_value", table_name="tickets")
    op.drop_index("ix_tickets_rpt_fr_value", table_name="tickets")
    op.drop_table("report_rollup_dirty")
    op.drop_table("report_rollup_state")
    op.drop_index("ix_report_rollup_live_zone_day", table_name="report_rollup_live")
    op.drop_table("report_rollup_live")
    op.drop_table("report_rollup_esc")
    op.drop_table("report_rollup_sla")
    op.drop_table("report_rollup_months")
    op.drop_table("report_rollup_days")
