"""Customers: look-up while the phone rings (any phone format, Persian digits and
letter variants), the history with its numbers, and clean refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from deskapp.models import Ticket, utcnow
from deskapp.models.enums import Channel, Direction, InteractionKind, Segment, Status
from deskapp.services.customers import CustomerChanges, NewCustomer
from deskapp.services.errors import StaleUpdate, ValidationFailed
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk


@pytest.fixture
def people(desk: Desk):
    create = desk.services.customers.create
    return {
        "zahra": create(desk.agent, NewCustomer(
            "Zahra Kazemi", phones=["0912 345 6789", "021-8888-7777"],
            email="Zahra.Kazemi@Example.com", segment="vip")),
        # Typed on a Persian keyboard: Persian kaf (U+06A9) and yeh (U+06CC).
        "karim": create(desk.agent, NewCustomer("کریم یزدانی", phones=["۰۹۳۵۱۱۱۲۲۳۳"])),
        # Typed on an Arabic keyboard (or imported from an old system): U+0643, U+064A.
        "ali": create(desk.agent, NewCustomer("علي كاظمي", phones=["+98 913 000 1122"])),
        "james": create(desk.agent, NewCustomer("James Smith", phones=["+44 20 7946 0958"],
                                                email="james@example.co.uk")),
    }


def names(results) -> list[str]:
    return [c.name for c in results]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("09123456789", ["Zahra Kazemi"]),
        ("+98 912 345 6789", ["Zahra Kazemi"]),
        ("0098-912-345-6789", ["Zahra Kazemi"]),
        ("(0912) 345-6789", ["Zahra Kazemi"]),
        ("۰۹۱۲۳۴۵۶۷۸۹", ["Zahra Kazemi"]),  # Persian digits
        ("٠٩١٢٣٤٥٦٧٨٩", ["Zahra Kazemi"]),  # Arabic-Indic digits
        ("345 6789", ["Zahra Kazemi"]),  # part of the number, as the caller reads it out
        ("02188887777", ["Zahra Kazemi"]),  # the second number
        ("09351112233", ["کریم یزدانی"]),  # stored from Persian digits
        ("0913 000 1122", ["علي كاظمي"]),  # stored from +98
        ("+44 20 7946 0958", ["James Smith"]),
        ("zahra.kazemi@example.com", ["Zahra Kazemi"]),
        ("ZAHRA.K", []),  # no @: a name search, and no name starts so
        ("Zahra.Kazemi@", ["Zahra Kazemi"]),
        ("james@", ["James Smith"]),
        ("zahra", ["Zahra Kazemi"]),
        ("KAZ", ["Zahra Kazemi"]),  # a later word, any case
        ("كريم", ["کریم یزدانی"]),  # Arabic letters find the Persian spelling
        ("علی", ["علي كاظمي"]),  # Persian letters find the Arabic spelling
        ("کاظمی", ["علي كاظمي"]),
        ("nobody", []),
        ("   ", []),
    ],
)
def test_lookup(desk: Desk, people, query, expected):
    assert names(desk.services.customers.lookup(desk.agent, query)) == expected


def test_lookup_treats_like_wildcards_literally(desk: Desk, people):
    assert desk.services.customers.lookup(desk.agent, "%") == []
    assert desk.services.customers.lookup(desk.agent, "_ahra") == []


def test_phones_are_stored_canonical_and_deduplicated(desk: Desk):
    info = desk.services.customers.create(
        desk.agent, NewCustomer("Mina", phones=["0912 345 6789", "+989123456789", " ", "0098 21 1234 5678"])
    )
    assert info.phones == ("09123456789", "02112345678")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (NewCustomer(""), "Name is required"),
        (NewCustomer("x" * 161), "Name is 161 characters long; the limit is 160"),
        (NewCustomer("Ali", phones=["12"]), "Phone '12' is not a phone number"),
        (NewCustomer("Ali", phones=[f"0912000000{n}" for n in range(6)]), "at most 5 phone"),
        (NewCustomer("Ali", email="ali@"), "Email 'ali@' is not an email address"),
        (NewCustomer("Ali", segment="gold"), "Segment 'gold' is not one of"),
        (NewCustomer("Ali", warning_note="x" * 1001), "Warning note is 1001 characters"),
    ],
)
def test_bad_customers_are_refused(desk: Desk, data, message):
    with pytest.raises(ValidationFailed, match=message):
        desk.services.customers.create(desk.agent, data)


def test_stale_customer_edit_names_who_changed_it(desk: Desk, people):
    customers = desk.services.customers
    zahra = people["zahra"]
    customers.update(desk.supervisor, zahra.id, zahra.version, CustomerChanges(segment="priority"))
    with pytest.raises(StaleUpdate, match="Customer Zahra Kazemi was changed by Maryam Hosseini"):
        customers.update(desk.agent, zahra.id, zahra.version, CustomerChanges(name="Z. Kazemi"))
    fresh = customers.get(desk.agent, zahra.id)
    assert fresh.segment is Segment.PRIORITY and fresh.name == "Zahra Kazemi"


def test_edit_renames_and_is_found_by_the_new_name(desk: Desk, people):
    customers = desk.services.customers
    c = people["james"]
    customers.update(desk.agent, c.id, c.version,
                     CustomerChanges(name="جیمز اسمیت", phones=["0912 777 8899"]))
    assert names(customers.lookup(desk.agent, "جيمز")) == ["جیمز اسمیت"]
    assert names(customers.lookup(desk.agent, "0912 777")) == ["جیمز اسمیت"]
    assert customers.lookup(desk.agent, "+44 20 7946 0958") == []


def test_history_counts_and_order(desk: Desk, people):
    tickets = desk.services.tickets
    zahra = people["zahra"].id
    agent = desk.agent

    def log(subject: str, channel: Channel = Channel.PHONE, **kw):
        return tickets.log_call(
            agent, NewCall(subject=subject, customer_id=zahra, channel=channel, **kw)
        ).ticket

    old = log("Modem broken last spring")
    old = tickets.change_status(agent, old.id, old.version, Status.PENDING_CUSTOMER)
    with desk.services.uow() as uow:  # 120 days ago
        uow.session.execute(
            update(Ticket).where(Ticket.id == old.id)
            .values(created_at=utcnow() - timedelta(days=120))
        )
        uow.commit()
    # Solved on the call: first-contact resolution.
    first = log("Forgot the portal password", resolved_on_contact=True)
    tickets.set_csat(agent, first.id, tickets.get(agent, first.id).ticket.version, 5)
    # The customer had to write again: not first-contact.
    second = log("Bill too high", channel=Channel.EMAIL)
    tickets.add_interaction(agent, second.id, InteractionKind.EMAIL, "Checking.")
    tickets.add_interaction(agent, second.id, InteractionKind.EMAIL, "Still wrong!",
                            Direction.INBOUND)
    second = tickets.get(agent, second.id).ticket
    tickets.change_status(agent, second.id, second.version, Status.RESOLVED, csat=3)
    third = log("Slow internet", channel=Channel.CHAT)
    # Someone else's customer and ticket do not count.
    tickets.log_call(agent, NewCall(subject="Other", customer_id=people["james"].id))

    history = desk.services.customers.history(agent, zahra)
    assert history.customer.name == "Zahra Kazemi"
    assert [t.subject for t in history.tickets] == [
        "Slow internet", "Bill too high", "Forgot the portal password", "Modem broken last spring",
    ]
    assert {t.channel for t in history.tickets} == {Channel.PHONE, Channel.EMAIL, Channel.CHAT}
    assert history.total_count == 4
    assert history.open_count == 2  # the chat (open) and the old one (pending)
    assert history.last_90_days_count == 3
    assert history.fcr_rate == pytest.approx(0.5)
    assert history.average_csat == pytest.approx(4.0)
    assert history.latest_interactions[0].body == "Slow internet"
    assert history.latest_interactions[0].ticket_reference == third.reference


def test_history_of_a_new_customer_has_no_rates(desk: Desk, people):
    history = desk.services.customers.history(desk.agent, people["james"].id)
    assert (history.total_count, history.open_count, history.last_90_days_count) == (0, 0, 0)
    assert history.fcr_rate is None and history.average_csat is None
    assert history.tickets == ()
