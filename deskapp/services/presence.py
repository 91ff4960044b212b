"""Presence that is true: Available, Away, On a call, Offline.

The workstation sets the state (status bar, idle timer, telephony, log-out; a change
of the user row, so supervisors' views follow it live) and sends a heartbeat every
``HEARTBEAT_INTERVAL`` into ``presence_heartbeats`` (its own table: not a change of the
user, not in the change feed, not synced). A state whose last sign of life (the later
of the state change and the last beat) is older than the timeout reads as Offline
everywhere: the rule is computed from the database (``effective_presence`` in Python,
``available_clause`` in SQL), so a workstation that crashed or lost its connection
drops out on every other workstation without anyone writing for it. When it comes
back, its next heartbeat makes its state true again.

The timeout is ``DESKAPP_PRESENCE_TIMEOUT`` seconds (default 120), read when used.
Timestamps are the workstations' UTC clocks; the timeout is large compared with the
clock skew NTP leaves.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from deskapp.models import PresenceHeartbeat, User, utcnow
from deskapp.models.enums import Presence
from deskapp.services import audit
from deskapp.services.errors import NotFound
from deskapp.services.permissions import Actor, Permission
from deskapp.services.unit_of_work import UnitOfWorkFactory

_HOST = socket.gethostname()
DEFAULT_TIMEOUT_SECONDS = 120
HEARTBEAT_INTERVAL = timedelta(seconds=30)


def presence_timeout() -> timedelta:
    raw = os.environ.get("DESKAPP_PRESENCE_TIMEOUT", "")
    try:
        seconds = float(raw) if raw else DEFAULT_TIMEOUT_SECONDS
    except ValueError:
        seconds = DEFAULT_TIMEOUT_SECONDS
    return timedelta(seconds=max(1.0, seconds))


def beat_of(user: User) -> datetime | None:
    return user.heartbeat.beat_at if user.heartbeat is not None else None


def last_sign_of_life(user: User) -> datetime | None:
    return _later(user.presence_at, beat_of(user))


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def effective_presence(
    presence: Presence, presence_at: datetime | None, heartbeat_at: datetime | None,
    now: datetime, timeout: timedelta | None = None,
) -> tuple[Presence, datetime | None]:
    """(state, since): the stored state while the workstation beats, else Offline since
    its last sign of life (the later of the state change and the last beat)."""
    timeout = timeout or presence_timeout()
    seen = _later(presence_at, heartbeat_at)
    if presence is Presence.OFFLINE:
        return Presence.OFFLINE, presence_at
    if seen is None or seen < now - timeout:
        return Presence.OFFLINE, seen
    return presence, presence_at


def available_clause(now: datetime, timeout: timedelta | None = None) -> ColumnElement[bool]:
    """SQL: the user is Available now (state set and heartbeat fresh)."""
    cutoff = now - (timeout or presence_timeout())
    fresh_beat = exists().where(
        PresenceHeartbeat.user_id == User.id, PresenceHeartbeat.beat_at >= cutoff
    )
    return and_(User.presence == Presence.AVAILABLE, or_(User.presence_at >= cutoff, fresh_beat))


def is_available(user: User, now: datetime, timeout: timedelta | None = None) -> bool:
    state, _since = effective_presence(
        user.presence, user.presence_at, beat_of(user), now, timeout
    )
    return state is Presence.AVAILABLE


@dataclass(frozen=True)
class PresenceInfo:
    user_id: uuid.UUID
    username: str
    display_name: str
    presence: Presence  # effective
    since: datetime | None
    stored: Presence  # what the workstation last set
    last_seen: datetime | None


class PresenceService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Callable[[], datetime] = utcnow):
        self._uow = uow_factory
        self._now = clock

    def set(self, actor: Actor, presence: Presence | str) -> PresenceInfo:
        """The agent's own choice (status bar, idle timer, log-out)."""
        presence = Presence(presence)
        now = self._now()
        with self._uow() as uow:
            _beat(uow.session, actor.user_id, now)
            user = self._own(uow.session, actor)  # loaded after the beat: fresh
            old = user.presence
            if old is not presence:
                user.presence = presence
                user.presence_at = now
                audit.record(uow.session, actor, "user.presence", "user", user.id,
                             old=old.value, new=presence.value)
            uow.commit()
            return _info(user, now)

    def set_on_call(self, actor: Actor, on_call: bool) -> PresenceInfo:
        """For telephony: On a call while a call is up; back to Available after it
        (unless the agent chose another state meanwhile)."""
        with self._uow(read_only=True) as uow:
            current = self._own(uow.session, actor).presence
        if on_call:
            return self.set(actor, Presence.ON_CALL)
        if current is Presence.ON_CALL:
            return self.set(actor, Presence.AVAILABLE)
        return self.heartbeat(actor)

    def heartbeat(self, actor: Actor) -> PresenceInfo:
        """A sign of life: one upsert into presence_heartbeats (the user row is left
        alone: no version bump, no change-feed entry, no audit)."""
        now = self._now()
        with self._uow() as uow:
            s = uow.session
            _beat(s, actor.user_id, now)
            row = s.execute(
                select(User.id, User.username, User.display_name, User.presence,
                       User.presence_at).where(User.id == actor.user_id)
            ).one_or_none()
            uow.commit()
        if row is None:
            raise NotFound("Your user no longer exists.", code="user.not_found",
                           username=actor.username)
        state, since = effective_presence(row.presence, row.presence_at, now, now)
        return PresenceInfo(row.id, row.username, row.display_name, state, since,
                            row.presence, now)

    def log_out(self, actor: Actor) -> None:
        self.set(actor, Presence.OFFLINE)

    def current(self, actor: Actor) -> PresenceInfo:
        with self._uow(read_only=True) as uow:
            return _info(self._own(uow.session, actor), self._now())

    def staff(self, actor: Actor, user_ids: list[uuid.UUID] | None = None) -> list[PresenceInfo]:
        """Everyone's effective presence (supervisors and managers)."""
        actor.require(Permission.VIEW_TEAM_WORKLOAD)
        now = self._now()
        with self._uow(read_only=True) as uow:
            q = select(User).where(User.deleted_at.is_(None), User.active.is_(True))
            if user_ids is not None:
                q = q.where(User.id.in_(user_ids))
            return [_info(u, now) for u in uow.session.scalars(q.order_by(User.display_name))]

    @staticmethod
    def _own(s, actor: Actor) -> User:
        user = s.get(User, actor.user_id, populate_existing=True)
        if user is None:
            raise NotFound("Your user no longer exists.", code="user.not_found",
                           username=actor.username)
        return user


def _beat(s, user_id: uuid.UUID | None, now: datetime) -> None:
    """INSERT ... ON CONFLICT (user_id) DO UPDATE: one statement on both databases."""
    if user_id is None:
        return
    insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(PresenceHeartbeat).values(user_id=user_id, beat_at=now, host=_HOST)
    s.execute(stmt.on_conflict_do_update(
        index_elements=[PresenceHeartbeat.user_id],
        set_={"beat_at": stmt.excluded.beat_at, "host": stmt.excluded.host},
    ))


def _info(user: User, now: datetime) -> PresenceInfo:
    state, since = effective_presence(user.presence, user.presence_at, beat_of(user), now)
    return PresenceInfo(user.id, user.username, user.display_name, state, since,
                        user.presence, last_sign_of_life(user))
