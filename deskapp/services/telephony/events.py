"""Call events, whichever phone system they come from.

baresip's ctrl_tcp sends JSON events such as ``{"event": true, "type":
"CALL_INCOMING", "direction": "incoming", "peeruri": "sip:0912...@host", "id":
"<Call-ID>"}``; the local hook (``deskapp call ring ...``) sends the same meaning in
``{"hook": "ring", "number": ..., "name": ..., "call_id": ...}``. Both become a
``CallEvent``.
"""

from __future__ import annotations

import enum
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import unquote

from deskapp.models import utcnow
from deskapp.services.text import normalize_phone


class CallPhase(enum.StrEnum):
    RINGING = "ringing"  # an incoming call rings here
    DIALLING = "dialling"  # an outgoing call rings at the other end
    ANSWERED = "answered"
    ENDED = "ended"


class EndedBy(enum.StrEnum):
    AGENT = "agent"
    CALLER = "caller"  # the other party, whoever placed the call
    MISSED = "missed"


@dataclass(frozen=True)
class CallEvent:
    phase: CallPhase
    call_id: str
    incoming: bool = True
    raw_number: str = ""  # as the phone system gave it
    display_name: str = ""
    ended_by: EndedBy | None = None
    source: str = "softphone"
    at: datetime = field(default_factory=utcnow)

    @property
    def number(self) -> str:
        """Canonical digits (services.text.normalize_phone) of the other party."""
        return number_from_address(self.raw_number)


_SIP = re.compile(r"^(?:sips?|tel):", re.IGNORECASE)


def number_from_address(address: str) -> str:
    """The phone number in a SIP URI or a dialled string, in canonical digits.

    ``sip:09121234567@pbx;user=phone`` -> ``09121234567``; ``"Ali" <sip:+98912...@x>``
    -> ``0912...``; ``tel:+98-912-...`` -> ``0912...``. A user part that is not a
    number (``sip:alice@pbx``) gives "".
    """
    text = address.strip()
    if "<" in text and ">" in text:
        text = text[text.index("<") + 1 : text.rindex(">")]
    text = _SIP.sub("", text)
    user = unquote(text.split("@", 1)[0].split(";", 1)[0])
    if not re.fullmatch(r"[\d\s+()\-.۰-۹٠-٩]+", user or "x"):
        return ""
    digits = normalize_phone(user)
    # A ten-digit Iranian mobile without its trunk 0 (PBXs often strip it).
    if re.fullmatch(r"9\d{9}", digits):
        digits = "0" + digits
    return digits


_BARESIP_PHASES = {
    "CALL_INCOMING": CallPhase.RINGING,
    "CALL_RINGING": CallPhase.DIALLING,
    "CALL_OUTGOING": CallPhase.DIALLING,
    "CALL_ESTABLISHED": CallPhase.ANSWERED,
    "CALL_CLOSED": CallPhase.ENDED,
}


def from_baresip(message: dict[str, Any], *, answered: bool = True) -> CallEvent | None:
    """One ctrl_tcp event as a CallEvent; None for what is not a call's progress
    (responses, SDP, RTCP, registration...). ``answered`` tells, for CALL_CLOSED,
    whether the call had been established (an unanswered incoming call is missed)."""
    if not message.get("event"):
        return None
    phase = _BARESIP_PHASES.get(str(message.get("type", "")))
    call_id = message.get("id")
    if phase is None or not isinstance(call_id, str) or not call_id:
        return None
    incoming = message.get("direction") != "outgoing"
    ended_by = None
    if phase is CallPhase.ENDED:
        reason = str(message.get("param", "")).lower()
        if incoming and not answered:
            ended_by = EndedBy.MISSED
        elif "by user" in reason:  # "Connection reset by user": we hung up
            ended_by = EndedBy.AGENT
        else:
            ended_by = EndedBy.CALLER
    return CallEvent(
        phase=phase,
        call_id=call_id,
        incoming=incoming,
        raw_number=str(message.get("peeruri", "")),
        display_name=str(message.get("peerdisplayname", "") or ""),
        ended_by=ended_by,
        source="baresip",
    )


HOOK_PHASES = {"ring": CallPhase.RINGING, "answered": CallPhase.ANSWERED,
               "ended": CallPhase.ENDED}


def from_hook(message: dict[str, Any]) -> CallEvent | None:
    """A message of ``deskapp call ring|answered|ended``; None when it is not one."""
    phase = HOOK_PHASES.get(str(message.get("hook", "")))
    if phase is None:
        return None
    call_id = str(message.get("call_id") or "").strip()
    if not call_id:
        if phase is not CallPhase.RINGING:
            return None
        call_id = f"hook-{uuid.uuid4()}"
    ended_by = None
    if phase is CallPhase.ENDED:
        value = str(message.get("ended_by") or "")
        ended_by = EndedBy(value) if value in EndedBy.__members__.values() else None
    return CallEvent(
        phase=phase,
        call_id=call_id[:200],
        incoming=True,
        raw_number=str(message.get("number") or "")[:200],
        display_name=str(message.get("name") or "")[:160],
        ended_by=ended_by,
        source="hook",
    )
