"""One composition root: the window tests build and the window the login opens are
the same window, built by deskapp.ui.workstation.compose_window with its parts passed
in; closing it ends the session through one ``closing`` signal; background replies
for a deleted widget are dropped by the TaskRunner."""

from __future__ import annotations

import threading

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSplitter, QWidget

from deskapp.ui.tasks import TaskRunner
from deskapp.ui.workstation import Background


def _shape(window) -> dict:
    """What a user can see and reach: actions, menus, tabs, status-bar parts."""
    return {
        "actions": sorted(a.objectName() for a in window.findChildren(QAction) if a.objectName()),
        "menus": [a.text() for a in window.menuBar().actions()],
        "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
        "status": sorted(
            w.objectName() for w in window.statusBar().findChildren(QWidget) if w.objectName()
        ),
        "ticket_column": [
            w.objectName() for w in (window.ticket_column.widget(i)
                                     for i in range(window.ticket_column.count()))
        ],
    }


def test_the_login_opens_the_same_window_tests_build(qtbot, tmp_path):
    from deskapp.app import build_workstation, start_workstation
    from deskapp.config import Settings
    from deskapp.models.enums import Role
    from deskapp.services.permissions import SYSTEM

    def demo(services, progress):
        services.staff.create_user(SYSTEM, "boss", "Boss", Role.SUPERVISOR, "boss-password")
        progress(1, 1)

    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    qsettings = QSettings(str(tmp_path / "deskapp.ini"), QSettings.Format.IniFormat)
    flow = start_workstation(Settings(url, is_default_database=True), demo=demo,
                             qsettings=qsettings)
    qtbot.waitUntil(lambda: flow.login_dialog is not None, timeout=30_000)
    dialog = flow.login_dialog  # the flow's own: it deletes it after the login
    dialog.username.setText("boss")
    dialog.password.setText("boss-password")
    with qtbot.waitSignal(flow.window_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
    started = flow.window
    qtbot.addWidget(started)
    built = build_workstation(url, "boss")
    qtbot.addWidget(built)

    assert _shape(started) == _shape(built)
    shape = _shape(built)
    assert "Supervisor" in shape["tabs"] and "notificationBell" in shape["status"]
    assert "decisionAction" in shape["actions"]
    # Started after login: the scheduler/poll and the feed run; built: nothing runs.
    assert started.parts.notifications.running and not built.parts.notifications.running
    # The escalation history sits under the ticket, placed by a hook, not swapped in.
    # Under it: the escalation history and the audit History (ui/admin).
    assert shape["ticket_column"] == ["ticketDetail", "escalationHistory", "ticketAuditHistory"]
    assert built.findChild(QSplitter, "ticketColumn") is built.ticket_column
    assert built.ticket_column.widget(1) is built.parts.escalations.history

    with qtbot.waitSignal(started.closing):
        started.close()
    assert not started.parts.notifications.running
    flow.runner.wait()
    built.runner.wait()
    flow.services.dispose()


def test_closing_stops_the_session_parts_once(qtbot, desk, sqlite_url):
    from deskapp.app import build_workstation

    class Scheduler:
        def __init__(self, on_raised):
            pass

        def start(self):
            stops.append("started")

        def stop(self):
            stops.append("scheduler")

    stops: list[str] = []
    window = build_workstation(sqlite_url, "ali", background=Background(
        scheduler_factory=Scheduler, start=True))
    qtbot.addWidget(window)
    feed = window.parts.live.feed
    assert feed._source._running  # the SQLite data_version watcher runs
    window.closing.connect(lambda: stops.append("closing"))
    window.show()
    qtbot.waitUntil(lambda: window.runner.idle, timeout=10_000)
    window.close()
    assert stops == ["started", "scheduler", "closing"]
    assert not window.parts.notifications.running
    assert not feed._source._running  # the SQLite data_version watcher stopped
    window.runner.wait()


def test_a_reply_for_a_deleted_owner_is_dropped(qtbot):
    runner = TaskRunner()
    owner = QLabel()
    gate = threading.Event()
    called: list[object] = []
    runner.submit(lambda: gate.wait(5) and 42, on_done=called.append,
                  on_error=called.append, owner=owner)
    kept = QLabel()
    runner.submit(lambda: 7, on_done=called.append, owner=kept)
    qtbot.waitUntil(lambda: called == [7], timeout=5_000)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _valid(owner), timeout=5_000)
    gate.set()
    qtbot.waitUntil(lambda: runner.idle, timeout=5_000)
    assert called == [7]  # the deleted owner's reply never arrived
    runner.wait()


def _valid(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
