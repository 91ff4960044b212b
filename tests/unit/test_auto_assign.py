"""Auto-assignment per team: least loaded available agent, or round-robin."""

from __future__ import annotations

import pytest

from deskapp.models.enums import Presence
from deskapp.services.errors import PermissionDenied, ValidationFailed
from tests.helpers.staff import Desk
from tests.unit.test_escalations import log, team_id


def to_billing(desk: Desk, t):
    return desk.services.escalations.escalate_functional(
        desk.agent, t.id, t.version, to_team_id=team_id(desk, "Billing"),
        reason="needs_specialist", note="n").ticket


def present(desk: Desk, *actors):
    for a in actors:
        desk.services.staff.set_presence(a, Presence.AVAILABLE)


def test_off_leaves_the_ticket_in_the_team_pool(desk: Desk):
    present(desk, desk.other_agent, desk.specialist)
    assert to_billing(desk, log(desk)).assignee_id is None


def test_least_loaded_available_agent(desk: Desk):
    billing = team_id(desk, "Billing")
    desk.services.auto_assign.set_mode(desk.manager, billing, "least_loaded")
    # Nobody available: the ticket waits in the pool.
    assert to_billing(desk, log(desk)).assignee_id is None
    present(desk, desk.other_agent, desk.specialist)
    # Reza (specialist) already has two open tickets, Sara none.
    for _ in range(2):
        desk.services.tickets.log_call(desk.specialist, _call())
    got = to_billing(desk, log(desk))
    assert got.assignee_name == "Sara Ahmadi"
    # Sara now has one, Reza two: Sara again; then both even at 2 vs 2 -> name order.
    assert to_billing(desk, log(desk)).assignee_name == "Sara Ahmadi"
    assert to_billing(desk, log(desk)).assignee_name == "Reza Karimi"  # 2 vs 2: name order
    desk.services.staff.set_presence(desk.other_agent, Presence.AWAY)
    assert to_billing(desk, log(desk)).assignee_name == "Reza Karimi"


def test_round_robin_takes_turns_and_remembers(desk: Desk):
    billing = team_id(desk, "Billing")
    present(desk, desk.other_agent, desk.specialist)
    desk.services.auto_assign.set_mode(desk.supervisor, billing, "round_robin")
    names = [to_billing(desk, log(desk)).assignee_name for _ in range(4)]
    assert names == ["Reza Karimi", "Sara Ahmadi", "Reza Karimi", "Sara Ahmadi"]
    team = next(t for t in desk.services.staff.list_teams() if t.name == "Billing")
    assert team.auto_assign == "round_robin"


def test_turning_it_on_hands_out_the_waiting_tickets(desk: Desk):
    billing = team_id(desk, "Billing")
    for _ in range(3):
        to_billing(desk, log(desk))
    present(desk, desk.other_agent, desk.specialist)
    swept = desk.services.auto_assign.set_mode(desk.manager, billing, "round_robin")
    assert (swept.assigned, swept.left_unassigned) == (3, 0)
    load = {a.display_name: a.open_count for a in desk.services.workload.workload(
        desk.manager).agents}
    assert (load["Reza Karimi"], load["Sara Ahmadi"]) == (2, 1)


def test_handing_back_to_the_pool_auto_assigns(desk: Desk):
    front = team_id(desk, "Front desk")
    present(desk, desk.agent)
    desk.services.auto_assign.set_mode(desk.supervisor, front, "least_loaded")
    t = log(desk)
    back = desk.services.tickets.assign(desk.agent, t.id, t.version, None, reason="end of shift")
    assert back.assignee_name == "Ali Rezaei"  # the only available agent of the team


def test_only_supervisors_and_managers_switch_it(desk: Desk):
    billing = team_id(desk, "Billing")
    with pytest.raises(PermissionDenied):
        desk.services.auto_assign.set_mode(desk.agent, billing, "round_robin")
    with pytest.raises(ValidationFailed, match="not one of: off, least_loaded, round_robin"):
        desk.services.auto_assign.set_mode(desk.manager, billing, "random")


def _call():
    from deskapp.services.customers import NewCustomer
    from deskapp.services.tickets import NewCall

    return NewCall(subject="own work", new_customer=NewCustomer("C", phones=["0912 000 0000"]))
