"""Branch sync bookkeeping (deskapp.services.sync).

A branch office works on its own SQLite and syncs with the central PostgreSQL:

- ``sync_state``: one row on a branch database (none at the centre): which site this
  is, the centre's profile, the pull cursor into the centre's change feed, the next
  push batch number, the hybrid logical clock, and ``applying`` (1 while pulled rows
  are being written, so the capture triggers do not log them again).
- ``sync_change_log``: the branch's outbox, written by the SQLite capture triggers
  (deskapp.services.sync.capture) in the same transaction as every write: one row per
  changed row, with the changed columns' new and old values, an HLC and the origin site.
  ``batch_seq`` is set when the entry is sealed into a push batch; the rows are deleted
  once the centre acknowledged that batch.
- ``sync_batches`` (centre): every applied push batch, unique (site, seq), with the
  result returned to the branch: a replayed batch returns it and changes nothing.
- ``sync_field_clocks`` (centre): per field, the HLC and value of the last branch
  write applied there; the merge compares a branch change with it (last writer wins).
- ``merge_conflicts``: every true conflict the merge settled, with both values (the one
  kept in the row and the one that lost), who/when/where for each; a person reviews it
  in the conflict inbox. A domain table: in the centre's feed, synced to the branches.
- ``duplicate_customers``: customers created at two sites with the same phone or email,
  queued for a supervisor to merge (never merged automatically). Synced as well.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from deskapp.models.base import Base, MutableMixin, utcnow

_BIGINT = BigInteger().with_variant(Integer, "sqlite")


class SyncState(Base):
    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    site_code: Mapped[str] = mapped_column(String(8))
    central_profile: Mapped[str] = mapped_column(String(120), default="")
    # For display only (host/database, never a password).
    central_url_hint: Mapped[str] = mapped_column(String(300), default="")
    # Cursor into the centre's change feed: (xid, id) of the last entry applied.
    pull_xid: Mapped[int] = mapped_column(_BIGINT, default=0)
    pull_id: Mapped[int] = mapped_column(_BIGINT, default=0)
    next_push_seq: Mapped[int] = mapped_column(Integer, default=1)
    last_sync_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")
    # Hybrid logical clock: wall milliseconds and a counter (the site is site_code).
    hlc_wall: Mapped[int] = mapped_column(_BIGINT, default=0)
    hlc_counter: Mapped[int] = mapped_column(Integer, default=0)
    # 1 while the sync engine writes pulled rows: the capture triggers skip them.
    applying: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ChangeLogEntry(Base):
    __tablename__ = "sync_change_log"
    __table_args__ = (Index("ix_sync_change_log_batch_seq", "batch_seq", "id"),)

    id: Mapped[int] = mapped_column(_BIGINT, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(1))  # 'i' | 'u' | 'd'
    # JSON objects {column: value} of the changed columns, as stored in SQLite.
    new_values: Mapped[str | None] = mapped_column(Text)
    old_values: Mapped[str | None] = mapped_column(Text)
    # "<wall ms, 13 digits>-<counter, 5 digits>-<site>": sorts as the HLC does.
    hlc: Mapped[str] = mapped_column(String(48))
    origin_site: Mapped[str] = mapped_column(String(8))
    batch_seq: Mapped[int | None] = mapped_column(Integer, default=None)


class SyncBatch(Base):
    __tablename__ = "sync_batches"
    __table_args__ = (UniqueConstraint("site", "seq"),)

    id: Mapped[int] = mapped_column(_BIGINT, primary_key=True, autoincrement=True)
    site: Mapped[str] = mapped_column(String(8))
    seq: Mapped[int] = mapped_column(Integer)
    change_count: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncFieldClock(Base):
    __tablename__ = "sync_field_clocks"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    column_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(48))
    site: Mapped[str] = mapped_column(String(8))
    # JSON of the value written: when the row's value differs, the centre changed it
    # since, and the row's updated_at is the competing clock.
    value: Mapped[str | None] = mapped_column(Text)


class SyncConflict(MutableMixin, Base):
    """A field two sites changed concurrently. ``local_*`` is the value the merge KEPT
    (now in the row), ``remote_*`` the value that lost."""

    __tablename__ = "merge_conflicts"
    __table_args__ = (Index("ix_merge_conflicts_status", "status", "created_at"),)

    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64))
    column_name: Mapped[str] = mapped_column(String(64))
    # 'field' (last writer wins), 'status' (close vs reopen/reply), 'assignee',
    # 'reply_on_closed' (a reply reached a ticket closed elsewhere), 'refused' (a new
    # row the centre could not take, e.g. a name already used there; column '*', the
    # row's values in remote_value, the database's reason in local_value),
    # 'refused_update' (the same for a change of an existing row).
    kind: Mapped[str] = mapped_column(String(24), default="field")
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid(), index=True)
    local_value: Mapped[str | None] = mapped_column(Text)  # JSON
    local_by_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    local_at: Mapped[datetime | None] = mapped_column()
    local_site: Mapped[str] = mapped_column(String(8), default="")
    remote_value: Mapped[str | None] = mapped_column(Text)  # JSON
    remote_by_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    remote_at: Mapped[datetime | None] = mapped_column()
    remote_site: Mapped[str] = mapped_column(String(8), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | resolved
    # 'local' (kept), 'remote' (took the losing value), 'edit' (a new value).
    resolution: Mapped[str | None] = mapped_column(String(16))
    resolved_value: Mapped[str | None] = mapped_column(Text)
    resolved_by_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    resolved_at: Mapped[datetime | None] = mapped_column()


class SyncDuplicate(MutableMixin, Base):
    """Two customers that look like the same person, created at different sites."""

    __tablename__ = "duplicate_customers"
    __table_args__ = (UniqueConstraint("customer_id", "other_customer_id"),)

    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid())
    other_customer_id: Mapped[uuid.UUID] = mapped_column(Uuid())
    match_kind: Mapped[str] = mapped_column(String(8))  # 'phone' | 'email'
    match_value: Mapped[str] = mapped_column(String(254))
    site: Mapped[str] = mapped_column(String(8), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open|merged|dismissed
    resolved_by_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    resolved_at: Mapped[datetime | None] = mapped_column()
