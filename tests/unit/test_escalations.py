"""Escalation service: functional and hierarchical, de-escalation, acknowledgement,
keep-me-informed, the reason list as data, permissions, automatic vs manual."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from deskapp.models import AuditEntry, Escalation, Notification, Ticket, utcnow
from deskapp.models.enums import EscalationKind, NotificationKind, Status
from deskapp.services.customers import NewCustomer
from deskapp.services.errors import (
    InvalidTransition,
    PermissionDenied,
    StaleUpdate,
    ValidationFailed,
)
from deskapp.services.escalations import apply_escalation
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk


def log(desk: Desk, actor=None, subject="Invoice charged twice"):
    call = NewCall(subject=subject, notes="Customer was billed twice in May.",
                   new_customer=NewCustomer("Zahra Kazemi", phones=["0912 345 6789"]))
    return desk.services.tickets.log_call(actor or desk.agent, call).ticket


def team_id(desk: Desk, name: str) -> uuid.UUID:
    return next(t.id for t in desk.services.staff.list_teams() if t.name == name)


def notes(desk: Desk, actor, ticket_id) -> list[str]:
    return [i.body for i in desk.services.tickets.get(actor, ticket_id).interactions]


def notifications(desk: Desk, user_id, kind=None) -> list:
    with desk.services.uow() as uow:
        q = select(Notification.title, Notification.urgency, Notification.stage,
                   Notification.ticket_id).where(Notification.recipient_id == user_id)
        if kind is not None:
            q = q.where(Notification.kind == kind)
        return list(uow.session.execute(q.order_by(Notification.created_at)))


def test_functional_escalation_moves_the_ticket_and_records_everything(desk: Desk):
    esc = desk.services.escalations
    t = log(desk)
    billing = team_id(desk, "Billing")
    targets = esc.functional_targets(desk.agent, t.id, skill="bill")
    assert [x.name for x in targets] == ["Billing"]
    assert targets[0].skills == ("billing",) and targets[0].open_load == 0
    out = esc.escalate_functional(
        desk.agent, t.id, t.version, to_team_id=billing, reason="needs_specialist",
        note="Needs a refund check.", keep_informed=True,
    )
    assert out.ticket.team_name == "Billing" and out.ticket.assignee_id is None
    assert out.ticket.escalation_level == 0  # functional: same level, other team
    e = out.escalation
    assert (e.kind, e.reason, e.from_user_name, e.to_team_name) == (
        EscalationKind.FUNCTIONAL, "Needs specialist skill", "Ali Rezaei", "Billing")
    assert e.keep_informed and not e.automatic and e.acknowledged_at is None
    assert any(n.startswith("Escalated (functional) by Ali Rezaei to Billing") and
               "Needs a refund check." in n for n in notes(desk, desk.supervisor, t.id))
    # The receivers (the team and its supervisor) are told; the escalating agent not.
    for person in (desk.other_agent, desk.specialist, desk.supervisor):
        assert len(notifications(desk, person.user_id, NotificationKind.ESCALATION)) == 1
    assert notifications(desk, desk.agent.user_id, NotificationKind.ESCALATION) == []
    with desk.services.uow() as uow:
        actions = list(uow.session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == t.id)))
    assert "ticket.escalated" in actions
    assert [h.id for h in esc.history(desk.specialist, t.id)] == [e.id]
    with pytest.raises(PermissionDenied):  # the ticket is Billing's now, and so its record
        esc.history(desk.agent, t.id)
    # Billing now appears as the ticket's current team, sorted last.
    assert esc.functional_targets(desk.agent, t.id)[-1].is_current


def test_keep_me_informed_follows_the_ticket(desk: Desk):
    esc = desk.services.escalations
    t = log(desk)
    out = esc.escalate_functional(desk.agent, t.id, t.version, to_team_id=team_id(desk, "Billing"),
                                  reason="needs_specialist", note="x", keep_informed=True)
    desk.services.tickets.assign(desk.supervisor, t.id, out.ticket.version,
                                 desk.specialist.user_id, reason="Reza knows refunds")
    info = notifications(desk, desk.agent.user_id, NotificationKind.INFO)
    assert [n.title for n in info] == ["HQ-000001 moved to Reza Karimi"]
    # Without the box ticked, nothing follows.
    t2 = log(desk, subject="second")
    out2 = esc.escalate_functional(desk.agent, t2.id, t2.version,
                                   to_team_id=team_id(desk, "Billing"),
                                   reason="needs_specialist", note="x")
    desk.services.tickets.assign(desk.supervisor, t2.id, out2.ticket.version,
                                 desk.specialist.user_id)
    assert len(notifications(desk, desk.agent.user_id, NotificationKind.INFO)) == 1


def test_acknowledgement_by_the_receiver_only_and_once(desk: Desk):
    esc = desk.services.escalations
    t = log(desk)
    out = esc.escalate_functional(desk.agent, t.id, t.version, to_team_id=team_id(desk, "Billing"),
                                  reason="customer_insists", note="Wants it today.")
    assert [e.ticket_id for e in esc.unacknowledged(desk.specialist)] == [t.id]
    assert esc.unacknowledged_ticket_ids(desk.specialist) == {t.id}
    assert esc.unacknowledged_ticket_ids(desk.agent) == frozenset()
    assert esc.history(desk.specialist, t.id)[0].may_acknowledge
    with pytest.raises(PermissionDenied):  # Billing's ticket now
        esc.history(desk.agent, t.id)
    with pytest.raises(PermissionDenied, match="Only the receiver"):
        esc.acknowledge(desk.agent, out.escalation.id)
    acked = esc.acknowledge(desk.specialist, out.escalation.id)
    assert acked.acknowledged_by_name == "Reza Karimi" and acked.acknowledged_at is not None
    with pytest.raises(InvalidTransition, match="already acknowledged by Reza Karimi"):
        esc.acknowledge(desk.supervisor, out.escalation.id)
    assert esc.unacknowledged(desk.specialist) == []


def test_supervisor_of_the_receiver_may_acknowledge(desk: Desk):
    esc = desk.services.escalations
    t = log(desk)
    out = esc.escalate_functional(desk.agent, t.id, t.version, to_team_id=team_id(desk, "Billing"),
                                  reason="customer_insists", note="n")
    # Maryam supervises Billing without being a member.
    assert esc.acknowledge(desk.supervisor, out.escalation.id).acknowledged_by_name == \
        "Maryam Hosseini"


def test_hierarchical_escalation_to_the_supervisor_and_to_the_next_tier(desk: Desk):
    esc = desk.services.escalations
    t = log(desk)
    targets = esc.hierarchical_targets(desk.agent, t.id)
    assert [(x.kind, x.label) for x in targets] == [
        ("supervisor", "Maryam Hosseini (supervisor, Front desk)"),
        ("tier", "Billing (tier 2)"),
    ]
    out = esc.escalate_hierarchical(desk.agent, t.id, t.version, reason="beyond_authority",
                                    note="Refund above my limit.",
                                    to_user_id=desk.supervisor.user_id)
    assert out.ticket.assignee_name == "Maryam Hosseini" and out.ticket.escalation_level == 1
    assert out.ticket.team_name == "Front desk"
    assert esc.unacknowledged_ticket_ids(desk.supervisor) == {t.id}
    t2 = log(desk, subject="line down")
    out2 = esc.escalate_hierarchical(desk.agent, t2.id, t2.version, reason="needs_specialist",
                                     note="n", to_team_id=targets[1].team_id)
    assert (out2.ticket.team_name, out2.ticket.escalation_level) == ("Billing", 1)
    assert out2.escalation.kind is EscalationKind.HIERARCHICAL


def test_hierarchical_escalation_goes_up_only(desk: Desk):
    esc = desk.services.escalations
    t = log(desk)
    with pytest.raises(ValidationFailed, match="Sara Ahmadi is an agent; hierarchical"):
        esc.escalate_hierarchical(desk.agent, t.id, t.version, reason="customer_insists",
                                  note="n", to_user_id=desk.other_agent.user_id)
    with pytest.raises(ValidationFailed, match="Front desk is tier 1; escalating up"):
        esc.escalate_hierarchical(desk.agent, t.id, t.version, reason="customer_insists",
                                  note="n", to_team_id=team_id(desk, "Front desk"))
    with pytest.raises(ValidationFailed, match="Choose a supervisor or a higher-tier team"):
        esc.escalate_hierarchical(desk.agent, t.id, t.version, reason="customer_insists",
                                  note="n")


def test_deescalation_returns_to_tier_one_and_the_original_agent(desk: Desk):
    esc = desk.services.escalations
    t = log(desk)
    out = esc.escalate_hierarchical(desk.agent, t.id, t.version, reason="needs_specialist",
                                    note="n", to_team_id=team_id(desk, "Billing"))
    back = esc.deescalate(desk.specialist, t.id, out.ticket.version,
                          note="Refund done; Ali can close it.")
    assert (back.ticket.team_name, back.ticket.assignee_name, back.ticket.escalation_level) == (
        "Front desk", "Ali Rezaei", 0)
    assert back.escalation.is_deescalation and back.escalation.reason == "Returned to tier 1"
    assert any("De-escalated by Reza Karimi" in n for n in notes(desk, desk.agent, t.id))
    assert [h.is_deescalation for h in esc.history(desk.agent, t.id)] == [False, True]
    with pytest.raises(InvalidTransition, match="is not escalated"):
        esc.deescalate(desk.agent, t.id, back.ticket.version, note="again")
    with pytest.raises(ValidationFailed, match="Note is required"):
        esc.deescalate(desk.agent, t.id, back.ticket.version, note=" ")


def test_permissions_stale_versions_and_bad_input(desk: Desk):
    esc = desk.services.escalations
    t = log(desk)  # Ali's, Front desk
    billing = team_id(desk, "Billing")
    with pytest.raises(PermissionDenied, match="belongs to another agent or team"):
        esc.escalate_functional(desk.other_agent, t.id, t.version, to_team_id=billing,
                                reason="customer_insists", note="n")
    with pytest.raises(PermissionDenied):
        esc.escalate_functional(desk.admin, t.id, t.version, to_team_id=billing,
                                reason="customer_insists", note="n")
    with pytest.raises(ValidationFailed, match="not one of the desk's escalation reasons"):
        esc.escalate_functional(desk.agent, t.id, t.version, to_team_id=billing,
                                reason="bored", note="n")
    with pytest.raises(ValidationFailed, match="Note is required"):
        esc.escalate_functional(desk.agent, t.id, t.version, to_team_id=billing,
                                reason="customer_insists", note="")
    with pytest.raises(ValidationFailed, match="already with that team"):
        esc.escalate_functional(desk.agent, t.id, t.version, to_team_id=team_id(desk, "Front desk"),
                                reason="customer_insists", note="n")
    desk.services.tickets.update(desk.supervisor, t.id, t.version, priority="high")
    with pytest.raises(StaleUpdate, match="changed by Maryam Hosseini"):
        esc.escalate_functional(desk.agent, t.id, t.version, to_team_id=billing,
                                reason="customer_insists", note="n")
    fresh = desk.services.tickets.get(desk.agent, t.id).ticket
    done = desk.services.tickets.change_status(desk.agent, t.id, fresh.version, Status.RESOLVED)
    with pytest.raises(InvalidTransition, match="reopen it before escalating"):
        esc.escalate_functional(desk.agent, t.id, done.version, to_team_id=billing,
                                reason="customer_insists", note="n")
    assert esc.history(desk.agent, t.id) == []


def test_reason_list_is_data_managers_edit(desk: Desk):
    esc = desk.services.escalations
    labels = [r.label for r in esc.reasons()]
    assert labels[:4] == ["Customer insists", "Beyond my authority", "Needs specialist skill",
                          "SLA at risk"]
    with pytest.raises(PermissionDenied, match="ask a manager"):
        esc.add_reason(desk.supervisor, "Legal threat")
    added = esc.add_reason(desk.manager, "Legal threat")
    assert added.code == "legal_threat" and esc.reasons()[-1].label == "Legal threat"
    insists = next(r for r in esc.reasons() if r.code == "customer_insists")
    esc.update_reason(desk.manager, insists.id, insists.version, active=False)
    assert "Customer insists" not in [r.label for r in esc.reasons()]
    assert "Customer insists" in [r.label for r in esc.reasons(include_inactive=True)]
    with pytest.raises(StaleUpdate):
        esc.update_reason(desk.manager, insists.id, insists.version, label="x")
    t = log(desk)
    with pytest.raises(ValidationFailed, match="not one of the desk's escalation reasons"):
        esc.escalate_functional(desk.agent, t.id, t.version, to_team_id=team_id(desk, "Billing"),
                                reason="customer_insists", note="n")
    out = esc.escalate_functional(desk.agent, t.id, t.version,
                                  to_team_id=team_id(desk, "Billing"), reason="legal_threat",
                                  note="n")
    assert out.escalation.reason == "Legal threat"


def test_automatic_escalation_on_breach_is_marked_and_urgent(desk: Desk):
    """The SLA scanner calls apply_escalation directly, as the system."""
    esc = desk.services.escalations
    t = log(desk)
    with desk.services.uow() as uow:
        ticket = uow.session.get(Ticket, t.id)
        apply_escalation(uow.session, ticket, kind=EscalationKind.HIERARCHICAL,
                         reason="SLA breached", now=utcnow(), by_user_id=None,
                         by_name="deskapp", to_user_id=desk.supervisor.user_id, automatic=True)
        uow.commit()
    manual = log(desk, subject="manual")
    esc.escalate_hierarchical(desk.agent, manual.id, manual.version, reason="customer_insists",
                              note="n", to_user_id=desk.supervisor.user_id)
    (auto,) = esc.history(desk.supervisor, t.id)
    assert auto.automatic and auto.created_by_name is None and auto.to_level == 1
    assert not esc.history(desk.supervisor, manual.id)[0].automatic
    by_ticket = {n.ticket_id: n for n in
                 notifications(desk, desk.supervisor.user_id, NotificationKind.ESCALATION)}
    assert (by_ticket[t.id].urgency, by_ticket[t.id].stage) == ("critical", "automatic")
    assert (by_ticket[manual.id].urgency, by_ticket[manual.id].stage) == ("normal", "manual")
    # Both need acknowledging by the supervisor.
    assert esc.unacknowledged_ticket_ids(desk.supervisor) == {t.id, manual.id}
    with desk.services.uow() as uow:
        assert uow.session.scalar(select(Escalation.automatic).where(
            Escalation.ticket_id == t.id)) is True


def test_awaiting_acknowledgement_is_a_queue_column(desk: Desk):
    from deskapp.services.escalations import awaiting_acknowledgement

    esc = desk.services.escalations
    t = log(desk)
    other = log(desk, subject="not escalated")
    out = esc.escalate_functional(desk.agent, t.id, t.version,
                                  to_team_id=team_id(desk, "Billing"),
                                  reason="customer_insists", note="n")

    def column(actor) -> dict:
        with desk.services.uow() as uow:
            return dict(uow.session.execute(
                select(Ticket.id, awaiting_acknowledgement(actor))).all())

    assert column(desk.specialist) == {t.id: True, other.id: False}
    assert column(desk.agent) == {t.id: False, other.id: False}
    esc.acknowledge(desk.specialist, out.escalation.id)
    assert column(desk.specialist)[t.id] is False


def test_keep_me_informed_hears_of_customer_contacts_and_resolution(desk: Desk):
    esc = desk.services.escalations
    tickets = desk.services.tickets
    t = log(desk)
    out = esc.escalate_hierarchical(desk.agent, t.id, t.version, reason="customer_insists",
                                    note="n", to_user_id=desk.supervisor.user_id,
                                    keep_informed=True)
    tickets.add_interaction(desk.supervisor, t.id, "internal_note", "thinking")  # not a contact
    tickets.add_interaction(desk.supervisor, t.id, "call", "Called her back.")
    fresh = tickets.get(desk.supervisor, t.id).ticket
    assert fresh.version >= out.ticket.version
    tickets.change_status(desk.supervisor, t.id, fresh.version, Status.RESOLVED)
    assert [n.title for n in notifications(desk, desk.agent.user_id, NotificationKind.INFO)] == [
        "HQ-000001: new call", "HQ-000001 is now resolved"]
