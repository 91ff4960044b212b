"""The queue's windowed model and panel: placeholders, pages, search, a 200,000-row jump."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView

from deskapp.models.enums import InteractionKind, Priority
from deskapp.services.customers import NewCustomer
from deskapp.services.facade import Services, build_services
from deskapp.services.queue import QueueQuery, Sort, View
from deskapp.services.tickets import NewCall
from deskapp.ui.queue.model import PLACEHOLDER, Column, QueueModel, TicketIdRole
from deskapp.ui.queue.panel import QueuePanel
from deskapp.ui.tasks import TaskRunner
from tests.helpers.bulk import bulk_tickets
from tests.helpers.databases import copy_sqlite
from tests.helpers.staff import Desk, make_desk

# Big enough that loading everything would be absurd (the fetch bounds below are a
# small fraction of it), small enough to build in seconds once per session. The
# million-row figures are measured by benchmarks/ticket_queue.py, not here.
BIG = 20_000


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.wait()


def _log(desk: Desk, subject: str, **customer) -> None:
    desk.services.tickets.log_call(
        desk.agent,
        NewCall(subject=subject, new_customer=NewCustomer(**customer) if customer else None,
                customer_id=None if customer else _any_customer(desk)),
    )


def _any_customer(desk: Desk):
    return desk.services.customers.lookup(desk.agent, "Customer")[0].id


@pytest.fixture
def small_desk(desk: Desk) -> Desk:
    t = desk.services.tickets
    first = t.log_call(
        desk.agent,
        NewCall(subject="Router broken", new_customer=NewCustomer(
            name="Customer Zahra", phones=["0912 111 2233"], email="zahra@example.com")),
    )
    for i in range(24):
        t.log_call(desk.agent, NewCall(subject=f"Question {i:02d}",
                                       customer_id=first.customer.id))
    second = t.log_call(
        desk.agent,
        NewCall(subject="Bill", new_customer=NewCustomer(
            name="Customer Hamid", phones=["+98 935 444 5566"])),
    )
    # A Persian note with the Persian yeh (ی); it is searched below with Arabic ي.
    t.add_interaction(desk.agent, second.ticket.id, InteractionKind.NOTE,
                      "مشتری درخواست بازپرداخت کرد")
    return desk


def _wait_loaded(qtbot, model: QueueModel, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: model.idle and runner.idle, timeout=10_000)


def _texts(model: QueueModel, column: Column) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtbot, qtmodeltester, small_desk, runner):
    model = QueueModel(small_desk.services, small_desk.agent, runner, page_size=10)
    model.set_query(QueueQuery(view=View.ALL_OPEN))
    _wait_loaded(qtbot, model, runner)
    assert model.rowCount() == 26
    qtmodeltester.check(model)
    # Placeholders are fetched in the background; afterwards every row is real.
    for r in range(model.rowCount()):
        model.index(r, 0).data()
    _wait_loaded(qtbot, model, runner)
    assert PLACEHOLDER not in _texts(model, Column.NUMBER)
    qtmodeltester.check(model)


def test_rows_show_placeholders_until_their_page_arrives(qtbot, small_desk, runner):
    model = QueueModel(small_desk.services, small_desk.agent, runner, page_size=10)
    model.set_query(QueueQuery(view=View.ALL_OPEN))
    _wait_loaded(qtbot, model, runner)
    assert model.index(0, Column.NUMBER).data() != PLACEHOLDER  # page 0 came with the count
    assert model.index(25, Column.NUMBER).data() == PLACEHOLDER
    with qtbot.waitSignal(model.dataChanged, timeout=10_000):
        pass
    assert model.index(25, Column.NUMBER).data() != PLACEHOLDER
    assert model.index(25, 0).data(TicketIdRole) is not None


def test_sort_reorders_in_sql(qtbot, small_desk, runner):
    model = QueueModel(small_desk.services, small_desk.agent, runner, page_size=100)
    model.set_query(QueueQuery(view=View.ALL_OPEN))
    _wait_loaded(qtbot, model, runner)
    fetched = model.rows_fetched
    model.sort(Column.SUBJECT, Qt.SortOrder.DescendingOrder)
    _wait_loaded(qtbot, model, runner)
    subjects = _texts(model, Column.SUBJECT)
    assert subjects == sorted(subjects, reverse=True)
    assert model.query.order == (Sort.SUBJECT, True)
    assert model.rows_fetched > fetched  # re-read from the database, not sorted here


def test_stale_replies_are_dropped(qtbot, small_desk, runner):
    model = QueueModel(small_desk.services, small_desk.agent, runner)
    model.set_query(QueueQuery(view=View.ALL_OPEN))
    model.set_query(QueueQuery(view=View.ALL_OPEN, search="Router"))
    _wait_loaded(qtbot, model, runner)
    assert model.rowCount() == 1
    assert _texts(model, Column.SUBJECT) == ["Router broken"]


def test_refresh_updates_in_place_without_a_reset(qtbot, qtmodeltester, small_desk, runner):
    desk = small_desk
    model = QueueModel(desk.services, desk.agent, runner, page_size=10)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 200)
    view.show()
    model.set_query(QueueQuery(view=View.ALL_OPEN, sort=Sort.NUMBER))
    _wait_loaded(qtbot, model, runner)
    qtmodeltester.check(model)  # keeps watching the signals below
    view.scrollTo(model.index(20, 0))
    for r in range(model.rowCount()):
        model.index(r, 0).data()
    _wait_loaded(qtbot, model, runner)
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    # Someone logs a call: one more row at the end, nothing reset, nothing scrolled.
    _log(desk, "Late call")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted):
        model.refresh()
    _wait_loaded(qtbot, model, runner)
    assert model.rowCount() == 27
    assert view.verticalScrollBar().value() == scrolled
    model.index(26, 0).data()
    _wait_loaded(qtbot, model, runner)
    assert model.index(26, Column.SUBJECT).data() == "Late call"
    # Someone resolves the first ticket: one row fewer, the rows shown move up.
    first = model.ticket_id(0)
    detail = desk.services.tickets.get(desk.agent, first)
    desk.services.tickets.change_status(desk.agent, first, detail.ticket.version, "resolved")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsRemoved):
        model.refresh()
    _wait_loaded(qtbot, model, runner)
    assert model.rowCount() == 26
    for r in range(model.rowCount()):
        model.index(r, 0).data()
    _wait_loaded(qtbot, model, runner)
    assert _texts(model, Column.NUMBER) == [f"HQ-{n:06d}" for n in range(2, 28)]


def test_page_cache_stays_bounded(qtbot, small_desk, runner):
    model = QueueModel(small_desk.services, small_desk.agent, runner, page_size=2, max_pages=3)
    model.set_query(QueueQuery(view=View.ALL_OPEN, sort=Sort.NUMBER))
    _wait_loaded(qtbot, model, runner)
    seen = []
    for r in range(model.rowCount()):  # scroll down the whole view, row by row
        model.index(r, 0).data()
        _wait_loaded(qtbot, model, runner)
        seen.append(model.index(r, Column.NUMBER).data())
        assert model.cached_pages <= 3
    assert seen == [f"HQ-{n:06d}" for n in range(1, 27)]
    assert model.rows_fetched == 26  # each page once: page 0 with the count, then by keyset
    # An evicted page is fetched again when it comes back into view.
    assert model.index(0, Column.NUMBER).data() == PLACEHOLDER
    _wait_loaded(qtbot, model, runner)
    assert model.index(0, Column.NUMBER).data() == "HQ-000001"


def test_a_failing_query_reports_a_readable_message(qtbot, small_desk, runner, monkeypatch):
    from sqlalchemy.exc import OperationalError

    panel = _panel(qtbot, small_desk, runner)
    _wait_loaded(qtbot, panel.model, runner)

    def broken(*args, **kwargs):
        raise OperationalError("SELECT count(*) ...", {}, Exception("database is locked"))

    monkeypatch.setattr(small_desk.services.queue, "count", broken)
    with qtbot.waitSignal(panel.load_failed, timeout=5_000) as blocker:
        panel.refresh()
    (message,) = blocker.args
    assert message.startswith("The ticket list could not be loaded:")
    assert "database is locked" in message
    assert not panel.model.loading
    monkeypatch.undo()
    with qtbot.waitSignal(panel.count_changed, timeout=5_000) as blocker:
        panel.refresh()  # the banner's retry
    assert blocker.args == [26]


def _panel(qtbot, desk: Desk, runner: TaskRunner) -> QueuePanel:
    panel = QueuePanel(desk.services, desk.agent, runner)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    return panel


def test_panel_parts_and_views(qtbot, small_desk, runner):
    panel = _panel(qtbot, small_desk, runner)
    _wait_loaded(qtbot, panel.model, runner)
    assert panel.findChild(QTableView, "ticketQueue") is panel.table
    assert panel.findChild(QLineEdit, "queueSearch") is panel.search
    assert panel.model.query.view is View.MY_OPEN
    assert panel.model.rowCount() == 26
    with qtbot.waitSignal(panel.count_changed, timeout=10_000) as blocker:
        panel.show_view(View.UNASSIGNED.value)
    assert blocker.args == [0]


def test_search_finds_an_interaction_word_typed_with_arabic_yeh(qtbot, small_desk, runner):
    panel = _panel(qtbot, small_desk, runner)
    _wait_loaded(qtbot, panel.model, runner)
    with qtbot.waitSignal(panel.count_changed, timeout=10_000) as blocker:
        # QTest cannot synthesise Persian key presses; insert() is what typing does.
        panel.search.insert("مشتري")  # with Arabic yeh (U+064A)
    assert blocker.args == [1]
    _wait_loaded(qtbot, panel.model, runner)
    assert _texts(panel.model, Column.SUBJECT) == ["Bill"]


def test_search_finds_a_customer_by_phone(qtbot, small_desk, runner):
    panel = _panel(qtbot, small_desk, runner)
    _wait_loaded(qtbot, panel.model, runner)
    with qtbot.waitSignal(panel.count_changed, timeout=10_000) as blocker:
        panel.search.setText("0935 444 5566")
    assert blocker.args == [1]
    _wait_loaded(qtbot, panel.model, runner)
    assert _texts(panel.model, Column.CUSTOMER) == ["Customer Hamid"]


def test_keyboard_selection_and_refresh_keeps_the_ticket(qtbot, small_desk, runner):
    panel = _panel(qtbot, small_desk, runner)
    _wait_loaded(qtbot, panel.model, runner)
    with qtbot.waitSignal(panel.ticket_selected, timeout=5_000):
        panel.select_next()
    with qtbot.waitSignal(panel.ticket_selected, timeout=5_000):
        panel.select_next()
    second = panel.current_ticket_id()
    assert second is not None and second == panel.model.ticket_id(1)
    panel.select_previous()
    assert panel.current_ticket_id() == panel.model.ticket_id(0)
    panel.select_next()
    panel.refresh()
    _wait_loaded(qtbot, panel.model, runner)
    qtbot.waitUntil(lambda: panel.table.currentIndex().row() == 1, timeout=5_000)
    assert panel.current_ticket_id() == second
    with qtbot.waitSignal(panel.ticket_activated, timeout=5_000) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert blocker.args == [second]


def test_filter_by_assignee_and_saved_views(qtbot, small_desk, runner):
    panel = _panel(qtbot, small_desk, runner)
    _wait_loaded(qtbot, panel.model, runner)
    qtbot.waitUntil(lambda: panel.assignee_filter.count() > 2, timeout=5_000)
    with qtbot.waitSignal(panel.count_changed, timeout=10_000) as blocker:
        panel.filter_by_assignee(small_desk.other_agent.user_id)
    assert blocker.args == [0]
    assert panel.model.query.view is View.ALL_OPEN
    with qtbot.waitSignal(panel.count_changed, timeout=10_000) as blocker:
        panel.filter_by_assignee(small_desk.agent.user_id)
    assert blocker.args == [26]
    # Save the filter plus a search as a custom view; it appears in the list.
    queue = small_desk.services.queue
    panel.search.setText("Router")
    _wait_loaded(qtbot, panel.model, runner)
    saved = queue.save_view(small_desk.agent, "Routers", panel._filter_from_bar().__class__(
        assignee_ids=(small_desk.agent.user_id,), text="Router"))
    panel._load_saved_views()
    qtbot.waitUntil(lambda: panel._item_for(f"saved:{saved.id}") is not None, timeout=5_000)
    panel.show_view(View.MY_TEAM.value)
    _wait_loaded(qtbot, panel.model, runner)
    with qtbot.waitSignal(panel.count_changed, timeout=10_000) as blocker:
        panel.show_view(f"saved:{saved.id}")
    assert blocker.args == [1]
    assert panel.search.text() == "Router"
    assert panel.delete_view_button.isEnabled()
    # A new panel asked for the saved view before its list has loaded shows it when it has.
    fresh = _panel(qtbot, small_desk, runner)
    fresh.show_view(f"saved:{saved.id}")
    qtbot.waitUntil(lambda: fresh.model.query.view is View.CUSTOM, timeout=5_000)
    _wait_loaded(qtbot, fresh.model, runner)
    assert fresh.model.rowCount() == 1 and fresh.search.text() == "Router"


# -- a big queue -----------------------------------------------------------------


@pytest.fixture(scope="session")
def big_queue_db(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = copy_sqlite(sqlite_template, tmp_path_factory.mktemp("bigqueue"))
    services = build_services(url)
    desk = make_desk(services)
    bulk_tickets(
        services.engine, BIG,
        # Ali's own tickets: all of them are his to see (services.visibility keeps another
        # team's tickets out of an agent's queue).
        assignee_ids=[desk.agent.user_id],
        team_ids=[],
    )
    # Make every ticket open so the All open view holds all BIG rows.
    with services.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE tickets SET status = 'open', resolved_at = NULL")
        conn.exec_driver_sql("ANALYZE")
    services.dispose()
    return url


def test_jump_to_the_end_of_a_big_queue_fetches_a_small_fraction(qtbot, big_queue_db, runner):
    services: Services = build_services(big_queue_db)
    try:
        actor = services.staff.actor("ali")
        model = QueueModel(services, actor, runner, page_size=100, max_pages=20)
        view = QTableView()
        qtbot.addWidget(view)
        view.verticalHeader().setDefaultSectionSize(24)
        view.setModel(model)
        view.resize(800, 600)
        view.show()
        model.set_query(QueueQuery(view=View.ALL_OPEN, sort=Sort.NUMBER))
        _wait_loaded(qtbot, model, runner)
        assert model.rowCount() == BIG
        last = model.index(BIG - 1, Column.NUMBER)
        view.scrollToBottom()
        view.setCurrentIndex(last)
        qtbot.waitUntil(lambda: last.data() != PLACEHOLDER, timeout=20_000)
        assert last.data() == f"HQ-{BIG:06d}"
        visible_top = view.rowAt(0)
        assert view.indexAt(view.viewport().rect().topLeft()).data() != PLACEHOLDER or (
            visible_top < 0
        )
        assert model.rows_fetched <= 1_000, model.rows_fetched  # 5 % of BIG at most
        assert model.rows_fetched < BIG / 20
        # Scroll up a page: fetched by keyset from the neighbour, still a trickle.
        view.scrollTo(model.index(BIG - 150, 0))
        probe = model.index(BIG - 150, Column.NUMBER)
        probe.data()
        qtbot.waitUntil(lambda: probe.data() != PLACEHOLDER, timeout=20_000)
        assert probe.data() == f"HQ-{BIG - 149:06d}"
        assert model.rows_fetched <= 1_500
    finally:
        runner.wait()
        services.dispose()


def test_save_and_delete_a_custom_view_through_the_panel(qtbot, small_desk, runner, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    panel = _panel(qtbot, small_desk, runner)
    _wait_loaded(qtbot, panel.model, runner)
    qtbot.waitUntil(lambda: panel.assignee_filter.count() > 2, timeout=5_000)
    panel.filters_button.click()
    assert panel.filter_bar.isVisibleTo(panel)
    panel.show_view(View.ALL_OPEN.value)
    _wait_loaded(qtbot, panel.model, runner)
    with qtbot.waitSignal(panel.count_changed, timeout=5_000) as blocker:
        panel.priority_filter.setCurrentIndex(panel.priority_filter.findData(Priority.NORMAL))
    assert blocker.args == [26]
    with qtbot.waitSignal(panel.count_changed, timeout=5_000) as blocker:
        panel.search.setText("Router")
    assert blocker.args == [1]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Normal routers", True))
    failures: list[str] = []
    panel.load_failed.connect(failures.append)
    panel.save_view_button.click()
    qtbot.waitUntil(lambda: failures or any(
        panel.views.item(i).text() == "Normal routers" for i in range(panel.views.count())
    ), timeout=5_000)
    assert failures == []
    (saved,) = small_desk.services.queue.saved_views(small_desk.agent)
    assert saved.filter.priorities == (Priority.NORMAL,) and saved.filter.text == "Router"
    assert panel.views.currentItem().text() == "Normal routers"
    assert panel.priority_filter.currentData() == Priority.NORMAL  # restored from the view
    assert panel.model.query.filter.priorities == (Priority.NORMAL,)
    assert panel.delete_view_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.delete_view_button.click()
    qtbot.waitUntil(lambda: panel._item_for(f"saved:{saved.id}") is None, timeout=5_000)
    assert small_desk.services.queue.saved_views(small_desk.agent) == []
    qtbot.waitUntil(lambda: panel.model.query.view is View.MY_OPEN, timeout=5_000)


def test_pages_dragged_past_are_not_read(qtbot, big_queue_db, runner, monkeypatch):
    """Dragging the scroll bar asks for a page at every position the handle passes; the
    runner cannot drop queued tasks, so the page under the released handle waited
    behind all of them (9-32 s at 1,000,000 tickets). A page no longer on screen when a
    worker takes it up is not read; the one shown at the end is."""
    services: Services = build_services(big_queue_db)
    try:
        model = QueueModel(services, services.staff.actor("ali"), runner, page_size=100,
                           max_pages=20)
        view = QTableView()
        qtbot.addWidget(view)
        view.verticalHeader().setDefaultSectionSize(24)
        view.setModel(model)
        view.resize(800, 400)
        view.show()
        model.set_query(QueueQuery(view=View.ALL_OPEN, sort=Sort.NUMBER))
        _wait_loaded(qtbot, model, runner)
        slow = services.queue.rows_at
        gate = threading.Event()

        def rows_at(*args, **kwargs):  # a slow database: no page read ends during the drag
            gate.wait(20)
            return slow(*args, **kwargs)

        monkeypatch.setattr(services.queue, "rows_at", rows_at)
        before = model.pages_fetched
        bar = view.verticalScrollBar()
        for value in range(0, bar.maximum(), bar.maximum() // 60):  # the handle, dragged
            bar.setValue(value)
            qtbot.wait(5)
        bar.setValue(bar.maximum())
        qtbot.wait(50)  # the handle rests: its paint asks for the bottom pages
        gate.set()
        last = model.index(BIG - 1, Column.NUMBER)
        qtbot.waitUntil(lambda: last.data() != PLACEHOLDER, timeout=20_000)
        assert last.data() == f"HQ-{BIG:06d}"
        _wait_loaded(qtbot, model, runner)
        # Read: the few already running when the drag went on (one per worker) and the
        # pages under the resting handle; every other page flown over is skipped.
        read = model.pages_fetched - before
        assert model.pages_skipped >= 30 and read <= 10, (read, model.pages_skipped)
    finally:
        runner.wait()
        services.dispose()
