"""Bookkeeping tables for a shared database: the commit-ordered change feed and leases.

``change_feed`` is written only by PostgreSQL triggers (migration 0010): one row per
changed domain row, with ids and versions (never content) and the writing
transaction's id, ``xid`` = ``pg_current_xact_id()``. A plain sequence is not commit
order (a transaction that took id 5 may commit after the one that took id 6), so
readers order by ``(xid, id)`` and read only below the snapshot's ``xmin``
(deskapp.services.change_feed). On SQLite the table exists so the models match the
migrations; nothing writes it.

``leases`` elects one holder per job and site (deskapp.services.sla_lease): a row
updated under ``SELECT ... FOR UPDATE``, so it works through PgBouncer in transaction
mode, where session advisory locks do not.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Identity, Index, Integer, String, Text, Uuid
from sqlalchemy.dialects.postgresql import base as pg_base
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, UserDefinedType

from deskapp.models.base import Base
from deskapp.models.types import UTCDateTime


class _PgXid8(UserDefinedType[int]):
    """PostgreSQL's 64-bit, wraparound-free transaction id."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "XID8"


# Reflection (the models == migrations test, Alembic autogenerate) names the type.
pg_base.ischema_names.setdefault("xid8", _PgXid8)


class Xid8(TypeDecorator[int]):
    """``xid8`` on PostgreSQL (as a Python int), a BIGINT elsewhere."""

    impl = BigInteger
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(_PgXid8())
        return dialect.type_descriptor(BigInteger())

    def process_bind_param(self, value: int | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return str(int(value)) if dialect.name == "postgresql" else int(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> int | None:
        return None if value is None else int(value)


class ChangeFeedEntry(Base):
    __tablename__ = "change_feed"
    __table_args__ = (Index("ix_change_feed_xid_id", "xid", "id"),)

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), Identity(), primary_key=True
    )
    xid: Mapped[int] = mapped_column(Xid8(), nullable=False)
    table_name: Mapped[str] = mapped_column(Text, nullable=False)
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid(), nullable=False)
    op: Mapped[str] = mapped_column(String(1), nullable=False)
    version: Mapped[int | None] = mapped_column(Integer)
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    customer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    recipient_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    origin_site: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


class Lease(Base):
    """Who runs a job that must run once per site (e.g. ``sla-scan:HQ``), until when."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(200))
    # Raised on every change of holder: a fencing token the holder can check.
    epoch: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    acquired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    renewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
