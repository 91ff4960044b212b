"""The notes deskapp writes on a ticket's timeline, in the reader's language.

Such a note carries a code and parameters (services.timeline_notes); this words it
with tr() and the locale's digits. A note without a known code (a person's, or one
written before codes existed) shows its stored body. Names, reasons and notes in the
parameters are shown as typed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from deskapp.services import timeline_notes as notes
from deskapp.services.approvals import DecisionKind
from deskapp.services.dto import InteractionInfo
from deskapp.ui.dialogs.approval_dialog import kind_text
from deskapp.ui.formatting import formatter
from deskapp.ui.notifications.wording import clock_name

_C = "NoteWording"

_TEXTS: dict[str, str] = cast(dict[str, str], {
    "escalated.functional": QT_TRANSLATE_NOOP("NoteWording", "Escalated (functional) by %1 to %2: %3"),
    "escalated.hierarchical": QT_TRANSLATE_NOOP("NoteWording", "Escalated (hierarchical) by %1 to %2: %3"),
    "deescalated": QT_TRANSLATE_NOOP("NoteWording", "Returned to tier 1 by %1 to %2: %3"),
    "reassigned.person": QT_TRANSLATE_NOOP("NoteWording", "Reassigned by %1 to %2"),
    "reassigned.person_team": QT_TRANSLATE_NOOP("NoteWording", "Reassigned by %1 to %2 (%3)"),
    "reassigned.pool": QT_TRANSLATE_NOOP("NoteWording", "Reassigned by %1 to the %2 pool"),
    "reassigned.shared": QT_TRANSLATE_NOOP("NoteWording", "Reassigned by %1 to the shared pool"),
    "merged_into": QT_TRANSLATE_NOOP("NoteWording", "Merged into %1; %2 messages moved there."),
    "merged_from": QT_TRANSLATE_NOOP(
        "NoteWording", "%1 (%2) was merged into this ticket; %3 messages moved here."),
    "granted": QT_TRANSLATE_NOOP("NoteWording", "%1 of %2 granted by %3 (within their authority)"),
    "requested": QT_TRANSLATE_NOOP(
        "NoteWording", "%1 of %2 requested by %3; above their authority (%4), waiting for a "
        "supervisor"),
    "requested.more": QT_TRANSLATE_NOOP(
        "NoteWording", "%1 of %2 (with %5 already granted or pending on this ticket) requested "
        "by %3; above their authority (%4), waiting for a supervisor"),
    "approved": QT_TRANSLATE_NOOP("NoteWording", "%1 of %2 approved by %3"),
    "rejected": QT_TRANSLATE_NOOP("NoteWording", "%1 of %2 rejected by %3"),
    "with_reason": QT_TRANSLATE_NOOP("NoteWording", "%1: %2"),
})


def _tr(key: str, *args: str) -> str:
    text = QCoreApplication.translate(_C, _TEXTS[key])
    # Highest first, so %1 does not eat the start of %10.
    for n in range(len(args), 0, -1):
        text = text.replace(f"%{n}", args[n - 1])
    return text


def _amount(value: Any) -> str:
    return formatter().digits(str(value))


def sla_breach_words(params: dict[str, Any]) -> tuple[str, str]:
    """An automatic escalation's reason and note (code ``escalation.sla_breach``)."""
    clock = clock_name(str(params.get("clock", "")))
    reason = QCoreApplication.translate("EscalationHistoryWidget", "SLA breached: %1").replace("%1", clock)
    due = params.get("due_at")
    note = QCoreApplication.translate(
        "EscalationHistoryWidget", "The %1 target (%2) passed; escalated automatically.").replace("%1", clock).replace(
        "%2", formatter().datetime(datetime.fromisoformat(due)) if due else "—")
    return reason, note


def _escalation(code: str, p: dict[str, Any]) -> str:
    by = str(p.get("by") or "") or QCoreApplication.translate("EscalationHistoryWidget", "automatic (SLA)")
    target = str(p.get("target") or "—")
    reason, note = str(p.get("reason", "")), str(p.get("note", ""))
    if p.get("reason_code") == "escalation.sla_breach":
        reason, note = sla_breach_words(dict(p.get("reason_params") or {}))
    if code == notes.DEESCALATED:
        key = "deescalated"
    else:
        key = "escalated." + ("functional" if p.get("kind") == "functional" else "hierarchical")
    text = _tr(key, by, target, reason)
    return text + (f"\n\n{note}" if note else "")


def _reassignment(p: dict[str, Any]) -> str:
    by, person, team = str(p.get("by", "")), str(p.get("to_user", "")), str(p.get("to_team", ""))
    if person and team and p.get("team_changed"):
        text = _tr("reassigned.person_team", by, person, team)
    elif person:
        text = _tr("reassigned.person", by, person)
    elif team:
        text = _tr("reassigned.pool", by, team)
    else:
        text = _tr("reassigned.shared", by)
    reason = str(p.get("reason", ""))
    return _tr("with_reason", text, reason) if reason else text + "."


def _decision(code: str, p: dict[str, Any]) -> str:
    try:
        decision = kind_text(DecisionKind(str(p.get("decision"))))
    except ValueError:
        decision = str(p.get("decision", ""))
    amount, by = _amount(p.get("amount", "")), str(p.get("by", ""))
    if code == notes.DECISION_GRANTED:
        text = _tr("granted", decision, amount, by)
    elif code == notes.DECISION_REQUESTED:
        limit, before = _amount(p.get("limit", "")), str(p.get("before", ""))
        text = (_tr("requested.more", decision, amount, by, limit, _amount(before)) if before
                else _tr("requested", decision, amount, by, limit))
    else:
        text = _tr("approved" if code == notes.DECISION_APPROVED else "rejected",
                   decision, amount, by)
    note = str(p.get("note", ""))
    return _tr("with_reason", text, note) if note else text + "."


def note_text(item: InteractionInfo) -> str:
    """What ``item`` says, in the reader's language when deskapp wrote it."""
    code, p = item.code, item.params
    if code in (notes.ESCALATED, notes.DEESCALATED):
        return _escalation(code, p)
    if code == notes.REASSIGNED:
        return _reassignment(p)
    if code == notes.MERGED_INTO:
        return _tr("merged_into", str(p.get("reference", "")), formatter().number(
            int(p.get("moved", 0))))
    if code == notes.MERGED_FROM:
        return _tr("merged_from", str(p.get("reference", "")), str(p.get("subject", "")),
                   formatter().number(int(p.get("moved", 0))))
    if code in (notes.DECISION_GRANTED, notes.DECISION_REQUESTED, notes.DECISION_APPROVED,
                notes.DECISION_REJECTED):
        return _decision(code, p)
    return item.body


WORDED_CODES = frozenset(notes.CODES)  # every code note_text words (checked by a test)
