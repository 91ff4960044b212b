"""The SLA settings menu: managers get it, agents do not."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from tests.helpers.sla import make_sla_desk


@pytest.fixture
def sla_url(sqlite_url):
    make_sla_desk(sqlite_url).services.dispose()
    return sqlite_url


def _window(qtbot, url, username):
    from deskapp.app import build_workstation

    win = build_workstation(url, username)
    qtbot.addWidget(win)
    return win


def test_managers_get_the_settings_menu_and_its_dialogs_load(qtbot, sla_url):
    win = _window(qtbot, sla_url, "nima")
    wiring = win.parts.sla_settings
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles.index("&Settings") < titles.index("&Help")  # before Help (and Desk)
    action = win.findChild(QAction, "slaPoliciesAction")
    action.trigger()
    qtbot.waitSignal(wiring.dialog.loaded, timeout=10_000).wait()  # loads in the background
    assert wiring.dialog.policy_list.count() == 4
    win.findChild(QAction, "calendarsAction").trigger()
    qtbot.waitUntil(lambda: wiring.dialog.calendar_list.count() == 1, timeout=10_000)
    win.runner.wait(10_000)


def test_agents_do_not_see_it(qtbot, sla_url):
    win = _window(qtbot, sla_url, "ali")
    assert "&Settings" not in [a.text() for a in win.menuBar().actions()]
    assert win.findChild(QAction, "slaPoliciesAction") is None
    win.runner.wait(10_000)
