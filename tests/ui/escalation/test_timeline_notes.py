"""The notes deskapp writes on a ticket's timeline read in the reader's language: they
are stored as code + params (services.timeline_notes) and worded at display
(ui.ticket.note_wording); names, reasons and notes stay as typed."""

from __future__ import annotations

import re
import uuid

from deskapp.models import utcnow
from deskapp.models.enums import Direction, InteractionKind
from deskapp.services import timeline_notes
from deskapp.services.dto import InteractionInfo
from deskapp.services.tickets import NewCall
from deskapp.ui.i18n import apply_language
from deskapp.ui.ticket.note_wording import WORDED_CODES, note_text
from deskapp.ui.ticket.timeline import TimelineModel
from tests.helpers.staff import Desk
from tests.unit.test_escalations import log, team_id

LATIN_WORDS = re.compile(r"\b(by|to|of|Escalated|Reassigned|granted|requested|approved|"
                         r"rejected|Merged|merged|messages)\b")


def test_system_notes_are_worded_in_persian_with_names_as_typed(qapp, desk: Desk):
    s = desk.services
    t = log(desk)
    s.approvals.record_decision(desk.agent, t.id, "goodwill_credit", 5, "Late engineer visit.")
    dup = s.tickets.log_call(desk.agent, NewCall(subject="Same bill again",
                                                 customer_id=t.customer_id)).ticket
    s.merges.merge_tickets(desk.agent, t.id, dup.id)
    fresh = s.tickets.get(desk.agent, t.id).ticket
    s.escalations.escalate_functional(desk.agent, t.id, fresh.version,
                                      to_team_id=team_id(desk, "Billing"),
                                      reason="needs_specialist", note="Refund check.")
    fresh = s.tickets.get(desk.manager, t.id).ticket
    s.tickets.assign(desk.supervisor, t.id, fresh.version, desk.specialist.user_id)
    system = [i for i in s.tickets.get(desk.manager, t.id).interactions if i.code]
    assert sorted(i.code for i in system) == sorted([
        timeline_notes.DECISION_GRANTED, timeline_notes.MERGED_FROM,
        timeline_notes.ESCALATED, timeline_notes.REASSIGNED])
    model = TimelineModel()
    model.set_interactions(system)
    apply_language(qapp, "fa")
    try:
        shown = [model.data(model.index(row)) for row in range(model.rowCount())]
    finally:
        apply_language(qapp, "en")
    assert len(shown) == len(system)
    for text in shown:
        body = text.split("\n", 1)[1]
        assert not LATIN_WORDS.search(body.replace("Refund check.", "")), body
    joined = "\n".join(shown)
    for typed in ("Ali Rezaei", "Billing", "Refund check.", "Late engineer visit.",
                  "Reza Karimi", dup.reference):
        assert typed in joined
    # English readers see what the body says.
    english = [model.data(model.index(row)).split("\n", 1)[1].translate({0x2068: None, 0x2069: None})
               for row in range(model.rowCount())]
    assert english == [i.body for i in system]


def test_every_code_the_services_write_is_worded(qapp):
    params = {"by": "Ali", "target": "Billing", "reason": "r", "note": "n", "kind": "functional",
              "to_user": "Sara", "to_team": "Billing", "team_changed": True, "reference": "HQ-1",
              "subject": "s", "moved": 2, "decision": "warranty", "amount": "10", "before": "5",
              "limit": "50"}
    assert WORDED_CODES == timeline_notes.CODES
    apply_language(qapp, "fa")
    try:
        for code in timeline_notes.CODES:
            item = InteractionInfo(uuid.uuid4(), uuid.uuid4(), "HQ-1",
                                   InteractionKind.INTERNAL_NOTE, Direction.INTERNAL, "Ali",
                                   "ENGLISH BODY", utcnow(), code=code, params=params)
            assert note_text(item) != "ENGLISH BODY" and re.search("[\u0600-\u06ff]",
                                                                    note_text(item)), code
    finally:
        apply_language(qapp, "en")
