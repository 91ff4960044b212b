"""How an SLA clock looks, everywhere in the UI: one colour and one wording per state.

The state itself is decided by the services (``deskapp.services.sla_state``); this
only words and colours a ``SlaReading``: the queue's SLA column, the ticket header,
the customer history, the supervisor view and the notifications all use it. Overdue
reads "overdue 6d 2h" (never a negative time left); breached is red everywhere; a
paused clock that is already past due says so."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from deskapp.services.sla_state import ClockState, SlaReading
from deskapp.ui.formatting import formatter

_C = "SlaDisplay"

RED = "#c62828"
STATE_COLOURS: dict[ClockState, str] = {
    ClockState.NONE: "#757575",
    ClockState.RUNNING: "#2e7d32",
    ClockState.WARNING: "#e65100",
    ClockState.BREACHED: RED,
    ClockState.PAUSED: "#546e7a",
    ClockState.PAUSED_BREACHED: RED,
    ClockState.MET: "#455a64",
    ClockState.MISSED: RED,
}

# Short wording (queue and history columns). %1: a duration.
_SHORT: dict[ClockState, str] = cast(dict[ClockState, str], {
    ClockState.NONE: QT_TRANSLATE_NOOP("SlaDisplay", "—"),
    ClockState.RUNNING: QT_TRANSLATE_NOOP("SlaDisplay", "%1 left"),
    ClockState.WARNING: QT_TRANSLATE_NOOP("SlaDisplay", "%1 left"),
    ClockState.BREACHED: QT_TRANSLATE_NOOP("SlaDisplay", "overdue %1"),
    ClockState.PAUSED: QT_TRANSLATE_NOOP("SlaDisplay", "paused, %1 left"),
    ClockState.PAUSED_BREACHED: QT_TRANSLATE_NOOP("SlaDisplay", "paused, overdue %1"),
    ClockState.MET: QT_TRANSLATE_NOOP("SlaDisplay", "met"),
    ClockState.MISSED: QT_TRANSLATE_NOOP("SlaDisplay", "missed by %1"),
})
# With the clock's name (ticket header). %1: the clock, %2: a duration.
_LONG: dict[ClockState, str] = cast(dict[ClockState, str], {
    ClockState.NONE: QT_TRANSLATE_NOOP("SlaDisplay", "%1: no target"),
    ClockState.RUNNING: QT_TRANSLATE_NOOP("SlaDisplay", "%1: %2 left"),
    ClockState.WARNING: QT_TRANSLATE_NOOP("SlaDisplay", "%1: %2 left"),
    ClockState.BREACHED: QT_TRANSLATE_NOOP("SlaDisplay", "%1: overdue %2"),
    ClockState.PAUSED: QT_TRANSLATE_NOOP("SlaDisplay", "%1: paused, %2 left"),
    ClockState.PAUSED_BREACHED: QT_TRANSLATE_NOOP("SlaDisplay", "%1: paused, overdue %2"),
    ClockState.MET: QT_TRANSLATE_NOOP("SlaDisplay", "%1: met"),
    ClockState.MISSED: QT_TRANSLATE_NOOP("SlaDisplay", "%1: missed by %2"),
})
# The state's name (legends, tooltips, the supervisor view's headers).
STATE_NAMES: dict[ClockState, str] = cast(dict[ClockState, str], {
    ClockState.NONE: QT_TRANSLATE_NOOP("SlaDisplay", "No SLA"),
    ClockState.RUNNING: QT_TRANSLATE_NOOP("SlaDisplay", "On track"),
    ClockState.WARNING: QT_TRANSLATE_NOOP("SlaDisplay", "Warning"),
    ClockState.BREACHED: QT_TRANSLATE_NOOP("SlaDisplay", "Breached"),
    ClockState.PAUSED: QT_TRANSLATE_NOOP("SlaDisplay", "Paused"),
    ClockState.PAUSED_BREACHED: QT_TRANSLATE_NOOP("SlaDisplay", "Paused, breached"),
    ClockState.MET: QT_TRANSLATE_NOOP("SlaDisplay", "Met"),
    ClockState.MISSED: QT_TRANSLATE_NOOP("SlaDisplay", "Missed"),
})


def colour(reading: SlaReading) -> str:
    return STATE_COLOURS[reading.state]


def state_name(state: ClockState) -> str:
    return QCoreApplication.translate(_C, STATE_NAMES[state])


def _duration(reading: SlaReading) -> str:
    span = reading.overdue if reading.overdue is not None else reading.left
    return formatter().duration(span) if span is not None else ""


def short_text(reading: SlaReading) -> str:
    """'3h 05m left', 'overdue 6d 2h', 'paused, overdue 1d 0h', 'met', '—'."""
    return QCoreApplication.translate(_C, _SHORT[reading.state]).replace("%1", _duration(reading))


def clock_text(title: str, reading: SlaReading) -> str:
    """'Resolution: overdue 6d 2h' and the like."""
    return (
        QCoreApplication.translate(_C, _LONG[reading.state])
        .replace("%1", title)
        .replace("%2", _duration(reading))
    )


def stage_text(reading: SlaReading) -> str:
    """'Warning (50 %)' when a warning stage has been reached, else the state's name."""
    if reading.state is ClockState.WARNING and reading.stage:
        return (
            QCoreApplication.translate("SlaDisplay", "Warning (%1)")
            .replace("%1", formatter().percent(reading.stage / 100))
        )
    return state_name(reading.state)
