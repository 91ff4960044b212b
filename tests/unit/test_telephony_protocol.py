"""baresip ctrl_tcp framing and events, and the local hook's messages, as CallEvents."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskapp.services.telephony import netstring
from deskapp.services.telephony.events import (
    CallPhase,
    EndedBy,
    from_baresip,
    from_hook,
    number_from_address,
)


@given(st.lists(st.binary(max_size=300), max_size=8), st.integers(1, 50))
def test_frames_survive_any_slicing(payloads: list[bytes], step: int) -> None:
    stream = b"".join(netstring.encode(p) for p in payloads)
    decoder = netstring.Decoder()
    got: list[bytes] = []
    for i in range(0, len(stream), step):
        got += decoder.feed(stream[i : i + step])
    assert got == payloads


@pytest.mark.parametrize("bad", [b"abc:xyz,", b"3:abcX", b"99999999999:", b"x" * 20])
def test_a_malformed_stream_is_refused_and_forgotten(bad: bytes) -> None:
    decoder = netstring.Decoder()
    with pytest.raises(netstring.NetstringError):
        decoder.feed(bad)
    assert decoder.feed(netstring.encode(b"ok")) == [b"ok"]


def _event(kind: str, **kw) -> dict:
    base = {"event": True, "type": kind, "class": "call", "direction": "incoming",
            "peeruri": "sip:09121234567@127.0.0.1:5074", "id": "9e3b32d9a557d43e"}
    return base | kw


def test_baresip_events_as_calls() -> None:
    ring = from_baresip(_event("CALL_INCOMING", peerdisplayname="Zahra"))
    assert ring.phase is CallPhase.RINGING and ring.incoming
    assert ring.number == "09121234567" and ring.display_name == "Zahra"
    assert from_baresip(_event("CALL_ESTABLISHED")).phase is CallPhase.ANSWERED
    hung_up_here = from_baresip(_event("CALL_CLOSED", param="Connection reset by user"))
    assert hung_up_here.ended_by is EndedBy.AGENT
    by_them = from_baresip(_event("CALL_CLOSED", param="Connection reset by peer"))
    assert by_them.ended_by is EndedBy.CALLER
    missed = from_baresip(_event("CALL_CLOSED", param="Request Terminated"), answered=False)
    assert missed.ended_by is EndedBy.MISSED
    outgoing = from_baresip(_event("CALL_RINGING", direction="outgoing"))
    assert outgoing.phase is CallPhase.DIALLING and not outgoing.incoming
    # not a call's progress: responses, SDP and RTCP events, events without a Call-ID
    assert from_baresip({"response": True, "ok": True, "token": "dial"}) is None
    assert from_baresip(_event("CALL_LOCAL_SDP")) is None
    assert from_baresip(_event("CALL_RTCP")) is None
    assert from_baresip(_event("CALL_INCOMING", id="")) is None


def test_hook_messages_as_calls() -> None:
    ring = from_hook({"hook": "ring", "number": "+98 912 123 4567", "name": "Ali",
                      "call_id": "abc"})
    assert (ring.phase, ring.number, ring.call_id, ring.source) == (
        CallPhase.RINGING, "09121234567", "abc", "hook")
    assert from_hook({"hook": "ring", "number": "0912"}).call_id.startswith("hook-")
    assert from_hook({"hook": "ended"}) is None  # which call?
    assert from_hook({"hook": "dance", "call_id": "x"}) is None
    assert from_hook(json.loads('{"hook": "ended", "call_id": "abc", "ended_by": "agent"}')
                     ).ended_by is EndedBy.AGENT


@pytest.mark.parametrize(
    ("address", "number"),
    [
        ("sip:09121234567@pbx", "09121234567"),
        ("<sip:+989121234567@pbx;transport=udp>", "09121234567"),
        ("sips:0044%202079460958@pbx", "+442079460958"),
        ("sip:alice@pbx", ""),
        ("", ""),
    ],
)
def test_numbers_in_addresses(address: str, number: str) -> None:
    assert number_from_address(address) == number
