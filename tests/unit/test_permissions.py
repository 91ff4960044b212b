"""The whole permission matrix of DESIGN.md, enforced by the services themselves.

One table says, for every permission-checked operation (and, for ticket work, the
ticket's relation to the actor: their own, a teammate's, another team's, the
unassigned pool), which roles may do it. Every (operation, role) pair runs against
a fresh copy of one small desk: allowed ones must succeed, the others must raise
PermissionDenied and change nothing.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from deskapp.models import AuditEntry
from deskapp.models.enums import Channel, InteractionKind, Priority, Role, Status
from deskapp.services.customer_import import CustomerImportService, parse
from deskapp.services.customers import CustomerChanges, NewCustomer
from deskapp.services.dto import TicketSummary
from deskapp.services.errors import PermissionDenied
from deskapp.services.facade import Services, build_services, ensure_site
from deskapp.services.permissions import ROLE_PERMISSIONS, SYSTEM, Actor, Permission
from deskapp.services.tickets import NewCall

PASSWORD = "correct horse"
ROLES = ("agent", "specialist", "supervisor", "manager", "admin")
# Everyone who works tickets, and those who lead the desk.
WORKERS = frozenset({"agent", "specialist", "supervisor", "manager"})
LEADS = frozenset({"supervisor", "manager"})
EVERYONE = frozenset(ROLES)
ADMIN = frozenset({"admin"})
RUNS_DESK = frozenset({"manager", "admin"})
NOBODY: frozenset[str] = frozenset()

OWN, TEAM, FOREIGN, POOL = "own", "team", "foreign", "pool"

# Every actor works in "Front desk" (even the admin: the role decides, not the team);
# "tina" is a teammate, "olga" works in "Billing".
STAFF = [
    ("agent", "Ali Agent", Role.AGENT, "Front desk"),
    ("specialist", "Reza Specialist", Role.SPECIALIST, "Front desk"),
    ("supervisor", "Maryam Supervisor", Role.SUPERVISOR, "Front desk"),
    ("manager", "Nima Manager", Role.MANAGER, "Front desk"),
    ("admin", "Root Admin", Role.ADMIN, "Front desk"),
    ("tina", "Tina Teammate", Role.AGENT, "Front desk"),
    ("olga", "Olga Outsider", Role.AGENT, "Billing"),
]


@dataclass
class World:
    services: Services
    actors: dict[str, Actor]
    teams: dict[str, uuid.UUID]

    def ticket(self, relation: str, actor: Actor, *, resolved: bool = False) -> TicketSummary:
        """A ticket in ``relation`` to ``actor``, set up by the system."""
        tickets = self.services.tickets
        detail = tickets.log_call(
            SYSTEM,
            NewCall(
                subject="Internet drops every evening",
                new_customer=NewCustomer(f"Customer {uuid.uuid4().hex[:6]}",
                                         email="customer@example.com"),
                channel=Channel.EMAIL,
            ),
        )
        t = detail.ticket
        owner, team = {
            OWN: (actor.user_id, self.teams["Front desk"]),
            TEAM: (self.actors["tina"].user_id, self.teams["Front desk"]),
            FOREIGN: (self.actors["olga"].user_id, self.teams["Billing"]),
            POOL: (None, None),
        }[relation]
        if (owner, team) != (t.assignee_id, t.team_id):
            t = tickets.assign(SYSTEM, t.id, t.version, owner, team_id=team)
        if resolved:
            t = tickets.change_status(SYSTEM, t.id, t.version, Status.RESOLVED)
        return t


@pytest.fixture(scope="module")
def desk_file(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path):
    path = tmp_path_factory.mktemp("perm") / "desk.sqlite3"
    shutil.copyfile(sqlite_template, path)
    svc = build_services(f"sqlite:///{path}")
    ensure_site(svc, "HQ", "Head office")
    staff = svc.staff
    for username, name, role, _team in STAFF:
        staff.create_user(SYSTEM, username, name, role, PASSWORD)
    teams = {
        name: staff.create_team(SYSTEM, name, supervisor="supervisor").id
        for name in ("Front desk", "Billing")
    }
    for username, _name, _role, team in STAFF:
        staff.add_member(SYSTEM, team, username)
    actors = {username: staff.actor(username) for username, *_ in STAFF}
    svc.dispose()
    return path, actors, teams


@pytest.fixture
def world(desk_file, tmp_path: Path) -> Iterator[World]:
    template, actors, teams = desk_file
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(template, path)
    svc = build_services(f"sqlite:///{path}")
    yield World(svc, actors, teams)
    svc.dispose()


# -- the operations --------------------------------------------------------------------

# An operation prepares what it needs (as the system) and returns the checked action.
Op = Callable[[World, Actor, "TicketSummary | None"], Callable[[], object]]


def _note(w: World, a: Actor, t) -> Callable[[], object]:
    return lambda: w.services.tickets.add_interaction(a, t.id, InteractionKind.INTERNAL_NOTE, "Checked.")


def _reply(w: World, a: Actor, t) -> Callable[[], object]:
    return lambda: w.services.tickets.add_interaction(a, t.id, InteractionKind.EMAIL, "Please retry.")


def _status(w: World, a: Actor, t) -> Callable[[], object]:
    return lambda: w.services.tickets.change_status(a, t.id, t.version, Status.PENDING_CUSTOMER)


def _resolve(w: World, a: Actor, t) -> Callable[[], object]:
    return lambda: w.services.tickets.change_status(a, t.id, t.version, Status.RESOLVED, csat=4)


def _edit(w: World, a: Actor, t) -> Callable[[], object]:
    return lambda: w.services.tickets.update(a, t.id, t.version, priority=Priority.HIGH)


def _take(w: World, a: Actor, t) -> Callable[[], object]:
    return lambda: w.services.tickets.assign(a, t.id, t.version, a.user_id)


def _hand_back(w: World, a: Actor, t) -> Callable[[], object]:
    return lambda: w.services.tickets.assign(a, t.id, t.version, None, reason="end of shift")


def _give_away(w: World, a: Actor, t) -> Callable[[], object]:
    return lambda: w.services.tickets.assign(a, t.id, t.version, w.actors["olga"].user_id)


def _move_team(w: World, a: Actor, t) -> Callable[[], object]:
    billing = w.teams["Billing"]
    return lambda: w.services.tickets.assign(a, t.id, t.version, t.assignee_id, team_id=billing)


def _view_ticket(w: World, a: Actor, t) -> Callable[[], object]:
    return lambda: w.services.tickets.get(a, t.id)


def _log_call(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.tickets.log_call(
        a, NewCall(subject="Bill too high", new_customer=NewCustomer("Sara Ahmadi"))
    )


def _customer(w: World):
    return w.services.customers.create(
        SYSTEM, NewCustomer("Zahra Kazemi", phones=["09123456789"], email="z@example.com")
    )


def _create_customer(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.customers.create(a, NewCustomer("Mina Sadeghi", phones=["09350001122"]))


def _edit_customer(w: World, a: Actor, _t) -> Callable[[], object]:
    c = _customer(w)
    return lambda: w.services.customers.update(a, c.id, c.version, CustomerChanges(segment="vip"))


def _view_customer(w: World, a: Actor, _t) -> Callable[[], object]:
    c = _customer(w)
    return lambda: w.services.customers.get(a, c.id)


def _lookup(w: World, a: Actor, _t) -> Callable[[], object]:
    _customer(w)
    return lambda: w.services.customers.lookup(a, "0912 345")


def _history(w: World, a: Actor, _t) -> Callable[[], object]:
    c = _customer(w)
    return lambda: w.services.customers.history(a, c.id)


def _create_user(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.staff.create_user(a, "newbie", "New Person", Role.AGENT, PASSWORD)


def _own_password(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.staff.set_password(a, a.username, "another long one")


def _other_password(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.staff.set_password(a, "tina", "another long one")


def _create_team(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.staff.create_team(a, "Network", skills=["network"])


def _add_member(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.staff.add_member(a, "Billing", "tina")


def _import_customers(w: World, a: Actor, _t) -> Callable[[], object]:
    parsed = parse("name,phone\nKaveh Nouri,09127778899\n", "c.csv")
    return lambda: CustomerImportService(w.services.uow).import_parsed(a, parsed)


def _escalate(w: World, a: Actor, t) -> Callable[[], object]:
    other = w.teams["Front desk"] if t.team_id == w.teams["Billing"] else w.teams["Billing"]
    return lambda: w.services.escalations.escalate_functional(
        a, t.id, t.version, to_team_id=other, reason="needs_specialist", note="Refund needed."
    )


def _escalation_history(w: World, a: Actor, t) -> Callable[[], object]:
    return lambda: w.services.escalations.history(a, t.id)


def _search_canned(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.canned.search(a, "modem")


def _create_canned(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.canned.create(a, "Restart", "Switch the modem off and on.")


def _team_workload(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.workload.workload(a)


def _pending_approvals(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.approvals.pending(a)


def _see_reports(w: World, a: Actor, _t) -> Callable[[], object]:
    from datetime import date

    from deskapp.services.reports import ReportQuery

    return lambda: w.services.reports.report(a, ReportQuery(date(2026, 1, 1), date(2026, 1, 31)))


def _sla_policies(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.sla_admin.list_policies(a)


def _edit_team(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.staff_admin.edit_team(a, "Billing", name="Billing and refunds")


def _own_team_members(w: World, a: Actor, _t) -> Callable[[], object]:
    # "Front desk" is supervised by "supervisor".
    return lambda: w.services.staff_admin.add_member(a, "Front desk", "olga")


def _remove_team(w: World, a: Actor, _t) -> Callable[[], object]:
    w.services.staff_admin.create_team(SYSTEM, "Network")
    return lambda: w.services.staff_admin.remove_team(a, "Network")


def _edit_user(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.staff_admin.edit_user(a, "tina", tier=2, language="fa")


def _disable_user(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.staff_admin.disable_user(a, "tina")


def _enable_user(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.staff_admin.enable_user(a, "tina")


def _reset_password(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.staff_admin.reset_password(a, "tina", "temporary-123")


def _staff_presence(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.presence.staff(a)


def _merge_customers(w: World, a: Actor, _t) -> Callable[[], object]:
    kept, other = _customer(w), _customer(w)
    return lambda: w.services.customers.merge(kept.id, other.id, a, (kept.version,
                                                                     other.version))


def _merge_tickets(w: World, a: Actor, t) -> Callable[[], object]:
    tickets = w.services.tickets
    dup = tickets.log_call(
        SYSTEM, NewCall(subject="Called again", customer_id=t.customer_id,
                        channel=Channel.EMAIL)).ticket
    if (dup.assignee_id, dup.team_id) != (t.assignee_id, t.team_id):
        dup = tickets.assign(SYSTEM, dup.id, dup.version, t.assignee_id, team_id=t.team_id)
    return lambda: w.services.merges.merge_tickets(a, t.id, dup.id)


def _search_audit(w: World, a: Actor, _t) -> Callable[[], object]:
    return lambda: w.services.audit_log.search(a, username="tina")


def _ticket_audit(w: World, a: Actor, t) -> Callable[[], object]:
    return lambda: w.services.audit_log.ticket_history(a, t.id)


def _edit_canned(w: World, a: Actor, _t) -> Callable[[], object]:
    c = w.services.canned.create(SYSTEM, "Restart", "Switch the modem off and on.")
    return lambda: w.services.canned.update(a, c.id, c.version, "Restart", "Off, wait, on.")


def _retire_canned(w: World, a: Actor, _t) -> Callable[[], object]:
    c = w.services.canned.create(SYSTEM, "Old", "Outdated answer.")
    return lambda: w.services.canned.retire(a, c.id)


OPERATIONS: dict[str, Op] = {
    "search the audit log": _search_audit,
    "see a ticket's audit history": _ticket_audit,
    "edit a canned response": _edit_canned,
    "retire a canned response": _retire_canned,
    "merge two customers": _merge_customers,
    "merge duplicate tickets": _merge_tickets,
    "edit a team": _edit_team,
    "change the members of one's own team": _own_team_members,
    "remove a team": _remove_team,
    "edit a user": _edit_user,
    "disable a user": _disable_user,
    "enable a user": _enable_user,
    "reset a password": _reset_password,
    "see everyone's presence": _staff_presence,
    "add an internal note": _note,
    "reply to the customer": _reply,
    "change the status": _status,
    "resolve": _resolve,
    "edit the ticket": _edit,
    "take the ticket": _take,
    "hand the ticket back to the pool": _hand_back,
    "give the ticket to someone else": _give_away,
    "move the ticket to another team": _move_team,
    "view the ticket": _view_ticket,
    "log a call": _log_call,
    "create a customer": _create_customer,
    "edit a customer": _edit_customer,
    "view a customer": _view_customer,
    "look a customer up": _lookup,
    "see a customer's history": _history,
    "create a user": _create_user,
    "change one's own password": _own_password,
    "change another user's password": _other_password,
    "create a team": _create_team,
    "add a team member": _add_member,
    "import customers": _import_customers,
    "escalate to another team": _escalate,
    "see the escalation history": _escalation_history,
    "search canned responses": _search_canned,
    "create a canned response": _create_canned,
    "see the team workload": _team_workload,
    "see pending approvals": _pending_approvals,
    "manage SLA policies": _sla_policies,
    "see reports": _see_reports,
}

# (operation, the ticket's relation to the actor or None, roles allowed)
MATRIX: list[tuple[str, str | None, frozenset[str]]] = [
    *[(op, rel, WORKERS if rel != FOREIGN else LEADS)
      for op in ("add an internal note", "reply to the customer", "change the status",
                 "resolve", "edit the ticket")
      for rel in (OWN, TEAM, POOL, FOREIGN)],
    # Agents take from the pool (or keep their own); a teammate's or another team's
    # ticket moves only by a supervisor's hand.
    ("take the ticket", OWN, WORKERS),
    ("take the ticket", POOL, WORKERS),
    ("take the ticket", TEAM, LEADS),
    ("take the ticket", FOREIGN, LEADS),
    ("hand the ticket back to the pool", OWN, WORKERS),
    ("hand the ticket back to the pool", TEAM, LEADS),
    ("hand the ticket back to the pool", FOREIGN, LEADS),
    ("give the ticket to someone else", OWN, LEADS),
    ("give the ticket to someone else", TEAM, LEADS),
    ("give the ticket to someone else", POOL, LEADS),
    ("give the ticket to someone else", FOREIGN, LEADS),
    ("move the ticket to another team", OWN, LEADS),
    ("move the ticket to another team", FOREIGN, LEADS),
    # Team boundaries (services.visibility): another team's ticket is read by whoever
    # leads that team ("supervisor" leads both) and by managers and administrators.
    *[("view the ticket", rel, EVERYONE) for rel in (OWN, TEAM, POOL)],
    ("view the ticket", FOREIGN, frozenset({"supervisor", "manager", "admin"})),
    ("log a call", None, WORKERS),
    ("create a customer", None, WORKERS),
    ("edit a customer", None, WORKERS),
    ("view a customer", None, EVERYONE),
    ("look a customer up", None, EVERYONE),
    ("see a customer's history", None, EVERYONE),
    ("create a user", None, ADMIN),
    ("change one's own password", None, EVERYONE),
    ("change another user's password", None, ADMIN),
    ("create a team", None, RUNS_DESK),
    ("add a team member", None, RUNS_DESK),
    ("import customers", None, RUNS_DESK),
    *[("escalate to another team", rel, WORKERS if rel != FOREIGN else LEADS)
      for rel in (OWN, TEAM, POOL, FOREIGN)],
    # A ticket's internal records are read by whoever reads the ticket.
    *[("see the escalation history", rel, EVERYONE) for rel in (OWN, TEAM, POOL)],
    ("see the escalation history", FOREIGN, frozenset({"supervisor", "manager", "admin"})),
    ("search canned responses", None, WORKERS),
    ("create a canned response", None, LEADS),
    ("see the team workload", None, LEADS),
    ("see pending approvals", None, LEADS),
    ("manage SLA policies", None, frozenset({"manager"})),
    ("edit a team", None, RUNS_DESK),
    ("change the members of one's own team", None, RUNS_DESK | {"supervisor"}),
    ("remove a team", None, RUNS_DESK),
    ("edit a user", None, ADMIN),
    ("disable a user", None, ADMIN),
    ("enable a user", None, ADMIN),
    ("reset a password", None, ADMIN),
    ("see everyone's presence", None, LEADS),
    ("merge two customers", None, LEADS),
    ("search the audit log", None, RUNS_DESK),
    ("see a ticket's audit history", OWN, EVERYONE),
    ("see a ticket's audit history", FOREIGN, frozenset({"supervisor", "manager", "admin"})),
    ("edit a canned response", None, LEADS),
    ("retire a canned response", None, LEADS),
    # Whoever may work both tickets merges them (a repeat caller is the agent's own case).
    ("merge duplicate tickets", OWN, WORKERS),
    ("merge duplicate tickets", FOREIGN, LEADS),
    ("see reports", None, frozenset({"supervisor", "manager", "admin"})),
]


def _audit_count(w: World) -> int:
    with w.services.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(AuditEntry)) or 0


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("operation", "relation", "allowed"),
    MATRIX,
    ids=[f"{op} ({rel or '-'})" for op, rel, _a in MATRIX],
)
def test_permission_matrix(world: World, operation, relation, allowed, role):
    actor = world.actors[role]
    ticket = None
    if relation is not None:
        ticket = world.ticket(relation, actor, resolved=False)
    action = OPERATIONS[operation](world, actor, ticket)
    if role in allowed:
        action()
    else:
        before = _audit_count(world)
        with pytest.raises(PermissionDenied) as denied:
            action()
        assert str(denied.value)  # a message fit to show
        assert _audit_count(world) == before  # nothing was written


def test_the_table_covers_every_operation_and_is_not_trivial():
    assert {op for op, _r, _a in MATRIX} == set(OPERATIONS)
    # Each role is refused something and allowed something: the matrix discriminates.
    for role in ROLES:
        assert any(role in allowed for *_x, allowed in MATRIX)
        assert any(role not in allowed for *_x, allowed in MATRIX)


def test_roles_match_the_design_table():
    """DESIGN.md: agents and specialists work tickets; supervisors also reassign and
    approve; managers own SLA policies and teams; admins own users and sites."""
    perms = ROLE_PERMISSIONS
    assert perms[Role.AGENT] == perms[Role.SPECIALIST]
    assert Permission.REASSIGN_ANY in perms[Role.SUPERVISOR] - perms[Role.AGENT]
    assert Permission.APPROVE in perms[Role.SUPERVISOR]
    assert {Permission.MANAGE_SLA, Permission.MANAGE_TEAMS} <= perms[Role.MANAGER]
    assert perms[Role.SUPERVISOR] < perms[Role.MANAGER]
    assert {Permission.MANAGE_USERS, Permission.MANAGE_SITES} <= perms[Role.ADMIN]
    assert Permission.WORK_TICKETS not in perms[Role.ADMIN]
    assert Permission.MANAGE_USERS not in perms[Role.MANAGER]


# -- confidential notes and team boundaries (services.visibility) ----------------------


def _queue_ids(w: World, a: Actor) -> set:
    from deskapp.services.queue import QueueQuery, View

    return {r.id for r in w.services.queue.page(a, QueueQuery(view=View.CUSTOM), limit=500)}


def _bodies(detail) -> set[str]:
    return {i.body for i in detail.interactions}


@pytest.mark.parametrize("role", ROLES)
def test_who_reads_another_teams_ticket_and_its_internal_notes(world: World, role):
    """Billing's ticket with an internal note: the agent and specialist of Front desk
    neither find it in the queue nor open it, until its customer is theirs to serve
    (an open ticket of the same customer in their team): then they read the ticket and
    what the customer was told, never Billing's internal notes. The supervisor of both
    teams, the manager and the administrator read everything."""
    actor = world.actors[role]
    tickets = world.services.tickets
    foreign = world.ticket(FOREIGN, actor)
    olga = world.actors["olga"]
    tickets.add_interaction(olga, foreign.id, InteractionKind.INTERNAL_NOTE, "Fraud suspected.")
    tickets.add_interaction(olga, foreign.id, InteractionKind.EMAIL, "Your refund is on its way.")
    world.services.escalations.escalate_hierarchical(
        olga, foreign.id, tickets.get(SYSTEM, foreign.id).ticket.version,
        reason="customer_insists", note="Wants the manager.",
        to_user_id=world.actors["supervisor"].user_id)
    reads_all = role in ("supervisor", "manager", "admin")
    queue_ok = role != "admin"  # administrators run the system, not the queue
    if queue_ok:
        assert (foreign.id in _queue_ids(world, actor)) is reads_all
    history = world.services.customers.history(actor, foreign.customer_id)
    assert ({t.id for t in history.tickets} == {foreign.id}) is reads_all
    if reads_all:
        assert "Fraud suspected." in _bodies(tickets.get(actor, foreign.id))
        assert len(world.services.escalations.history(actor, foreign.id)) == 1
        return
    internal_records = (world.services.escalations.history, world.services.approvals.for_ticket,
                        world.services.audit_log.ticket_history)
    for read in (tickets.get, *internal_records):
        with pytest.raises(PermissionDenied) as denied:
            read(actor, foreign.id)
        assert denied.value.code == "ticket.not_visible"
    # The same customer calls the Front desk: now the agent is serving them.
    own = tickets.log_call(SYSTEM, NewCall(subject="Where is my refund?",
                                           customer_id=foreign.customer_id,
                                           channel=Channel.EMAIL)).ticket
    tickets.assign(SYSTEM, own.id, own.version, actor.user_id,
                   team_id=world.teams["Front desk"])
    seen = tickets.get(actor, foreign.id)
    assert "Your refund is on its way." in _bodies(seen)
    assert "Fraud suspected." not in _bodies(seen)
    # ... and none of its internal records (Billing's escalation of it, say).
    assert [read(actor, foreign.id) for read in internal_records] == [[], [], []]
    history = world.services.customers.history(actor, foreign.customer_id)
    assert {t.id for t in history.tickets} == {foreign.id, own.id}
    shown = {i.body for i in history.latest_interactions}
    assert "Your refund is on its way." in shown and "Fraud suspected." not in shown
    # Serving a customer does not put another team's ticket in the agent's queue.
    assert foreign.id not in _queue_ids(world, actor) and own.id in _queue_ids(world, actor)


def test_a_ticket_escalated_to_someone_by_name_is_theirs_to_read(world: World):
    staff = world.services.staff
    staff.create_user(SYSTEM, "sam", "Sam Senior", Role.SUPERVISOR, PASSWORD)
    sam, agent = staff.actor("sam"), world.actors["agent"]  # sam leads no team
    foreign = world.ticket(FOREIGN, agent)
    with pytest.raises(PermissionDenied):
        world.services.tickets.get(sam, foreign.id)
    world.services.escalations.escalate_hierarchical(
        SYSTEM, foreign.id, foreign.version, reason="beyond_authority",
        note="Sam knows this customer.", to_user_id=sam.user_id)
    assert world.services.tickets.get(sam, foreign.id).ticket.id == foreign.id
    assert foreign.id in _queue_ids(world, sam)
    with pytest.raises(PermissionDenied):
        world.services.tickets.get(agent, foreign.id)
