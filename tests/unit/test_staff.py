"""Staff: logging in, creating users and teams, and the clear refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from deskapp.models import User
from deskapp.models.enums import Presence, Role
from deskapp.services.errors import (
    AlreadyExists,
    AuthenticationFailed,
    NotFound,
    ValidationFailed,
)
from deskapp.services.passwords import verify_password
from deskapp.services.permissions import SYSTEM
from tests.helpers.staff import PASSWORD, Desk


def test_authenticate_returns_the_actor_and_marks_presence(desk: Desk):
    staff = desk.services.staff
    actor = staff.authenticate("ali", PASSWORD)
    assert (actor.username, actor.role, actor.display_name) == ("ali", Role.AGENT, "Ali Rezaei")
    assert actor.team_ids == desk.agent.team_ids and len(actor.team_ids) == 1
    me = next(u for u in staff.list_users() if u.username == "ali")
    assert me.presence is Presence.AVAILABLE
    # Usernames are case-insensitive and trimmed, as people type them.
    assert staff.authenticate("  ALI ", PASSWORD).user_id == actor.user_id


def test_wrong_password_and_unknown_user_get_the_same_message(desk: Desk):
    staff = desk.services.staff
    with pytest.raises(AuthenticationFailed) as wrong:
        staff.authenticate("ali", "not the password")
    with pytest.raises(AuthenticationFailed) as unknown:
        staff.authenticate("nobody", PASSWORD)
    assert str(wrong.value) == str(unknown.value) == "Wrong username or password."


def test_disabled_account_is_refused_with_its_own_message(desk: Desk):
    with desk.services.uow() as uow:
        uow.session.execute(update(User).where(User.username == "ali").values(active=False))
        uow.commit()
    with pytest.raises(AuthenticationFailed, match="'ali' is disabled; ask an administrator"):
        desk.services.staff.authenticate("ali", PASSWORD)
    # ...but only once the password is right: no probing for disabled accounts.
    with pytest.raises(AuthenticationFailed, match="Wrong username or password"):
        desk.services.staff.authenticate("ali", "not the password")


def test_passwords_are_stored_as_salted_slow_hashes(desk: Desk):
    with desk.services.uow() as uow:
        hashes = [u.password_hash for u in uow.session.query(User).all()]
    assert all(h.startswith("scrypt$") and PASSWORD not in h for h in hashes)
    assert len(set(hashes)) == len(hashes)  # same password, different salt
    assert all(verify_password(PASSWORD, h) for h in hashes)


def test_duplicate_username_is_refused(desk: Desk):
    with pytest.raises(AlreadyExists, match="A user named 'ali' already exists"):
        desk.services.staff.create_user(SYSTEM, "Ali", "Another Ali", Role.AGENT, PASSWORD)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"role": "wizard"}, "Role 'wizard' is not one of: agent, specialist, supervisor"),
        ({"password": "short"}, "at least 8 characters"),
        ({"password": "x" * 257}, "longer than 256 characters"),
        ({"username": "a b"}, "must be 2-64 characters"),
        ({"username": "-x"}, "must be 2-64 characters"),
        ({"display_name": "x" * 121}, "Display name is 121 characters long; the limit is 120"),
        ({"tier": 4}, "Tier 4 is not 1, 2 or 3"),
        ({"email": "nope"}, "Email 'nope' is not an email address"),
    ],
)
def test_bad_user_input_is_refused(desk: Desk, kwargs, message):
    args = {"username": "newbie", "display_name": "New Person", "role": Role.AGENT,
            "password": PASSWORD} | kwargs
    extra = {k: args.pop(k) for k in ("tier", "email") if k in args}
    with pytest.raises(ValidationFailed, match=message):
        desk.services.staff.create_user(SYSTEM, **args, **extra)
    assert "newbie" not in {u.username for u in desk.services.staff.list_users()}


def test_unknown_team_is_named(desk: Desk):
    with pytest.raises(NotFound, match="No team named Nowhere; known teams: Billing, Front desk"):
        desk.services.staff.create_user(
            SYSTEM, "newbie", "New", Role.AGENT, PASSWORD, team_names=["Nowhere"]
        )


def test_create_user_defaults_tier_from_role_and_joins_teams(desk: Desk):
    info = desk.services.staff.create_user(
        SYSTEM, "kaveh", "Kaveh Nouri", "specialist", PASSWORD, team_names=["Billing"]
    )
    assert (info.role, info.tier, info.team_names) == (Role.SPECIALIST, 2, ("Billing",))
    actor = desk.services.staff.authenticate("kaveh", PASSWORD)
    assert actor.team_ids == frozenset(info.team_ids)


def test_teams_have_skills_and_a_supervisor(desk: Desk):
    staff = desk.services.staff
    team = staff.create_team(SYSTEM, "Network", skills=["Network", " network ", "Fibre"],
                             tier=2, supervisor="maryam")
    assert team.skills == ("fibre", "network")
    assert team.supervisor_name == "Maryam Hosseini"
    with pytest.raises(AlreadyExists, match="A team named 'Network' already exists"):
        staff.create_team(SYSTEM, "Network")
    with pytest.raises(NotFound, match="There is no user 'ghost'"):
        staff.create_team(SYSTEM, "Field service", supervisor="ghost")
    staff.add_member(SYSTEM, "Network", "reza")
    staff.add_member(SYSTEM, "Network", "reza")  # twice is once
    (network,) = [t for t in staff.list_teams() if t.name == "Network"]
    assert network.member_ids == (desk.specialist.user_id,)


def test_set_password(desk: Desk):
    staff = desk.services.staff
    staff.set_password(desk.agent, "ali", "a brand new one")
    assert staff.authenticate("ali", "a brand new one").username == "ali"
    with pytest.raises(AuthenticationFailed):
        staff.authenticate("ali", PASSWORD)
    with pytest.raises(ValidationFailed, match="at least 8"):
        staff.set_password(desk.admin, "ali", "short")
    with pytest.raises(NotFound, match="There is no user 'ghost'"):
        staff.set_password(desk.admin, "ghost", "long enough one")
