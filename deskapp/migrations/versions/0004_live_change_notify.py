"""live updates: NOTIFY deskapp_changes from every writer (PostgreSQL only)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 16:30:00

Row triggers on the tables other workstations display call ``pg_notify`` on the
channel ``deskapp_changes`` with ids and versions only, never row content:

    {"t": table, "op": "i"|"u"|"d", "id": row id, "v": version or null,
     "tid": ticket id or null, "cid": customer id or null,
     "rid": notification recipient id or null, "by": user who changed a ticket}

(about 250 bytes, far below PostgreSQL's 8000-byte payload limit). The
notification is delivered when the writing transaction commits, to every session
that LISTENs (deskapp.ui.live). Triggers, not application code, so every writer —
this app, the CLI, the SLA scheduler, a sync job, psql — is seen. Identical
payloads within one transaction are folded by PostgreSQL itself.

SQLite has no NOTIFY: workstations on one file watch ``PRAGMA data_version``.
Alembic's autogenerate does not compare functions or triggers, so the models ==
migrations test is unaffected.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CHANNEL = "deskapp_changes"
TABLES = (
    "tickets",
    "interactions",
    "escalations",
    "assignments",
    "notifications",
    "customers",
    "approvals",
    "users",
)

FUNCTION = f"""
CREATE OR REPLACE FUNCTION deskapp_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        r := to_jsonb(OLD);
    ELSE
        r := to_jsonb(NEW);
    END IF;
    PERFORM pg_notify('{CHANNEL}', jsonb_build_object(
        't', TG_TABLE_NAME,
        'op', lower(left(TG_OP, 1)),
        'id', r->>'id',
        'v', (r->>'version')::integer,
        'tid', CASE WHEN TG_TABLE_NAME = 'tickets' THEN r->>'id' ELSE r->>'ticket_id' END,
        'cid', CASE
                   WHEN TG_TABLE_NAME = 'customers' THEN r->>'id'
                   WHEN TG_TABLE_NAME = 'tickets' THEN r->>'customer_id'
               END,
        'rid', r->>'recipient_id',
        'by', r->>'updated_by_id'
    )::text);
    RETURN NULL;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER deskapp_notify_{table} "
            f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION deskapp_notify_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS deskapp_notify_{table} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS deskapp_notify_change()")
