"""PostgreSQL behind PgBouncer: follow the change feed instead of LISTEN.

A transaction-mode pooler hands each transaction any server connection, so a
LISTEN would be lost at once. Instead the workstation polls the commit-ordered change
feed (deskapp.services.feed_follow.FeedPoller: one indexed query) about once a
second in a background task — never on the GUI thread, never two at once (the next
poll is armed after the reply) — and hands the ``Change`` notices to the ChangeFeed
exactly as the LISTEN source does. Failures back off; after three the feed is told
``mark_lost``, and once a poll works again ``mark_restored`` (a full refresh).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Slot
from sqlalchemy import Engine

from deskapp.services.feed_follow import POLL_INTERVAL_SECONDS, FeedPoller, PollResult
from deskapp.ui.live.backoff import Backoff
from deskapp.ui.live.feed import ChangeFeed, _Source
from deskapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

FAILURES_BEFORE_LOST = 3


class FeedFollower(_Source):
    kind = "postgresql-feed"

    def __init__(
        self,
        engine: Engine,
        feed: ChangeFeed,
        parent: QObject | None = None,
        interval_ms: int = int(POLL_INTERVAL_SECONDS * 1000),
        poller: FeedPoller | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else feed)
        self._feed = feed
        self._engine = engine
        self._poller = poller
        self._interval_ms = interval_ms
        self._backoff = backoff or Backoff()
        self._runner = TaskRunner(self, max_threads=1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._failures = 0
        self._running = False
        self.polls = 0

    @property
    def poller(self) -> FeedPoller | None:
        return self._poller

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        if self._poller is None:
            self._poller = FeedPoller(self._engine)
        self._poll()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        self._runner.cancel("feed")
        self._runner.wait(10_000)
        if self._poller is not None:
            self._poller.close()

    def _poll(self) -> None:
        poller = self._poller
        assert poller is not None
        self._runner.submit(
            poller.poll, on_done=self._on_poll_done, on_error=self._on_poll_failed, key="feed"
        )

    def _on_poll_done(self, result: PollResult) -> None:
        self.polls += 1
        if self._failures >= FAILURES_BEFORE_LOST:
            self._feed.mark_restored()  # asks for a full refresh too
        elif result.full_refresh:
            self._feed.add_full_refresh()
        self._failures = 0
        self._backoff.reset()
        for change in result.changes:
            self._feed.add_change(change)
        self._arm(self._interval_ms)

    def _on_poll_failed(self, exc: BaseException) -> None:
        self._failures += 1
        if self._poller is not None:
            self._poller.reset()  # whatever we missed: reload once it works again
        if self._failures == FAILURES_BEFORE_LOST:
            from deskapp.services.connection_check import classify_error

            log.warning("cannot read the change feed: %s", classify_error(exc).value)
            self._feed.mark_lost(self.tr("Connection lost — reconnecting…"))
        delay = self._interval_ms if self._failures < FAILURES_BEFORE_LOST else int(
            self._backoff.next_delay() * 1000
        )
        self._arm(delay)

    def _arm(self, delay_ms: int) -> None:
        if self._running:
            self._timer.start(max(0, delay_ms))

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._running:
            self._poll()
