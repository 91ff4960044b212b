"""Issue 9, point 4 (services): phone numbers follow the number plan (national numbers
have 11 digits, international ones E.164's bounds) and an outbound contact on a channel
the customer cannot be reached on is refused, both with a stable code."""

from __future__ import annotations

import pytest

from deskapp.models.enums import InteractionKind
from deskapp.services.customers import NewCustomer, clean_phones
from deskapp.services.errors import ValidationFailed
from deskapp.services.text import phone_problem
from deskapp.services.tickets import NewCall


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("0912 555", "validation.phone.national"),
        ("091234567890", "validation.phone.national"),
        ("+98 912 555", "validation.phone.national"),  # Iranian, in national form
        ("+1 234", "validation.phone.international"),
        ("+1234567890123456", "validation.phone.international"),  # 16 digits > E.164
        ("12", "validation.phone.local"),
    ],
)
def test_numbers_outside_the_plan_are_refused_with_a_code(raw, code):
    with pytest.raises(ValidationFailed) as caught:
        clean_phones([raw])
    assert caught.value.code == code
    assert caught.value.params["value"] == raw
    assert "is not a phone number" in str(caught.value)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("0912 345 6789", "09123456789"),
        ("+98 912 345 6789", "09123456789"),
        ("۰۲۱-۸۸۷۷-۶۶۵۵", "02188776655"),
        ("+44 20 7946 0958", "+442079460958"),
        ("1500", "1500"),  # a short code
    ],
)
def test_numbers_in_the_plan_pass_in_their_normal_form(raw, normal):
    assert clean_phones([raw]) == [normal]
    assert phone_problem(normal) is None


def test_log_call_refuses_a_short_number(desk):
    with pytest.raises(ValidationFailed) as caught:
        desk.services.tickets.log_call(
            desk.agent,
            NewCall(subject="Line down", new_customer=NewCustomer("Reza", phones=["0912 555"])),
        )
    assert caught.value.code == "validation.phone.national"


def test_an_email_to_a_customer_without_an_address_is_refused(desk):
    tickets = desk.services.tickets
    detail = tickets.log_call(
        desk.agent,
        NewCall(subject="Line down", channel="phone",
                new_customer=NewCustomer("Omid Jafari", phones=["02188776655"])),
    )
    with pytest.raises(ValidationFailed) as caught:
        tickets.add_interaction(desk.agent, detail.ticket.id, InteractionKind.EMAIL, "Fixed.")
    assert caught.value.code == "contact.unreachable.email"
    assert caught.value.params["missing"] == "email"
    # calling back works, and an inbound email (the customer wrote from somewhere) too
    tickets.add_interaction(desk.agent, detail.ticket.id, InteractionKind.CALL, "Called back.")
    tickets.add_interaction(desk.agent, detail.ticket.id, InteractionKind.EMAIL, "Thanks",
                            direction="inbound")


def test_a_call_to_a_customer_without_a_phone_is_refused(desk):
    tickets = desk.services.tickets
    detail = tickets.log_call(
        desk.agent,
        NewCall(subject="Invoice", channel="email",
                new_customer=NewCustomer("Mina Ahmadi", email="mina@example.com")),
    )
    with pytest.raises(ValidationFailed) as caught:
        tickets.add_interaction(desk.agent, detail.ticket.id, InteractionKind.CALL, "Called.")
    assert caught.value.code == "contact.unreachable.phone"
    assert caught.value.params["missing"] == "phone"
