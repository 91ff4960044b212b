"""The customer history lists every ticket of the customer, windowed like the queue
(issue 16, point 3): the count first, then pages read in the background as the agent
scrolls; dragging to the end shows the oldest ticket."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from deskapp.models import Ticket
from deskapp.services.customers import NewCustomer
from deskapp.services.facade import build_services
from deskapp.services.tickets import NewCall
from deskapp.ui.customer.history_model import PLACEHOLDER, TICKET_ID_ROLE, CustomerTicketsModel
from deskapp.ui.customer.history_pane import CustomerHistoryPane
from deskapp.ui.tasks import TaskRunner
from tests.helpers.bulk import bulk_tickets
from tests.helpers.staff import make_desk

TICKETS = 3_000


@pytest.fixture
def big_customer(sqlite_url):
    services = build_services(sqlite_url)
    desk = make_desk(services)
    agents = [desk.agent.user_id]
    teams = [t.id for t in services.staff.list_teams()]
    # One customer per five tickets: a few thousand tickets, then moved to one customer.
    bulk_tickets(services.engine, TICKETS, assignee_ids=agents, team_ids=teams, seed=3)
    opened = services.tickets.log_call(desk.agent, NewCall(
        subject="Calling again", new_customer=NewCustomer(name="Parisa", phones=["09120001234"])))
    customer_id = opened.customer.id
    start = datetime(2020, 1, 1, tzinfo=UTC)
    with services.engine.begin() as conn:
        conn.execute(update(Ticket.__table__).values(customer_id=customer_id))
        # Two tickets created at the same instant: the keyset's id breaks the tie.
        conn.execute(update(Ticket.__table__).where(Ticket.__table__.c.number <= 2)
                     .values(created_at=start))
    with services.uow(read_only=True) as uow:
        from sqlalchemy import select
        order = list(uow.session.execute(
            select(Ticket.id).order_by(Ticket.created_at.desc(), Ticket.id.desc())).scalars())
    try:
        yield services, desk, customer_id, order
    finally:
        services.dispose()


def test_history_lists_every_ticket_and_scrolls_to_the_oldest(qtbot, qtmodeltester, big_customer):
    services, desk, customer_id, order = big_customer
    assert len(order) == TICKETS + 1
    runner = TaskRunner()
    pane = CustomerHistoryPane(services, desk.agent, runner)
    qtbot.addWidget(pane)
    pane.resize(500, 700)
    pane.show()
    with qtbot.waitSignal(pane.history_loaded, timeout=20_000) as loaded:
        pane.show_customer(customer_id)
    history = loaded.args[0]
    assert history.total_count == history.shown_count == TICKETS + 1
    assert len(history.tickets) == 100
    model = pane.tickets_model
    assert model.rowCount() == TICKETS + 1  # not just the 100 of the first page
    assert model.index(0, 0).data(TICKET_ID_ROLE) == order[0]
    assert model.index(150, 0).data() == PLACEHOLDER  # not read yet
    # Drag the scroll bar to the end: the oldest page is read, not every page between.
    bar = pane.tickets_view.verticalScrollBar()
    before = model.pages_fetched
    with qtbot.waitSignal(model.page_loaded, timeout=20_000):
        bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: model.idle and model.loaded(TICKETS), timeout=20_000)
    assert model.pages_fetched - before <= 3  # page 1 (asked above), the last one or two
    assert model.index(TICKETS, 0).data(TICKET_ID_ROLE) == order[-1]
    # Scrolling up from the end reads the page before by keyset, in the same order.
    last = TICKETS // 100 * 100
    bar.setValue(bar.maximum() - 150)
    qtbot.waitUntil(lambda: model.idle and model.loaded(last - 100), timeout=20_000)
    shown = [model.index(r, 0).data(TICKET_ID_ROLE) for r in range(last - 100, TICKETS + 1)]
    assert shown == order[last - 100:]
    qtmodeltester.check(model)
    runner.wait(20_000)


def test_history_pages_by_keyset_and_by_position_agree(qtbot, big_customer):
    services, desk, customer_id, order = big_customer
    c = services.customers
    newest = c.history_tickets(desk.agent, customer_id, limit=100)
    assert [t.id for t in newest] == order[:100]
    key = (newest[-1].created_at, newest[-1].id)
    nxt = c.history_tickets(desk.agent, customer_id, after=key, limit=100)
    assert [t.id for t in nxt] == order[100:200]
    assert [t.id for t in c.history_tickets(desk.agent, customer_id, offset=100, limit=100)] \
        == order[100:200]
    oldest = c.history_tickets(desk.agent, customer_id, oldest_first=True, limit=5)
    assert [t.id for t in oldest] == order[::-1][:5]
    key = (oldest[-1].created_at, oldest[-1].id)
    assert [t.id for t in c.history_tickets(desk.agent, customer_id, after=key,
                                            oldest_first=True, limit=5)] == order[::-1][5:10]


def test_a_short_history_is_one_page(qapp, qtmodeltester):
    model = CustomerTicketsModel()
    qtmodeltester.check(model)
    model.set_tickets([], total=500)  # no runner: nothing to page with, just what is given
    assert model.rowCount() == 0
    qtmodeltester.check(model)




def test_history_keeps_a_bounded_number_of_pages(qtbot, big_customer):
    """Scrolling through the whole history keeps only ``max_pages`` pages in memory; a
    page scrolled away is read again when it comes back into view."""
    from PySide6.QtWidgets import QAbstractItemView

    services, desk, customer_id, order = big_customer
    runner = TaskRunner()
    pane = CustomerHistoryPane(services, desk.agent, runner)
    qtbot.addWidget(pane)
    pane.resize(500, 700)
    pane.show()
    with qtbot.waitSignal(pane.history_loaded, timeout=20_000):
        pane.show_customer(customer_id)
    model, view = pane.tickets_model, pane.tickets_view
    model.max_pages = 3
    top = QAbstractItemView.ScrollHint.PositionAtTop
    seen = []
    for row in range(0, model.rowCount(), 100):  # page by page, newest to oldest
        view.scrollTo(model.index(row, 0), top)
        qtbot.waitUntil(lambda r=row: model.idle and model.loaded(r), timeout=20_000)
        seen.append(model.index(row, 0).data(TICKET_ID_ROLE))
        assert model.cached_pages <= 3
    assert seen == order[::100]
    fetched = model.pages_fetched
    view.scrollTo(model.index(0, 0), top)  # back to the newest: read again
    qtbot.waitUntil(lambda: model.idle and model.loaded(0), timeout=20_000)
    assert model.pages_fetched > fetched
    assert model.index(0, 0).data(TICKET_ID_ROLE) == order[0]
    runner.wait(20_000)


def test_a_hidden_history_reads_only_its_first_page(qtbot, big_customer):
    """A hidden pane (another tab in front) sizing its columns must not read every page
    of the history to measure them."""
    services, desk, customer_id, _order = big_customer
    runner = TaskRunner()
    pane = CustomerHistoryPane(services, desk.agent, runner)
    qtbot.addWidget(pane)  # never shown
    with qtbot.waitSignal(pane.history_loaded, timeout=20_000):
        pane.show_customer(customer_id)
    model = pane.tickets_model
    pane.tickets_view.resizeColumnsToContents()
    qtbot.wait(200)
    assert model.idle and model.pages_fetched == 0
    runner.wait(20_000)
