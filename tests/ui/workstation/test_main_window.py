"""The workstation window: opening tickets, the customer history, status bar, banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy.exc import OperationalError

from deskapp.models.enums import Status
from deskapp.ui.customer.history_model import TICKET_ID_ROLE


def _open(qtbot, window, ticket_id):
    window.open_ticket(ticket_id)
    qtbot.waitUntil(
        lambda: window.ticket_view.detail is not None
        and window.ticket_view.detail.ticket.id == ticket_id
        and window.history.history is not None
        and window.history.history.customer.id == window.ticket_view.detail.customer.id
    )


def test_status_bar_names_user_role_and_database(window, floor):
    assert "Ali Rezaei" in window.user_label.text()
    assert "Agent" in window.user_label.text()
    assert window.database_label.text() == floor.desk.services.database_label
    assert floor.url.split("///")[-1] in window.database_label.text()


def test_opening_a_ticket_fills_the_customer_history(qtbot, window, floor):
    _open(qtbot, window, floor.second.ticket.id)
    pane = window.history
    model = pane.tickets_model
    refs = [model.ticket(r).reference for r in range(model.rowCount())]
    # both of Parisa's tickets, newest first; nobody else's
    assert refs == [floor.second.ticket.reference, floor.first.ticket.reference]
    assert floor.other.ticket.reference not in refs
    assert pane.name.text() == "Parisa Kamali"
    assert "regulator" in pane.warning.text() and not pane.warning.isHidden()
    assert pane.stats["open"].text() == "2"
    assert pane.interactions_model.rowCount() == 2
    header = window.ticket_view.header
    assert floor.second.ticket.reference in header.title.text()
    assert header.value("customer") == "Parisa Kamali"
    assert header.value("assignee") == "Ali Rezaei"

    # another customer's ticket: the pane follows, the warning banner goes away
    _open(qtbot, window, floor.other.ticket.id)
    assert pane.name.text() == "Omid Jafari"
    assert pane.warning.isHidden()
    assert pane.tickets_model.rowCount() == 1


def test_one_click_on_an_earlier_ticket_opens_it(qtbot, window, floor):
    _open(qtbot, window, floor.second.ticket.id)
    view = window.history.tickets_view
    row = next(
        r for r in range(view.model().rowCount())
        if view.model().index(r, 0).data(TICKET_ID_ROLE) == floor.first.ticket.id
    )
    index = view.model().index(row, 2)
    window.show()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    qtbot.waitUntil(
        lambda: window.ticket_view.detail is not None
        and window.ticket_view.detail.ticket.id == floor.first.ticket.id
    )


def test_reply_goes_into_the_timeline_and_clears_the_composer(qtbot, window, floor):
    _open(qtbot, window, floor.first.ticket.id)
    view = window.ticket_view
    window.actions_by_name["replyAction"].trigger()
    view.composer.editor.setPlainText("We reset the line; please restart the router.")
    before = view.timeline_model.rowCount()
    qtbot.mouseClick(view.composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.timeline_model.rowCount() == before + 1)
    assert view.composer.text() == ""
    last = view.timeline_model.interaction(before)
    assert last.body.startswith("We reset the line")
    assert last.author_name == "Ali Rezaei"


def test_internal_note_is_marked_and_distinct(qtbot, window, floor):
    _open(qtbot, window, floor.first.ticket.id)
    view = window.ticket_view
    window.actions_by_name["noteAction"].trigger()
    assert view.composer.mode.value == "note"
    view.composer.editor.setPlainText("Customer is on a legacy plan.")
    qtbot.mouseClick(view.composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.timeline_model.rowCount() == 2)
    index = view.timeline_model.index(1, 0)
    assert "internal note" in index.data()
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_stale_status_change_says_who_and_keeps_the_typed_text(qtbot, window, floor):
    desk = floor.desk
    _open(qtbot, window, floor.first.ticket.id)
    view = window.ticket_view
    loaded = view.detail.ticket
    view.composer.editor.setPlainText("Half-written answer the agent must not lose")
    # Meanwhile the supervisor moves the ticket on another workstation.
    desk.services.tickets.change_status(
        desk.supervisor, loaded.id, loaded.version, Status.PENDING_CUSTOMER
    )
    qtbot.mouseClick(view.status_controls.buttons[Status.RESOLVED], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.conflict.isHidden())
    assert "Maryam Hosseini" in view.conflict.message
    assert loaded.reference in view.conflict.message
    assert view.composer.text() == "Half-written answer the agent must not lose"
    assert desk.services.tickets.get(desk.agent, loaded.id).ticket.status is Status.PENDING_CUSTOMER

    qtbot.mouseClick(view.conflict.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail.ticket.version != loaded.version)
    assert view.conflict.isHidden()
    assert view.detail.ticket.status is Status.PENDING_CUSTOMER
    assert view.composer.text() == "Half-written answer the agent must not lose"

    # After the reload the edit goes through, with a satisfaction score.
    view.status_controls.csat.setCurrentIndex(view.status_controls.csat.findData(4))
    qtbot.mouseClick(view.status_controls.buttons[Status.RESOLVED], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail.ticket.status is Status.RESOLVED)
    assert view.detail.ticket.csat == 4
    assert "Reopen" in [b.text() for b in view.status_controls.buttons.values()]


def test_status_buttons_follow_the_lifecycle(qtbot, window, floor):
    _open(qtbot, window, floor.first.ticket.id)
    buttons = window.ticket_view.status_controls.buttons
    assert set(buttons) == {Status.PENDING_CUSTOMER, Status.PENDING_THIRD_PARTY, Status.RESOLVED}


def test_failing_load_shows_the_banner_and_retry_recovers(qtbot, window, floor, monkeypatch):
    tickets = window.services.tickets
    real_get = tickets.get

    def lost(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(tickets, "get", lost)
    window.open_ticket(floor.first.ticket.id)
    qtbot.waitUntil(lambda: not window.banner.isHidden())
    assert "server closed the connection" in window.banner.message
    monkeypatch.setattr(tickets, "get", real_get)
    qtbot.mouseClick(window.banner._retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ticket_view.detail is not None)
    assert window.banner.isHidden()


def test_unhandled_task_failure_shows_the_banner(qtbot, window):
    def boom():
        raise RuntimeError("query failed")

    window.runner.submit(boom, on_done=lambda _: None)
    qtbot.waitUntil(lambda: not window.banner.isHidden())
    assert "query failed" in window.banner.message


def test_keyboard_actions_reach_the_queue(window, monkeypatch):
    calls = []
    for name in ("select_next", "select_previous", "focus_search", "refresh"):
        monkeypatch.setattr(window.queue, name, lambda name=name: calls.append(name))
    for action in ("nextTicketAction", "previousTicketAction", "searchAction", "refreshAction"):
        window.actions_by_name[action].trigger()
    assert calls == ["select_next", "select_previous", "focus_search", "refresh"]


def test_escalate_is_a_disabled_hook_until_wired(qtbot, window, floor):
    action = window.actions_by_name["escalateAction"]
    assert action.isEnabled()  # the composition root wires the escalation dialog
    window.set_escalation_handler(None)
    assert not action.isEnabled()
    seen = []
    window.set_escalation_handler(seen.append)
    assert action.isEnabled()
    _open(qtbot, window, floor.first.ticket.id)
    action.trigger()
    assert seen and seen[0].ticket.id == floor.first.ticket.id


def test_excepthook_logs_and_shows_the_banner_instead_of_crashing(window, monkeypatch):
    import sys

    from deskapp.ui.banner import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(lambda: window.banner)
    try:
        raise ValueError("slot blew up")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert not window.banner.isHidden()
    assert "slot blew up" in window.banner.message


def test_drafts_stay_with_their_ticket(qtbot, window, floor):
    view = window.ticket_view
    _open(qtbot, window, floor.first.ticket.id)
    view.composer.editor.setPlainText("draft for the first ticket")
    _open(qtbot, window, floor.second.ticket.id)
    assert view.composer.text() == ""
    view.composer.editor.setPlainText("draft for the second ticket")
    _open(qtbot, window, floor.first.ticket.id)
    assert view.composer.text() == "draft for the first ticket"
    _open(qtbot, window, floor.second.ticket.id)
    assert view.composer.text() == "draft for the second ticket"


def test_rows_flown_over_open_only_the_row_the_choice_rests_on(qtbot, window, floor,
                                                             monkeypatch):
    """Page Down or J held: each row chosen in passing would load and lay out a ticket
    and its customer's history (issue 16: GUI-thread turns); the first choice opens at
    once, the rows flown over do not, the one the choice rests on does."""
    from deskapp.ui.main_window import RAPID_CHOICE_MS

    opened: list = []
    monkeypatch.setattr(window.ticket_view, "load", opened.append)
    first, second, other = floor.first.ticket.id, floor.second.ticket.id, floor.other.ticket.id
    for ticket_id in (first, second, other):
        window.queue.ticket_selected.emit(ticket_id)
    assert opened == [first]
    qtbot.waitUntil(lambda: opened == [first, other], timeout=5_000)
    qtbot.wait(RAPID_CHOICE_MS * 2)
    window.queue.ticket_selected.emit(second)  # after a pause: at once
    assert opened == [first, other, second]
