"""The internal notes deskapp itself writes on a ticket's timeline.

Each carries what it says as a stable code and its parameters (worded in the reader's
language by ui.ticket.note_wording) and the same in English in ``body``, which search,
exports and older readers use. Names and free text in the parameters are as typed.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from deskapp.models import Interaction
from deskapp.models.enums import Direction, InteractionKind

ESCALATED = "note.escalated"  # kind, by, target, reason, note[, reason_code, reason_params]
DEESCALATED = "note.deescalated"  # by, target, reason, note
REASSIGNED = "note.reassigned"  # by, to_user, to_team, team_changed, reason
MERGED_INTO = "note.merged_into"  # reference, moved
MERGED_FROM = "note.merged_from"  # reference, subject, moved
DECISION_GRANTED = "note.decision_granted"  # decision, amount, by, note
DECISION_REQUESTED = "note.decision_requested"  # decision, amount, before, by, limit, note
DECISION_APPROVED = "note.decision_approved"  # decision, amount, by, note
DECISION_REJECTED = "note.decision_rejected"  # decision, amount, by, note

CODES = frozenset({ESCALATED, DEESCALATED, REASSIGNED, MERGED_INTO, MERGED_FROM,
                   DECISION_GRANTED, DECISION_REQUESTED, DECISION_APPROVED,
                   DECISION_REJECTED})


def system_note(ticket_id: uuid.UUID, author_id: uuid.UUID | None, now: datetime,
                code: str, body: str, **params: Any) -> Interaction:
    """An internal note saying ``body`` (English), worded elsewhere from code + params."""
    assert code in CODES, code
    return Interaction(ticket_id=ticket_id, kind=InteractionKind.INTERNAL_NOTE,
                       direction=Direction.INTERNAL, author_id=author_id, body=body,
                       created_at=now, code=code, params=params)
