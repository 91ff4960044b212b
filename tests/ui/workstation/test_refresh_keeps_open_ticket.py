"""A live refresh of the queue never closes or replaces the ticket the agent has open:
only the agent's own choice of row (or another ticket opened) does."""

from __future__ import annotations

from PySide6.QtCore import Qt

from deskapp.services.changes import ChangeBatch
from deskapp.ui.customer.history_model import TICKET_ID_ROLE


def _ids_in_queue(window) -> set:
    model = window.queue.model
    return {model.ticket_id(r) for r in range(model.rowCount()) if model.row_at(r)}


def _click_queue_row(qtbot, window, ticket_id) -> None:
    """The agent clicks the ticket's row in the queue; it opens with its customer."""
    table, model = window.queue.table, window.queue.model
    qtbot.waitUntil(lambda: ticket_id in _ids_in_queue(window), timeout=5_000)
    row = next(r for r in range(model.rowCount()) if model.ticket_id(r) == ticket_id)
    index = model.index(row, 1)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())
    qtbot.waitUntil(
        lambda: window.ticket_view.detail is not None
        and window.ticket_view.detail.ticket.id == ticket_id
        and window.history.history is not None
        and window.history.history.customer.id == window.ticket_view.detail.customer.id,
        timeout=5_000,
    )
    assert window.queue.current_ticket_id() == ticket_id


def _reassign_away(floor, ticket_id) -> None:
    """The supervisor, on another workstation, gives the ticket to another agent: it
    leaves Ali's "My open tickets"."""
    desk = floor.desk
    version = desk.services.tickets.get(desk.supervisor, ticket_id).ticket.version
    desk.services.tickets.assign(
        desk.supervisor, ticket_id, version, desk.other_agent.user_id, reason="billing"
    )


def _wait_until_gone_from_queue(qtbot, window, ticket_id) -> None:
    qtbot.waitUntil(
        lambda: ticket_id not in _ids_in_queue(window)
        and window.queue.current_ticket_id() is None
        and not window.queue.table.currentIndex().isValid(),
        timeout=5_000,
    )


def test_a_ticket_reassigned_away_stays_open_with_the_notice_and_the_draft(
    qtbot, window, floor
):
    live = window.parts.live  # not started: the test emits what the feed would
    window.show()
    first = floor.first.ticket.id
    view = window.ticket_view
    _click_queue_row(qtbot, window, first)
    view.composer.editor.setPlainText("Dear Parisa, the router ")
    selected: list = []
    window.queue.ticket_selected.connect(selected.append)

    _reassign_away(floor, first)
    live.feed.changed.emit(ChangeBatch.full())  # what the feed announces after that commit

    _wait_until_gone_from_queue(qtbot, window, first)
    qtbot.waitUntil(lambda: live.open_ticket_notices >= 1, timeout=5_000)
    assert selected == []  # the refresh chose nothing for the agent
    assert view.ticket_id == first
    assert view.detail is not None and view.detail.ticket.id == first
    assert not view.conflict.isHidden()
    assert view.conflict.message == (
        f"{floor.first.ticket.reference} was changed by Maryam Hosseini on another "
        "workstation. Reload to see the change; what you typed is kept."
    )
    assert view.composer.text() == "Dear Parisa, the router "
    # The agent's own choice of row still opens another ticket.
    _click_queue_row(qtbot, window, floor.second.ticket.id)
    assert view.ticket_id == floor.second.ticket.id


def test_a_ticket_opened_from_the_customer_history_survives_a_queue_refresh(
    qtbot, window, floor
):
    window.show()
    first, second = floor.first.ticket.id, floor.second.ticket.id
    _click_queue_row(qtbot, window, first)  # the queue's current row is the first ticket
    history = window.history.tickets_view
    row = next(
        r for r in range(history.model().rowCount())
        if history.model().index(r, 0).data(TICKET_ID_ROLE) == second
    )
    qtbot.mouseClick(history.viewport(), Qt.MouseButton.LeftButton,
                     pos=history.visualRect(history.model().index(row, 2)).center())
    view = window.ticket_view
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.ticket.id == second,
                    timeout=5_000)

    # A plain refresh (F5, a change elsewhere) leaves it alone...
    with qtbot.waitSignal(window.queue.count_changed, timeout=5_000):
        window.refresh_all()
    qtbot.waitUntil(lambda: window.queue.current_ticket_id() == first, timeout=5_000)
    assert view.ticket_id == second

    # ...and so does one in which the queue's current ticket leaves the view.
    _reassign_away(floor, first)
    window.refresh_tickets([first])
    _wait_until_gone_from_queue(qtbot, window, first)
    qtbot.waitUntil(lambda: window.runner.idle, timeout=5_000)
    assert view.ticket_id == second
    assert view.detail.ticket.id == second


def test_rows_moving_under_the_open_ticket_do_not_replace_it(qtbot, window, floor):
    """Another ticket above the open one leaves the view: the rows shift and the last
    row goes away — under the open ticket's row. The queue follows the open ticket to
    its new row; nothing else opens."""
    window.show()
    model = window.queue.model
    qtbot.waitUntil(lambda: len(_ids_in_queue(window)) == 3, timeout=5_000)
    last = model.ticket_id(model.rowCount() - 1)
    above = model.ticket_id(0)
    _click_queue_row(qtbot, window, last)
    selected: list = []
    window.queue.ticket_selected.connect(selected.append)

    _reassign_away(floor, above)
    window.refresh_tickets([above])
    qtbot.waitUntil(lambda: above not in _ids_in_queue(window) and model.rowCount() == 2,
                    timeout=5_000)
    qtbot.waitUntil(lambda: window.runner.idle, timeout=5_000)
    assert selected == []
    assert window.ticket_view.ticket_id == last
    assert window.queue.current_ticket_id() == last
    assert model.ticket_id(window.queue.table.currentIndex().row()) == last
