"""The ticket queue as a table model over a windowed cache of pages.

``rowCount()`` comes from a COUNT; rows arrive a page at a time from background
tasks and are shown as placeholders until then. Only a bounded number of pages is
kept (least recently used go first), so a million-row view costs the same memory
as a thousand-row one. A page is fetched

* by keyset from a neighbouring page already in the cache (scrolling),
* else by position, read from whichever end of the view is nearer (opening the
  view, jumping to the end, dragging the scroll bar).

Every change of query (view, filter, search, sort) starts a new *generation*;
replies from an older generation are dropped.

A new query reads its first page alone, one task, and shows it as soon as it arrives
(issue 16: the first page of any search in at most 50 ms at a million tickets); the
count follows. A first page shorter than a page is the whole view, so no count is run
at all. Otherwise the view holds just that page while the count is on its way
(``counting``), then grows to the count, capped at COUNT_CAP ("more than 1,000"),
then to the exact figure, each arriving in the background without a reset.
"""

from __future__ import annotations

import enum
import logging
import uuid
from collections import OrderedDict
from datetime import datetime, timedelta
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from deskapp.models import utcnow
from deskapp.models.enums import Channel, Priority, Segment, Status
from deskapp.services.errors import DeskError
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.services.queue import COUNT_CAP, QueueQuery, QueueRow, Sort
from deskapp.services.sla_state import ClockState, SlaReading
from deskapp.ui.error_text import describe
from deskapp.ui.sla_display import STATE_COLOURS, short_text, stage_text
from deskapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

PLACEHOLDER = "…"
REFRESHED_PAGES = 3  # pages re-read in place by refresh(): the ones on screen
Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    NUMBER = 0
    SUBJECT = 1
    CUSTOMER = 2
    PRIORITY = 3
    STATUS = 4
    ASSIGNEE = 5
    TEAM = 6
    CHANNEL = 7
    AGE = 8
    SLA = 9


COLUMN_SORT: dict[Column, Sort] = {
    Column.NUMBER: Sort.NUMBER,
    Column.SUBJECT: Sort.SUBJECT,
    Column.CUSTOMER: Sort.CUSTOMER,
    Column.PRIORITY: Sort.PRIORITY,
    Column.STATUS: Sort.STATUS,
    Column.ASSIGNEE: Sort.ASSIGNEE,
    Column.TEAM: Sort.TEAM,
    Column.CHANNEL: Sort.CHANNEL,
    Column.AGE: Sort.CREATED,
    Column.SLA: Sort.SLA,
}
SORT_COLUMN = {sort: col for col, sort in COLUMN_SORT.items()}

PRIORITY_COLOURS = {Priority.URGENT: "#c62828", Priority.HIGH: "#e65100"}

# Role for the ticket id of a row (None while the row is a placeholder).
TicketIdRole = int(Qt.ItemDataRole.UserRole) + 1
# Role for the whole QueueRow (None while a placeholder).
RowRole = int(Qt.ItemDataRole.UserRole) + 2

_COLUMNS = tuple(Column)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_HANDLED_ROLES = frozenset(
    {_DISPLAY, _ALIGNMENT, _FOREGROUND, _DECORATION, _FONT, _TOOLTIP, TicketIdRole, RowRole}
)
_LEADING = int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
_TRAILING = int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
_STATE_QCOLOURS = {state: QColor(colour) for state, colour in STATE_COLOURS.items()}
_PRIORITY_QCOLOURS = {p: QColor(colour) for p, colour in PRIORITY_COLOURS.items()}
_PLACEHOLDER_COLOUR = QColor("#9e9e9e")
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(QSize(10, 10))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, 8, 8)
    painter.end()
    return QIcon(pixmap)


class QueueModel(QAbstractTableModel):
    """A read-only table over the rows of a QueueQuery; never holds the whole result."""

    count_changed = Signal(int)
    load_failed = Signal(str)
    page_loaded = Signal(int)  # page number
    query_changed = Signal(object)  # the QueueQuery now shown

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        *,
        page_size: int = 100,
        max_pages: int = 40,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self.page_size = page_size
        self.max_pages = max_pages
        self._query: QueueQuery | None = None
        self._generation = 0
        self._count = 0
        self._pages: OrderedDict[int, list[QueueRow]] = OrderedDict()
        self._page_generation: dict[int, int] = {}  # the generation each page was read in
        self._in_flight: set[int] = set()
        self._wanted: OrderedDict[int, None] = OrderedDict()
        # The pages asked for by the last paint, read by worker threads: a page fetch
        # queued while the user dragged past it is skipped when its turn comes.
        self._on_screen = _OnScreen()
        self._loading = False  # a new query whose first page has not arrived yet
        self._counting = False  # a count on its way (rowCount() is only the first page)
        # False until the current query's exact count is known: while "more than
        # COUNT_CAP" or while counting.
        self.count_exact = True
        # True while rows come or go because the data changed (a count arrived), so a
        # view's current row that moves meanwhile was not moved by the user.
        self.reshaping = False
        self.rows_fetched = 0  # rows read from the database, all queries together
        self.pages_fetched = 0
        self.pages_skipped = 0  # asked for, then flown over before a worker took them up
        self._now = utcnow()
        self._sla_cache: dict[uuid.UUID, SlaReading] = {}  # per tick; cleared by tick()
        self._icons: dict[ClockState, QIcon] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self._on_fetch_timer_timeout)
        self._key = f"queue-model-{id(self)}"

    # -- the query ----------------------------------------------------------
    @property
    def query(self) -> QueueQuery | None:
        return self._query

    @property
    def loading(self) -> bool:
        """True from a new query until its first page has arrived."""
        return self._loading

    @property
    def counting(self) -> bool:
        """True while the view holds only its first page and the count is on its way."""
        return self._counting

    @property
    def idle(self) -> bool:
        """Nothing on its way: no first page or count, no page in flight or about to be
        asked for (the exact count after a capped one may still be coming)."""
        return not (self._loading or self._counting or self._in_flight or self._wanted) and not (
            self._fetch_timer.isActive()
        )

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    def set_query(self, query: QueueQuery) -> None:
        """Show another query. The current rows stay until its first page arrives."""
        self._query = query
        self._generation += 1
        generation = self._generation
        self._loading = True
        self._counting = False
        self.count_exact = False
        self._wanted.clear()
        self._in_flight.clear()
        queue = self._services.queue
        actor = self._actor
        size = self.page_size
        # The first page alone: no count beside it competing for the two cores (and
        # the GIL), no count at all when the page is the whole view.
        self._in_flight.add(0)
        self._runner.submit(
            lambda: queue.rows_at(actor, query, 0, size),
            on_done=lambda rows: self._on_first_page_loaded(generation, rows),
            on_error=lambda exc: self._on_task_failed(generation, exc),
            key=f"{self._key}-page-0",
        )
        self.query_changed.emit(query)

    def refresh(self) -> None:
        """Re-read the same query in place (F5, or another workstation changed tickets).

        No reset: the rows on screen stay until their fresh copies arrive, the row
        count grows or shrinks at the end, and the scroll position is kept."""
        if self._query is None:
            return
        if self._loading:
            self.set_query(self._query)
            return
        self._generation += 1
        generation = self._generation
        self._in_flight.clear()
        self._wanted.clear()
        # Re-read the pages used last (what is on screen); forget the others.
        keep = list(self._pages)[-REFRESHED_PAGES:]
        for page in list(self._pages):
            if page not in keep:
                del self._pages[page]
        for page in keep:
            self._in_flight.add(page)  # re-read once the new count is known
        # Capped like a new query's count, the exact figure after it when needed.
        self._count_capped(generation, keep)

    def row_of(self, ticket_id: uuid.UUID) -> int | None:
        """Row of a ticket among the up-to-date pages in memory (None if not there)."""
        for page, rows in self._pages.items():
            if self._page_generation.get(page) != self._generation:
                continue
            for i, r in enumerate(rows):
                if r.id == ticket_id:
                    return page * self.page_size + i
        return None

    def locate(self, ticket_id: uuid.UUID, on_found: Any) -> None:
        """Find a ticket's row in the current query in the background; ``on_found(row|None)``."""
        if self._query is None:
            on_found(None)
            return
        generation = self._generation
        query, actor, queue = self._query, self._actor, self._services.queue

        def done(row: int | None) -> None:
            if self._is_current(generation):
                on_found(row)

        self._runner.submit(
            lambda: queue.position_of(actor, query, ticket_id),
            on_done=done,
            on_error=lambda exc: self._on_task_failed(generation, exc),
            key=f"{self._key}-locate",
        )

    def row_at(self, row: int) -> QueueRow | None:
        """The row if its page is in memory, without fetching."""
        page, offset = divmod(row, self.page_size)
        rows = self._pages.get(page)
        if rows is None or offset >= len(rows):
            return None
        return rows[offset]

    def ticket_id(self, row: int) -> uuid.UUID | None:
        found = self.row_at(row)
        return found.id if found else None

    def tick(self) -> None:
        """Time moved on: refresh the age and SLA columns (no database access)."""
        self._now = utcnow()
        self._sla_cache.clear()
        if self._count:
            self.dataChanged.emit(
                self.index(0, Column.AGE), self.index(self._count - 1, Column.SLA)
            )

    # -- Qt model interface -------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return None
        if not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(Column(section))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _header(self, column: Column) -> str:
        return {
            Column.NUMBER: self.tr("Number"),
            Column.SUBJECT: self.tr("Subject"),
            Column.CUSTOMER: self.tr("Customer"),
            Column.PRIORITY: self.tr("Priority"),
            Column.STATUS: self.tr("Status"),
            Column.ASSIGNEE: self.tr("Assignee"),
            Column.TEAM: self.tr("Team"),
            Column.CHANNEL: self.tr("Channel"),
            Column.AGE: self.tr("Age"),
            Column.SLA: self.tr("SLA"),
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times per repaint: plain ints, no enum construction.
        role = int(role)
        if role not in _HANDLED_ROLES or not index.isValid():
            return None
        row_number = index.row()
        if row_number >= self._count:
            return None
        page, offset = divmod(row_number, self.page_size)
        rows = self._pages.get(page)
        if rows is None:
            self._want(page)
            if role == _DISPLAY:
                return PLACEHOLDER
            if role == _FOREGROUND:
                return _PLACEHOLDER_COLOUR
            return None
        self._pages.move_to_end(page)
        if offset >= len(rows):
            return None  # the view shrank since the count: an empty row until refresh
        return self._role(rows[offset], _COLUMNS[index.column()], role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._query is None or not 0 <= column < len(Column):
            return
        query = self._query.sorted_by(
            COLUMN_SORT[Column(column)], order == Qt.SortOrder.DescendingOrder
        )
        if query.order != self._query.order:
            self.set_query(query)

    # -- presentation -------------------------------------------------------
    def _role(self, row: QueueRow, column: Column, role: int) -> Any:
        if role == _DISPLAY:
            return self._text(row, column)
        if role == _ALIGNMENT:
            return _TRAILING if column in (Column.AGE, Column.SLA) else _LEADING
        if role == _FOREGROUND:
            if column is Column.SLA:
                return _STATE_QCOLOURS[self._sla(row).state]
            if column is Column.PRIORITY:
                return _PRIORITY_QCOLOURS.get(row.priority)
            return None
        if role == _DECORATION:
            if column is not Column.SLA:
                return None
            state = self._sla(row).state
            if state is ClockState.NONE:
                return None
            if state not in self._icons:
                self._icons[state] = _dot(STATE_COLOURS[state])
            return self._icons[state]
        if role == _FONT:
            return self._bold if row.escalated_to_me else None
        if role == TicketIdRole:
            return row.id
        if role == RowRole:
            return row
        if role == _TOOLTIP:
            return self._tooltip(row, column)
        return None

    def _sla(self, row: QueueRow) -> SlaReading:
        state = self._sla_cache.get(row.id)
        if state is None:
            state = self._sla_cache[row.id] = row.sla(self._now)
        return state

    def _text(self, row: QueueRow, column: Column) -> str:
        match column:
            case Column.NUMBER:
                if row.escalation_level:
                    return f"{row.reference} ↑{row.escalation_level}"
                return row.reference
            case Column.SUBJECT:
                return row.subject
            case Column.CUSTOMER:
                return row.customer_name
            case Column.PRIORITY:
                return label(row.priority)
            case Column.STATUS:
                return label(row.status)
            case Column.ASSIGNEE:
                return row.assignee_name or self.tr("Unassigned")
            case Column.TEAM:
                return row.team_name or ""
            case Column.CHANNEL:
                return label(row.channel)
            case Column.AGE:
                return self._duration(self._now - row.created_at)
            case Column.SLA:
                return self._sla_text(row)
        return ""

    def _sla_text(self, row: QueueRow) -> str:
        return short_text(self._sla(row))

    def _tooltip(self, row: QueueRow, column: Column) -> str | None:
        if column is Column.SLA:
            state = self._sla(row)
            if state.due is None:
                return self.tr("No SLA clock running")
            which = (
                self.tr("First response due")
                if row.first_response_at is None and row.first_response_due is not None
                else self.tr("Resolution due")
            )
            return f"{which}: {_local(state.due)}\n{stage_text(state)}"
        if column is Column.NUMBER and row.escalated_to_me:
            return self.tr("Escalated to you; not yet acknowledged")
        if column is Column.SUBJECT:
            return row.subject
        return None

    def _duration(self, value: timedelta) -> str:
        minutes = max(0, int(value.total_seconds() // 60))
        days, rest = divmod(minutes, 24 * 60)
        hours, mins = divmod(rest, 60)
        if days:
            return self.tr("%1d %2h").replace("%1", _n(days)).replace("%2", _n(hours))
        if hours:
            return self.tr("%1h %2m").replace("%1", _n(hours)).replace("%2", _n(mins))
        return self.tr("%1m").replace("%1", _n(mins))

    # -- fetching -----------------------------------------------------------
    def _is_current(self, generation: int) -> bool:
        """A reply is used only if it answers the current query and the model still
        exists (a closed window's tasks may finish after it is gone)."""
        return shiboken6.isValid(self) and generation == self._generation

    def _want(self, page: int) -> None:
        if page in self._in_flight or self._loading:
            return
        self._wanted[page] = None
        self._wanted.move_to_end(page)
        if not self._fetch_timer.isActive():
            self._fetch_timer.start()

    def _on_fetch_timer_timeout(self) -> None:
        # Only the pages asked for last: scrolling fast past a million rows must not
        # queue a fetch for every page flown over.
        wanted = list(self._wanted)[-4:]
        self._wanted.clear()
        self._on_screen.pages = frozenset(wanted)
        for page in wanted:
            if page not in self._pages and page not in self._in_flight:
                self._fetch(page, flown_over_skips=True)

    def _fetch(self, page: int, end_known: bool = True, *, flown_over_skips: bool = False
               ) -> None:
        """Read ``page`` in the background. ``flown_over_skips``: a page asked for by a
        paint; if by the time a worker takes it up a later paint asked for others (the
        scroll bar dragged on past it), it is not read: the runner cannot drop queued
        tasks, and the page under a released handle waited behind every page flown
        over (9-32 s at 1,000,000 tickets)."""
        assert self._query is not None
        query, actor, queue = self._query, self._actor, self._services.queue
        generation = self._generation
        start = page * self.page_size
        limit = min(self.page_size, self._count - start)
        if limit <= 0:
            return
        # Keyset from a neighbour only if it was read for this generation: a page
        # kept on screen through a refresh may be out of date.
        before = after = None
        if self._page_generation.get(page - 1) == generation:
            before = self._pages.get(page - 1)
        if self._page_generation.get(page + 1) == generation:
            after = self._pages.get(page + 1)
        # From the end only when the end is known: with "more than 1,000" the last
        # rows are not the 1,001st.
        total = self._count if self.count_exact and end_known else None
        if before and len(before) == self.page_size:
            key = before[-1].key

            def fn() -> list[QueueRow]:
                return queue.page(actor, query, after=key, limit=limit)
        elif after:
            key = after[0].key

            def fn() -> list[QueueRow]:
                return queue.page_before(actor, query, before=key, limit=limit)
        else:

            def fn() -> list[QueueRow]:
                return queue.rows_at(actor, query, start, limit, total=total)

        if flown_over_skips:
            read, on_screen = fn, self._on_screen

            def fn() -> list[QueueRow] | None:  # type: ignore[misc]
                return read() if page in on_screen.pages else None

        self._in_flight.add(page)
        self._runner.submit(
            fn,
            on_done=lambda rows: self._on_page_loaded(generation, page, rows),
            on_error=lambda exc: self._on_task_failed(generation, exc),
            key=f"{self._key}-page-{page}",
        )

    def _on_first_page_loaded(self, generation: int, rows: list[QueueRow]) -> None:
        if not self._is_current(generation):
            return
        self._in_flight.discard(0)
        self.rows_fetched += len(rows)
        self.pages_fetched += 1
        whole = len(rows) < self.page_size  # the whole view: its count is known
        self.reshaping = True
        try:
            self.beginResetModel()
            self._count = len(rows)
            self._pages.clear()
            self._page_generation.clear()
            self._sla_cache.clear()
            # Kept even when empty: a refresh re-reads the pages it holds.
            self._pages[0] = rows
            self._page_generation[0] = generation
            self._loading = False
            self._counting = not whole
            self.count_exact = whole
            self.endResetModel()
        finally:
            self.reshaping = False
        if whole:
            self.count_changed.emit(self._count)
        else:
            # After the events already queued (the repaint of these rows): a count
            # task started now would compete with the painting for the GIL.
            QTimer.singleShot(0, self, lambda: self._count_capped(generation, []))
        self.page_loaded.emit(0)

    def _count_capped(self, generation: int, pages: list[int]) -> None:
        """Count, stopping past COUNT_CAP: a search matching 60,000 tickets says "more
        than 1,000" without counting them all; the exact count follows. ``pages``: those
        to re-read once the count is known (a refresh)."""
        if not self._is_current(generation) or self._query is None:
            return
        query, actor, queue = self._query, self._actor, self._services.queue
        self._runner.submit(
            lambda: queue.count(actor, query, cap=COUNT_CAP),
            on_done=lambda n: self._on_capped_count_loaded(generation, n, pages),
            on_error=lambda exc: self._on_task_failed(generation, exc),
            key=f"{self._key}-count",
        )

    def _on_capped_count_loaded(self, generation: int, count: int, pages: list[int]) -> None:
        if not self._is_current(generation):
            return
        self._counting = False
        if count <= COUNT_CAP:
            self._on_recount_loaded(generation, count, pages)  # exact
            return
        # "More than COUNT_CAP". A shorter view grows to COUNT_CAP + 1 rows now; one
        # already longer (a refresh) keeps its length and figure until the exact count.
        if count > self._count:
            self.count_exact = False
            self._resize(count)
            self.count_changed.emit(self._count)
        # Pages within the first COUNT_CAP rows are re-read now (by position from the
        # start: the end is not known yet), the others with the exact count.
        now = [p for p in pages if (p + 1) * self.page_size <= count]
        later = [p for p in pages if p not in now]
        for page in now:
            self._in_flight.discard(page)
            self._fetch(page, end_known=False)
        query, actor, queue = self._query, self._actor, self._services.queue
        assert query is not None
        self._runner.submit(
            lambda: queue.count(actor, query),
            on_done=lambda n: self._on_recount_loaded(generation, n, later),
            on_error=lambda exc: self._on_task_failed(generation, exc),
            key=f"{self._key}-exact-count",
        )

    def _resize(self, count: int) -> None:
        """Grow or shrink the view to ``count`` rows at its end (no reset)."""
        old = self._count
        self.reshaping = True
        try:
            if count > old:
                self.beginInsertRows(QModelIndex(), old, count - 1)
                self._count = count
                self.endInsertRows()
            elif count < old:
                self.beginRemoveRows(QModelIndex(), count, old - 1)
                self._count = count
                last_page = (count - 1) // self.page_size if count else -1
                for page in [p for p in self._pages if p > last_page]:
                    del self._pages[page]
                    self._page_generation.pop(page, None)
                self.endRemoveRows()
        finally:
            self.reshaping = False

    def _on_recount_loaded(self, generation: int, count: int, pages: list[int]) -> None:
        if not self._is_current(generation):
            return
        self._counting = False
        self.count_exact = True  # an exact count (refresh, or the one after a capped count)
        self._resize(count)
        self._sla_cache.clear()
        self.count_changed.emit(count)
        for page in pages:
            self._in_flight.discard(page)
            self._fetch(page)  # by position, knowing the new total

    def _on_page_loaded(self, generation: int, page: int, rows: list[QueueRow] | None
                        ) -> None:
        if not self._is_current(generation):
            return
        self._in_flight.discard(page)
        if rows is None:  # flown over: not read
            self.pages_skipped += 1
            # Should its rows be on screen after all (a paint that asked for other
            # pages meanwhile did not repaint them), the view repaints them and asks
            # again; rows off screen are not painted, so nothing is asked.
            first = page * self.page_size
            last = min(first + self.page_size, self._count) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0),
                                      self.index(last, len(Column) - 1))
            return
        self.rows_fetched += len(rows)
        self.pages_fetched += 1
        self._pages[page] = rows
        self._page_generation[page] = generation
        self._sla_cache.clear()  # due times may have moved since the last read
        self._pages.move_to_end(page)
        while len(self._pages) > self.max_pages:
            evicted, _ = self._pages.popitem(last=False)
            self._page_generation.pop(evicted, None)
        first = page * self.page_size
        last = min(first + self.page_size, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))
        self.page_loaded.emit(page)

    def _on_task_failed(self, generation: int, exc: BaseException) -> None:
        if not self._is_current(generation):
            return
        self._in_flight.clear()
        self._loading = False
        self._counting = False
        self.load_failed.emit(describe_failure(exc))


class _OnScreen:
    """The pages the last paint asked for; replaced whole on the GUI thread, read by
    the page tasks (a plain attribute: one reference swap, safe under the GIL)."""

    pages: frozenset[int] = frozenset()


def describe_failure(exc: BaseException, template: str | None = None) -> str:
    """A message a person can read; the details go to the log, not to the screen.
    ``template`` (translated, with %1) frames an unexpected error."""
    if isinstance(exc, DeskError):
        return describe(exc)
    log.error("queue task failed: %s", getattr(exc, "__deskapp_traceback__", repr(exc)))
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if template is None:
        template = QCoreApplication.translate(
            "QueueModel", "The ticket list could not be loaded: %1"
        )
    return template.replace("%1", first[:200])


def _n(value: int) -> str:
    return QLocale().toString(value)


_LABELS: dict[enum.Enum, str] = {
    Status.NEW: QT_TRANSLATE_NOOP("QueueModel", "New"),
    Status.OPEN: QT_TRANSLATE_NOOP("QueueModel", "Open"),
    Status.PENDING_CUSTOMER: QT_TRANSLATE_NOOP("QueueModel", "Waiting on customer"),
    Status.PENDING_THIRD_PARTY: QT_TRANSLATE_NOOP("QueueModel", "Waiting on third party"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("QueueModel", "Resolved"),
    Status.CLOSED: QT_TRANSLATE_NOOP("QueueModel", "Closed"),
    Priority.LOW: QT_TRANSLATE_NOOP("QueueModel", "Low"),
    Priority.NORMAL: QT_TRANSLATE_NOOP("QueueModel", "Normal"),
    Priority.HIGH: QT_TRANSLATE_NOOP("QueueModel", "High"),
    Priority.URGENT: QT_TRANSLATE_NOOP("QueueModel", "Urgent"),
    Channel.PHONE: QT_TRANSLATE_NOOP("QueueModel", "Phone"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("QueueModel", "Email"),
    Channel.CHAT: QT_TRANSLATE_NOOP("QueueModel", "Chat"),
    Channel.SOCIAL: QT_TRANSLATE_NOOP("QueueModel", "Social media"),
    Channel.WALK_IN: QT_TRANSLATE_NOOP("QueueModel", "Walk-in"),
    Channel.WEB: QT_TRANSLATE_NOOP("QueueModel", "Web form"),
    Segment.STANDARD: QT_TRANSLATE_NOOP("QueueModel", "Standard"),
    Segment.PRIORITY: QT_TRANSLATE_NOOP("QueueModel", "Priority"),
    Segment.VIP: QT_TRANSLATE_NOOP("QueueModel", "VIP"),
}


def label(value: enum.Enum) -> str:
    """Translated name of a status, priority, channel or segment."""
    text = _LABELS.get(value)
    if text is None:
        return str(value.value).replace("_", " ").capitalize()
    return QCoreApplication.translate("QueueModel", text)


def _local(value: datetime) -> str:
    qdt = QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000), QTimeZone.utc())
    return QLocale().toString(qdt.toLocalTime(), QLocale.FormatType.ShortFormat)
