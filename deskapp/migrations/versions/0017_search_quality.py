"""search quality: phones by their last digits, Persian compounds with or without ZWNJ

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-27 15:20:00

- ``customer_phones.number_reversed`` (indexed): the number back to front, so a search
  by the last digits of a phone is an index range (services.search.phone_suffix).
  Filled here for the existing phones.
- Search documents of tickets whose text holds an invisible joiner (ZWNJ...) are
  rebuilt: a compound ("می‌خواهم") is now indexed joined ("میخواهم") as well as by its
  parts, so a query typed without the ZWNJ finds it. Only those tickets are rewritten
  (one scan of tickets, interactions and customers; the rest keep their documents).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_JOINERS = ("\u200c", "\u200b", "\u200d", "\u2060", "\u00ad")
_BATCH = 5000


def upgrade() -> None:
    op.add_column("customer_phones", sa.Column("number_reversed", sa.String(32), nullable=True))
    bind = op.get_bind()
    phones = sa.table("customer_phones", sa.column("id"), sa.column("number"),
                      sa.column("number_reversed"))
    last = None
    while True:
        stmt = sa.select(phones.c.id, phones.c.number).order_by(phones.c.id).limit(_BATCH)
        if last is not None:
            stmt = stmt.where(phones.c.id > last)
        rows = bind.execute(stmt).all()
        if not rows:
            break
        bind.execute(
            phones.update().where(phones.c.id == sa.bindparam("b_id"))
            .values(number_reversed=sa.bindparam("b_rev")),
            [{"b_id": r.id, "b_rev": (r.number or "")[::-1]} for r in rows],
        )
        last = rows[-1].id
    op.create_index("ix_customer_phones_number_reversed", "customer_phones",
                    ["number_reversed"])

    from deskapp.services.search import refresh_documents

    # Typed ids: SQLite keeps them as hex text, refresh_documents binds uuid.UUIDs.
    tickets = sa.table("tickets", sa.column("id", sa.Uuid()), sa.column("subject"),
                       sa.column("description"), sa.column("customer_id", sa.Uuid()))
    interactions = sa.table("interactions", sa.column("ticket_id", sa.Uuid()),
                            sa.column("body"))
    customers = sa.table("customers", sa.column("id", sa.Uuid()), sa.column("name"),
                         sa.column("organisation"))

    def has_joiner(col: sa.ColumnElement) -> sa.ColumnElement[bool]:
        return sa.or_(*(col.contains(j) for j in _JOINERS))

    ids = set(bind.scalars(sa.select(tickets.c.id).where(
        sa.or_(has_joiner(tickets.c.subject), has_joiner(tickets.c.description)))))
    ids |= set(bind.scalars(sa.select(interactions.c.ticket_id).where(
        has_joiner(interactions.c.body))))
    ids |= set(bind.scalars(
        sa.select(tickets.c.id).join(customers, customers.c.id == tickets.c.customer_id)
        .where(sa.or_(has_joiner(customers.c.name), has_joiner(customers.c.organisation)))))
    if ids:
        refresh_documents(bind, sorted(ids))


def downgrade() -> None:
    op.drop_index("ix_customer_phones_number_reversed", table_name="customer_phones")
    with op.batch_alter_table("customer_phones") as batch:
        batch.drop_column("number_reversed")
