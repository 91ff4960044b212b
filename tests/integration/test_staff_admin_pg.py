"""People and teams on PostgreSQL: case-insensitive team names, a removed team's name
free again, a stale edit refused, the first setup in one transaction."""

from __future__ import annotations

import pytest

from deskapp.services.errors import AlreadyExists, NotFound, StaleUpdate, ValidationFailed
from deskapp.services.facade import build_services
from deskapp.services.setup import CALENDAR_IRAN, SetupPlan, SiteSpec, TeamSpec, UserSpec
from deskapp.services.sla_presets import ensure_sla_defaults
from tests.helpers.staff import make_desk

pytestmark = pytest.mark.postgres


def test_teams_and_users_on_postgresql(pg_url):
    desk = make_desk(build_services(pg_url))
    s = desk.services
    try:
        with pytest.raises(AlreadyExists):
            s.staff_admin.create_team(desk.admin, "BILLING")
        shown = s.staff_admin.get_team("Billing")
        s.staff_admin.edit_team(desk.manager, shown.id, shown.version, name="Billing & refunds")
        with pytest.raises(StaleUpdate):
            s.staff_admin.edit_team(desk.manager, shown.id, shown.version, tier=3)
        s.staff_admin.remove_team(desk.admin, "Front desk")
        with pytest.raises(NotFound):
            s.staff_admin.add_member(desk.admin, "Front desk", "sara")
        s.staff_admin.create_team(desk.admin, "Front desk")
        u = s.staff_admin.get_user("sara")
        s.staff_admin.edit_user(desk.admin, "sara", u.version, team_names=["Front desk"])
        with pytest.raises(StaleUpdate):
            s.staff_admin.edit_user(desk.admin, "sara", u.version, tier=2)
    finally:
        s.dispose()


def test_first_setup_on_an_empty_postgresql(pg_url):
    s = build_services(pg_url)
    try:
        ensure_sla_defaults(s.uow)
        assert s.setup.needs_setup()
        bad = SetupPlan([SiteSpec("HQ", "Head office", "Asia/Tehran")], CALENDAR_IRAN,
                        [TeamSpec("Front desk")],
                        [UserSpec("root", "Admin", "admin", "admin-password", ["Nowhere"])])
        with pytest.raises(ValidationFailed):
            s.setup.first_setup(bad)
        assert s.setup.needs_setup()
        ok = SetupPlan([SiteSpec("HQ", "Head office", "Asia/Tehran")], CALENDAR_IRAN,
                       [TeamSpec("Front desk", ["general"])],
                       [UserSpec("root", "Admin", "admin", "admin-password"),
                        UserSpec("ali", "Ali", "agent", "ali-password", ["Front desk"])])
        s.setup.first_setup(ok)
        assert s.staff.authenticate("ali", "ali-password").username == "ali"
    finally:
        s.dispose()
