"""The queue panel: views list, search box, filter bar and the ticket table."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.models.enums import Channel, Priority, Segment, Status
from deskapp.services.dto import TeamInfo, UserInfo
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.services.queue import (
    BUILT_IN_VIEWS,
    UNASSIGNED,
    QueueFilter,
    QueueQuery,
    SavedViewInfo,
    View,
)
from deskapp.ui.queue import columns
from deskapp.ui.queue.model import SORT_COLUMN, QueueModel, describe_failure, label
from deskapp.ui.tasks import TaskRunner

SAVED_PREFIX = "saved:"
REPORT_VIEW = "report"  # the tickets behind a report's bar or cell (show_tickets)
ViewIdRole = Qt.ItemDataRole.UserRole + 10
SEARCH_DELAY_MS = 250
TICK_MS = 30_000


class QueueTable(QTableView):
    """The ticket table: Enter activates the current row."""

    row_activated = Signal(QModelIndex)

    def scrollTo(  # noqa: N802 (Qt override)
        self, index: QModelIndex, hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible
    ) -> None:
        """Rows are selected whole: scroll up or down to one, never sideways (clicking a
        Subject cell must not push the Number column out of sight)."""
        horizontal = self.horizontalScrollBar().value()
        super().scrollTo(index, hint)
        self.horizontalScrollBar().setValue(horizontal)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_activated.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class QueuePanel(QWidget):
    """``ticket_selected`` reports the person's choice of row (click, arrow keys, J/K,
    another view) — never a move made by a refresh: a refresh keeps the current ticket's
    row if the ticket is still in the view and otherwise leaves no row selected, silently,
    so the ticket the agent has open stays open."""

    ticket_selected = Signal(object)  # uuid.UUID | None
    ticket_activated = Signal(object)  # uuid.UUID
    count_changed = Signal(int)
    load_failed = Signal(str)
    exported = Signal(str, int)  # path, how many tickets (export_view)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._view_id = View.MY_OPEN.value
        self._saved: dict[str, SavedViewInfo] = {}
        self._current_id: uuid.UUID | None = None
        self._keep_id: uuid.UUID | None = None  # ticket to re-select after refresh
        self._expected: tuple[int, uuid.UUID] | None = None
        # True while the panel moves the current row itself (re-finding the kept ticket
        # after a refresh), so the move is not the user's choice.
        self._moving = False
        self._awaited_row: int | None = None  # a chosen row whose page is on its way
        self._choices = 0  # rows the user has chosen so far
        self._pending_view: str | None = None
        self._updating_filters = False
        self._key = f"queue-panel-{id(self)}"
        self._report_ids: tuple[uuid.UUID, ...] = ()  # REPORT_VIEW: tickets behind a figure

        self.model = QueueModel(services, actor, runner, parent=self)
        self._build()
        self._connect_signals()
        self._load_choices()
        self._load_saved_views()
        self.show_view(self._view_id)

    # -- layout -------------------------------------------------------------
    def _build(self) -> None:
        self.views = QListWidget(self)
        self.views.setObjectName("queueViews")
        self.views.setAccessibleName(self.tr("Queue views"))
        for view in BUILT_IN_VIEWS:
            item = QListWidgetItem(self._view_title(view))
            item.setData(ViewIdRole, view.value)
            self.views.addItem(item)
        self._custom_header = QListWidgetItem(self.tr("Custom views"))
        self._custom_header.setFlags(Qt.ItemFlag.NoItemFlags)
        font = self._custom_header.font()
        font.setBold(True)
        self._custom_header.setFont(font)
        self.views.addItem(self._custom_header)

        self.save_view_button = QPushButton(self.tr("Save view…"), self)
        self.save_view_button.setObjectName("saveQueueView")
        self.save_view_button.setToolTip(self.tr("Save the filters and search as a custom view"))
        self.delete_view_button = QPushButton(self.tr("Delete view"), self)
        self.delete_view_button.setObjectName("deleteQueueView")
        self.delete_view_button.setEnabled(False)
        self.export_view_button = QPushButton(self.tr("Export view…"), self)
        self.export_view_button.setObjectName("exportQueueView")
        self.export_view_button.setToolTip(self.tr("Save the tickets of this view as CSV or XLSX"))

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        # room between the views list and the window's edge (mirrored under RTL)
        left_layout.setContentsMargins(6, 0, 0, 4)
        left_layout.addWidget(self.views, 1)
        # One under the other: side by side they set the list's minimum width (and
        # "Save view…" was clipped in Persian).
        left_layout.addWidget(self.save_view_button)
        left_layout.addWidget(self.delete_view_button)
        left_layout.addWidget(self.export_view_button)

        self.search = QLineEdit(self)
        self.search.setObjectName("queueSearch")
        self.search.setPlaceholderText(
            self.tr("Search number, subject, conversation, customer, phone… (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.filters_button = QToolButton(self)
        self.filters_button.setObjectName("queueFiltersToggle")
        self.filters_button.setText(self.tr("Filters"))
        self.filters_button.setCheckable(True)

        self.status_filter = self._combo("queueStatusFilter", self.tr("Any status"),
                                         [(label(s), s) for s in Status])
        self.priority_filter = self._combo("queuePriorityFilter", self.tr("Any priority"),
                                           [(label(p), p) for p in Priority])
        self.channel_filter = self._combo("queueChannelFilter", self.tr("Any channel"),
                                          [(label(c), c) for c in Channel])
        self.team_filter = self._combo("queueTeamFilter", self.tr("Any team"), [])
        self.assignee_filter = self._combo(
            "queueAssigneeFilter", self.tr("Anyone"), [(self.tr("Unassigned"), UNASSIGNED)]
        )
        self.segment_filter = self._combo("queueSegmentFilter", self.tr("Any segment"),
                                          [(label(s), s) for s in Segment])
        self.filter_bar = QWidget(self)
        self.filter_bar.setObjectName("queueFilterBar")
        bar = QHBoxLayout(self.filter_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        for combo in self._filter_combos():
            bar.addWidget(combo)
        bar.addStretch(1)
        self.filter_bar.setVisible(False)

        self.table = QueueTable(self)
        self.table.setObjectName("ticketQueue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        # Default columns sized from the texts they hold, never from the rows (that
        # would read every row); the Subject stretches into the rest of the panel.
        columns.apply_default_layout(self.table)
        columns.install_header_menu(self.table)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.filters_button)
        right_layout.addLayout(top)
        right_layout.addWidget(self.filter_bar)
        right_layout.addWidget(self.table, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        self._tick_timer.start()

    def _combo(self, name: str, any_text: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(any_text, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _filter_combos(self) -> list[QComboBox]:
        return [
            self.status_filter, self.priority_filter, self.channel_filter,
            self.team_filter, self.assignee_filter, self.segment_filter,
        ]

    def _view_title(self, view: View) -> str:
        return {
            View.MY_OPEN: self.tr("My open tickets"),
            View.MY_TEAM: self.tr("My team"),
            View.UNASSIGNED: self.tr("Unassigned"),
            View.BREACHING_SOON: self.tr("Breaching soon"),
            View.WAITING_ON_CUSTOMER: self.tr("Waiting on customer"),
            View.ALL_OPEN: self.tr("All open"),
            View.RECENTLY_RESOLVED: self.tr("Recently resolved"),
            View.CUSTOM: self.tr("Custom"),
        }[view]

    def _connect_signals(self) -> None:
        self.views.currentItemChanged.connect(self._on_views_current_item_changed)
        self.save_view_button.clicked.connect(self._on_save_view_button_clicked)
        self.delete_view_button.clicked.connect(self._on_delete_view_button_clicked)
        self.export_view_button.clicked.connect(self._on_export_view_button_clicked)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self._tick_timer.timeout.connect(self.model.tick)
        self.filters_button.toggled.connect(self.filter_bar.setVisible)
        for combo in self._filter_combos():
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.model.count_changed.connect(self._on_model_count_changed)
        self.model.load_failed.connect(self.load_failed)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.modelReset.connect(self._on_model_reset)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.doubleClicked.connect(self._on_table_row_activated)
        self.table.row_activated.connect(self._on_table_row_activated)

    def _submit(self, fn: Any, on_done: Any, on_error: Any, key: str) -> None:
        """Run ``fn`` in the background; drop its reply if this panel is gone by then."""
        self._runner.submit(fn, on_done=on_done, on_error=on_error, key=key, owner=self)

    # -- public interface ---------------------------------------------------
    def refresh(self) -> None:
        """Reload the view (F5), keeping the current ticket selected if it is still there."""
        self._keep_id = self._current_id
        self.model.refresh()

    def follow_ticket(self, ticket_id: uuid.UUID | None) -> None:
        """The workstation opened this ticket by other means (Log a call, a search
        result, the customer history): reload the view and highlight its row, or no row
        when the view does not hold it, so J/K move on from the open ticket."""
        self._current_id = ticket_id
        self._keep_id = ticket_id
        if ticket_id is None:
            self._clear_selection_quietly()
        self.model.refresh()

    def current_view_id(self) -> str:
        """The view shown: a View value or ``saved:<uuid>``."""
        return self._view_id

    def sync_sort_indicator(self) -> None:
        """Show the order of the query on the header again (after restoring its state)."""
        if self.model.query is not None:
            self._show_sort_indicator(self.model.query)

    def select_next(self) -> None:
        self._move_current(+1)

    def select_previous(self) -> None:
        self._move_current(-1)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_ticket_id(self) -> uuid.UUID | None:
        return self._current_id

    def show_view(self, view_id: str) -> None:
        """Show a built-in view (a View value) or a saved one (``saved:<uuid>``)."""
        item = self._item_for(view_id)
        if item is not None and self.views.currentItem() is not item:
            self.views.setCurrentItem(item)  # comes back through _on_views_current_item_changed
            return
        self._apply_view(view_id)

    def filter_by_assignee(self, user_id: uuid.UUID | None) -> None:
        """All open tickets of one agent (or the unassigned pool, for None)."""
        value: Any = UNASSIGNED if user_id is None else user_id
        self._updating_filters = True
        try:
            self._clear_filters()
            index = self.assignee_filter.findData(value)
            if index < 0:
                self.assignee_filter.addItem(str(value), value)
                index = self.assignee_filter.count() - 1
            self.assignee_filter.setCurrentIndex(index)
        finally:
            self._updating_filters = False
        self.filters_button.setChecked(True)
        item = self._item_for(View.ALL_OPEN.value)
        self.views.blockSignals(True)
        self.views.setCurrentItem(item)
        self.views.blockSignals(False)
        self._view_id = View.ALL_OPEN.value
        self.delete_view_button.setEnabled(False)
        self._run_query()

    # -- views --------------------------------------------------------------
    def _item_for(self, view_id: str) -> QListWidgetItem | None:
        for row in range(self.views.count()):
            item = self.views.item(row)
            if item.data(ViewIdRole) == view_id:
                return item
        return None

    def _on_views_current_item_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if current is None:
            return
        view_id = current.data(ViewIdRole)
        if view_id:
            self._apply_view(view_id)

    def _apply_view(self, view_id: str) -> None:
        saved = self._saved.get(view_id)
        self._updating_filters = True
        try:
            if saved is not None:
                self._set_filters(saved.filter)
                self.search.blockSignals(True)
                self.search.setText(saved.filter.text)
                self.search.blockSignals(False)
            elif view_id == REPORT_VIEW:
                pass
            elif view_id in {v.value for v in View}:
                if self._view_id in self._saved or view_id != self._view_id:
                    self._clear_filters()
            else:
                # A saved view asked for before the list arrived: shown when it does.
                self._pending_view = view_id
                return
        finally:
            self._updating_filters = False
        self._view_id = view_id
        self.delete_view_button.setEnabled(saved is not None)
        self._run_query()

    def _current_query(self) -> QueueQuery:
        if self._view_id == REPORT_VIEW:
            f = replace(self._filter_from_bar(), ticket_ids=self._report_ids or (uuid.UUID(int=0),))
            return QueueQuery(view=View.CUSTOM, filter=f, search=self.search.text())
        view = View.CUSTOM if self._view_id in self._saved else View(self._view_id)
        return QueueQuery(view=view, filter=self._filter_from_bar(), search=self.search.text())

    def show_tickets(self, ticket_ids: Sequence[uuid.UUID], title: str) -> None:
        """A fixed set of tickets (those behind a report's bar or cell) as a view of
        its own, ``title`` at the end of the view list."""
        self._report_ids = tuple(ticket_ids)
        item = self._item_for(REPORT_VIEW)
        if item is None:
            item = QListWidgetItem(title)
            item.setData(ViewIdRole, REPORT_VIEW)
            self.views.addItem(item)
        item.setText(title)
        self._updating_filters = True
        try:
            self._clear_filters()
        finally:
            self._updating_filters = False
        self.views.blockSignals(True)
        self.views.setCurrentItem(item)
        self.views.blockSignals(False)
        self._view_id = REPORT_VIEW
        self.delete_view_button.setEnabled(False)
        self._run_query()

    def _on_export_view_button_clicked(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export view"), "queue.xlsx", self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export_view(path)

    def export_view(self, path: str) -> None:
        """Write every ticket of the current view (its filters, search and order) to
        ``path`` (.csv or .xlsx) in the background."""
        from deskapp.services.reports.queue_export import export_queue

        svc, actor, query = self._services, self._actor, self._current_query()
        fmt = "csv" if path.lower().endswith(".csv") else "xlsx"
        self._submit(lambda: export_queue(svc.queue, actor, query, path, fmt),
                     lambda n: self.exported.emit(path, n), self._on_background_failed,
                     key=f"{self._key}-export")

    def _run_query(self) -> None:
        query = self._current_query()
        self._show_sort_indicator(query)
        if not self.table.isSortingEnabled():
            self.table.setSortingEnabled(True)  # calls model.sort(); same order: no-op
        self.model.set_query(query)

    def _show_sort_indicator(self, query: QueueQuery) -> None:
        header = self.table.horizontalHeader()
        sort, descending = query.order
        header.blockSignals(True)
        header.setSortIndicator(
            # An order no column shows (Waiting on customer: least recently updated
            # first) has no indicator.
            SORT_COLUMN.get(sort, -1),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)

    # -- filters ------------------------------------------------------------
    def _filter_from_bar(self) -> QueueFilter:
        def one(combo: QComboBox, convert: Any = None) -> tuple:
            # Qt hands str-based enums back as plain str: convert them back.
            value = combo.currentData()
            if value is None:
                return ()
            return (convert(value) if convert else value,)

        return QueueFilter(
            statuses=one(self.status_filter, Status),
            priorities=one(self.priority_filter, Priority),
            channels=one(self.channel_filter, Channel),
            team_ids=one(self.team_filter),
            assignee_ids=one(self.assignee_filter),
            segments=one(self.segment_filter, Segment),
        )

    def _set_filters(self, f: QueueFilter) -> None:
        pairs = [
            (self.status_filter, f.statuses), (self.priority_filter, f.priorities),
            (self.channel_filter, f.channels), (self.team_filter, f.team_ids),
            (self.assignee_filter, f.assignee_ids), (self.segment_filter, f.segments),
        ]
        for combo, values in pairs:
            index = combo.findData(values[0]) if values else 0
            combo.setCurrentIndex(max(index, 0))
        if not f.is_empty:
            self.filters_button.setChecked(True)

    def _clear_filters(self) -> None:
        for combo in self._filter_combos():
            combo.setCurrentIndex(0)

    def _on_filter_changed(self, _index: int) -> None:
        if not self._updating_filters:
            self._run_query()

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_return_pressed(self) -> None:
        self._search_timer.stop()
        self._run_query()

    def _on_search_timer_timeout(self) -> None:
        if self.model.query is None or self.model.query.search != self.search.text():
            self._run_query()

    def _load_choices(self) -> None:
        staff = self._services.staff

        def load() -> tuple[list[TeamInfo], list[UserInfo]]:
            return staff.list_teams(), staff.list_users()

        self._submit(
            load, on_done=self._on_choices_loaded, on_error=self._on_background_failed,
            key=f"{self._key}-choices",
        )

    def _on_choices_loaded(self, result: tuple[list[TeamInfo], list[UserInfo]]) -> None:
        teams, users = result
        self._updating_filters = True
        try:
            for team in sorted(teams, key=lambda t: t.name.casefold()):
                if self.team_filter.findData(team.id) < 0:
                    self.team_filter.addItem(team.name, team.id)
            for user in sorted(users, key=lambda u: u.display_name.casefold()):
                index = self.assignee_filter.findData(user.id)
                if index < 0:
                    self.assignee_filter.addItem(user.display_name, user.id)
                else:  # added by filter_by_assignee before the names arrived
                    self.assignee_filter.setItemText(index, user.display_name)
        finally:
            self._updating_filters = False

    # -- saved views --------------------------------------------------------
    def _load_saved_views(self) -> None:
        queue, actor = self._services.queue, self._actor
        self._submit(
            lambda: queue.saved_views(actor),
            on_done=self._on_saved_views_loaded,
            on_error=self._on_background_failed,
            key=f"{self._key}-saved",
        )

    def _on_saved_views_loaded(self, views: list[SavedViewInfo]) -> None:
        self._saved = {f"{SAVED_PREFIX}{v.id}": v for v in views}
        self.views.blockSignals(True)
        try:
            header_row = self.views.row(self._custom_header)
            while self.views.count() > header_row + 1:
                self.views.takeItem(header_row + 1)
            for view_id, v in self._saved.items():
                item = QListWidgetItem(v.name)
                item.setData(ViewIdRole, view_id)
                item.setToolTip(self.tr("Custom view"))
                self.views.addItem(item)
            current = self._item_for(self._view_id)
            if current is not None:
                self.views.setCurrentItem(current)
        finally:
            self.views.blockSignals(False)
        pending, self._pending_view = self._pending_view, None
        if pending in self._saved:
            self.show_view(pending)
        elif self._view_id.startswith(SAVED_PREFIX) and self._view_id not in self._saved:
            self.show_view(View.MY_OPEN.value)  # it was deleted
        elif self._view_id in self._saved:
            self.delete_view_button.setEnabled(True)

    def _on_save_view_button_clicked(self) -> None:
        view_filter = replace(self._filter_from_bar(), text=self.search.text().strip())
        if view_filter.is_empty:
            QMessageBox.information(
                self, self.tr("Save view"),
                self.tr("Choose a filter or type a search first; the view saves them."),
            )
            return
        current = self._saved.get(self._view_id)
        name, ok = QInputDialog.getText(
            self, self.tr("Save view"), self.tr("Name of the view:"),
            text=current.name if current else "",
        )
        if not ok or not name.strip():
            return
        queue, actor = self._services.queue, self._actor

        def done(info: SavedViewInfo) -> None:
            self._view_id = f"{SAVED_PREFIX}{info.id}"
            self._load_saved_views()

        self._submit(
            lambda: queue.save_view(actor, name, view_filter),
            on_done=done, on_error=self._on_view_change_failed, key=f"{self._key}-save",
        )

    def _on_delete_view_button_clicked(self) -> None:
        saved = self._saved.get(self._view_id)
        if saved is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete view"),
            self.tr("Delete the view “%1”?").replace("%1", saved.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        queue, actor = self._services.queue, self._actor
        self._submit(
            lambda: queue.delete_view(actor, saved.id),
            on_done=lambda _: self._load_saved_views(),
            on_error=self._on_view_change_failed, key=f"{self._key}-delete",
        )

    def _on_background_failed(self, exc: BaseException) -> None:
        self.load_failed.emit(describe_failure(exc))

    def _on_view_change_failed(self, exc: BaseException) -> None:
        # The person just asked for this: answer in a message, not in the banner
        # (whose retry reloads the queue).
        QMessageBox.warning(
            self, self.tr("Custom view"), describe_failure(exc, self.tr("The view was not saved: %1"))
        )

    # -- selection ----------------------------------------------------------
    def _move_current(self, step: int) -> None:
        count = self.model.rowCount()
        if count == 0:
            return
        current = self.table.currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else count - 1)
        row = max(0, min(count - 1, row))
        self._select_row(row)

    def _select_row(self, row: int, expected: uuid.UUID | None = None) -> None:
        """Make ``row`` current. With ``expected`` (the ticket a refresh re-finds there)
        the move is the panel's own, not announced, and the row counts as that ticket
        even while its page is stale or still on its way."""
        self._expected = (row, expected) if expected is not None else None
        index = self.model.index(row, 0)
        self._moving = expected is not None
        try:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._moving = False
        if expected is not None:  # also when the row number did not change
            self._expected = None
            self._current_id = expected
        self.table.scrollTo(index)

    def _clear_selection_quietly(self) -> None:
        self._moving = True
        try:
            self.table.selectionModel().clear()
        finally:
            self._moving = False
        self._current_id = None

    def _set_current_id(self, ticket_id: uuid.UUID | None, *, announce: bool = True) -> None:
        if ticket_id != self._current_id:
            self._current_id = ticket_id
            if announce:
                self.ticket_selected.emit(ticket_id)

    def _on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        # The user moved it unless the panel (re-finding a ticket) or the model (rows
        # coming and going as the data changed) did.
        by_user = not self._moving and not self.model.reshaping
        expected, self._expected = self._expected, None
        if not current.isValid():
            ticket_id = None
        elif expected is not None and expected[0] == current.row():
            ticket_id = expected[1]
        else:
            ticket_id = self.model.ticket_id(current.row())
        # A row whose page is on its way: its ticket is announced when the page arrives.
        self._awaited_row = (
            current.row() if by_user and current.isValid() and ticket_id is None else None
        )
        if by_user:
            self._choices += 1
        self._set_current_id(ticket_id, announce=by_user)

    def _on_model_page_loaded(self, _page: int) -> None:
        current = self.table.currentIndex()
        if (
            self._awaited_row is not None
            and current.isValid()
            and current.row() == self._awaited_row
            and self._current_id is None
        ):
            ticket_id = self.model.ticket_id(current.row())
            if ticket_id is not None:
                self._awaited_row = None
                self._set_current_id(ticket_id)

    def _on_model_reset(self) -> None:
        if self._keep_id is None:
            self._set_current_id(None)

    def _on_model_count_changed(self, count: int) -> None:
        self.count_changed.emit(count)
        keep, self._keep_id = self._keep_id, None
        if keep is None:
            return
        row = self.model.row_of(keep)
        if row is not None:
            self._select_row(row, keep)
            return
        choices = self._choices

        def found(position: int | None) -> None:
            if self._choices != choices:
                return  # the user chose another row meanwhile
            if position is None:  # it left the view: no row, the ticket stays open
                self._clear_selection_quietly()
            else:
                self._select_row(position, keep)

        self.model.locate(keep, found)

    def _on_table_row_activated(self, index: QModelIndex) -> None:
        ticket_id = self.model.ticket_id(index.row())
        if ticket_id is not None:
            self.ticket_activated.emit(ticket_id)
