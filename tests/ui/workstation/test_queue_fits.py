"""Issue 9, point 2: a queue that fits the screen. Every built-in view and every sort
opens; the default columns fit the panel at 1400 px without eliding; columns can be
hidden from the header; the layout and the last view come back for the same user; the
ticket created by Log a call is the highlighted row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics

from deskapp.models.enums import Status
from deskapp.services.customers import NewCustomer
from deskapp.services.queue import BUILT_IN_VIEWS, Sort, View
from deskapp.services.tickets import NewCall
from deskapp.ui import window_state
from deskapp.ui.queue import columns
from deskapp.ui.queue.model import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _loaded(panel, view: View | None = None, sort: Sort | None = None) -> bool:
    query = panel.model.query
    if query is None or panel.model.loading:
        return False
    if view is not None and query.view is not view:
        return False
    return sort is None or query.order[0] is sort


def _rows(panel) -> set:
    model = panel.model
    return {model.ticket_id(r) for r in range(model.rowCount()) if model.row_at(r)}


def test_every_built_in_view_and_every_sort_opens(qtbot, window, floor):
    desk = floor.desk
    ticket = desk.services.tickets.get(desk.agent, floor.second.ticket.id).ticket
    desk.services.tickets.change_status(
        desk.agent, ticket.id, ticket.version, Status.PENDING_CUSTOMER
    )
    panel = window.queue
    for view in BUILT_IN_VIEWS:
        panel.show_view(view.value)
        qtbot.waitUntil(lambda v=view: _loaded(panel, v), timeout=5_000)
        assert panel.current_view_id() == view.value
        if view is View.WAITING_ON_CUSTOMER:
            # the rows of this view, not the previous view's under its name
            qtbot.waitUntil(lambda: _rows(panel) == {floor.second.ticket.id}, timeout=5_000)
        for sort in Sort:
            for descending in (False, True):
                panel.model.set_query(panel.model.query.sorted_by(sort, descending))
                qtbot.waitUntil(lambda s=sort, v=view: _loaded(panel, v, s), timeout=5_000)
    # every column header sorts too
    panel.show_view(View.ALL_OPEN.value)
    for column in Column:
        panel.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        qtbot.waitUntil(lambda: _loaded(panel, View.ALL_OPEN), timeout=5_000)
        qtbot.waitUntil(lambda: len(_rows(panel)) == 3, timeout=5_000)


def test_default_columns_fit_the_panel_at_1400_px(qtbot, window, tmp_path):
    # first start for this user: the default layout
    window_state.install(window, QSettings(str(tmp_path / "l.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] > 600, timeout=2_000)
    table = window.queue.table
    header = table.horizontalHeader()
    shown = [c for c in Column if not header.isSectionHidden(c)]
    assert set(columns.DEFAULT_VISIBLE) <= set(shown)
    # all of them on screen: no sideways scrolling
    assert table.horizontalScrollBar().maximum() == 0
    assert header.length() <= table.viewport().width()
    # the Subject keeps a readable start (its full text is in the tooltip and the ticket)
    assert header.sectionSize(Column.SUBJECT) >= 6 * table.fontMetrics().horizontalAdvance("M")
    font = QFont(table.font())
    plain = QFontMetrics(font)
    font.setBold(True)
    bold = QFontMetrics(font)
    for column in (Column.NUMBER, Column.PRIORITY, Column.STATUS, Column.SLA):
        metrics = bold if column is Column.NUMBER else plain
        for text in columns.sample_texts(column):
            assert header.sectionSize(column) > metrics.horizontalAdvance(text), (column, text)


def test_clicking_a_cell_never_scrolls_the_number_away(qtbot, window, floor):
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    table, model = window.queue.table, window.queue.model
    for column in Column:
        table.horizontalHeader().setSectionHidden(column, False)
    qtbot.waitUntil(lambda: len(_rows(window.queue)) == 3, timeout=5_000)
    assert table.horizontalScrollBar().maximum() > 0  # the narrow window scrolls sideways
    table.horizontalScrollBar().setValue(0)
    table.scrollTo(model.index(0, Column.SLA))
    assert table.horizontalScrollBar().value() == 0


def test_header_menu_hides_and_shows_columns(qtbot, window):
    table = window.queue.table
    header = table.horizontalHeader()
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    menu = columns.column_menu(table)
    by_name = {a.objectName(): a for a in menu.actions()}
    assert not by_name["queueColumn_number"].isEnabled()
    by_name["queueColumn_status"].setChecked(False)
    assert header.isSectionHidden(Column.STATUS)
    by_name["queueColumn_channel"].setChecked(True)
    assert not header.isSectionHidden(Column.CHANNEL)
    by_name["queueColumnsReset"].trigger()
    assert not header.isSectionHidden(Column.STATUS)
    assert header.isSectionHidden(Column.CHANNEL)


def test_layout_and_last_view_are_kept_per_user(qtbot, floor, tmp_path):
    from deskapp.app import build_workstation

    path = str(tmp_path / "layout.ini")
    first = build_workstation(floor.url, "ali")
    qtbot.addWidget(first)
    window_state.install(first, QSettings(path, QSettings.Format.IniFormat))
    first.resize(1300, 800)
    first.show()
    qtbot.waitExposed(first)
    first.queue.table.horizontalHeader().setSectionHidden(Column.PRIORITY, True)
    first.queue.table.horizontalHeader().setSectionHidden(Column.AGE, False)
    first.queue.show_view(View.UNASSIGNED.value)
    first.close()
    first.runner.wait(10_000)

    settings = QSettings(path, QSettings.Format.IniFormat)
    # read back with a type: an ini file hands everything back as text otherwise
    assert settings.value("workstation/ali/queueView", "", type=str) == View.UNASSIGNED.value

    second = build_workstation(floor.url, "ali")
    qtbot.addWidget(second)
    window_state.install(second, settings)
    second.show()
    qtbot.waitExposed(second)
    header = second.queue.table.horizontalHeader()
    assert header.isSectionHidden(Column.PRIORITY)
    assert not header.isSectionHidden(Column.AGE)
    assert second.queue.current_view_id() == View.UNASSIGNED.value
    qtbot.waitUntil(lambda: _loaded(second.queue, View.UNASSIGNED), timeout=5_000)
    # the splitter positions are kept (offscreen windows are clamped to an 800 px
    # screen when their geometry comes back, so only that they were saved is checked)
    saved = settings.value("workstation/ali/mainSplitter", QByteArray(), type=QByteArray)
    assert not saved.isEmpty()
    second.close()
    second.runner.wait(10_000)

    # another user on this machine starts from the defaults
    third = build_workstation(floor.url, "maryam")
    qtbot.addWidget(third)
    window_state.install(third, settings)
    assert not third.queue.table.horizontalHeader().isSectionHidden(Column.PRIORITY)
    assert third.queue.current_view_id() == View.MY_OPEN.value
    third.close()
    third.runner.wait(10_000)


def test_the_ticket_logged_by_a_call_is_the_highlighted_row(qtbot, window, floor):
    panel = window.queue
    qtbot.waitUntil(lambda: floor.first.ticket.id in _rows(panel), timeout=5_000)
    row = next(r for r in range(panel.model.rowCount())
               if panel.model.ticket_id(r) == floor.first.ticket.id)
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    qtbot.waitUntil(lambda: window.ticket_view.detail is not None, timeout=5_000)

    desk = floor.desk
    detail = desk.services.tickets.log_call(
        desk.agent,
        NewCall(subject="Cannot log in", new_customer=NewCustomer(name="Nasrin Sadeghi",
                                                                    phones=["09121112233"])),
    )
    window._on_log_call_ticket_logged(detail)
    new_id = detail.ticket.id

    def highlighted() -> bool:
        index = panel.table.currentIndex()
        return (
            index.isValid()
            and panel.model.ticket_id(index.row()) == new_id
            and panel.table.selectionModel().isRowSelected(index.row())
        )

    qtbot.waitUntil(highlighted, timeout=5_000)
    assert panel.current_ticket_id() == new_id
    qtbot.waitUntil(lambda: window.ticket_view.detail is not None
                    and window.ticket_view.detail.ticket.id == new_id, timeout=5_000)
    # J moves on from the new ticket, not from the previously highlighted one
    before = panel.table.currentIndex().row()
    panel.select_next()
    assert panel.table.currentIndex().row() in (before + 1, before)
