"""ChangeFeed: one QObject the views listen to for changes made elsewhere.

    feed = make_change_feed(services.engine, parent=window)
    feed.changed.connect(self._on_feed_changed)        # a ChangeBatch
    feed.connection_lost.connect(banner.show_failure)   # a message
    feed.connection_restored.connect(banner.hide)
    feed.start()

Sources (a PostgreSQL LISTEN connection, a SQLite data_version watcher) call
``add_change`` / ``add_full_refresh`` / ``mark_lost`` / ``mark_restored``; the feed
coalesces bursts (default 150 ms) into one ``changed`` emission.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from deskapp.services.changes import Change, ChangeAccumulator, ChangeBatch


class ChangeFeed(QObject):
    changed = Signal(object)  # ChangeBatch
    connection_lost = Signal(str)  # what to show: "connection lost — reconnecting"
    connection_restored = Signal()

    def __init__(self, parent: QObject | None = None, coalesce_ms: int = 150) -> None:
        super().__init__(parent)
        self._pending = ChangeAccumulator()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(coalesce_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._connected = True
        self._source: _Source | None = None
        self.batches_emitted = 0

    # -- for the application ----------------------------------------------
    @property
    def connected(self) -> bool:
        return self._connected

    @property
    def kind(self) -> str:
        """"postgresql", "sqlite" or "none" (an in-memory database: nothing to watch)."""
        return self._source.kind if self._source is not None else "none"

    def attach(self, source: _Source) -> None:
        self._source = source

    def start(self) -> None:
        if self._source is not None:
            self._source.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._source is not None:
            self._source.stop()

    def request_full_refresh(self) -> None:
        """Ask every view to reload (e.g. after this workstation reconnected)."""
        self.add_full_refresh()

    # -- for the sources ----------------------------------------------------
    def add_change(self, change: Change) -> None:
        self._pending.add(change)
        self._arm()

    def add_full_refresh(self) -> None:
        self._pending.add_full()
        self._arm()

    def mark_lost(self, message: str) -> None:
        if self._connected:
            self._connected = False
            self.connection_lost.emit(message)

    def mark_restored(self) -> None:
        if not self._connected:
            self._connected = True
            self.connection_restored.emit()
        self.add_full_refresh()  # whatever happened meanwhile, nobody told us

    def flush(self) -> None:
        """Emit what is pending now (tests, shutdown)."""
        self._timer.stop()
        self._on_timer_timeout()

    def _arm(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if not self._pending:
            return
        batch: ChangeBatch = self._pending.take()
        self.batches_emitted += 1
        self.changed.emit(batch)


class _Source(QObject):
    """What a feed listens to. Subclasses: PgListener, DataVersionWatcher."""

    kind = "none"

    def start(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def stop(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError
