"""A real desk from an empty SQLite database, through the workstation's own start-up:
the setup wizard (a duplicate team name refused first, nothing written) -> a team with
two agents -> log in as one -> log a call -> functional escalation to the team ->
auto-assignment gives it to the agent who is Available, not to the one who went Away."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QTableWidgetItem
from sqlalchemy import func, select

from deskapp.app import start_workstation
from deskapp.config import Settings
from deskapp.models import Team, User
from deskapp.models.enums import Presence
from deskapp.ui.admin.setup_wizard import SetupWizard
from deskapp.ui.admin.staff_window import StaffWindow


def _count(services, model) -> int:
    with services.engine.connect() as c:
        return c.scalar(select(func.count()).select_from(model))


def _user_row(wizard: SetupWizard, values: list[str], role: str) -> None:
    page = wizard.users_page
    page.add_user("", "", page.ROLES[0], "", "")
    row = page.table.rowCount() - 1
    for col, value in zip((0, 1, 3, 4), values, strict=True):
        page.table.setItem(row, col, QTableWidgetItem(value))
    combo = page.table.cellWidget(row, 2)
    combo.setCurrentIndex(combo.findData(role))


@pytest.fixture
def english_afterwards(qapp):
    """The login applies the user's language (Persian here): restore English after."""
    yield
    from deskapp.ui.i18n import apply_language

    apply_language(qapp, "en")


@pytest.mark.usefixtures("english_afterwards")
def test_first_start_to_auto_assigned_escalation(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("DESKAPP_DEMO", "0")
    url = f"sqlite:///{tmp_path / 'new-desk.sqlite3'}"
    qsettings = QSettings(str(tmp_path / "deskapp.ini"), QSettings.Format.IniFormat)
    flow = start_workstation(Settings(url, is_default_database=True), qsettings=qsettings)
    services = flow.services
    qtbot.waitUntil(lambda: flow.setup_wizard is not None, timeout=30_000)
    wizard: SetupWizard = flow.setup_wizard
    assert flow.login_dialog is None  # nobody could log in yet

    # Sites: HQ in Tehran (the default row); calendar: the Iranian week (default).
    assert [s.code for s in wizard.sites_page.sites()] == ["HQ"]
    teams = wizard.teams_page.table
    teams.setRowCount(2)
    teams.setItem(1, 0, QTableWidgetItem("front desk"))  # a duplicate of "Front desk"
    users = wizard.users_page
    users.table.setItem(0, 4, QTableWidgetItem("admin-password"))
    _user_row(wizard, ["ali", "Ali Rezaei", "Front desk, Network", "ali-password"], "agent")
    # Sorts before Ali: round-robin would start with her if she were Available.
    _user_row(wizard, ["sara", "Afsaneh Ahmadi", "Network", "sara-password"], "agent")
    wizard.accept()  # Finish
    qtbot.waitUntil(lambda: not users.error.isHidden(), timeout=10_000)
    assert "already exists" in users.error.text()
    assert (_count(services, User), _count(services, Team)) == (0, 0)

    teams.setItem(1, 0, QTableWidgetItem("Network"))
    teams.setItem(1, 1, QTableWidgetItem("network, fibre"))
    with qtbot.waitSignal(wizard.finished_setup, timeout=10_000):
        wizard.accept()
    qtbot.waitUntil(lambda: flow.login_dialog is not None, timeout=10_000)
    assert "admin" in flow.login_dialog.hint_label.text()

    # The administrator turns Network's auto-assignment on in Staff and teams.
    staff = StaffWindow(services, services.staff.actor("admin"), flow.runner)
    qtbot.addWidget(staff)
    qtbot.waitUntil(lambda: len(staff.teams) == 2, timeout=10_000)
    page = staff.teams_page
    page.list.setCurrentRow(next(i for i in range(page.list.count())
                                 if page.list.item(i).text() == "Network"))
    page.auto_assign.setCurrentIndex(page.auto_assign.findData("round_robin"))
    with qtbot.waitSignal(staff.loaded, timeout=10_000):
        page.save_button.click()
    assert services.staff_admin.get_team("Network").auto_assign == "round_robin"
    staff.close()
    # Sara logged in and went Away.
    sara = services.staff.authenticate("sara", "sara-password")
    services.presence.set(sara, Presence.AWAY)

    dialog = flow.login_dialog  # deletes itself on close
    dialog.username.setText("ali")
    dialog.password.setText("ali-password")
    with qtbot.waitSignal(flow.window_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
    window = flow.window
    qtbot.addWidget(window)

    log = window.log_call()
    log.new_group.setChecked(True)
    qtbot.keyClicks(log.new_name, "Parisa Kamali")
    qtbot.keyClicks(log.new_phones, "0912 345 6789")
    qtbot.keyClicks(log.subject, "Fibre link down since morning")
    with qtbot.waitSignal(log.ticket_logged, timeout=10_000) as logged:
        qtbot.mouseClick(log.ok_button, Qt.MouseButton.LeftButton)
    detail = logged.args[0]

    escalate = window.escalation_wiring.escalate(detail)
    qtbot.waitUntil(lambda: escalate.reason.count() > 1 and escalate.team_list.count() > 0,
                    timeout=10_000)
    row = next(i for i in range(escalate.team_list.count())
               if "Network" in escalate.team_list.item(i).text())  # (Persian UI: fa user)
    escalate.team_list.setCurrentRow(row)
    escalate.reason.setCurrentIndex(1)
    qtbot.keyClicks(escalate.note, "Needs the fibre team.")
    with qtbot.waitSignal(escalate.ticket_escalated, timeout=10_000) as done:
        qtbot.mouseClick(escalate.ok_button, Qt.MouseButton.LeftButton)
    ticket = done.args[0].ticket
    assert ticket.team_name == "Network"
    assert ticket.assignee_name == "Ali Rezaei"  # Available; Afsaneh (sara) is Away

    with qtbot.waitSignal(window.closing):
        window.close()
    flow.runner.wait()
    assert services.presence.current(services.staff.actor("ali")).stored is Presence.OFFLINE
    services.dispose()
