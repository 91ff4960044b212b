"""Issue 9, point 4 (workstation): the ticket view follows the ticket. The previous
ticket's escalations and "Return to tier 1…" go as soon as another ticket (or none)
is opened; a reply goes out on the ticket's channel; a channel the customer cannot be
reached on is not offered and is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from deskapp.models.enums import InteractionKind

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _open(qtbot, window, ticket_id):
    window.open_ticket(ticket_id)
    qtbot.waitUntil(lambda: window.ticket_view.detail is not None
                    and window.ticket_view.detail.ticket.id == ticket_id, timeout=5_000)


def test_escalations_of_the_previous_ticket_go_when_the_ticket_changes(qtbot, window, floor):
    desk = floor.desk
    billing = next(t for t in desk.services.staff.list_teams() if t.name == "Billing")
    ticket = floor.first.ticket
    desk.services.escalations.escalate_functional(
        desk.agent, ticket.id, ticket.version, to_team_id=billing.id,
        reason="needs_specialist", note="Double charge.",
    )
    history = window.parts.escalations.history
    _open(qtbot, window, ticket.id)
    qtbot.waitUntil(lambda: history.isVisibleTo(window) and history.list.count() == 1,
                    timeout=5_000)
    assert history.deescalate_button.isEnabled()

    window.open_ticket(None)  # the ticket is closed from the view
    assert not history.isVisibleTo(window)
    assert history.list.count() == 0 and not history.deescalate_button.isEnabled()

    _open(qtbot, window, ticket.id)
    qtbot.waitUntil(lambda: history.isVisibleTo(window), timeout=5_000)
    window.open_ticket(floor.other.ticket.id)  # another ticket: gone before it loads
    assert not history.isVisibleTo(window) and history.list.count() == 0
    _open(qtbot, window, floor.other.ticket.id)
    qtbot.wait(100)
    assert not history.isVisibleTo(window)


def test_reply_defaults_to_the_ticket_channel_and_skips_unreachable_ones(
    qtbot, window, floor
):
    view = window.ticket_view
    composer = view.composer
    # Omid called (phone ticket) and has no email address.
    _open(qtbot, window, floor.other.ticket.id)
    assert composer.reply_kind() is InteractionKind.CALL
    email_row = composer.channel.findData(InteractionKind.EMAIL.value)
    assert not composer.channel.model().item(email_row).isEnabled()
    window.actions_by_name["replyAction"].trigger()
    composer.editor.setPlainText("Called back: the password is reset.")
    before = view.timeline_model.rowCount()
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.timeline_model.rowCount() == before + 1, timeout=5_000)
    kinds = [i.kind for i in floor.desk.services.tickets.get(
        floor.desk.agent, floor.other.ticket.id).interactions]
    assert kinds[-1] is InteractionKind.CALL

    # Parisa's second ticket came by email: replies go by email.
    _open(qtbot, window, floor.second.ticket.id)
    assert composer.reply_kind() is InteractionKind.EMAIL
    assert composer.channel.model().item(email_row).isEnabled()
    # the agent's choice survives a reload of the same ticket
    composer.channel.setCurrentIndex(composer.channel.findData(InteractionKind.CALL.value))
    view.reload()
    qtbot.wait(200)
    assert composer.reply_kind() is InteractionKind.CALL


def test_an_email_to_a_customer_without_an_address_is_refused_in_words(qtbot, window, floor):
    view = window.ticket_view
    composer = view.composer
    _open(qtbot, window, floor.other.ticket.id)  # Omid has no email address
    composer.channel.setCurrentIndex(composer.channel.findData(InteractionKind.EMAIL.value))
    composer.editor.setPlainText("Your password is reset.")
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.error.isHidden(), timeout=5_000)
    assert "Omid Jafari has no email address" in view.error.text()
    assert composer.text() == "Your password is reset."  # kept
