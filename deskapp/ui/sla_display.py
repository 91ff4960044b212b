"""How an SLA clock looks: on track, warning, breached, paused or done, with the time
left. The SLA engine keeps the due times right; this only reads them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

WARNING_SHARE = 0.75  # the first warning stage of DESIGN.md's example policy


class ClockStage(enum.StrEnum):
    NONE = "none"  # no target
    ON_TRACK = "on_track"
    WARNING = "warning"
    BREACHED = "breached"
    PAUSED = "paused"
    DONE = "done"


STAGE_COLOURS = {
    ClockStage.ON_TRACK: "#2e7d32",
    ClockStage.WARNING: "#e65100",
    ClockStage.BREACHED: "#c62828",
    ClockStage.PAUSED: "#546e7a",
    ClockStage.DONE: "#455a64",
    ClockStage.NONE: "#757575",
}


@dataclass(frozen=True)
class ClockState:
    stage: ClockStage
    due: datetime | None
    remaining: timedelta | None


def clock_state(
    now: datetime,
    started: datetime,
    due: datetime | None,
    *,
    paused_since: datetime | None = None,
    done_at: datetime | None = None,
) -> ClockState:
    if done_at is not None:
        return ClockState(ClockStage.DONE, due, None)
    if due is None:
        return ClockState(ClockStage.NONE, None, None)
    if paused_since is not None:
        return ClockState(ClockStage.PAUSED, due, due - paused_since)
    remaining = due - now
    if remaining <= timedelta(0):
        return ClockState(ClockStage.BREACHED, due, remaining)
    total = (due - started).total_seconds()
    used = (now - started).total_seconds()
    if total > 0 and used / total >= WARNING_SHARE:
        return ClockState(ClockStage.WARNING, due, remaining)
    return ClockState(ClockStage.ON_TRACK, due, remaining)
