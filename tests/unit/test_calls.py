"""The call log: who is calling in any spelling, events merged per Call-ID whatever
their order or repetition, missed calls, and a call logged on a ticket only once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from deskapp.models import Call, Interaction, utcnow
from deskapp.services.customers import NewCustomer
from deskapp.services.errors import NotFound, ValidationFailed
from deskapp.services.telephony.events import CallEvent, CallPhase, EndedBy
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk


@pytest.fixture
def zahra(desk: Desk):
    return desk.services.customers.create(
        desk.agent, NewCustomer("Zahra Kazemi", phones=["0912 345 6789", "+44 20 7946 0958"])
    )


@pytest.mark.parametrize(
    "number",
    [
        "sip:09123456789@127.0.0.1:5070",
        "sip:+989123456789@pbx.example;user=phone",
        "tel:+98-912-345-6789",
        '"Zahra" <sip:00989123456789@pbx>',
        "9123456789",  # the PBX stripped the trunk 0
        "۰۹۱۲۳۴۵۶۷۸۹",
        "0912 345 6789",
        "00442079460958",
        "442079460958",
    ],
)
def test_caller_is_identified_in_any_spelling(desk: Desk, zahra, number: str) -> None:
    found = desk.services.calls.identify(desk.agent, number)
    assert [c.name for c in found] == ["Zahra Kazemi"]


def test_a_part_of_a_number_or_a_name_is_not_a_caller(desk: Desk, zahra) -> None:
    calls = desk.services.calls
    assert calls.identify(desk.agent, "345 6789") == []
    assert calls.identify(desk.agent, "sip:alice@pbx") == []


def _event(phase: CallPhase, call_id: str = "c1", at=None, **kw) -> CallEvent:
    return CallEvent(phase=phase, call_id=call_id, raw_number="sip:09123456789@x",
                     at=at or utcnow(), **kw)


def test_events_are_merged_per_call_whatever_their_order(desk: Desk, zahra) -> None:
    calls = desk.services.calls
    t0 = utcnow()
    ended = calls.record(desk.agent, _event(CallPhase.ENDED, at=t0 + timedelta(seconds=95),
                                            ended_by=EndedBy.AGENT))
    calls.record(desk.agent, _event(CallPhase.ANSWERED, at=t0 + timedelta(seconds=5)))
    calls.record(desk.agent, _event(CallPhase.RINGING, at=t0))
    again = calls.record(desk.agent, _event(CallPhase.RINGING, at=t0))  # repeated event
    assert again.id == ended.id
    assert again.customer_id == zahra.id
    assert again.rang_at == t0
    assert again.duration == timedelta(seconds=90)
    assert again.ended_by == EndedBy.AGENT  # answered, so not missed
    with desk.services.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Call)) == 1


def test_an_unanswered_call_is_missed_until_called_back(desk: Desk, zahra) -> None:
    calls = desk.services.calls
    calls.record(desk.agent, _event(CallPhase.RINGING, "m1"))
    missed = calls.record(desk.agent, _event(CallPhase.ENDED, "m1", ended_by=EndedBy.CALLER))
    assert missed.missed
    assert [c.call_id for c in calls.missed(desk.agent)] == ["m1"]
    assert calls.missed(desk.other_agent) == []  # missed at Ali's workstation only
    calls.mark_handled(desk.agent, missed.id)
    assert calls.missed(desk.agent) == []
    with pytest.raises(NotFound):
        calls.mark_handled(desk.other_agent, missed.id)


def test_a_call_is_logged_on_a_ticket_once(desk: Desk, zahra) -> None:
    calls = desk.services.calls
    t0 = utcnow() - timedelta(minutes=3)
    call = calls.record(desk.agent, _event(CallPhase.RINGING, "log1", at=t0))
    calls.record(desk.agent, _event(CallPhase.ANSWERED, "log1", at=t0 + timedelta(seconds=4)))
    detail = desk.services.tickets.log_call(
        desk.agent, NewCall("Router down", customer_id=zahra.id, call_record_id=call.id)
    )
    logged = calls.get(desk.agent, call.id)
    assert logged.ticket_id == detail.ticket.id and logged.ticket_reference == detail.ticket.reference
    with desk.services.uow() as uow:
        first = uow.session.get(Interaction, uow.session.scalar(
            select(Call.interaction_id).where(Call.id == call.id)))
        assert first.created_at == t0 + timedelta(seconds=4)  # the call's answer time
    with pytest.raises(ValidationFailed) as refused:
        desk.services.tickets.log_call(
            desk.agent, NewCall("Again", customer_id=zahra.id, call_record_id=call.id)
        )
    assert refused.value.code == "call.already_logged"
    assert refused.value.params["reference"] == detail.ticket.reference


def test_attach_logs_a_call_on_an_open_ticket_once(desk: Desk, zahra) -> None:
    calls = desk.services.calls
    detail = desk.services.tickets.log_call(desk.agent, NewCall("Router", customer_id=zahra.id))
    call = calls.record(desk.agent, _event(CallPhase.RINGING, "follow"))
    calls.record(desk.agent, _event(CallPhase.ANSWERED, "follow"))
    calls.attach(desk.agent, call.id, detail.ticket.id, "Still down")
    calls.attach(desk.agent, call.id, detail.ticket.id, "Still down")  # retried: stored once
    with desk.services.uow() as uow:
        bodies = uow.session.scalars(
            select(Interaction.body).where(Interaction.ticket_id == detail.ticket.id)
        ).all()
    assert bodies.count("Still down") == 1
    other = desk.services.tickets.log_call(desk.agent, NewCall("Other", customer_id=zahra.id))
    with pytest.raises(ValidationFailed):
        calls.attach(desk.agent, call.id, other.ticket.id)


def test_only_the_agent_whose_call_it_is_may_log_it(desk: Desk, zahra) -> None:
    call = desk.services.calls.record(desk.agent, _event(CallPhase.RINGING, "x"))
    with pytest.raises(NotFound):
        desk.services.tickets.log_call(
            desk.other_agent, NewCall("Hijack", customer_id=zahra.id, call_record_id=call.id)
        )
