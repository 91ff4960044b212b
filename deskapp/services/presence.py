"""Presence that is true: Available, Away, On a call, Offline.

The workstation sets the state (status bar, idle timer, telephony, log-out) and sends a
heartbeat every ``HEARTBEAT_INTERVAL``. A state older than the timeout without a
heartbeat reads as Offline everywhere: the rule is computed from the database row
(``effective_presence`` in Python, ``available_clause`` in SQL), so a workstation that
crashed or lost its connection drops out on every other workstation without anyone
writing to its row. When it comes back, its next heartbeat makes its state true again.

The timeout is ``DESKAPP_PRESENCE_TIMEOUT`` seconds (default 120), read when used.
Timestamps are the workstations' UTC clocks; the timeout is large compared with the
clock skew NTP leaves.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, select, update

from deskapp.models import User, utcnow
from deskapp.models.enums import Presence
from deskapp.services import audit
from deskapp.services.errors import NotFound
from deskapp.services.permissions import Actor, Permission
from deskapp.services.unit_of_work import UnitOfWorkFactory

DEFAULT_TIMEOUT_SECONDS = 120
HEARTBEAT_INTERVAL = timedelta(seconds=30)


def presence_timeout() -> timedelta:
    raw = os.environ.get("DESKAPP_PRESENCE_TIMEOUT", "")
    try:
        seconds = float(raw) if raw else DEFAULT_TIMEOUT_SECONDS
    except ValueError:
        seconds = DEFAULT_TIMEOUT_SECONDS
    return timedelta(seconds=max(1.0, seconds))


def last_sign_of_life(user: User) -> datetime | None:
    return user.heartbeat_at or user.presence_at


def effective_presence(
    presence: Presence, presence_at: datetime | None, heartbeat_at: datetime | None,
    now: datetime, timeout: timedelta | None = None,
) -> tuple[Presence, datetime | None]:
    """(state, since): the stored state while the workstation beats, else Offline since
    its last sign of life."""
    timeout = timeout or presence_timeout()
    seen = heartbeat_at or presence_at
    if presence is Presence.OFFLINE:
        return Presence.OFFLINE, presence_at
    if seen is None or seen < now - timeout:
        return Presence.OFFLINE, seen
    return presence, presence_at


def available_clause(now: datetime, timeout: timedelta | None = None) -> ColumnElement[bool]:
    """SQL: the user is Available now (state set and heartbeat fresh)."""
    cutoff = now - (timeout or presence_timeout())
    return and_(
        User.presence == Presence.AVAILABLE,
        func.coalesce(User.heartbeat_at, User.presence_at) >= cutoff,
    )


def is_available(user: User, now: datetime, timeout: timedelta | None = None) -> bool:
    state, _since = effective_presence(
        user.presence, user.presence_at, user.heartbeat_at, now, timeout
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
            user = self._own(uow.session, actor)
            old = user.presence
            if old is not presence:
                user.presence = presence
                user.presence_at = now
            user.heartbeat_at = now
            if old is not presence:
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
        """A sign of life: one UPDATE of the user's row (no version bump, no audit)."""
        now = self._now()
        with self._uow() as uow:
            s = uow.session
            s.execute(
                update(User)
                .where(User.id == actor.user_id)
                .values(heartbeat_at=now)
                .execution_options(synchronize_session=False)
            )
            user = self._own(s, actor)
            uow.commit()
            return _info(user, now)

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


def _info(user: User, now: datetime) -> PresenceInfo:
    state, since = effective_presence(user.presence, user.presence_at, user.heartbeat_at, now)
    return PresenceInfo(user.id, user.username, user.display_name, state, since,
                        user.presence, last_sign_of_life(user))
