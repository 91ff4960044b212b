"""Follow the change feed from a workstation: the poll behind live updates where LISTEN
cannot work (behind PgBouncer in transaction mode).

``FeedPoller.poll()`` runs one statement (deskapp.services.change_feed.read_new: the
entries committed since the previous poll's snapshot, two probes of the ``xid``
index) on a connection of its own tiny engine (one client connection, no pre-ping: through
the pooler it holds a server connection only for that one statement), and returns
what changed since the last poll as ``Change`` notices — the same shape a NOTIFY
payload gives — or ``full_refresh`` when the views must reload:

- on the first poll (views may have loaded before the follower's head was taken);
- after a gap: failures, or no successful poll for ``gap_seconds`` (a sleeping laptop;
  the feed may have been trimmed meanwhile), after which it starts again from the head.

Qt-free: the GUI wraps it in deskapp.ui.live.feed_follower; the call-centre benchmark
and the simulated-workstation test run it in plain threads.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, text

from deskapp.models.database import make_engine, pool_plan
from deskapp.services import change_feed
from deskapp.services.change_feed import FeedSnapshot
from deskapp.services.changes import Change

FEED_APPLICATION_NAME = "deskapp-feed"
POLL_INTERVAL_SECONDS = 1.0
# How long the feed keeps entries. Followers need seconds; a branch office that syncs
# through the feed needs its longest offline spell (issue 11 may lengthen it).
RETENTION = timedelta(days=7)


@dataclass(frozen=True)
class PollResult:
    changes: tuple[Change, ...] = ()
    full_refresh: bool = False
    entries: int = 0


def follower_engine(engine: Engine) -> Engine:
    """A one-connection engine to the same server (and pooler) as ``engine``."""
    plan = pool_plan(engine)
    url = engine.url
    if plan.pooler:
        url = url.update_query_dict({"pooler": plan.pooler})
    # AUTOCOMMIT: a poll is one statement and no transaction block, so PgBouncer lends
    # a server connection for that statement only. Inside BEGIN ... ROLLBACK the server
    # connection stayed lent while the workstation's thread got round to the ROLLBACK
    # (a busy CPU made that a second: 200 followers then queued for 20 connections).
    return make_engine(
        url,
        pool_size=1,
        max_overflow=0,
        pool_pre_ping=False,
        isolation_level="AUTOCOMMIT",
        connect_args={"connect_timeout": 5, "application_name": FEED_APPLICATION_NAME},
    )


class FeedPoller:
    def __init__(
        self,
        engine: Engine,
        *,
        limit: int = 5000,
        gap_seconds: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
        own_engine: bool = True,
    ) -> None:
        self._engine = follower_engine(engine) if own_engine else engine
        self._owns_engine = own_engine
        self._limit = limit
        self._gap = gap_seconds
        self._clock = clock
        self.snapshot: FeedSnapshot | None = None
        self._last_ok: float | None = None
        self.polls = 0  # successful polls
        self.queries = 0  # statements sent: one per poll

    def poll(self) -> PollResult:
        """One poll; raises the database error (the caller counts failures and calls
        ``reset()`` to force a full refresh once it works again)."""
        now = self._clock()
        if self._last_ok is not None and now - self._last_ok > self._gap:
            self.snapshot = None  # too long away: whatever we missed, start afresh
        try:
            with self._engine.connect() as conn:
                self.queries += 1
                if self.snapshot is None:
                    self.snapshot = change_feed.current_snapshot(conn)
                    conn.rollback()
                    self._ok(now)
                    return PollResult(full_refresh=True)
                entries, self.snapshot, overflow = change_feed.read_new(
                    conn, self.snapshot, self._limit
                )
                conn.rollback()
        except Exception:
            self._engine.dispose()  # a broken connection must not be reused
            raise
        self._ok(now)
        if overflow:  # a storm: cheaper for the views to reload everything
            return PollResult(full_refresh=True, entries=len(entries))
        changes = tuple(change_feed.to_change(e) for e in entries)
        return PollResult(changes, full_refresh=False, entries=len(entries))

    def _ok(self, now: float) -> None:
        self.polls += 1
        self._last_ok = now

    def reset(self) -> None:
        """Forget where we were: the next poll starts afresh and asks for a full refresh."""
        self.snapshot = None

    def close(self) -> None:
        if self._owns_engine:
            self._engine.dispose()


def trim_feed(engine: Engine, retention: timedelta = RETENTION) -> int:
    """Delete feed entries older than ``retention``; run by the site's lease holder
    (deskapp.services.sla_lease) with its SLA scans, and by ``deskapp sla check``."""
    from deskapp.models import utcnow

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # never wait behind a writer for long: the trim runs again next time.
            # SET LOCAL: transaction scoped, so it is safe through PgBouncer.
            conn.execute(text("SET LOCAL lock_timeout = '2s'"))
        return change_feed.trim(conn, utcnow() - retention)
