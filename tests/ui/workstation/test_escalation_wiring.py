"""Escalation in the workstation: Ctrl+E on the open ticket, the escalation history under
it, the supervisor tab for supervisors only, agent click filtering the queue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from deskapp.ui.dialogs.escalate_dialog import EscalateDialog
from deskapp.ui.supervisor.view import SupervisorView


def _wiring(window):
    return window.parts.escalations


def _workstation(qtbot, floor, username):
    from deskapp.app import build_workstation

    win = build_workstation(floor.url, username)
    qtbot.addWidget(win)
    return win


def _open(qtbot, window, ticket_id):
    window.open_ticket(ticket_id)
    qtbot.waitUntil(lambda: window.ticket_view.detail is not None
                    and window.ticket_view.detail.ticket.id == ticket_id)


def test_ctrl_e_escalates_the_open_ticket(qtbot, window, floor):
    wiring = _wiring(window)
    action = window.actions_by_name["escalateAction"]
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+E"
    assert window.findChild(SupervisorView) is None  # agents get no supervisor view
    _open(qtbot, window, floor.first.ticket.id)
    action.trigger()
    dialog = wiring.dialog
    assert isinstance(dialog, EscalateDialog) and dialog.ticket.id == floor.first.ticket.id
    qtbot.waitUntil(lambda: dialog.team_list.count() == 1)
    dialog.team_list.setCurrentRow(0)
    dialog.reason.setCurrentIndex(dialog.reason.findData("needs_specialist"))
    qtbot.keyClicks(dialog.note, "Billing must check the double charge.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # The ticket reloads with its new team, and the history appears under it.
    qtbot.waitUntil(lambda: window.ticket_view.detail.ticket.team_name == "Billing",
                    timeout=10_000)
    qtbot.waitUntil(lambda: wiring.history.isVisibleTo(window)
                    and wiring.history.list.count() == 1, timeout=10_000)
    assert "Functional escalation by Ali Rezaei to Billing" in wiring.history.list.item(0).text()


def test_supervisor_gets_the_view_and_filters_the_queue_by_agent(qtbot, floor):
    window = _workstation(qtbot, floor, "maryam")
    wiring = _wiring(window)
    view = wiring.supervisor_view
    assert view is not None and view.objectName() == "supervisorView"
    tabs = window.findChild(QTabWidget, "viewTabs")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        tabs.setCurrentIndex(wiring.supervisor_tab)
    row = view.agents.row_of(floor.desk.agent.user_id)
    calls = []
    window.queue.filter_by_assignee = calls.append  # observe the queue being asked
    view.agent_table.doubleClicked.emit(view.agents.index(row, 0))
    assert calls == [floor.desk.agent.user_id] and tabs.currentIndex() == 0
    window.runner.wait(10_000)


def test_the_started_workstation_is_wired(qtbot, tmp_path):
    """The real start-up path (login, then the window) installs the escalation parts."""
    from PySide6.QtCore import QSettings

    from deskapp.app import start_workstation
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
    dialog = flow.login_dialog
    qtbot.addWidget(dialog)
    dialog.username.setText("boss")
    dialog.password.setText("boss-password")
    with qtbot.waitSignal(flow.window_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
    window = flow.window
    qtbot.addWidget(window)
    assert window.actions_by_name["escalateAction"].isEnabled()
    assert window.findChild(SupervisorView, "supervisorView") is not None
    flow.runner.wait()
    window.close()
    flow.services.dispose()
