"""Two workstations on one PostgreSQL: a change in one reaches the other's ChangeFeed
through LISTEN/NOTIFY, and the listener survives having its connection killed.
Run a second time through PgBouncer (pg_routes), where the feed follower replaces
LISTEN; the LISTEN-only tests skip there."""

from __future__ import annotations

import psycopg
import pytest

from deskapp.services.changes import LISTENER_APPLICATION_NAME, ChangeBatch
from deskapp.services.facade import build_services
from deskapp.ui.live import make_change_feed
from deskapp.ui.live.backoff import Backoff
from tests.helpers.databases import _libpq
from tests.helpers.staff import make_desk
from tests.unit.test_tickets import log

pytestmark = [pytest.mark.postgres, pytest.mark.pg_routes]  # also through PgBouncer


def _listen_only(pg_url: str) -> None:
    if "pooler=" in pg_url:
        pytest.skip("LISTEN needs a direct connection; behind PgBouncer the feed is polled")


@pytest.fixture
def two_workstations(pg_url, qtbot):
    a = build_services(pg_url)
    b = build_services(pg_url)
    desk = make_desk(a)
    feed = make_change_feed(b.engine, coalesce_ms=50)
    assert feed.kind == ("postgresql-feed" if "pooler=" in pg_url else "postgresql")
    listener = feed._source
    listener._backoff = Backoff(first=0.1, cap=1.0)
    # The first connect asks for a catch-up refresh: wait for it, then we listen.
    with qtbot.waitSignal(feed.changed, timeout=10_000) as first:
        feed.start()
    assert first.args[0].full_refresh
    yield desk, b, feed
    feed.stop()
    a.dispose()
    b.dispose()


def _is_reassignment_of(ticket_id, assignee_id=None):
    def check(batch: ChangeBatch) -> bool:
        return (
            not batch.full_refresh
            and batch.touches_ticket(ticket_id)
            and "assignments" in batch.tables
        )

    return check


def test_reassignment_on_one_workstation_reaches_the_other(two_workstations, qtbot):
    desk, b, feed = two_workstations
    t = log(desk).ticket
    with qtbot.waitSignal(
        feed.changed, timeout=5_000, check_params_cb=_is_reassignment_of(t.id)
    ) as blocker:
        moved = desk.services.tickets.assign(
            desk.supervisor, t.id, t.version, desk.other_agent.user_id, reason="billing"
        )
    batch: ChangeBatch = blocker.args[0]
    assert batch.ticket_version(t.id) == moved.version
    assert batch.ticket_changed_by(t.id) == desk.supervisor.user_id
    assert desk.other_agent.user_id in batch.recipient_ids  # the notification row
    assert batch.touches_customer(t.customer_id)
    # Workstation B reads the new owner from its own engine.
    seen = b.tickets.get(desk.supervisor, t.id).ticket
    assert seen.assignee_id == desk.other_agent.user_id and seen.version == moved.version


def test_listener_reconnects_after_its_backend_is_terminated(two_workstations, qtbot, pg_url):
    _listen_only(pg_url)
    desk, b, feed = two_workstations
    listener = feed._source
    with psycopg.connect(_libpq(pg_url), autocommit=True) as admin:
        pids = [
            r[0]
            for r in admin.execute(
                "select pid from pg_stat_activity where application_name = %s "
                "and datname = current_database()",
                (LISTENER_APPLICATION_NAME,),
            )
        ]
        assert pids == [listener.backend_pid]
        with (
            qtbot.waitSignal(feed.connection_lost, timeout=10_000) as lost,
            qtbot.waitSignal(feed.connection_restored, timeout=15_000),
            qtbot.waitSignal(
                feed.changed, timeout=15_000, check_params_cb=lambda b: b.full_refresh
            ),
        ):
            admin.execute("select pg_terminate_backend(%s)", (pids[0],))
    assert "Connection lost" in lost.args[0]
    assert listener.connects == 2 and listener.backend_pid not in (None, pids[0])
    # A full refresh was announced after the restore; later changes still arrive.
    t = log(desk).ticket
    with qtbot.waitSignal(
        feed.changed, timeout=5_000, check_params_cb=_is_reassignment_of(t.id)
    ):
        desk.services.tickets.assign(desk.supervisor, t.id, t.version, desk.other_agent.user_id)


def test_a_full_refresh_notice_reloads_the_listening_workstation(
    two_workstations, qtbot, pg_url
):
    """A branch's large push batch NOTIFYs once, {"full": true}, not per row (0019)."""
    _listen_only(pg_url)
    _desk, _b, feed = two_workstations
    from deskapp.services.changes import CHANNEL, FULL_REFRESH_PAYLOAD

    with (
        psycopg.connect(_libpq(pg_url), autocommit=True) as writer,
        qtbot.waitSignal(feed.changed, timeout=5_000) as blocker,
    ):
        writer.execute("select pg_notify(%s, %s)", (CHANNEL, FULL_REFRESH_PAYLOAD))
    assert blocker.args[0].full_refresh


def test_listener_keeps_retrying_while_the_server_refuses(qtbot, pg_url):
    """A listener pointed at a missing database reports the loss once and keeps
    trying with backoff (it does not spin, and does not crash)."""
    _listen_only(pg_url)
    b = build_services(pg_url)
    url = b.engine.url.set(database="deskapp_no_such_db")
    from deskapp.services.changes import listener_conninfo
    from deskapp.ui.live.feed import ChangeFeed
    from deskapp.ui.live.pg_listener import PgListener

    feed = ChangeFeed()
    listener = PgListener(listener_conninfo(url), feed, backoff=Backoff(first=0.05, cap=0.2))
    feed.attach(listener)
    with qtbot.waitSignal(feed.connection_lost, timeout=10_000) as lost:
        feed.start()
    assert "no database deskapp_no_such_db" in lost.args[0]
    qtbot.waitUntil(lambda: listener._backoff.attempt >= 3, timeout=10_000)
    assert not feed.connected and not listener.listening
    feed.stop()
    b.dispose()
