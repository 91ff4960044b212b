"""Customer edit and merge, ticket merge: on SQLite and PostgreSQL, with optimistic
locking conflicts; nothing is written when refused."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from deskapp.models import AuditEntry, Customer, Interaction, Ticket
from deskapp.models.enums import Channel, InteractionKind, Segment, Status
from deskapp.services.customers import CustomerChanges, NewCustomer
from deskapp.services.errors import (
    NotFound,
    PermissionDenied,
    StaleUpdate,
    ValidationFailed,
)
from deskapp.services.facade import build_services
from deskapp.services.merging import resolve_customer_id
from deskapp.services.search import match_condition
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk, make_desk


@pytest.fixture
def both(db_url):
    svc = build_services(db_url)
    yield make_desk(svc)
    svc.dispose()


def _audits(desk: Desk) -> int:
    with desk.services.engine.connect() as c:
        return c.scalar(select(func.count()).select_from(AuditEntry))


def _call(desk: Desk, customer_id, subject="Internet drops"):
    return desk.services.tickets.log_call(
        desk.agent, NewCall(subject=subject, customer_id=customer_id, channel=Channel.EMAIL)
    ).ticket


def test_edit_customer_validates_locks_and_audits(both: Desk):
    cs = both.services.customers
    a = cs.create(both.agent, NewCustomer("Zahra Kazemi", phones=["0912 345 6789"]))
    b = cs.create(both.agent, NewCustomer("Zahra K.", phones=["09350001122"]))
    before = _audits(both)
    with pytest.raises(ValidationFailed) as e:
        cs.update(both.agent, a.id, a.version, CustomerChanges(phones=["09350001122"]))
    assert e.value.code == "customer.phone_taken"
    assert e.value.params["customer"] == "Zahra K."
    with pytest.raises(ValidationFailed):
        cs.update(both.agent, a.id, a.version, CustomerChanges(email="not-an-email"))
    assert _audits(both) == before
    assert cs.get(both.agent, a.id) == a  # nothing written
    a2 = cs.update(both.agent, a.id, a.version, CustomerChanges(
        name="Zahra Kazemi-Rad", phones=["09123456789", "021 8888 7777"], segment="vip",
        warning_note="Prefers email", preferred_language="en"))
    assert (a2.segment, a2.phones, a2.version) == (
        Segment.VIP, ("09123456789", "02188887777"), a.version + 1)
    with pytest.raises(StaleUpdate) as stale:
        cs.update(both.supervisor, a.id, a.version, CustomerChanges(segment="standard"))
    assert stale.value.changed_by == "Ali Rezaei"
    assert b.id != a.id


def test_merge_customers_moves_tickets_phones_and_leaves_a_tombstone(both: Desk):
    s = both.services
    cs = s.customers
    kept = cs.create(both.agent, NewCustomer("Reza Tehrani", phones=["09121111111"]))
    other = cs.create(both.agent, NewCustomer(
        "Reza Tehrany", phones=["09122222222", "09121111111"],
        email="reza@example.com", segment="priority", warning_note="Calls at night"))
    t1 = _call(both, kept.id)
    t2 = _call(both, other.id, "Modem light red")
    t2_before = s.tickets.get(both.agent, t2.id).ticket
    with pytest.raises(PermissionDenied):
        cs.merge(kept.id, other.id, both.agent, (kept.version, other.version))
    with pytest.raises(ValidationFailed):
        cs.merge(kept.id, kept.id, both.supervisor, None)
    result = cs.merge(kept.id, other.id, both.supervisor, {kept.id: kept.version,
                                                            other.id: other.version})
    assert (result.tickets_moved, result.phones_moved) == (1, 1)
    k = result.kept
    assert k.phones == ("09121111111", "09122222222")
    assert (k.email, k.segment, k.warning_note) == (
        "reza@example.com", Segment.PRIORITY, "Calls at night")
    hist = cs.history(both.supervisor, kept.id)
    assert {t.id for t in hist.tickets} == {t1.id, t2.id}
    moved = s.tickets.get(both.agent, t2.id).ticket
    assert moved.customer_id == kept.id and moved.version == t2_before.version + 1
    with pytest.raises(NotFound):
        cs.get(both.agent, other.id)
    with s.uow() as uow:
        assert resolve_customer_id(uow.session, other.id) == kept.id
        tomb = uow.session.get(Customer, other.id)
        assert tomb.deleted_at is not None and tomb.merged_into_id == kept.id
        # The moved ticket is found by the kept customer's name.
        cond = match_condition(s.engine.dialect.name, "Tehrani")
        found = set(uow.session.scalars(select(Ticket.id).where(cond)))
        assert t2.id in found
    # A second merge of the tombstone (another supervisor, same duplicates queue entry).
    with pytest.raises(NotFound):
        cs.merge(kept.id, other.id, both.supervisor, None)
    # The ticket was open in someone's window at the old version.
    with pytest.raises(StaleUpdate):
        s.tickets.update(both.agent, t2.id, t2_before.version, subject="x")


def test_merge_customers_refuses_a_stale_version_and_writes_nothing(both: Desk):
    cs = both.services.customers
    kept = cs.create(both.agent, NewCustomer("Mina", phones=["09123330000"]))
    other = cs.create(both.agent, NewCustomer("Mina S", phones=["09123330001"]))
    _call(both, other.id)
    cs.update(both.agent, other.id, other.version, CustomerChanges(organisation="Acme"))
    before = _audits(both)
    with pytest.raises(StaleUpdate):
        cs.merge(kept.id, other.id, both.supervisor, (kept.version, other.version))
    assert _audits(both) == before
    assert cs.get(both.agent, other.id).phones == ("09123330001",)
    assert cs.history(both.agent, other.id).total_count == 1


def test_merge_duplicate_tickets(both: Desk):
    s = both.services
    c = s.customers.create(both.agent, NewCustomer("Parisa", phones=["09124440000"],
                                                              email="parisa@example.com"))
    kept = _call(both, c.id, "No internet since morning")
    dup = _call(both, c.id, "No internet (called again)")
    s.tickets.add_interaction(both.agent, dup.id, InteractionKind.EMAIL, "Still down.")
    dup = s.tickets.get(both.agent, dup.id).ticket
    kept = s.tickets.get(both.agent, kept.id).ticket
    other_customer = s.customers.create(both.agent, NewCustomer("Someone else"))
    foreign = _call(both, other_customer.id)
    with pytest.raises(ValidationFailed) as e:
        s.merges.merge_tickets(both.agent, kept.id, foreign.id)
    assert e.value.code == "merge.different_customers"
    with pytest.raises(StaleUpdate):
        s.merges.merge_tickets(both.agent, kept.id, dup.id, (kept.version, dup.version - 1))
    with s.uow() as uow:
        assert uow.session.get(Ticket, dup.id).status is not Status.CLOSED
    with s.uow() as uow:
        on_kept = uow.session.scalar(select(func.count()).select_from(Interaction)
                                     .where(Interaction.ticket_id == kept.id))
    r = s.merges.merge_tickets(both.agent, kept.id, dup.id, (kept.version, dup.version))
    assert r.interactions_moved >= 2  # the logged contact and the reply
    assert r.merged.status is Status.CLOSED
    assert r.kept.status.is_open
    assert r.kept.resolution_due == kept.resolution_due  # SLA follows the kept ticket
    detail = s.tickets.get(both.agent, kept.id)
    bodies = [i.body for i in detail.interactions]
    assert "Still down." in bodies
    assert any(dup.reference in b and "merged into this ticket" in b for b in bodies)
    gone = s.tickets.get(both.agent, dup.id)
    assert [i.body for i in gone.interactions] == [
        f"Merged into {kept.reference}; {r.interactions_moved} messages moved there."]
    with s.uow() as uow:
        t = uow.session.get(Ticket, dup.id)
        assert (t.merged_into_id, t.sla_next_check_at) == (kept.id, None)
        n = uow.session.scalar(select(func.count()).select_from(Interaction)
                               .where(Interaction.ticket_id == kept.id))
        assert n == on_kept + r.interactions_moved + 1
    with pytest.raises(ValidationFailed) as e:
        s.merges.merge_tickets(both.agent, kept.id, dup.id)
    assert e.value.code == "merge.ticket_closed"
