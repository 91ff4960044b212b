"""Two workstations on the real PostgreSQL: what one does shows on the other's screen.

Workstation A is a services facade (the supervisor's clicks, done directly); workstation
B is a real main window with live updates attached.
"""

from __future__ import annotations

import psycopg
import pytest
import shiboken6

from deskapp.models.enums import Status
from deskapp.services.changes import LISTENER_APPLICATION_NAME
from deskapp.services.facade import build_services
from deskapp.ui.live.backoff import Backoff
from deskapp.ui.live.wiring import LiveUpdates
from tests.helpers.databases import _libpq
from tests.helpers.staff import make_desk
from tests.unit.test_tickets import log

pytestmark = [
    pytest.mark.postgres,
]


@pytest.fixture
def desk_a(pg_url):
    a = build_services(pg_url)
    yield make_desk(a)
    a.dispose()


@pytest.fixture
def window_b(qtbot, desk_a, pg_url):
    from deskapp.app import build_workstation

    win = build_workstation(pg_url, "ali")
    live = win.parts.live
    live.feed._source._backoff = Backoff(first=0.1, cap=1.0)
    with qtbot.waitSignal(live.feed.changed, timeout=10_000):  # first catch-up refresh
        live.feed.start()
    win.live_for_test = live
    yield win
    if shiboken6.isValid(win):
        live.feed.stop()
        win.runner.wait(10_000)
        win.close()
        win.deleteLater()


def _ids_in_queue(win) -> set:
    model = win.queue.model
    return {model.ticket_id(r) for r in range(model.rowCount()) if model.row_at(r)}


def test_a_reassignment_reaches_the_other_workstations_queue(qtbot, desk_a, window_b):
    t = log(desk_a).ticket  # ali's ticket
    qtbot.waitUntil(lambda: t.id in _ids_in_queue(window_b), timeout=5_000)
    desk_a.services.tickets.assign(
        desk_a.supervisor, t.id, t.version, desk_a.other_agent.user_id, reason="billing"
    )
    # Ali's "my open tickets" no longer holds it: the queue refreshed by itself.
    qtbot.waitUntil(lambda: t.id not in _ids_in_queue(window_b), timeout=5_000)


def test_the_open_ticket_says_who_changed_it(qtbot, desk_a, window_b):
    t = log(desk_a).ticket
    view = window_b.ticket_view
    qtbot.waitUntil(lambda: t.id in _ids_in_queue(window_b), timeout=5_000)
    with qtbot.waitSignal(view.ticket_loaded, timeout=5_000):
        window_b.queue.select_next()  # the agent picks it in the queue
    assert view.ticket_id == t.id
    live: LiveUpdates = window_b.live_for_test
    # Nothing typed: the view reloads at once and says who changed it.
    moved = desk_a.services.tickets.change_status(
        desk_a.supervisor, t.id, t.version, Status.PENDING_THIRD_PARTY
    )
    qtbot.waitUntil(lambda: view.detail.ticket.version == moved.version, timeout=5_000)
    qtbot.waitUntil(lambda: not view.conflict.isHidden(), timeout=5_000)
    assert view.conflict.message == (
        f"{t.reference} was changed by Maryam Hosseini on another workstation; "
        "showing the latest."
    )
    # With a draft in the composer: say so, offer Reload, keep the draft.
    view.composer.editor.setPlainText("Dear customer, ")
    view.conflict.hide()
    before = live.open_ticket_notices
    again = desk_a.services.tickets.change_status(
        desk_a.supervisor, t.id, moved.version, Status.OPEN
    )
    qtbot.waitUntil(lambda: live.open_ticket_notices > before, timeout=5_000)
    assert "Reload to see the change; what you typed is kept." in view.conflict.message
    assert view.detail.ticket.version == moved.version  # not yanked from under the agent
    with qtbot.waitSignal(view.ticket_loaded, timeout=5_000):
        view.conflict.button.click()
    assert view.detail.ticket.version == again.version
    assert view.composer.text() == "Dear customer, "


def test_connection_loss_shows_the_banner_and_recovers(qtbot, desk_a, window_b, pg_url):
    live: LiveUpdates = window_b.live_for_test
    pid = live.feed._source.backend_pid
    with psycopg.connect(_libpq(pg_url), autocommit=True) as admin:
        found = admin.execute(
            "select pid from pg_stat_activity where application_name = %s",
            (LISTENER_APPLICATION_NAME,),
        ).fetchall()
        assert (pid,) in found
        with qtbot.waitSignal(live.feed.connection_lost, timeout=10_000):
            admin.execute("select pg_terminate_backend(%s)", (pid,))
    assert not window_b.banner.isHidden()
    assert window_b.banner.message.startswith("Connection lost — reconnecting")
    with qtbot.waitSignal(live.feed.connection_restored, timeout=15_000):
        pass
    assert window_b.banner.isHidden()
    t = log(desk_a).ticket  # and changes flow again
    qtbot.waitUntil(lambda: t.id in _ids_in_queue(window_b), timeout=5_000)


def test_the_notification_centre_and_the_supervisor_view_follow(qtbot, desk_a, pg_url):
    """B is the supervisor's window with a notification centre and a visible supervisor
    view, as the composition root wires them; A hands work over elsewhere."""
    from deskapp.app import build_workstation

    win = build_workstation(pg_url, "maryam")
    centre = win.parts.centre
    view = win.parts.escalations.supervisor_view
    assert view is not None
    win.tabs.setCurrentIndex(win.parts.escalations.supervisor_tab)
    win.show()
    live = win.parts.live
    with qtbot.waitSignal(live.feed.changed, timeout=10_000):
        live.feed.start()
    try:
        assert view.isVisible()
        with qtbot.waitSignal(view.loaded, timeout=5_000):
            t = log(desk_a).ticket  # a new ticket on the supervisor's team
        # The manager hands it to the supervisor: her notification arrives, no polling.
        with qtbot.waitSignal(centre.refreshed, timeout=5_000):
            desk_a.services.tickets.assign(desk_a.manager, t.id, t.version,
                                           desk_a.supervisor.user_id)
        qtbot.waitUntil(lambda: centre.unread >= 1, timeout=5_000)
    finally:
        live.feed.stop()
        win.runner.wait(10_000)
        win.close()
        win.deleteLater()
