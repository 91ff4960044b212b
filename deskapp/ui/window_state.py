"""The workstation's layout, kept per user: window geometry, the splitters, the queue's
columns (order, widths, which are shown) and the last view. Saved with QSettings when
the window closes, restored when it is built for the same user on this machine.

    window_state.install(window, settings)  # restores now, saves on close

Only layout lives here; nothing that belongs to the desk (that is in the database)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QMainWindow, QSplitter

GROUP = "workstation"
VERSION = 1  # bump when a saved layout can no longer be applied


def _group(username: str) -> str:
    return f"{GROUP}/{username}"


def _bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key, QByteArray(), type=QByteArray)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _parts(window: QMainWindow) -> dict[str, Any]:
    queue = getattr(window, "queue", None)
    parts: dict[str, Any] = {}
    splitter = getattr(window, "splitter", None)
    if isinstance(splitter, QSplitter):
        parts["mainSplitter"] = splitter
    if queue is not None and isinstance(getattr(queue, "splitter", None), QSplitter):
        parts["queueSplitter"] = queue.splitter
    return parts


def save(window: QMainWindow, settings: QSettings) -> None:
    actor = getattr(window, "actor", None)
    if actor is None:
        return
    settings.beginGroup(_group(actor.username))
    try:
        settings.setValue("version", VERSION)
        settings.setValue("geometry", window.saveGeometry())
        settings.setValue("windowState", window.saveState(VERSION))
        for key, splitter in _parts(window).items():
            settings.setValue(key, splitter.saveState())
        queue = getattr(window, "queue", None)
        table = getattr(queue, "table", None)
        if table is not None:
            settings.setValue("queueHeader", table.horizontalHeader().saveState())
        if queue is not None and hasattr(queue, "current_view_id"):
            settings.setValue("queueView", queue.current_view_id())
    finally:
        settings.endGroup()
    settings.sync()


def restore(window: QMainWindow, settings: QSettings) -> bool:
    """Apply what was saved for this user; False (and the defaults stay) when nothing was
    or it no longer fits."""
    actor = getattr(window, "actor", None)
    if actor is None:
        return False
    settings.beginGroup(_group(actor.username))
    try:
        if settings.value("version", 0, type=int) != VERSION:
            return False
        geometry = _bytes(settings, "geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        state = _bytes(settings, "windowState")
        if state is not None:
            window.restoreState(state, VERSION)
        for key, splitter in _parts(window).items():
            saved = _bytes(settings, key)
            if saved is not None:
                splitter.restoreState(saved)
        queue = getattr(window, "queue", None)
        table = getattr(queue, "table", None)
        header_state = _bytes(settings, "queueHeader")
        if table is not None and header_state is not None:
            _restore_header(queue, table, header_state)
        view = settings.value("queueView", "", type=str)
        if view and queue is not None and hasattr(queue, "show_view"):
            queue.show_view(view)
    finally:
        settings.endGroup()
    return True


def apply_defaults(window: QMainWindow) -> None:
    """The first-start layout: the queue as wide as its default columns need (so Number,
    Subject, Customer, Priority, Status and SLA show without sideways scrolling at
    1400 px), the rest shared by the ticket (60 %) and the customer history (40 %)."""
    from deskapp.ui.queue import columns

    parts = _parts(window)
    queue = getattr(window, "queue", None)
    table = getattr(queue, "table", None)
    if table is None:
        return
    views_list = getattr(queue, "views", None)
    views = 110
    if views_list is not None:
        views = max(views, views_list.sizeHintForColumn(0) + 2 * views_list.frameWidth() + 8)
    queue_splitter = parts.get("queueSplitter")
    table_width = columns.needed_width(table)
    if queue_splitter is not None:
        queue_splitter.setSizes([views, table_width])
        table_width += views + queue_splitter.handleWidth()
    main = parts.get("mainSplitter")
    if main is None or main.count() < 2:
        return
    total = max(window.width(), 1000) - 2 * main.handleWidth()
    queue_width = min(table_width, total * 62 // 100)
    rest = total - queue_width
    sizes = [queue_width, rest * 3 // 5, rest - rest * 3 // 5]
    main.setSizes(sizes[: main.count()])


def _restore_header(queue: Any, table: Any, state: QByteArray) -> None:
    from deskapp.ui.queue import columns

    header = table.horizontalHeader()
    count = header.count()
    header.blockSignals(True)  # the saved sort indicator must not re-sort the view
    try:
        ok = header.restoreState(state)
    finally:
        header.blockSignals(False)
    if not ok or header.count() != count:
        columns.apply_default_layout(table)
    for column in columns.ALWAYS_VISIBLE:
        header.setSectionHidden(column, False)
    if hasattr(queue, "sync_sort_indicator"):
        queue.sync_sort_indicator()


class _Keeper(QObject):
    """Saves the layout when the window closes; lays out the first-start defaults once
    the window has its real size (splitters rescale sizes set before that)."""

    def __init__(self, window: QMainWindow, settings: QSettings, defaults: bool) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._defaults = defaults

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window:
            if event.type() == QEvent.Type.Close:
                save(self._window, self._settings)
            elif event.type() == QEvent.Type.Show and self._defaults:
                self._defaults = False
                QTimer.singleShot(0, self, lambda: apply_defaults(self._window))
        return False


def install(window: QMainWindow, settings: QSettings | None = None) -> QMainWindow:
    """Restore the user's layout now and save it when the window closes."""
    settings = settings if settings is not None else QSettings()
    restored = restore(window, settings)
    window.installEventFilter(_Keeper(window, settings, defaults=not restored))
    window._window_state_settings = settings  # type: ignore[attr-defined]
    return window
