"""First start on an empty database: the sites (with their time zones), the business
calendar the SLA policies count in, the teams and the first users, in one transaction
(a refusal writes nothing). Allowed only while the database has no user at all: the
first administrator is created here, so there is nobody to check permissions for yet.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select, update

from deskapp.models import BusinessCalendar, Site, SlaPolicy, Team, User
from deskapp.models.enums import Role
from deskapp.services import audit, validation
from deskapp.services.errors import PermissionDenied, ValidationFailed
from deskapp.services.passwords import hash_password
from deskapp.services.permissions import SYSTEM
from deskapp.services.sla_presets import IRAN, calendar_from_preset, weekdays_preset
from deskapp.services.staff import _USERNAME, check_password
from deskapp.services.staff_admin import clean_skill_labels, clean_skills
from deskapp.services.unit_of_work import UnitOfWorkFactory

_SITE_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
CALENDAR_IRAN = "iran"
CALENDAR_WEEKDAYS = "weekdays"


@dataclass(frozen=True)
class SiteSpec:
    code: str
    name: str
    timezone: str


@dataclass(frozen=True)
class TeamSpec:
    name: str
    skills: Sequence[str] = ()
    skill_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    tier: int = 1


@dataclass(frozen=True)
class UserSpec:
    username: str
    display_name: str
    role: Role | str
    password: str
    teams: Sequence[str] = ()
    language: str = "fa"


@dataclass(frozen=True)
class SetupPlan:
    sites: Sequence[SiteSpec]
    calendar: str  # CALENDAR_IRAN or CALENDAR_WEEKDAYS (in the first site's time zone)
    teams: Sequence[TeamSpec]
    users: Sequence[UserSpec]  # at least one administrator


@dataclass(frozen=True)
class SetupResult:
    sites: tuple[str, ...]
    teams: tuple[str, ...]
    users: tuple[str, ...]
    calendar: str


def check_timezone(name: str) -> str:
    name = (name or "").strip()
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationFailed(f"{name!r} is not a time zone (e.g. Asia/Tehran).", "timezone",
                               code="setup.timezone", value=name) from None
    return name


class SetupService:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    def needs_setup(self) -> bool:
        """True while nobody can log in: no user at all."""
        with self._uow(read_only=True) as uow:
            return not uow.session.scalar(select(func.count()).select_from(User))

    def first_setup(self, plan: SetupPlan) -> SetupResult:
        sites = [self._site(s) for s in plan.sites]
        if not sites:
            raise ValidationFailed("Add at least one site.", "sites", code="setup.no_site")
        if len({s.code for s in sites}) != len(sites):
            raise ValidationFailed("Two sites have the same code.", "sites",
                                   code="setup.duplicate_site")
        teams = [(validation.line(t.name, "Team name", 80), clean_skills(t.skills), t)
                 for t in plan.teams]
        for name, _s, spec in teams:
            if not 1 <= spec.tier <= 3:
                raise ValidationFailed(f"Team {name}: tier {spec.tier} is not 1, 2 or 3.",
                                       "teams", code="validation.tier", value=spec.tier)
        lowered = [n.lower() for n, _s, _t in teams]
        if len(set(lowered)) != len(lowered):
            dup = next(n for n in lowered if lowered.count(n) > 1)
            raise ValidationFailed(f"Two teams are named {dup!r}.", "teams",
                                   code="team.exists", name=dup)
        users = [self._user(u) for u in plan.users]
        if not any(u.role is Role.ADMIN for u in users):
            raise ValidationFailed("The first users must include an administrator.", "users",
                                   code="setup.no_admin")
        names = [u.username for u in users]
        if len(set(names)) != len(names):
            raise ValidationFailed("Two users have the same username.", "users",
                                   code="setup.duplicate_user")
        team_names = {n for n, _s, _t in teams}
        for u in users:
            for t in u.teams:
                if t not in team_names:
                    raise ValidationFailed(
                        f"{u.username} is put in team {t!r}, which is not in the list.",
                        "users", code="team.not_found", team=t)
        if plan.calendar not in (CALENDAR_IRAN, CALENDAR_WEEKDAYS):
            raise ValidationFailed(f"Unknown calendar preset {plan.calendar!r}.", "calendar",
                                   code="validation.choice", value=plan.calendar)

        with self._uow() as uow:
            s = uow.session
            if s.scalar(select(func.count()).select_from(User)):
                raise PermissionDenied("This desk is already set up; log in as an "
                                       "administrator to change it.",
                                       code="setup.already_done")
            for site in sites:
                existing = s.scalar(select(Site).where(Site.code == site.code))
                if existing is None:
                    s.add(Site(code=site.code, name=site.name, timezone=site.timezone))
                else:
                    existing.name, existing.timezone = site.name, site.timezone
            calendar_name = self._calendar(s, plan.calendar, sites[0].timezone)
            created_teams = {}
            for name, skills, spec in teams:
                team = Team(name=name, skills=skills, tier=spec.tier,
                            skill_labels=clean_skill_labels(skills, spec.skill_labels))
                s.add(team)
                created_teams[name] = team
            for u in users:
                user = User(username=u.username, display_name=u.display_name, role=u.role,
                            tier={Role.SPECIALIST: 2, Role.SUPERVISOR: 2,
                                  Role.MANAGER: 3}.get(Role(u.role), 1),
                            password_hash=hash_password(u.password), language=u.language)
                user.teams = [created_teams[t] for t in u.teams]
                s.add(user)
            s.flush()
            for team_name, team in created_teams.items():
                sup = next((m for m in team.members if m.role is Role.SUPERVISOR), None)
                team.supervisor = sup
                audit.record(s, SYSTEM, "team.created", "team", team.id, name=team_name,
                             setup=True)
            audit.record(s, SYSTEM, "desk.setup", "site", None,
                         sites=[x.code for x in sites], users=names, calendar=calendar_name)
            uow.commit()
        return SetupResult(tuple(x.code for x in sites), tuple(n for n, _s, _t in teams),
                           tuple(names), calendar_name)

    @staticmethod
    def _site(spec: SiteSpec) -> SiteSpec:
        code = (spec.code or "").strip().upper()
        if not _SITE_CODE.match(code):
            raise ValidationFailed(
                f"Site code {spec.code!r} must be 2-8 letters or digits, starting with a "
                "letter (e.g. HQ, TBZ).", "site_code", code="setup.site_code", value=spec.code)
        return SiteSpec(code, validation.line(spec.name, "Site name", 120),
                        check_timezone(spec.timezone))

    @staticmethod
    def _user(spec: UserSpec) -> UserSpec:
        username = (spec.username or "").strip().lower()
        if not _USERNAME.match(username):
            raise ValidationFailed(
                f"Username {spec.username!r} must be 2-64 characters: letters a-z, digits, "
                "'.', '_' or '-'.", "username", code="setup.username", value=spec.username)
        check_password(spec.password)
        return UserSpec(username, validation.line(spec.display_name or username,
                                                  "Display name", 120),
                        validation.choice(spec.role, Role, "Role"), spec.password,
                        tuple(t.strip() for t in spec.teams if t.strip()),
                        spec.language if spec.language in ("en", "fa") else "fa")

    @staticmethod
    def _calendar(s, preset: str, timezone: str) -> str:
        """The calendar the default SLA policies count in."""
        if preset == CALENDAR_IRAN:
            name = IRAN
            calendar = s.scalar(select(BusinessCalendar).where(BusinessCalendar.name == name))
            if calendar is None:
                from deskapp.services.sla_presets import IRAN_PRESET

                calendar = calendar_from_preset(IRAN_PRESET)
                s.add(calendar)
        else:
            p = weekdays_preset(timezone)
            calendar = s.scalar(select(BusinessCalendar).where(BusinessCalendar.name == p.name))
            if calendar is None:
                calendar = calendar_from_preset(p)
                s.add(calendar)
        s.flush()
        s.execute(update(SlaPolicy).values(calendar_id=calendar.id, version=SlaPolicy.version + 1))
        return calendar.name
