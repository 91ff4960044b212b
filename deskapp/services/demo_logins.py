"""Is this a demo database, and which demo logins to offer on the login dialog: one
per role and language, for as long as the demo staff are there (not only right after
the demo was generated)."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, select

from deskapp.models import Team, User
from deskapp.models.enums import Role
from deskapp.services.demo_staff import DEMO_PASSWORDS, DEMO_STAFF, DEMO_TEAMS
from deskapp.services.unit_of_work import UnitOfWorkFactory


class HintLogin(NamedTuple):
    username: str
    password: str
    role: Role
    language: str  # the language the user opens in ("fa", "en")


def is_demo_database(uow_factory: UnitOfWorkFactory) -> bool:
    """Every demo user and demo team is there (a real desk has other names)."""
    users = [u for u, *_ in DEMO_STAFF]
    teams = [t for t, *_ in DEMO_TEAMS]
    with uow_factory() as uow:
        s = uow.session
        found_users = s.scalar(select(func.count()).select_from(User).where(
            User.username.in_(users), User.deleted_at.is_(None)))
        found_teams = s.scalar(select(func.count()).select_from(Team).where(
            Team.name.in_(teams), Team.deleted_at.is_(None)))
    return found_users == len(users) and found_teams == len(teams)


def hint_logins(uow_factory: UnitOfWorkFactory) -> list[HintLogin]:
    """One demo login per role and language, or none when this is not a demo database."""
    if not is_demo_database(uow_factory):
        return []
    seen: set[tuple[Role, str]] = set()
    logins: list[HintLogin] = []
    for username, _name, role, _tier, language, *_ in DEMO_STAFF:
        if (role, language) not in seen:
            seen.add((role, language))
            logins.append(HintLogin(username, DEMO_PASSWORDS[role], role, language))
    return logins
