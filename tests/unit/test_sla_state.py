"""The one rule for an SLA clock's state (services.sla_state), without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from deskapp.models.enums import SlaClock, Status
from deskapp.services.sla_state import (
    ClockFields,
    ClockState,
    current_clock,
    read_clock,
    read_ticket,
)

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
H = timedelta(hours=1)


def test_running_warning_at_the_policys_own_first_stage_and_breached():
    clock = ClockFields(T0, T0 + 8 * H)
    # 5 h of 8 gone, but no stage raised: running (no share of its own is guessed).
    assert read_clock(clock, T0 + 5 * H).state is ClockState.RUNNING
    # The scanner raised the policy's 50 % stage: warning, stage 50, next 90.
    warned = read_clock(clock, T0 + 4 * H, raised=50, stages=(50, 90))
    assert (warned.state, warned.stage, warned.left, warned.next_stage) == (
        ClockState.WARNING, 50, 4 * H, 90)
    late = read_clock(clock, T0 + 8 * H + 6 * 24 * H + 2 * H, raised=90)
    assert late.state is ClockState.BREACHED and late.breached
    assert late.overdue == 6 * 24 * H + 2 * H and late.left is None and late.stage == 100


def test_a_paused_clock_keeps_its_time_left_or_says_it_is_already_breached():
    paused = read_clock(ClockFields(T0, T0 + 8 * H, paused_since=T0 + 6 * H), T0 + 90 * H)
    assert paused.state is ClockState.PAUSED and paused.left == 2 * H
    # Paused 100 days after its due time: breached, overdue by what it was when paused,
    # never "-100d left".
    due = T0 + 8 * H
    stuck = read_clock(ClockFields(T0, due, paused_since=due + 100 * 24 * H + 5 * H),
                       due + 300 * 24 * H)
    assert stuck.state is ClockState.PAUSED_BREACHED and stuck.breached
    assert stuck.overdue == 100 * 24 * H + 5 * H and stuck.left is None


def test_met_missed_and_no_target():
    assert read_clock(ClockFields(T0, T0 + 8 * H, done_at=T0 + H), T0 + 20 * H).state \
        is ClockState.MET
    missed = read_clock(ClockFields(T0, T0 + 8 * H, done_at=T0 + 10 * H), T0 + 20 * H)
    assert missed.state is ClockState.MISSED and missed.overdue == 2 * H
    assert read_clock(ClockFields(T0, None), T0).state is ClockState.NONE


class Row:
    def __init__(self, **kw):
        self.created_at = T0
        self.status = Status.OPEN
        self.first_response_due = T0 + H
        self.first_response_at = None
        self.resolution_due = T0 + 8 * H
        self.resolved_at = None
        self.sla_paused_since = None
        self.__dict__.update(kw)


def test_the_clock_that_matters_and_raised_stages_per_clock():
    row = Row()
    assert current_clock(row) is SlaClock.FIRST_RESPONSE
    raised = {SlaClock.FIRST_RESPONSE: 50, SlaClock.RESOLUTION: 0}
    assert read_ticket(row, T0 + 40 * timedelta(minutes=1), raised).state is ClockState.WARNING
    answered = Row(first_response_at=T0 + 30 * timedelta(minutes=1))
    assert current_clock(answered) is SlaClock.RESOLUTION
    assert read_ticket(answered, T0 + 2 * H, raised).state is ClockState.RUNNING
    assert read_ticket(answered, T0 + 2 * H, raised, clock=SlaClock.FIRST_RESPONSE).state \
        is ClockState.MET
    # Only the resolution clock pauses.
    waiting = Row(first_response_at=T0 + H / 2, status=Status.PENDING_CUSTOMER,
                  sla_paused_since=T0 + 9 * H)
    assert read_ticket(waiting, T0 + 30 * H).state is ClockState.PAUSED_BREACHED
    done = Row(first_response_at=T0 + H / 2, status=Status.RESOLVED, resolved_at=T0 + 7 * H,
               sla_paused_since=T0 + 7 * H)
    assert read_ticket(done, T0 + 30 * H).state is ClockState.MET
