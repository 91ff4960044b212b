"""Issue 9, point 5: the banner tells the state of the connection as it is now, and
Retry sends again the edit that was kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.exc import OperationalError

from deskapp.models.enums import InteractionKind

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _lost() -> OperationalError:
    return OperationalError("SELECT 1", {}, Exception("server closed the connection"))


def _open(qtbot, window, ticket_id):
    window.open_ticket(ticket_id)
    qtbot.waitUntil(lambda: window.ticket_view.detail is not None
                    and window.ticket_view.detail.ticket.id == ticket_id, timeout=5_000)


def test_retry_sends_the_kept_reply_once_the_connection_is_back(qtbot, window, floor):
    banner, view, feed = window.banner, window.ticket_view, window.parts.live.feed
    tickets = window.services.tickets
    ticket_id = floor.second.ticket.id  # Parisa has an email address
    _open(qtbot, window, ticket_id)
    real = tickets.add_interaction

    def down(*_args, **_kwargs):
        raise _lost()

    tickets.add_interaction = down
    view.composer.editor.setPlainText("The refund is on its way.")
    qtbot.mouseClick(view.composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: banner.isVisibleTo(window), timeout=5_000)
    assert "cannot be reached" in banner.message
    assert banner.has_kept_edit

    feed.connection_lost.emit("Connection to the database lost; reconnecting…")
    assert banner.isVisibleTo(window) and "reconnecting" in banner.message
    assert banner.has_kept_edit  # the unsent reply is not forgotten

    tickets.add_interaction = real
    feed.connection_restored.emit()
    # up to date: the connection is back, the reply still waits for Retry
    assert banner.isVisibleTo(window)
    assert "cannot be reached" not in banner.message and "back" in banner.message
    retry = banner.findChild(type(view.composer.send_button), "failureRetry")
    assert retry.isVisibleTo(window)
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.composer.text() == "", timeout=5_000)
    assert not banner.isVisibleTo(window)
    bodies = [i.body for i in tickets.get(floor.desk.agent, ticket_id).interactions
              if i.kind is InteractionKind.EMAIL]
    assert bodies.count("The refund is on its way.") == 1


def test_a_connection_failure_goes_when_the_connection_is_back(qtbot, window, floor):
    banner, feed = window.banner, window.parts.live.feed
    window.queue.load_failed.emit("The database cannot be reached: server closed")
    banner.show_failure(_lost(), retry=window.refresh_all)  # a load that failed
    assert banner.isVisibleTo(window)
    feed.connection_restored.emit()
    assert not banner.isVisibleTo(window)

    # a refusal is not about the connection: it stays until dismissed
    banner.show_failure(RuntimeError("disk full"))
    feed.connection_restored.emit()
    assert banner.isVisibleTo(window)
