"""Background tasks: database work off the GUI thread, results back through signals.

    runner.submit(lambda: services.tickets.get(actor, ticket_id),
                  on_done=self._on_ticket_loaded, key="ticket")

Only the newest task submitted under a ``key`` reports back: when the user changes
the filter twice quickly, the reply to the first filter is dropped, not shown.

``owner=widget`` ties the callbacks to a QObject: when the owner has been deleted by
the time the task finishes (a dialog closed, the window closed), the reply is dropped
instead of calling into a dead C++ object. No hand-written ``isValid`` guards needed.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; its signals, emitted by a worker, arrive queued there."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id = task_id
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # reported to the GUI, never lost in a thread
            exc.__deskapp_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.failed.emit(self._id, exc)
        else:
            self._relay.succeeded.emit(self._id, result)


class TaskRunner(QObject):
    """Submits callables to a thread pool and calls back on the GUI thread."""

    busy_changed = Signal(bool)
    task_failed = Signal(object)  # an exception no ``on_error`` handled

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[str | None, Callable, Callable | None]] = {}
        self._owners: dict[int, QObject] = {}  # task id -> the object its callbacks belong to
        self._latest: dict[str, int] = {}
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._on_relay_succeeded)
        self._relay.failed.connect(self._on_relay_failed)

    @property
    def idle(self) -> bool:
        return not self._pending

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        key: str | None = None,
        owner: QObject | None = None,
    ) -> int:
        task_id = next(self._ids)
        was_idle = self.idle
        self._pending[task_id] = (key, on_done, on_error)
        if owner is not None:
            self._owners[task_id] = owner
        if key is not None:
            self._latest[key] = task_id
        self._pool.start(_Task(task_id, fn, self._relay))
        if was_idle:
            self.busy_changed.emit(True)
        return task_id

    def cancel(self, key: str) -> None:
        """Drop whatever the task under ``key`` will report."""
        self._latest.pop(key, None)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is empty (shutdown and tests only)."""
        return self._pool.waitForDone(msecs)

    def _take(self, task_id: int) -> tuple[Callable, Callable | None] | None:
        key, on_done, on_error = self._pending.pop(task_id)
        owner = self._owners.pop(task_id, None)
        if self.idle:
            self.busy_changed.emit(False)
        if key is not None:
            if self._latest.get(key) != task_id:
                return None  # a newer task under this key superseded it
            del self._latest[key]
        if owner is not None and not shiboken6.isValid(owner):
            return None  # its owner was deleted meanwhile: nobody to report to
        return on_done, on_error

    @Slot(int, object)
    def _on_relay_succeeded(self, task_id: int, result: object) -> None:
        callbacks = self._take(task_id)
        if callbacks is not None:
            callbacks[0](result)

    @Slot(int, object)
    def _on_relay_failed(self, task_id: int, exc: object) -> None:
        callbacks = self._take(task_id)
        if callbacks is None:
            return
        on_error = callbacks[1]
        if on_error is not None:
            on_error(exc)  # type: ignore[arg-type]
        else:
            log.error("background task failed: %s", getattr(exc, "__deskapp_traceback__", exc))
            self.task_failed.emit(exc)

