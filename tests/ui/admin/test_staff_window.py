"""Staff and teams window: create a team with skills in both languages, add people,
and bad input (a duplicate team name, a team removed on another workstation, a short
password) gives a clear message and writes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem
from sqlalchemy import func, select

from deskapp.models import AuditEntry, Team, User
from deskapp.ui.admin.staff_window import StaffWindow


def _count(desk, model) -> int:
    with desk.services.engine.connect() as c:
        return c.scalar(select(func.count()).select_from(model))


def _open(qtbot, desk, actor, runner) -> StaffWindow:
    window = StaffWindow(desk.services, actor, runner)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window.teams), timeout=10_000)
    return window


def _check(listwidget, key: str) -> None:
    for i in range(listwidget.count()):
        if listwidget.item(i).data(Qt.ItemDataRole.UserRole) == key:
            listwidget.item(i).setCheckState(Qt.CheckState.Checked)


def test_create_a_team_with_skills_and_members(qtbot, desk, runner):
    w = _open(qtbot, desk, desk.admin, runner)
    page = w.teams_page
    page.new_button.click()
    page.name.setText("Network")
    page.tier.setValue(2)
    page.skills.insertRow(0)
    for col, text in enumerate(("network", "Network", "شبکه")):
        page.skills.setItem(0, col, QTableWidgetItem(text))
    _check(page.members, "reza")
    page.supervisor.setCurrentIndex(page.supervisor.findData("maryam"))
    page.auto_assign.setCurrentIndex(page.auto_assign.findData("round_robin"))
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        page.save_button.click()
    team = desk.services.staff_admin.get_team("Network")
    assert team.auto_assign == "round_robin"
    assert (team.tier, team.skills, team.member_names, team.supervisor_name) == (
        2, ("network",), ("reza",), "Maryam Hosseini")
    assert team.skill_labels == {"network": {"en": "Network", "fa": "شبکه"}}
    assert "Network" in w.status.text()


def test_duplicate_team_name_says_so_and_writes_nothing(qtbot, desk, runner):
    w = _open(qtbot, desk, desk.manager, runner)
    before = (_count(desk, Team), _count(desk, AuditEntry))
    page = w.teams_page
    page.new_button.click()
    page.name.setText("billing")
    page.save_button.click()
    qtbot.waitUntil(lambda: not page.error.isHidden(), timeout=10_000)
    assert "already exists" in page.error.text()
    assert (_count(desk, Team), _count(desk, AuditEntry)) == before


def test_member_added_to_a_team_removed_elsewhere(qtbot, desk, runner):
    w = _open(qtbot, desk, desk.admin, runner)
    page = w.teams_page
    row = next(i for i in range(page.list.count()) if page.list.item(i).text() == "Billing")
    page.list.setCurrentRow(row)
    # Another workstation moves the work away and removes the team meanwhile.
    desk.services.staff_admin.remove_team(desk.admin, "Billing")
    before = _count(desk, AuditEntry)
    _check(page.members, "ali")
    page.save_button.click()
    qtbot.waitUntil(lambda: not page.error.isHidden(), timeout=10_000)
    assert "no longer exists" in page.error.text()
    assert _count(desk, AuditEntry) == before


def test_supervisor_edits_only_members_of_own_team(qtbot, desk, runner):
    w = _open(qtbot, desk, desk.supervisor, runner)
    assert w.people_page is None  # people are the administrators' business
    page = w.teams_page
    assert not page.new_button.isVisibleTo(w) and not page.name.isEnabled()
    row = next(i for i in range(page.list.count()) if page.list.item(i).text() == "Front desk")
    page.list.setCurrentRow(row)
    assert page.members.isEnabled()
    _check(page.members, "sara")
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        page.save_button.click()
    assert "sara" in desk.services.staff_admin.get_team("Front desk").member_names


def test_add_a_user_and_a_short_password_is_refused(qtbot, desk, runner):
    w = _open(qtbot, desk, desk.admin, runner)
    page = w.people_page
    assert page is not None
    page.new_button.click()
    page.username.setText("leila")
    page.display_name.setText("Leila Mousavi")
    page.password.setText("short")
    _check(page.teams, "Billing")
    users = _count(desk, User)
    page.save_button.click()
    qtbot.waitUntil(lambda: not page.error.isHidden(), timeout=10_000)
    assert "8 characters" in page.error.text()
    assert _count(desk, User) == users
    page.password.setText("long enough pw")
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        page.save_button.click()
    info = desk.services.staff_admin.get_user("leila")
    assert info.team_names == ("Billing",)
    # Disable: the open tickets are listed.
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        page.disable_button.click()
    assert not desk.services.staff_admin.get_user("leila").active
    assert "no open tickets" in w.status.text()
