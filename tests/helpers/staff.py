"""A small desk to test against: a site, two teams, staff of every role."""

from __future__ import annotations

from dataclasses import dataclass

from deskapp.models.enums import Role
from deskapp.services.facade import Services, ensure_site
from deskapp.services.permissions import SYSTEM, Actor

PASSWORD = "correct horse"


@dataclass
class Desk:
    services: Services
    agent: Actor  # tier 1, team "Front desk"
    other_agent: Actor  # tier 1, team "Billing"
    specialist: Actor  # tier 2, team "Billing"
    supervisor: Actor  # supervises "Front desk"
    manager: Actor
    admin: Actor


def make_desk(services: Services) -> Desk:
    ensure_site(services, "HQ", "Head office")
    staff = services.staff
    people = [
        ("ali", "Ali Rezaei", Role.AGENT, ["Front desk"]),
        ("sara", "Sara Ahmadi", Role.AGENT, ["Billing"]),
        ("reza", "Reza Karimi", Role.SPECIALIST, ["Billing"]),
        ("maryam", "Maryam Hosseini", Role.SUPERVISOR, ["Front desk"]),
        ("nima", "Nima Moradi", Role.MANAGER, []),
        ("root", "Admin", Role.ADMIN, []),
    ]
    for username, name, role, _teams in people:
        staff.create_user(SYSTEM, username, name, role, PASSWORD)
    staff.create_team(SYSTEM, "Front desk", skills=["general"], supervisor="maryam")
    staff.create_team(SYSTEM, "Billing", skills=["billing"], tier=2, supervisor="maryam")
    for username, _name, _role, teams in people:
        for team in teams:
            staff.add_member(SYSTEM, team, username)
    a = staff.actor
    return Desk(
        services, a("ali"), a("sara"), a("reza"), a("maryam"), a("nima"), a("root")
    )
