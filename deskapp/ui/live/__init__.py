"""Live updates between workstations: a ChangeFeed fed by PostgreSQL LISTEN/NOTIFY, or
behind PgBouncer (no LISTEN there) by polling the change feed table, or on SQLite by
PRAGMA data_version. See feed.py for how views connect to it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from sqlalchemy import Engine

from deskapp.models.database import behind_pooler
from deskapp.services.changes import listener_conninfo
from deskapp.ui.live.feed import ChangeFeed


def make_change_feed(
    engine: Engine, parent: QObject | None = None, *, coalesce_ms: int = 150,
    sqlite_interval_ms: int = 1000,
) -> ChangeFeed:
    """A feed for the database ``engine`` talks to (not started: call ``start()``)."""
    feed = ChangeFeed(parent, coalesce_ms=coalesce_ms)
    url = engine.url
    if url.get_backend_name() == "postgresql" and behind_pooler(engine):
        from deskapp.ui.live.feed_follower import FeedFollower

        feed.attach(FeedFollower(engine, feed))
    elif url.get_backend_name() == "postgresql":
        from deskapp.ui.live.pg_listener import PgListener

        feed.attach(PgListener(listener_conninfo(url), feed))
    elif url.database and url.database != ":memory:" and not url.database.startswith("file:"):
        from deskapp.ui.live.sqlite_watcher import DataVersionWatcher

        feed.attach(DataVersionWatcher(url.database, feed, interval_ms=sqlite_interval_ms))
    return feed


__all__ = ["ChangeFeed", "make_change_feed"]
