"""A reply sent while the connection drops: kept in the composer with a message, and
sending it again once the connection is back stores it once, even when the first
attempt did commit before the connection went (the reply to the client was lost)."""

from __future__ import annotations

import pytest
import shiboken6
from sqlalchemy.exc import OperationalError

from deskapp.models.enums import InteractionKind
from tests.unit.test_tickets import log


@pytest.fixture
def window(qtbot, desk, sqlite_url):
    from deskapp.app import build_workstation

    win = build_workstation(sqlite_url, "ali")
    yield win
    if shiboken6.isValid(win):
        win.runner.wait(10_000)
        win.close()
        win.deleteLater()


def test_a_send_lost_with_the_connection_is_kept_and_stored_once(qtbot, desk, window):
    t = log(desk).ticket
    view = window.ticket_view
    with qtbot.waitSignal(view.ticket_loaded, timeout=10_000):
        window.open_ticket(t.id)
    tickets = window.services.tickets
    real = tickets.add_interaction
    calls: list[object] = []

    def commits_then_loses_the_reply(*args, **kwargs):
        calls.append(kwargs.get("interaction_id"))
        real(*args, **kwargs)  # it reached the database...
        raise OperationalError("COMMIT", {}, Exception("server closed the connection"))

    tickets.add_interaction = commits_then_loses_the_reply
    view.composer.editor.setPlainText("Please restart the modem.")
    view.composer.send_button.click()
    qtbot.waitUntil(lambda: not view.error.isHidden(), timeout=10_000)
    assert "what you typed is kept" in view.error.text()
    assert view.composer.text() == "Please restart the modem."

    tickets.add_interaction = lambda *a, **kw: (calls.append(kw.get("interaction_id")),
                                                real(*a, **kw))[1]
    with qtbot.waitSignal(view.ticket_loaded, timeout=10_000):
        view.composer.send_button.click()  # the connection is back: send again
    assert view.composer.text() == ""
    assert calls[0] is not None and calls == [calls[0], calls[0]]
    bodies = [i.body for i in tickets.get(desk.agent, t.id).interactions
              if i.kind is InteractionKind.EMAIL or i.body == "Please restart the modem."]
    assert bodies.count("Please restart the modem.") == 1
