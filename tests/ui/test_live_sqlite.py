"""SQLite: windows and processes on one file see each other's commits through
PRAGMA data_version, as a full refresh."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtGui import QAction
from sqlalchemy.engine import make_url

from deskapp.services.changes import ChangeBatch
from deskapp.services.facade import build_services
from deskapp.ui.live import make_change_feed
from deskapp.ui.live.feed import ChangeFeed
from deskapp.ui.live.sqlite_watcher import DataVersionWatcher
from tests.helpers.staff import make_desk
from tests.unit.test_tickets import log


def _started_feed(qtbot, engine) -> ChangeFeed:
    feed = make_change_feed(engine, coalesce_ms=20, sqlite_interval_ms=50)
    assert feed.kind == "sqlite"
    feed.start()
    watcher = feed._source
    qtbot.waitUntil(lambda: watcher.polls >= 1, timeout=5_000)  # baseline read
    return feed


def test_a_commit_by_another_connection_is_a_full_refresh(qtbot, sqlite_url):
    writer = build_services(sqlite_url)
    desk = make_desk(writer)
    reader = build_services(sqlite_url)
    feed = _started_feed(qtbot, reader.engine)
    with qtbot.waitSignal(feed.changed, timeout=5_000) as blocker:
        log(desk)
    assert blocker.args[0] == ChangeBatch.full()
    # Quiet file: polls continue, nothing is announced.
    emitted = feed.batches_emitted
    polls = feed._source.polls
    qtbot.waitUntil(lambda: feed._source.polls >= polls + 3, timeout=5_000)
    assert feed.batches_emitted == emitted
    feed.stop()
    writer.dispose()
    reader.dispose()


def test_a_commit_by_another_process_is_seen(qtbot, sqlite_url):
    reader = build_services(sqlite_url)
    feed = _started_feed(qtbot, reader.engine)
    path = make_url(sqlite_url).database
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('create table probe (x)'); c.execute('insert into probe values (1)'); "
        "c.commit()"
    )
    with qtbot.waitSignal(feed.changed, timeout=5_000) as blocker:
        subprocess.run([sys.executable, "-c", script, path], check=True)
    assert blocker.args[0].full_refresh
    feed.stop()
    reader.dispose()


def test_an_unreadable_file_is_reported_lost_then_restored(qtbot, tmp_path):
    path = tmp_path / "gone.sqlite3"
    feed = ChangeFeed(coalesce_ms=10)
    watcher = DataVersionWatcher(tmp_path / "no-such-dir" / "x.sqlite3", feed, interval_ms=20)
    feed.attach(watcher)
    with qtbot.waitSignal(feed.connection_lost, timeout=5_000) as lost:
        feed.start()
    assert "cannot be read" in lost.args[0]
    watcher._path = str(path)  # the share is back
    with (
        qtbot.waitSignal(feed.connection_restored, timeout=5_000),
        qtbot.waitSignal(feed.changed, timeout=5_000) as changed,
    ):
        pass
    assert changed.args[0].full_refresh
    feed.stop()


def test_in_memory_databases_have_nothing_to_watch(qtbot):
    services = build_services("sqlite:///:memory:")
    feed = make_change_feed(services.engine)
    assert feed.kind == "none"
    feed.start()
    feed.stop()
    services.dispose()


def test_a_window_on_sqlite_follows_another_process_and_stops_on_close(qtbot, desk, sqlite_url):
    from deskapp.app import build_workstation

    win = build_workstation(sqlite_url, "ali")
    live = win.parts.live
    live.feed.start()
    assert live.feed.kind == "sqlite"
    assert win.findChild(QAction, "connectionAction") is None  # administrators only
    watcher = live.feed._source
    model = win.queue.model
    qtbot.waitUntil(lambda: watcher.polls >= 1 and model.query is not None and model.idle,
                    timeout=10_000)
    assert model.rowCount() == 0
    t = log(desk).ticket  # another "workstation" on the same file logs Ali a call
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.ticket_id(0) == t.id,
                    timeout=10_000)
    win.close()
    assert not watcher._running
    win.runner.wait()
    win.deleteLater()
