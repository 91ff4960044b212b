"""One rule for the state of an SLA clock: running, warning, breached, paused (and
already breached), met or missed — for the queue, the ticket header, the customer
history, the supervisor's counts and the notifications alike. Pure: no database,
no Qt; the caller passes what it read.

How the stage is decided, exactly and in business time without a calendar here:
the SLA engine plans each clock's stages (the policy's own warning percentages,
then the breach at 100 %) in business time, and the SLA scanner raises each stage
once its time has come (``SlaStageEvent``, at most one scan interval late). So
*warning* means "the scanner has raised a warning stage of this clock" (``raised``,
the highest percent raised, see ``services.sla.raised_percents``), and *breached*
means "the due time has passed" (the due time is already in business time). No
wall-clock share of the target is guessed anywhere.

Time left and overdue are times until/since the due time. A paused clock keeps
what it had when it stopped: the time left then, or how far overdue it already was
(a paused clock can be breached: ``PAUSED_BREACHED``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from deskapp.models.enums import SlaClock, Status

BREACH_PERCENT = 100


class ClockState(enum.StrEnum):
    NONE = "none"  # no target (no policy)
    RUNNING = "running"  # on track
    WARNING = "warning"  # a warning stage of the policy has been reached
    BREACHED = "breached"  # running, past its due time
    PAUSED = "paused"  # stands still (waiting on the customer / a third party)
    PAUSED_BREACHED = "paused_breached"  # stands still, and was already past due
    MET = "met"  # stopped in time
    MISSED = "missed"  # stopped, but after its due time

    @property
    def breached(self) -> bool:
        return self in (ClockState.BREACHED, ClockState.PAUSED_BREACHED, ClockState.MISSED)

    @property
    def at_risk(self) -> bool:
        """Needs someone's attention now: warning or breached, and not done."""
        return self in (ClockState.WARNING, ClockState.BREACHED, ClockState.PAUSED_BREACHED)


@dataclass(frozen=True)
class ClockFields:
    """What a ticket row says about one clock."""

    started: datetime
    due: datetime | None
    done_at: datetime | None = None  # first response / resolution time
    paused_since: datetime | None = None  # only the resolution clock pauses


@dataclass(frozen=True)
class SlaReading:
    clock: SlaClock | None
    state: ClockState
    due: datetime | None
    stage: int | None  # highest stage reached in percent (50, 75, 90 ...; 100 breached)
    left: timedelta | None  # time until due (running or paused, not breached)
    overdue: timedelta | None  # how far past due (breached, paused breached, missed)
    next_stage: int | None = None  # the next warning percent of the policy, if any

    @property
    def breached(self) -> bool:
        return self.state.breached


NO_CLOCK = SlaReading(None, ClockState.NONE, None, None, None, None)


def read_clock(
    fields: ClockFields,
    now: datetime,
    *,
    raised: int = 0,
    stages: Sequence[int] = (),
    clock: SlaClock | None = None,
) -> SlaReading:
    """The state of one clock at ``now``.

    ``raised``: the highest stage percent the SLA scanner raised for this clock (0:
    none). ``stages``: the policy's warning percentages (for ``next_stage``)."""
    due = fields.due
    if due is None:
        return SlaReading(clock, ClockState.NONE, None, None, None, None)
    if fields.done_at is not None:
        late = fields.done_at - due
        if late > timedelta(0):
            return SlaReading(clock, ClockState.MISSED, due, BREACH_PERCENT, None, late)
        return SlaReading(clock, ClockState.MET, due, raised or None, None, None)
    stage = raised if raised > 0 else None
    upcoming = next((p for p in sorted(stages) if p > raised and p < BREACH_PERCENT), None)
    if fields.paused_since is not None:
        left = due - fields.paused_since
        if left <= timedelta(0):
            return SlaReading(
                clock, ClockState.PAUSED_BREACHED, due, BREACH_PERCENT, None, -left
            )
        return SlaReading(clock, ClockState.PAUSED, due, stage, left, None, upcoming)
    left = due - now
    if left <= timedelta(0):
        return SlaReading(clock, ClockState.BREACHED, due, BREACH_PERCENT, None, -left)
    if raised > 0:
        return SlaReading(clock, ClockState.WARNING, due, stage, left, None, upcoming)
    return SlaReading(clock, ClockState.RUNNING, due, None, left, None, upcoming)


def clock_fields(ticket: Any, clock: SlaClock) -> ClockFields:
    """The fields of ``clock`` on a ticket-like record (a Ticket, a TicketSummary, a
    QueueRow or a result row with the same attribute names)."""
    resolved_at = getattr(ticket, "resolved_at", None)
    if clock is SlaClock.FIRST_RESPONSE:
        # The first-response clock stops at the first reply or call, or at resolution.
        done = getattr(ticket, "first_response_at", None) or resolved_at
        return ClockFields(ticket.created_at, ticket.first_response_due, done)
    done = resolved_at if getattr(ticket, "status", None) in _DONE else None
    paused = None if done is not None else getattr(ticket, "sla_paused_since", None)
    return ClockFields(ticket.created_at, ticket.resolution_due, done, paused)


def current_clock(ticket: Any) -> SlaClock:
    """The clock that matters now: first response until responded (or resolved),
    then resolution."""
    if (
        getattr(ticket, "first_response_at", None) is None
        and ticket.first_response_due is not None
        and getattr(ticket, "status", None) not in _DONE
    ):
        return SlaClock.FIRST_RESPONSE
    return SlaClock.RESOLUTION


def read_ticket(
    ticket: Any,
    now: datetime,
    raised: Mapping[SlaClock, int] | None = None,
    *,
    clock: SlaClock | None = None,
    stages: Sequence[int] = (),
) -> SlaReading:
    """The state of ``clock`` (default: the clock that matters now) of a ticket-like
    record. ``raised``: highest percent raised per clock (``raised_percents``)."""
    which = clock or current_clock(ticket)
    return read_clock(
        clock_fields(ticket, which),
        now,
        raised=(raised or {}).get(which, 0),
        stages=stages,
        clock=which,
    )


_DONE = (Status.RESOLVED, Status.CLOSED)
