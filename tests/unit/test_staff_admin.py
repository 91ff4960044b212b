"""People and teams: services.staff_admin (teams, users, disable, password reset)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from deskapp.models import AuditEntry, Team
from deskapp.models.enums import Channel, Presence, Role
from deskapp.services.customers import NewCustomer
from deskapp.services.errors import (
    AlreadyExists,
    AuthenticationFailed,
    NotFound,
    PasswordChangeRequired,
    PermissionDenied,
    StaleUpdate,
    ValidationFailed,
)
from deskapp.services.permissions import SYSTEM
from deskapp.services.staff_admin import skill_label
from deskapp.services.tickets import NewCall
from tests.helpers.staff import PASSWORD, Desk


def _audit(desk: Desk) -> int:
    with desk.services.engine.connect() as c:
        return c.scalar(select(func.count()).select_from(AuditEntry))


def test_a_fresh_database_can_create_a_team_and_then_a_user_in_it(services):
    admin = services.staff_admin
    team = admin.create_team(
        SYSTEM, "Front desk", skills=["General", "billing"],
        skill_labels={"billing": {"en": "Billing", "fa": "صورت‌حساب"}},
    )
    assert team.skills == ("billing", "general")
    assert skill_label(team, "billing", "fa") == "صورت‌حساب"
    assert skill_label(team, "general", "fa") == "general"
    bob = services.staff.create_user(SYSTEM, "bob", "Bob", Role.AGENT, PASSWORD,
                                     team_names=["Front desk"])
    assert bob.team_names == ("Front desk",)


def test_duplicate_team_name_is_refused_case_insensitively_and_nothing_is_written(desk: Desk):
    before = _audit(desk)
    with pytest.raises(AlreadyExists) as e:
        desk.services.staff_admin.create_team(desk.admin, "front DESK")
    assert e.value.code == "team.exists"
    assert _audit(desk) == before
    billing = desk.services.staff_admin.get_team("Billing")
    with pytest.raises(AlreadyExists):
        desk.services.staff_admin.edit_team(desk.admin, billing.id, billing.version,
                                            name="Front desk")


def test_rename_skills_supervisor_members_audited(desk: Desk):
    svc = desk.services.staff_admin
    t = svc.get_team("Billing")
    t2 = svc.edit_team(desk.manager, t.id, t.version, name="Billing & refunds",
                       skills=["billing", "refunds"], supervisor="nima",
                       members=["sara", "ali"],
                       skill_labels={"refunds": {"en": "Refunds", "fa": "بازپرداخت"}})
    assert t2.name == "Billing & refunds"
    assert t2.supervisor_name == "Nima Moradi"
    assert t2.member_names == ("ali", "sara")
    assert t2.version > t.version
    with pytest.raises(StaleUpdate):
        svc.edit_team(desk.manager, t.id, t.version, description="old version")
    with pytest.raises(ValidationFailed) as e:
        svc.edit_team(desk.manager, t.id, t2.version, supervisor="ali")
    assert e.value.code == "team.supervisor_role"
    with pytest.raises(ValidationFailed):
        svc.edit_team(desk.manager, t.id, None, skill_labels={"network": {"en": "Net"}})


def test_membership_changes_bump_versions(desk: Desk):
    """Two administrators editing one team's members (or one user's teams) from stale
    windows: the second is refused, not silently merged."""
    svc = desk.services.staff_admin
    team = svc.get_team("Billing")
    svc.edit_team(desk.manager, team.id, team.version, members=["sara"])
    with pytest.raises(StaleUpdate):
        svc.edit_team(desk.manager, team.id, team.version, members=["sara", "reza", "ali"])
    user = svc.get_user("ali")
    svc.edit_user(desk.admin, "ali", user.version, team_names=["Billing"])
    with pytest.raises(StaleUpdate):
        svc.edit_user(desk.admin, "ali", user.version, team_names=["Front desk"])


def test_supervisor_changes_members_of_own_team_only(desk: Desk):
    svc = desk.services.staff_admin
    svc.add_member(desk.supervisor, "Front desk", "sara")
    with pytest.raises(PermissionDenied):
        svc.edit_team(desk.supervisor, "Front desk", name="Reception")
    svc.edit_team(desk.manager, "Billing", supervisor=None)
    with pytest.raises(PermissionDenied):
        svc.add_member(desk.supervisor, "Billing", "ali")
    with pytest.raises(PermissionDenied):
        svc.add_member(desk.agent, "Front desk", "sara")


def test_adding_to_a_team_removed_elsewhere_says_so_and_writes_nothing(desk: Desk):
    svc = desk.services.staff_admin
    shown = svc.get_team("Front desk")  # the window still shows it
    # Another admin moves the open work away and removes the team.
    svc.remove_team(desk.admin, "Front desk")
    before = _audit(desk)
    with pytest.raises(NotFound) as e:
        svc.add_member(desk.admin, shown.id, "sara")
    assert e.value.code == "team.not_found"
    assert _audit(desk) == before
    # The name is free again.
    svc.create_team(desk.admin, "Front desk")


def test_a_team_with_open_tickets_cannot_be_removed(desk: Desk):
    s = desk.services
    t = s.tickets.log_call(desk.agent, NewCall(subject="No line", new_customer=NewCustomer("X"),
                                               channel=Channel.PHONE))
    s.tickets.assign(SYSTEM, t.ticket.id, t.ticket.version, None,
                     team_id=s.staff_admin.get_team("Billing").id)
    with pytest.raises(ValidationFailed) as e:
        s.staff_admin.remove_team(desk.admin, "Billing")
    assert e.value.code == "team.has_open_tickets"
    assert e.value.params["count"] == 1
    with s.uow() as uow:
        assert uow.session.scalar(select(Team).where(Team.name == "Billing")).deleted_at is None


def test_edit_user_role_tier_teams_language(desk: Desk):
    svc = desk.services.staff_admin
    u = svc.get_user("sara")
    u2 = svc.edit_user(desk.admin, "sara", u.version, role="specialist", tier=2,
                       team_names=["Front desk", "Billing"], language="fa",
                       display_name="Sara A.", email="sara@example.com")
    assert (u2.role, u2.tier, u2.team_names, u2.language, u2.display_name, u2.email) == (
        Role.SPECIALIST, 2, ("Billing", "Front desk"), "fa", "Sara A.", "sara@example.com")
    with pytest.raises(StaleUpdate):
        svc.edit_user(desk.admin, "sara", u.version, tier=1)
    with pytest.raises(ValidationFailed):
        svc.edit_user(desk.admin, "sara", None, language="de")
    with pytest.raises(NotFound):
        svc.edit_user(desk.admin, "sara", None, team_names=["Nowhere"])
    with pytest.raises(PermissionDenied):
        svc.edit_user(desk.manager, "sara", None, tier=3)
    with pytest.raises(ValidationFailed):
        svc.edit_user(desk.admin, "root", None, role="agent")


def test_disable_lists_open_tickets_blocks_login_and_leaves_rotation(desk: Desk):
    s = desk.services
    s.staff.authenticate("ali", PASSWORD)
    t = s.tickets.log_call(desk.agent, NewCall(subject="Slow", new_customer=NewCustomer("Y")))
    s.tickets.assign(SYSTEM, t.ticket.id, t.ticket.version, desk.agent.user_id)
    result = s.staff_admin.disable_user(desk.admin, "ali")
    assert not result.user.active
    assert result.user.presence is Presence.OFFLINE
    assert [x.reference for x in result.open_tickets] == [t.ticket.reference]
    with pytest.raises(AuthenticationFailed) as e:
        s.staff.authenticate("ali", PASSWORD)
    assert e.value.code == "auth.disabled"
    with pytest.raises(ValidationFailed):
        s.staff_admin.disable_user(desk.admin, "root")
    s.staff_admin.enable_user(desk.admin, "ali")
    assert s.staff.authenticate("ali", PASSWORD).username == "ali"


def test_disabled_agent_is_not_auto_assigned(desk: Desk):
    s = desk.services
    team = s.staff_admin.get_team("Front desk")
    s.staff_admin.add_member(desk.admin, "Front desk", "sara")
    s.staff.set_presence(desk.agent, Presence.AVAILABLE)
    s.staff.set_presence(desk.other_agent, Presence.AVAILABLE)
    s.auto_assign.set_mode(desk.manager, team.id, "round_robin")
    s.staff_admin.disable_user(desk.admin, "ali")
    chosen = set()
    for i in range(3):
        t = s.tickets.log_call(desk.other_agent,
                               NewCall(subject=f"T{i}", new_customer=NewCustomer(f"C{i}")))
        # Moving an unassigned ticket into the team auto-assigns it in the same step.
        t = s.tickets.assign(SYSTEM, t.ticket.id, t.ticket.version, None, team_id=team.id)
        chosen.add(t.assignee_id)
    assert chosen == {desk.other_agent.user_id}


def test_reset_password_forces_a_new_one_at_login(desk: Desk):
    s = desk.services
    s.staff_admin.reset_password(desk.admin, "ali", "temporary-1")
    with pytest.raises(AuthenticationFailed):
        s.staff.authenticate("ali", PASSWORD)  # the old one no longer works
    with pytest.raises(PasswordChangeRequired) as e:
        s.staff.authenticate("ali", "temporary-1")
    assert e.value.code == "auth.password_change_required"
    with pytest.raises(ValidationFailed):
        s.staff_admin.change_reset_password("ali", "temporary-1", "temporary-1")
    with pytest.raises(AuthenticationFailed):
        s.staff_admin.change_reset_password("ali", "wrong-one", "brand new pass")
    s.staff_admin.change_reset_password("ali", "temporary-1", "brand new pass")
    assert s.staff.authenticate("ali", "brand new pass").username == "ali"
    with pytest.raises(PermissionDenied):
        s.staff_admin.reset_password(desk.manager, "sara", "temporary-2")
