"""Running the desk's people and teams: create, rename and remove teams, their skills
(with display names in each language), supervisor and members; edit, disable and
enable users; reset a password so that the user must choose a new one at next login.

Who may do what (checked here, not only in the UI):
- administrators and managers (``MANAGE_TEAMS``) do everything to teams;
- a supervisor may change the members and the description of the teams they
  supervise (not rename, re-skill, re-supervise or remove them);
- administrators (``MANAGE_USERS``) edit, disable, enable users and reset passwords.

Every change is audited in the same transaction. Teams and users carry a ``version``
(optimistic locking): pass the version you showed, get ``StaleUpdate`` if someone
else changed the record meanwhile.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from deskapp.models import Team, Ticket, User, utcnow
from deskapp.models.enums import OPEN_STATUSES, Presence, Role
from deskapp.services import audit, validation
from deskapp.services.dto import TeamInfo, TicketSummary, UserInfo
from deskapp.services.errors import (
    AlreadyExists,
    AuthenticationFailed,
    NotFound,
    PermissionDenied,
    StaleUpdate,
    ValidationFailed,
)
from deskapp.services.passwords import hash_password, verify_password
from deskapp.services.permissions import Actor, Permission
from deskapp.services.staff import check_password, team_info, user_info
from deskapp.services.ticket_queries import ticket_summaries
from deskapp.services.unit_of_work import UnitOfWorkFactory

LANGUAGES = ("en", "fa")
_KEEP = object()  # "leave as it is" for arguments where None means "none"


@dataclass(frozen=True)
class DisabledUser:
    user: UserInfo
    # Their open tickets, for a supervisor to hand to someone else.
    open_tickets: tuple[TicketSummary, ...]


def clean_skills(skills: Iterable[str]) -> list[str]:
    return sorted({validation.line(k, "Skill", 40).lower() for k in skills if k.strip()})


def clean_skill_labels(
    skills: Sequence[str], labels: Mapping[str, Mapping[str, str]]
) -> dict[str, dict[str, str]]:
    """Display names per skill and language; only for skills the team has."""
    result: dict[str, dict[str, str]] = {}
    for skill, per_language in labels.items():
        key = skill.strip().lower()
        if key not in skills:
            raise ValidationFailed(
                f"Skill {skill!r} has a display name but is not one of the team's skills.",
                "skill_labels", code="team.label_without_skill", skill=skill,
            )
        names = {}
        for lang, text in per_language.items():
            if lang not in LANGUAGES:
                raise ValidationFailed(
                    f"Language {lang!r} is not one of: {', '.join(LANGUAGES)}.", "skill_labels",
                    code="validation.choice", value=lang,
                )
            text = validation.line(text, "Skill name", 80, required=False)
            if text:
                names[lang] = text
        if names:
            result[key] = names
    return result


def skill_label(team: TeamInfo, skill: str, language: str) -> str:
    """The display name of one of a team's skills in ``language`` (the code as a fallback)."""
    names = team.skill_labels.get(skill, {})
    return names.get(language) or names.get("en") or skill


class StaffAdminService:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    # -- teams ----------------------------------------------------------------------
    def create_team(
        self,
        actor: Actor,
        name: str,
        *,
        skills: Iterable[str] = (),
        skill_labels: Mapping[str, Mapping[str, str]] | None = None,
        tier: int = 1,
        supervisor: str | None = None,
        description: str = "",
        members: Iterable[str] = (),
    ) -> TeamInfo:
        actor.require(Permission.MANAGE_TEAMS)
        name = validation.line(name, "Team name", 80)
        skill_list = clean_skills(skills)
        labels = clean_skill_labels(skill_list, skill_labels or {})
        if not 1 <= tier <= 3:
            raise ValidationFailed(f"Tier {tier} is not 1, 2 or 3.", "tier",
                                   code="validation.tier", value=tier)
        with self._uow() as uow:
            s = uow.session
            _unique_team_name(s, name, None)
            t = Team(
                name=name, skills=skill_list, skill_labels=labels, tier=tier,
                description=validation.text(description, "Description", 2000, required=False),
            )
            if supervisor:
                t.supervisor = _user(s, supervisor)
            t.members = [_user(s, m) for m in dict.fromkeys(
                m.strip().lower() for m in members if m.strip())]
            s.add(t)
            s.flush()
            audit.record(s, actor, "team.created", "team", t.id, name=name,
                         members=[m.username for m in t.members])
            info = team_info(t)
            uow.commit()
            return info

    def get_team(self, team: uuid.UUID | str) -> TeamInfo:
        with self._uow(read_only=True) as uow:
            return team_info(_team(uow.session, team))

    def edit_team(
        self,
        actor: Actor,
        team: uuid.UUID | str,
        expected_version: int | None = None,
        *,
        name: str | None = None,
        skills: Iterable[str] | None = None,
        skill_labels: Mapping[str, Mapping[str, str]] | None = None,
        supervisor: str | None | object = _KEEP,
        tier: int | None = None,
        description: str | None = None,
        members: Iterable[str] | None = None,
    ) -> TeamInfo:
        """Change a team. ``supervisor=None`` removes the supervisor; ``members`` is
        the whole new list of usernames."""
        with self._uow() as uow:
            s = uow.session
            t = _team(s, team)
            structural = (name, skills, skill_labels, tier) != (None,) * 4 or supervisor is not _KEEP
            _require_team_right(actor, t, structural=structural)
            _check_version(t, expected_version, f"Team {t.name}")
            changes: dict[str, object] = {}
            if name is not None:
                new_name = validation.line(name, "Team name", 80)
                if new_name != t.name:
                    _unique_team_name(s, new_name, t.id)
                    changes["name"] = [t.name, new_name]
                    t.name = new_name
            if skills is not None:
                new_skills = clean_skills(skills)
                if new_skills != list(t.skills):
                    changes["skills"] = [list(t.skills), new_skills]
                    t.skills = new_skills
                    # Names of skills the team no longer has go with them.
                    t.skill_labels = {
                        k: v for k, v in (t.skill_labels or {}).items() if k in new_skills
                    }
            if skill_labels is not None:
                t.skill_labels = clean_skill_labels(list(t.skills), skill_labels)
                changes["skill_labels"] = t.skill_labels
            if tier is not None:
                if not 1 <= tier <= 3:
                    raise ValidationFailed(f"Tier {tier} is not 1, 2 or 3.", "tier",
                                           code="validation.tier", value=tier)
                t.tier = tier
                changes["tier"] = tier
            if supervisor is not _KEEP:
                sup = _user(s, supervisor) if supervisor else None  # type: ignore[arg-type]
                if sup is not None and sup.role not in (Role.SUPERVISOR, Role.MANAGER):
                    raise ValidationFailed(
                        f"{sup.username} is a {sup.role.value}; a team's supervisor must be "
                        "a supervisor or a manager.", "supervisor",
                        code="team.supervisor_role", username=sup.username,
                    )
                t.supervisor = sup
                changes["supervisor"] = sup.username if sup else None
            if description is not None:
                t.description = validation.text(description, "Description", 2000, required=False)
                changes["description"] = True
            if members is not None:
                wanted = [_user(s, u) for u in dict.fromkeys(m.strip().lower() for m in members
                                                              if m.strip())]
                before = {m.username for m in t.members}
                after = {m.username for m in wanted}
                if before != after:
                    t.members = wanted
                    t.updated_at = utcnow()  # membership is the team's state: bump its version
                    changes["members_added"] = sorted(after - before)
                    changes["members_removed"] = sorted(before - after)
            if changes:
                audit.record(s, actor, "team.updated", "team", t.id, **changes)
            _commit(uow, f"Team {t.name}")
            return team_info(t)

    def add_member(self, actor: Actor, team: uuid.UUID | str, username: str) -> TeamInfo:
        with self._uow() as uow:
            s = uow.session
            t = _team(s, team)
            _require_team_right(actor, t, structural=False)
            user = _user(s, username)
            if user not in t.members:
                t.members.append(user)
                t.updated_at = utcnow()
                audit.record(s, actor, "team.member_added", "team", t.id, user=user.username)
            _commit(uow, f"Team {t.name}")
            return team_info(t)

    def remove_member(self, actor: Actor, team: uuid.UUID | str, username: str) -> TeamInfo:
        with self._uow() as uow:
            s = uow.session
            t = _team(s, team)
            _require_team_right(actor, t, structural=False)
            user = _user(s, username)
            if user in t.members:
                t.members.remove(user)
                t.updated_at = utcnow()
                if t.last_auto_assignee_id == user.id:
                    t.last_auto_assignee_id = None
                audit.record(s, actor, "team.member_removed", "team", t.id, user=user.username)
            _commit(uow, f"Team {t.name}")
            return team_info(t)

    def remove_team(
        self, actor: Actor, team: uuid.UUID | str, expected_version: int | None = None
    ) -> None:
        """Soft-delete a team that has no open tickets; its name becomes free again."""
        actor.require(Permission.MANAGE_TEAMS)
        with self._uow() as uow:
            s = uow.session
            t = _team(s, team)
            _check_version(t, expected_version, f"Team {t.name}")
            open_count = s.scalar(
                select(func.count()).select_from(Ticket).where(
                    Ticket.team_id == t.id, Ticket.status.in_(OPEN_STATUSES),
                    Ticket.deleted_at.is_(None),
                )
            ) or 0
            if open_count:
                raise ValidationFailed(
                    f"Team {t.name} still has {open_count} open tickets; move them to another "
                    "team first.", "team", code="team.has_open_tickets",
                    team=t.name, count=open_count,
                )
            old_name = t.name
            # The unique name stays taken by the tombstone otherwise.
            t.name = f"{old_name[:60]} ~{str(t.id)[-12:]}"
            t.members = []
            t.auto_assign = "off"
            t.deleted_at = utcnow()
            audit.record(s, actor, "team.removed", "team", t.id, name=old_name)
            _commit(uow, f"Team {old_name}")

    # -- users ----------------------------------------------------------------------
    def get_user(self, username: str) -> UserInfo:
        with self._uow(read_only=True) as uow:
            return user_info(_user(uow.session, username, include_disabled=True))

    def edit_user(
        self,
        actor: Actor,
        username: str,
        expected_version: int | None = None,
        *,
        display_name: str | None = None,
        email: str | None = None,
        role: Role | str | None = None,
        tier: int | None = None,
        team_names: Sequence[str] | None = None,
        language: str | None = None,
    ) -> UserInfo:
        actor.require(Permission.MANAGE_USERS)
        with self._uow() as uow:
            s = uow.session
            u = _user(s, username, include_disabled=True)
            _check_version(u, expected_version, f"User {u.username}")
            changes: dict[str, object] = {}
            if display_name is not None:
                u.display_name = validation.line(display_name, "Display name", 120)
                changes["display_name"] = u.display_name
            if email is not None:
                u.email = validation.email(email)
                changes["email"] = u.email
            if role is not None:
                new_role = validation.choice(role, Role, "Role")
                if u.id == actor.user_id and new_role is not u.role:
                    raise ValidationFailed(
                        "You cannot change your own role; ask another administrator.", "role",
                        code="user.own_role",
                    )
                if new_role is not u.role:
                    changes["role"] = [u.role.value, new_role.value]
                    u.role = new_role
            if tier is not None:
                if not 1 <= tier <= 3:
                    raise ValidationFailed(f"Tier {tier} is not 1, 2 or 3.", "tier",
                                           code="validation.tier", value=tier)
                changes["tier"] = [u.tier, tier]
                u.tier = tier
            if language is not None:
                lang = language.strip().lower()
                if lang not in LANGUAGES:
                    raise ValidationFailed(
                        f"Language {language!r} is not one of: {', '.join(LANGUAGES)}.",
                        "language", code="validation.choice", value=language,
                    )
                changes["language"] = lang
                u.language = lang
            if team_names is not None:
                teams = [_team(s, n) for n in dict.fromkeys(n.strip() for n in team_names
                                                            if n.strip())]
                before = sorted(t.name for t in u.teams if t.deleted_at is None)
                after = sorted(t.name for t in teams)
                if before != after:
                    u.teams = teams
                    u.updated_at = utcnow()  # the user's teams are its state: bump its version
                    changes["teams"] = [before, after]
            if changes:
                audit.record(s, actor, "user.updated", "user", u.id, **changes)
            _commit(uow, f"User {u.username}")
            return user_info(u)

    def disable_user(self, actor: Actor, username: str) -> DisabledUser:
        """The user cannot log in, is offline, and leaves every auto-assignment rotation
        (auto-assignment takes only active users); team memberships stay for when the
        account is enabled again. Returns their open tickets for reassignment."""
        actor.require(Permission.MANAGE_USERS)
        with self._uow() as uow:
            s = uow.session
            u = _user(s, username, include_disabled=True)
            if u.id == actor.user_id:
                raise ValidationFailed("You cannot disable your own account.", "username",
                                       code="user.disable_self")
            if u.active:
                u.active = False
                u.presence = Presence.OFFLINE
                u.presence_at = utcnow()
                for t in s.scalars(select(Team).where(Team.last_auto_assignee_id == u.id)):
                    t.last_auto_assignee_id = None
                audit.record(s, actor, "user.disabled", "user", u.id, username=u.username)
            tickets = ticket_summaries(
                s,
                select(Ticket)
                .where(Ticket.assignee_id == u.id, Ticket.status.in_(OPEN_STATUSES),
                       Ticket.deleted_at.is_(None))
                .order_by(Ticket.created_at, Ticket.id),
            )
            _commit(uow, f"User {u.username}")
            return DisabledUser(user_info(u), tuple(tickets))

    def enable_user(self, actor: Actor, username: str) -> UserInfo:
        actor.require(Permission.MANAGE_USERS)
        with self._uow() as uow:
            s = uow.session
            u = _user(s, username, include_disabled=True)
            if not u.active:
                u.active = True
                audit.record(s, actor, "user.enabled", "user", u.id, username=u.username)
            _commit(uow, f"User {u.username}")
            return user_info(u)

    def reset_password(self, actor: Actor, username: str, temporary_password: str) -> None:
        """Set a temporary password; the user must choose a new one at next login."""
        actor.require(Permission.MANAGE_USERS)
        check_password(temporary_password)
        with self._uow() as uow:
            s = uow.session
            u = _user(s, username, include_disabled=True)
            u.password_hash = hash_password(temporary_password)
            u.must_change_password = True
            audit.record(s, actor, "user.password_reset", "user", u.id, username=u.username)
            _commit(uow, f"User {u.username}")

    def change_reset_password(self, username: str, old_password: str, new_password: str) -> None:
        """At login, after a reset: prove the temporary password, set a new one."""
        check_password(new_password)
        if new_password == old_password:
            raise ValidationFailed(
                "The new password must differ from the temporary one.", "password",
                code="password.unchanged",
            )
        with self._uow(read_only=True) as uow:
            u = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
            stored = u.password_hash if u is not None else None
            user_id = u.id if u is not None else None
        if stored is None or not verify_password(old_password, stored):
            raise AuthenticationFailed("Wrong username or password.", code="auth.failed")
        with self._uow() as uow:
            u = uow.session.get(User, user_id)
            if u is None or u.password_hash != stored:
                raise AuthenticationFailed("Wrong username or password.", code="auth.failed")
            u.password_hash = hash_password(new_password)
            u.must_change_password = False
            uow.session.add(u)
            audit.record(uow.session, _self_actor(u), "user.password_changed", "user", u.id,
                         after_reset=True)
            uow.commit()


def _self_actor(u: User) -> Actor:
    return Actor(user_id=u.id, username=u.username, display_name=u.display_name, role=u.role)


def _require_team_right(actor: Actor, team: Team, *, structural: bool) -> None:
    if actor.can(Permission.MANAGE_TEAMS):
        return
    if not structural and actor.role is Role.SUPERVISOR and team.supervisor_id == actor.user_id:
        return
    what = "change this team" if structural else "change the members of this team"
    raise PermissionDenied(
        f"{actor.display_name} ({actor.role.value}) may not {what}; ask a manager or "
        "an administrator.", code="permission.denied", action="edit_team",
    )


def _check_version(row: Team | User, expected: int | None, what: str) -> None:
    if expected is not None and row.version != expected:
        raise StaleUpdate(what, None, row.updated_at, row.version)


def _commit(uow, what: str) -> None:
    try:
        uow.commit()
    except StaleDataError:
        uow.session.rollback()
        raise StaleUpdate(what, None, None, -1) from None


def _team(s: Session, team: uuid.UUID | str) -> Team:
    if isinstance(team, uuid.UUID):
        t = s.get(Team, team)
    else:
        t = s.scalar(select(Team).where(Team.name == team.strip(), Team.deleted_at.is_(None)))
    if t is None or t.deleted_at is not None:
        label = team if isinstance(team, str) else "That team"
        known = ", ".join(sorted(s.scalars(
            select(Team.name).where(Team.deleted_at.is_(None))))) or "none yet"
        raise NotFound(
            f"No team named {label}; known teams: {known}." if isinstance(team, str)
            else "That team does not exist (any more); it may have been removed elsewhere.",
            code="team.not_found", team=label,
        )
    return t


def _unique_team_name(s: Session, name: str, own_id: uuid.UUID | None) -> None:
    q = select(Team.id).where(func.lower(Team.name) == name.lower())
    found = s.scalar(q)
    if found is not None and found != own_id:
        raise AlreadyExists(f"A team named {name!r} already exists.", code="team.exists",
                            name=name)


def _user(s: Session, username: str, *, include_disabled: bool = False) -> User:
    u = s.scalar(select(User).where(User.username == username.strip().lower()))
    if u is None or u.deleted_at is not None or (not include_disabled and not u.active):
        raise NotFound(f"There is no active user {username!r}.", code="user.not_found",
                       username=username)
    return u
