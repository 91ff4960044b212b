"""SQLite: notice commits by other connections or processes via PRAGMA data_version.

``PRAGMA data_version`` changes whenever another connection commits to the file
(this watcher's own connection never writes, so every commit counts, this app's
included). It is read about once a second in a background task on a dedicated
connection (no query on the GUI thread, no table polled); a change emits a full
refresh, since SQLite cannot say what changed.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

from deskapp.ui.live.feed import ChangeFeed, _Source
from deskapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

FAILURES_BEFORE_LOST = 3


class DataVersionWatcher(_Source):
    kind = "sqlite"

    def __init__(
        self, path: str | Path, feed: ChangeFeed, parent: QObject | None = None,
        interval_ms: int = 1000,
    ) -> None:
        super().__init__(parent if parent is not None else feed)
        self._path = str(path)
        self._feed = feed
        self._runner = TaskRunner(self, max_threads=1)
        self._conn: sqlite3.Connection | None = None  # used by one task at a time
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._last: int | None = None
        self._failures = 0
        self._running = False
        self.polls = 0

    def start(self) -> None:
        if not self._running:
            self._running = True
            self._poll()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        self._runner.wait(5_000)
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _read_version(self) -> int:
        # Runs in the pool; never two at once (the next poll is armed after a reply).
        if self._conn is None:
            # A normal (not mode=ro) connection: a read-only one cannot open a WAL file
            # whose -shm does not exist yet. It only ever reads.
            self._conn = sqlite3.connect(self._path, timeout=0.5, check_same_thread=False)
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _poll(self) -> None:
        self._runner.submit(
            self._read_version, on_done=self._on_read_done, on_error=self._on_read_failed,
            key="data_version",
        )

    def _on_read_done(self, version: int) -> None:
        self.polls += 1
        if self._failures >= FAILURES_BEFORE_LOST:
            self._feed.mark_restored()  # asks for a full refresh too
        elif self._failures:
            self._feed.add_full_refresh()  # a new connection: its counter says nothing yet
        self._failures = 0
        if self._last is not None and version != self._last:
            self._feed.add_full_refresh()
        self._last = version
        self._arm()

    def _on_read_failed(self, exc: BaseException) -> None:
        self._failures += 1
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._last = None  # the counter is per connection: start afresh
        if self._failures == FAILURES_BEFORE_LOST:
            log.warning("cannot read the database file %s: %s", self._path, exc)
            self._feed.mark_lost(self.tr("The database file cannot be read — retrying…"))
        self._arm()

    def _arm(self) -> None:
        if self._running:
            self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._running:
            self._poll()
