"""First start on an empty database: sites, SLA calendar, teams and first users in one
transaction; refused (nothing written) on bad input or once anyone exists."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from deskapp.models import BusinessCalendar, Site, SlaPolicy, Team, User
from deskapp.services.errors import PermissionDenied, ValidationFailed
from deskapp.services.facade import ensure_site
from deskapp.services.setup import (
    CALENDAR_WEEKDAYS,
    SetupPlan,
    SiteSpec,
    TeamSpec,
    UserSpec,
)
from deskapp.services.sla_presets import ensure_sla_defaults


def _plan(**over) -> SetupPlan:
    base = dict(
        sites=[SiteSpec("HQ", "Head office", "Europe/Berlin"), SiteSpec("tbz", "Tabriz",
                                                                         "Asia/Tehran")],
        calendar=CALENDAR_WEEKDAYS,
        teams=[TeamSpec("Front desk", ["general"]),
               TeamSpec("Billing", ["billing"], {"billing": {"en": "Billing",
                                                             "fa": "صورت‌حساب"}}, tier=2)],
        users=[UserSpec("root", "Admin", "admin", "admin-password"),
               UserSpec("mina", "Mina", "supervisor", "mina-password", ["Front desk"]),
               UserSpec("ali", "Ali", "agent", "ali-password", ["Front desk"]),
               UserSpec("sara", "Sara", "agent", "sara-password", ["Front desk", "Billing"])],
    )
    base.update(over)
    return SetupPlan(**base)


def _counts(services):
    with services.engine.connect() as c:
        return tuple(c.scalar(select(func.count()).select_from(m)) for m in (User, Team))


@pytest.fixture
def empty(services):
    ensure_site(services, "HQ", "Head office")  # what start-up does before the wizard
    ensure_sla_defaults(services.uow)
    return services


def test_first_setup_builds_a_working_desk(empty):
    s = empty
    assert s.setup.needs_setup()
    result = s.setup.first_setup(_plan())
    assert result.sites == ("HQ", "TBZ")
    assert not s.setup.needs_setup()
    assert s.staff.authenticate("ali", "ali-password").username == "ali"
    front = s.staff_admin.get_team("Front desk")
    assert front.supervisor_name == "Mina" and front.member_names == ("ali", "mina", "sara")
    with s.uow() as uow:
        tz = uow.session.scalar(select(Site.timezone).where(Site.code == "HQ"))
        assert tz == "Europe/Berlin"
        cal = uow.session.scalar(select(BusinessCalendar.name).join(
            SlaPolicy, SlaPolicy.calendar_id == BusinessCalendar.id).limit(1))
        assert cal == "Monday-Friday 09:00-17:00 (Europe/Berlin)"
    with pytest.raises(PermissionDenied):
        s.setup.first_setup(_plan())


@pytest.mark.parametrize(("change", "code"), [
    (dict(sites=[SiteSpec("HQ", "Head office", "Mars/Olympus")]), "setup.timezone"),
    (dict(teams=[TeamSpec("Front desk"), TeamSpec("front DESK")]), "team.exists"),
    (dict(users=[UserSpec("ali", "Ali", "agent", "ali-password")]), "setup.no_admin"),
    (dict(users=[UserSpec("root", "Admin", "admin", "short")]), "password.too_short"),
    (dict(users=[UserSpec("root", "Admin", "admin", "admin-password", ["Nowhere"])]),
     "team.not_found"),
])
def test_bad_plans_write_nothing(empty, change, code):
    with pytest.raises(ValidationFailed) as e:
        empty.setup.first_setup(_plan(**change))
    assert e.value.code == code
    assert _counts(empty) == (0, 0)
