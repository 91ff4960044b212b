"""The customer's tickets, newest first, as a windowed table model.

``rowCount()`` is every ticket the history lists (the count comes with the history);
the first page comes with it too, the rest a page at a time from background tasks as
the agent scrolls (placeholders until then), like the queue (ui/queue/model.py): by
keyset (created_at, id) from a neighbouring page already read, else by position from
whichever end is nearer (dragging the scroll bar to the oldest reads the oldest page,
not every page between). Only ``max_pages`` pages are kept, the least recently shown
going first, so scrolling through a 5,000-ticket history costs the memory of a few
pages."""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from deskapp.models import utcnow
from deskapp.services.dto import TicketSummary
from deskapp.services.sla_state import SlaReading
from deskapp.ui.formatting import formatter
from deskapp.ui.icons import channel_icon
from deskapp.ui.labels import label
from deskapp.ui.sla_display import colour, short_text, stage_text

TICKET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_COLUMNS = (
    QT_TRANSLATE_NOOP("CustomerTicketsModel", "Number"),
    QT_TRANSLATE_NOOP("CustomerTicketsModel", "Opened"),
    QT_TRANSLATE_NOOP("CustomerTicketsModel", "Subject"),
    QT_TRANSLATE_NOOP("CustomerTicketsModel", "Status"),
)
# The status cell carries the SLA state of the ticket's clock: its colour (the one
# table, ui.sla_display) and, in the tooltip, its words. No column of its own: the
# history pane is narrow.
SLA_COLUMN = 3
_Index = QModelIndex | QPersistentModelIndex
PLACEHOLDER = "…"
# fetch(after, oldest_first, offset, limit): a page of the history (runs off the GUI
# thread), e.g. CustomerService.history_tickets.
Fetch = Callable[[tuple[datetime, uuid.UUID] | None, bool, int, int], list[TicketSummary]]


class CustomerTicketsModel(QAbstractTableModel):
    page_loaded = Signal(int)  # page number
    load_failed = Signal(object)  # exception

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        runner: Any = None,
        page_size: int = 100,
        max_pages: int = 20,
    ) -> None:
        super().__init__(parent)
        self._runner = runner  # ui.tasks.TaskRunner; None: no paging (first page only)
        self.page_size = page_size
        self.max_pages = max(3, max_pages)  # at least what a screen and its neighbours need
        self._count = 0
        self._pages: OrderedDict[int, list[TicketSummary]] = OrderedDict()
        self._sla: dict[int, list[SlaReading]] = {}
        self._fetch_page: Fetch | None = None
        self._in_flight: set[int] = set()
        self._wanted: list[int] = []
        self._generation = 0
        self._now = utcnow()
        self.pages_fetched = 0
        self.current_ticket_id: object = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._key = f"customer-tickets-{id(self)}"

    def set_tickets(
        self,
        tickets: Sequence[TicketSummary],
        now: datetime | None = None,
        *,
        total: int | None = None,
        fetch: Fetch | None = None,
    ) -> None:
        """Show the first page ``tickets`` of ``total`` (default: just these); the rest
        is read through ``fetch`` on the runner as rows are asked for."""
        self.beginResetModel()
        self._generation += 1
        self._now = now or utcnow()
        self._pages.clear()
        self._sla.clear()
        self._in_flight.clear()
        self._wanted.clear()
        first = list(tickets)
        self._fetch_page = fetch if self._runner is not None else None
        if self._fetch_page is not None and total is not None:
            self._count = max(total, len(first))
        else:
            self._count = len(first)
        if first:
            self._store(0, first)
        self.endResetModel()

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    @property
    def idle(self) -> bool:
        return not (self._in_flight or self._wanted or self._timer.isActive())

    def loaded(self, row: int) -> bool:
        page, offset = divmod(row, self.page_size)
        return offset < len(self._pages.get(page, ()))

    def sla(self, row: int) -> SlaReading:
        page, offset = divmod(row, self.page_size)
        return self._sla[page][offset]

    def ticket(self, row: int) -> TicketSummary:
        page, offset = divmod(row, self.page_size)
        return self._pages[page][offset]

    def _store(self, page: int, rows: list[TicketSummary]) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        self._sla[page] = [t.sla(self._now) for t in rows]  # the one rule: services.sla_state
        while len(self._pages) > self.max_pages:
            evicted, _ = self._pages.popitem(last=False)
            self._sla.pop(evicted, None)

    # -- paging ---------------------------------------------------------------
    def _want(self, page: int) -> None:
        if self._fetch_page is None or page in self._in_flight or page in self._wanted:
            return
        self._wanted.append(page)
        if not self._timer.isActive():
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        # Only the pages asked for last: a fast scroll must not fetch every page passed.
        wanted, self._wanted = self._wanted[-3:], []
        for page in wanted:
            if page not in self._pages and page not in self._in_flight:
                self._fetch(page)

    def _fetch(self, page: int) -> None:
        fetch = self._fetch_page
        assert fetch is not None and self._runner is not None
        start = page * self.page_size
        limit = min(self.page_size, self._count - start)
        if limit <= 0:
            return
        before, after = self._pages.get(page - 1), self._pages.get(page + 1)
        if before and len(before) == self.page_size:
            key = (before[-1].created_at, before[-1].id)
            args: tuple[Any, bool, int, int] = (key, False, 0, limit)
        elif after:
            args = ((after[0].created_at, after[0].id), True, 0, limit)
        elif start > self._count - start - limit:  # nearer the oldest end
            args = (None, True, self._count - start - limit, limit)
        else:
            args = (None, False, start, limit)
        oldest_first = args[1]
        generation = self._generation

        def run() -> list[TicketSummary]:
            rows = fetch(*args)
            return rows[::-1] if oldest_first else rows

        self._in_flight.add(page)
        self._runner.submit(
            run,
            on_done=lambda rows: self._on_page_loaded(generation, page, rows),
            on_error=lambda exc: self._on_failed(generation, page, exc),
            key=f"{self._key}-{page}",
        )

    def _on_page_loaded(self, generation: int, page: int, rows: list[TicketSummary]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._in_flight.discard(page)
        self.pages_fetched += 1
        self._store(page, rows)
        first = page * self.page_size
        last = min(first + self.page_size, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(_COLUMNS) - 1))
        self.page_loaded.emit(page)

    def _on_failed(self, generation: int, page: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._in_flight.discard(page)
        self.load_failed.emit(exc)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_COLUMNS)
        ):
            return QCoreApplication.translate("CustomerTicketsModel", _COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        page, offset = divmod(index.row(), self.page_size)
        rows = self._pages.get(page)
        col = index.column()
        if rows is None or offset >= len(rows):
            if rows is None:
                self._want(page)
            if role == Qt.ItemDataRole.DisplayRole and col in (0, 2):
                return PLACEHOLDER
            return None
        self._pages.move_to_end(page)
        t = rows[offset]
        reading = self._sla[page][offset]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return t.reference
            if col == 1:
                return formatter().date(t.created_at)
            if col == 2:
                return t.subject
            if col == 3:
                return label(t.status)
        elif role == Qt.ItemDataRole.ForegroundRole and col == SLA_COLUMN:
            return QBrush(QColor(colour(reading)))
        elif role == Qt.ItemDataRole.DecorationRole and col == 0:
            return channel_icon(t.channel)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == SLA_COLUMN:  # the status, and the SLA clock in words
                return f"{label(t.status)}\n{short_text(reading)} · {stage_text(reading)}"
            return f"{t.reference} · {label(t.channel)} · {label(t.priority)}\n{t.subject}"
        elif role == Qt.ItemDataRole.ForegroundRole and not t.status.is_open:
            return QBrush(QColor("#757575"))
        elif role == Qt.ItemDataRole.FontRole and t.id == self.current_ticket_id:
            font = QFont()
            font.setBold(True)
            return font
        elif role == TICKET_ID_ROLE:
            return t.id
        return None
