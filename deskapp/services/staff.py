"""Staff: logging in, users and teams."""

from __future__ import annotations

import re
import socket
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from deskapp.models import AuditEntry, Site, Team, User, utcnow
from deskapp.models.enums import Presence, Role
from deskapp.services import audit, login_guard, validation
from deskapp.services.dto import TeamInfo, UserInfo
from deskapp.services.errors import (
    AlreadyExists,
    AuthenticationFailed,
    NotFound,
    PasswordChangeRequired,
    ValidationFailed,
)
from deskapp.services.passwords import (
    dummy_verify,
    hash_password,
    needs_rehash,
    verify_password,
)
from deskapp.services.permissions import Actor, Permission
from deskapp.services.unit_of_work import UnitOfWorkFactory

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD_LENGTH = 8


def actor_for(user: User) -> Actor:
    return Actor(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        tier=user.tier,
        team_ids=frozenset(t.id for t in user.teams),
    )


def user_info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        tier=user.tier,
        active=user.active,
        team_ids=tuple(t.id for t in user.teams),
        team_names=tuple(sorted(t.name for t in user.teams if t.deleted_at is None)),
        presence=user.presence,
        version=user.version,
        email=user.email,
        language=user.language,
        must_change_password=user.must_change_password,
        presence_since=user.presence_at,
    )


def team_info(team: Team) -> TeamInfo:
    return TeamInfo(
        id=team.id,
        name=team.name,
        skills=tuple(team.skills),
        tier=team.tier,
        supervisor_id=team.supervisor_id,
        supervisor_name=team.supervisor.display_name if team.supervisor else None,
        member_ids=tuple(m.id for m in team.members),
        auto_assign=team.auto_assign,
        version=team.version,
        description=team.description,
        skill_labels=dict(team.skill_labels or {}),
        member_names=tuple(sorted(m.username for m in team.members)),
    )


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters.", "password",
            code="password.too_short", min=MIN_PASSWORD_LENGTH,
        )
    if len(password) > 256:
        raise ValidationFailed("The password is longer than 256 characters.", "password",
                               code="password.too_long", max=256)


class StaffService:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory
        self.clock: Callable[[], datetime] = utcnow

    # -- logging in ---------------------------------------------------------
    def authenticate(self, username: str, password: str, *, host: str | None = None) -> Actor:
        """The same message, and the same time, for an unknown user and a wrong password:
        no user probing. Failures count towards a back-off per name and per workstation
        (services.login_guard); every attempt goes to the audit log with the host name."""
        host = host or socket.gethostname()
        now = self.clock()
        name = (username or "").strip().lower()
        # The slow hash runs outside any write transaction (SQLite: no write lock held).
        with self._uow(read_only=True) as uow:
            try:
                login_guard.check(uow.session, name, host, now)
            except AuthenticationFailed as refused:
                refusal = refused
            else:
                refusal = None
            user = _user_by_name(uow.session, name)
            user_id = user.id if user is not None else None
            stored = user.password_hash if user is not None else None
        if refusal is not None:
            self._record_login(None, "login.refused", name, host, reason=refusal.code)
            raise refusal
        if stored is None:
            dummy_verify(password)
            ok = False
        else:
            ok = verify_password(password, stored)
        if not ok:
            with self._uow() as uow:
                failures = login_guard.failed(uow.session, name, host, now)
                _login_audit(uow.session, user_id, "login.failed", name, host,
                             reason="unknown_user" if user_id is None else "wrong_password",
                             failures=failures)
                uow.commit()
            raise AuthenticationFailed("Wrong username or password.", code="auth.failed")
        with self._uow() as uow:
            user = uow.session.get(User, user_id)
            if user is None or not user.active or user.deleted_at is not None:
                _login_audit(uow.session, user_id, "login.failed", name, host, reason="disabled")
                uow.commit()
                raise AuthenticationFailed(
                    f"The account {name!r} is disabled; ask an administrator.",
                    code="auth.disabled",
                    username=name,
                )
            login_guard.succeeded(uow.session, name, host)
            if user.must_change_password:  # reset by an administrator (services.staff_admin)
                uow.commit()
                raise PasswordChangeRequired(
                    f"The password of {name!r} was reset; choose a new one to log in.",
                    username=name,
                )
            if user.password_hash == stored and needs_rehash(stored):
                user.password_hash = hash_password(password)
            user.last_login_at = utcnow()
            user.presence = Presence.AVAILABLE
            user.presence_at = user.last_login_at
            _login_audit(uow.session, user.id, "login.succeeded", name, host)
            actor = actor_for(user)
            uow.commit()
            return actor

    def _record_login(self, user_id: uuid.UUID | None, action: str, name: str, host: str,
                      **details: object) -> None:
        with self._uow() as uow:
            _login_audit(uow.session, user_id, action, name, host, **details)
            uow.commit()

    def unlock(self, actor: Actor, username: str | None = None, *, host: str | None = None) -> bool:
        """Lift the login lock (and back-off) of a username or a workstation."""
        actor.require(Permission.MANAGE_USERS)
        with self._uow() as uow:
            s = uow.session
            if username is not None:
                cleared = login_guard.unlock(s, login_guard.USER, username)
                target = username.strip().lower()
                user_id = s.scalar(select(User.id).where(User.username == target))
                if user_id is None and not cleared:
                    raise NotFound(f"There is no user {username!r}.", username=username)
                audit.record(s, actor, "user.unlocked", "user", user_id, username=target)
            else:
                cleared = login_guard.unlock(s, login_guard.HOST, host or "")
                audit.record(s, actor, "host.unlocked", "host", None, host=host)
            uow.commit()
            return cleared

    def actor(self, username: str) -> Actor:
        """The actor for a user, without a password (the CLI acting for a named user)."""
        with self._uow() as uow:
            user = _user_by_name(uow.session, username)
            if user is None:
                raise NotFound(f"There is no user {username!r}.")
            return actor_for(user)

    # -- users --------------------------------------------------------------
    def create_user(
        self,
        actor: Actor,
        username: str,
        display_name: str,
        role: Role | str,
        password: str,
        *,
        tier: int | None = None,
        team_names: Sequence[str] = (),
        email: str | None = None,
        language: str = "en",
        site_code: str | None = None,
    ) -> UserInfo:
        actor.require(Permission.MANAGE_USERS)
        username = username.strip().lower()
        if not _USERNAME.match(username):
            raise ValidationFailed(
                f"Username {username!r} must be 2-64 characters: letters a-z, digits, '.', '_' "
                "or '-', starting with a letter or digit.",
                "username",
            )
        display_name = validation.line(display_name or username, "Display name", 120)
        role = validation.choice(role, Role, "Role")
        check_password(password)
        if tier is None:
            tier = {Role.SPECIALIST: 2, Role.SUPERVISOR: 2, Role.MANAGER: 3}.get(role, 1)
        if not 1 <= tier <= 3:
            raise ValidationFailed(f"Tier {tier} is not 1, 2 or 3.", "tier")
        with self._uow() as uow:
            s = uow.session
            if _user_by_name(s, username) is not None:
                raise AlreadyExists(f"A user named {username!r} already exists.")
            teams = _teams_by_name(s, team_names)
            site_id = None
            if site_code:
                site_id = s.scalar(select(Site.id).where(Site.code == site_code.upper()))
            user = User(
                username=username,
                display_name=display_name,
                email=validation.email(email),
                role=role,
                tier=tier,
                password_hash=hash_password(password),
                language=language,
                site_id=site_id,
            )
            user.teams = list(teams)
            s.add(user)
            s.flush()
            audit.record(s, actor, "user.created", "user", user.id, username=username, role=role)
            info = user_info(user)
            uow.commit()
            return info

    def set_password(self, actor: Actor, username: str, password: str) -> None:
        if actor.username != username:
            actor.require(Permission.MANAGE_USERS)
        check_password(password)
        with self._uow() as uow:
            user = _user_by_name(uow.session, username)
            if user is None:
                raise NotFound(f"There is no user {username!r}.")
            user.password_hash = hash_password(password)
            if actor.user_id == user.id:
                user.must_change_password = False
            audit.record(uow.session, actor, "user.password_changed", "user", user.id)
            uow.commit()

    def list_users(self, *, active_only: bool = True) -> list[UserInfo]:
        with self._uow() as uow:
            q = select(User).where(User.deleted_at.is_(None)).order_by(User.display_name)
            if active_only:
                q = q.where(User.active.is_(True))
            return [user_info(u) for u in uow.session.scalars(q)]

    def set_presence(self, actor: Actor, presence: Presence) -> None:
        with self._uow() as uow:
            user = uow.session.get(User, actor.user_id)
            if user is None:
                raise NotFound("Your user no longer exists.")
            user.presence = presence
            user.presence_at = utcnow()
            uow.commit()

    # -- teams --------------------------------------------------------------
    def create_team(
        self,
        actor: Actor,
        name: str,
        *,
        skills: Iterable[str] = (),
        tier: int = 1,
        supervisor: str | None = None,
        description: str = "",
    ) -> TeamInfo:
        actor.require(Permission.MANAGE_TEAMS)
        name = validation.line(name, "Team name", 80)
        clean_skills = sorted({validation.line(k, "Skill", 40).lower() for k in skills})
        with self._uow() as uow:
            s = uow.session
            if s.scalar(select(func.count()).select_from(Team).where(Team.name == name)):
                raise AlreadyExists(f"A team named {name!r} already exists.")
            team = Team(
                name=name,
                skills=clean_skills,
                tier=tier,
                description=validation.text(description, "Description", 2000, required=False),
            )
            if supervisor:
                sup = _user_by_name(s, supervisor)
                if sup is None:
                    raise NotFound(f"There is no user {supervisor!r}.")
                team.supervisor = sup
            s.add(team)
            s.flush()
            audit.record(s, actor, "team.created", "team", team.id, name=name)
            info = team_info(team)
            uow.commit()
            return info

    def add_member(self, actor: Actor, team_name: str, username: str) -> None:
        actor.require(Permission.MANAGE_TEAMS)
        with self._uow() as uow:
            s = uow.session
            (team,) = _teams_by_name(s, [team_name])
            user = _user_by_name(s, username)
            if user is None:
                raise NotFound(f"There is no user {username!r}.")
            if user not in team.members:
                team.members.append(user)
                audit.record(s, actor, "team.member_added", "team", team.id, user=username)
            uow.commit()

    def list_teams(self) -> list[TeamInfo]:
        with self._uow() as uow:
            q = select(Team).where(Team.deleted_at.is_(None)).order_by(Team.name)
            return [team_info(t) for t in uow.session.scalars(q)]


def _login_audit(session: Session, user_id: uuid.UUID | None, action: str, name: str,
                 host: str, **details: object) -> None:
    """A login attempt in the audit log: who (as typed), from which workstation."""
    session.add(AuditEntry(actor_id=user_id, action=action, entity="user", entity_id=user_id,
                           details={"username": name[:255], "host": host[:255], **details}))


def _user_by_name(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip().lower()))


def _teams_by_name(session: Session, names: Iterable[str]) -> list[Team]:
    wanted = [n.strip() for n in names if n.strip()]
    if not wanted:
        return []
    found = {t.name: t for t in session.scalars(select(Team).where(Team.name.in_(wanted)))}
    missing = [n for n in wanted if n not in found]
    if missing:
        known = ", ".join(sorted(session.scalars(select(Team.name)))) or "none yet"
        raise NotFound(f"No team named {', '.join(missing)}; known teams: {known}.")
    return [found[n] for n in wanted]


def user_names(session: Session, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {r.id: r.display_name for r in rows}
