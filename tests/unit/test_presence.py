"""Presence that is true: the state expires without a heartbeat; auto-assignment and
the supervisor's view use the effective state."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from deskapp.models import PresenceHeartbeat, User, utcnow
from deskapp.models.enums import Presence
from deskapp.services.customers import NewCustomer
from deskapp.services.permissions import SYSTEM
from deskapp.services.presence import effective_presence
from deskapp.services.tickets import NewCall
from tests.helpers.staff import PASSWORD, Desk


def _age(desk: Desk, username: str, seconds: float) -> None:
    """Pretend the user's workstation last beat (and changed state) ``seconds`` ago."""
    past = utcnow() - timedelta(seconds=seconds)
    with desk.services.engine.begin() as c:
        user_id = c.scalar(select(User.id).where(User.username == username))
        c.execute(update(User).where(User.id == user_id).values(presence_at=past))
        c.execute(update(PresenceHeartbeat).where(PresenceHeartbeat.user_id == user_id)
                  .values(beat_at=past))


def test_a_heartbeat_does_not_change_the_user_row(desk: Desk):
    """Heartbeats go to their own table: no version bump (no stale edits for whoever
    has the user open), no change-feed entry, nothing for branch sync to carry."""
    p = desk.services.presence
    p.set(desk.agent, Presence.AVAILABLE)
    version = desk.services.staff_admin.get_user("ali").version
    first = p.current(desk.agent).last_seen
    for _ in range(3):
        p.heartbeat(desk.agent)
    assert desk.services.staff_admin.get_user("ali").version == version
    assert p.current(desk.agent).last_seen > first


def test_effective_presence_rule():
    now = utcnow()
    t = timedelta(seconds=120)
    fresh = now - timedelta(seconds=30)
    stale = now - timedelta(seconds=121)
    assert effective_presence(Presence.AVAILABLE, fresh, fresh, now, t) == (
        Presence.AVAILABLE, fresh)
    assert effective_presence(Presence.AVAILABLE, stale, stale, now, t) == (
        Presence.OFFLINE, stale)
    assert effective_presence(Presence.ON_CALL, stale, fresh, now, t)[0] is Presence.ON_CALL
    assert effective_presence(Presence.AWAY, None, None, now, t)[0] is Presence.OFFLINE


def test_states_set_heartbeat_and_expiry(desk: Desk, monkeypatch):
    monkeypatch.setenv("DESKAPP_PRESENCE_TIMEOUT", "60")
    p = desk.services.presence
    desk.services.staff.authenticate("ali", PASSWORD)
    assert p.current(desk.agent).presence is Presence.AVAILABLE
    assert p.set(desk.agent, Presence.AWAY).presence is Presence.AWAY
    assert p.set_on_call(desk.agent, True).presence is Presence.ON_CALL
    assert p.set_on_call(desk.agent, False).presence is Presence.AVAILABLE
    _age(desk, "ali", 61)
    seen = p.staff(desk.supervisor)
    ali = next(x for x in seen if x.username == "ali")
    assert (ali.presence, ali.stored) == (Presence.OFFLINE, Presence.AVAILABLE)
    # The workstation comes back: the next heartbeat makes the state true again.
    assert p.heartbeat(desk.agent).presence is Presence.AVAILABLE
    p.log_out(desk.agent)
    assert p.current(desk.agent).presence is Presence.OFFLINE


def test_auto_assignment_skips_away_and_expired_agents(desk: Desk, monkeypatch):
    monkeypatch.setenv("DESKAPP_PRESENCE_TIMEOUT", "60")
    s = desk.services
    team = s.staff_admin.get_team("Billing")  # sara (agent) and reza (specialist)
    s.auto_assign.set_mode(desk.manager, team.id, "round_robin")
    s.presence.set(desk.other_agent, Presence.AVAILABLE)
    s.presence.set(desk.specialist, Presence.AVAILABLE)
    _age(desk, "sara", 90)  # sara's workstation crashed
    w = s.workload.workload(desk.manager)
    sara = next(a for a in w.agents if a.display_name.startswith("Sara"))
    assert sara.presence is Presence.OFFLINE and sara.presence_since is not None
    got = set()
    for i in range(2):
        d = s.tickets.log_call(desk.agent, NewCall(subject=f"S{i}",
                                                   new_customer=NewCustomer(f"N{i}")))
        t = s.tickets.assign(SYSTEM, d.ticket.id, d.ticket.version, None, team_id=team.id)
        got.add(t.assignee_id)
    assert got == {desk.specialist.user_id}
    s.presence.set(desk.specialist, Presence.AWAY)
    d = s.tickets.log_call(desk.agent, NewCall(subject="S9", new_customer=NewCustomer("N9")))
    t = s.tickets.assign(SYSTEM, d.ticket.id, d.ticket.version, None, team_id=team.id)
    assert t.assignee_id is None  # nobody Available now
