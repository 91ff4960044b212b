"""live updates: a large branch push batch announces itself once, not once per row

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-27 17:30:00

The NOTIFY trigger function of 0004 (``deskapp_notify_change``) sends one notice per
changed row. A branch catching up after days offline pushes batches of a thousand
changes; per row the notice cost the centre about as much as the change-feed row
(the feed of 0010, which every PgBouncer workstation follows, already carries each
row), and a workstation's listener folds more than a few thousand notices into a
full reload anyway.

The function now returns at once while the transaction-local setting
``deskapp.quiet_notify`` is 'on' (``set_config(..., true)``: it ends with the
transaction and works behind a transaction-mode pooler). The sync's batch applier
sets it for a batch of ``QUIET_NOTIFY_FROM`` changes or more and sends one notice
instead, ``{"full": true}`` (deskapp.services.changes.FULL_REFRESH_PAYLOAD), on
which directly connected workstations reload what they show. Smaller batches and
every other writer notify per row as before.
"""

from __future__ import annotations

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

CHANNEL = "deskapp_changes"
QUIET_SETTING = "deskapp.quiet_notify"
_GUARD = f"""    IF current_setting('{QUIET_SETTING}', true) = 'on' THEN
        RETURN NULL;
    END IF;
"""

# 0004's function, with the guard as its first statement.
FUNCTION = f"""
CREATE OR REPLACE FUNCTION deskapp_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r jsonb;
BEGIN
{{guard}}    IF TG_OP = 'DELETE' THEN
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
    op.execute(FUNCTION.replace("{guard}", _GUARD))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION.replace("{guard}", ""))
