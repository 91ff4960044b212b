"""The change feed's API on SQLite (no triggers there: an empty feed) and its table list."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import text

from deskapp.models.database import make_engine
from deskapp.services import change_feed
from deskapp.services.change_feed import FeedCursor, FeedEntry


def test_sqlite_feed_is_empty_but_readable(sqlite_url: str):
    engine = make_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            assert change_feed.head(conn) == FeedCursor.START
            assert change_feed.read(conn, FeedCursor.START) == ([], FeedCursor.START)
            conn.execute(
                text(
                    "INSERT INTO change_feed (xid, table_name, row_id, op, changed_at) "
                    "VALUES (7, 'tickets', :r, 'u', '2026-01-01 00:00:00')"
                ),
                {"r": uuid.uuid4().hex},
            )
            entries, cursor = change_feed.read(conn, FeedCursor.START)
            assert [e.table for e in entries] == ["tickets"] and cursor.xid == 7
            assert entries[0].changed_at.tzinfo is not None
    finally:
        engine.dispose()


def test_feed_covers_domain_tables_not_bookkeeping():
    tables = change_feed.feed_tables()
    assert {"tickets", "interactions", "customers", "notifications", "users"} <= set(tables)
    assert not {"change_feed", "leases", "team_members"} & set(tables)
    assert not [t for t in tables if t.startswith("sync_")]


def test_to_change_is_the_notify_shape():
    rid, tid = uuid.uuid4(), uuid.uuid4()
    entry = FeedEntry(
        FeedCursor(5, 9), "interactions", rid, "i", None, tid, None, None, None, None,
        datetime.now(UTC),
    )
    change = change_feed.to_change(entry)
    assert (change.table, change.op, change.id, change.ticket_id) == ("interactions", "i", rid, tid)
