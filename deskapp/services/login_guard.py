"""Back-off after failed logins, per username and per workstation.

A few failures are free (typos); after that each further attempt has to wait a
growing delay (1 s, 2 s, 4 s ... up to a minute) counted from the last failure, and
after :attr:`Policy.lock_after` failures the name (or the workstation) is locked for
:attr:`Policy.lock_for`, until then or until an administrator unlocks it
(``deskapp user unlock NAME``). A refused attempt never reaches the password check,
so guessing gains nothing while waiting. A successful login clears both counters.
Counters are keyed by the name typed, so an unknown username behaves like a real one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from deskapp.models import LoginThrottle, new_id
from deskapp.services.errors import AuthenticationFailed

USER, HOST = "user", "host"


@dataclass(frozen=True)
class Policy:
    free_failures: int
    lock_after: int
    lock_for: timedelta
    max_delay: timedelta = timedelta(seconds=60)

    def delay(self, failures: int) -> timedelta:
        if failures < self.free_failures:
            return timedelta(0)
        return min(timedelta(seconds=2 ** (failures - self.free_failures)), self.max_delay)


# One person mistyping: 3 free tries, then 1, 2, 4... s, locked after 10 for 15 minutes.
USER_POLICY = Policy(free_failures=3, lock_after=10, lock_for=timedelta(minutes=15))
# A workstation is shared by a shift, and a password sprayer tries many names from one.
HOST_POLICY = Policy(free_failures=10, lock_after=30, lock_for=timedelta(minutes=15))
POLICIES = {USER: USER_POLICY, HOST: HOST_POLICY}


def _key(value: str) -> str:
    return value.strip().lower()[:255]


def check(session: Session, username: str, host: str, now: datetime) -> None:
    """Raise ``auth.locked`` or ``auth.throttled`` if this attempt has to wait."""
    rows = session.scalars(
        select(LoginThrottle).where(
            ((LoginThrottle.scope == USER) & (LoginThrottle.key == _key(username)))
            | ((LoginThrottle.scope == HOST) & (LoginThrottle.key == _key(host)))
        )
    ).all()
    for row in sorted(rows, key=lambda r: r.scope != USER):  # the user's own first
        what = f"the user {row.key!r}" if row.scope == USER else f"this workstation ({row.key})"
        if row.locked_until is not None and row.locked_until > now:
            minutes = max(1, math.ceil((row.locked_until - now).total_seconds() / 60))
            raise AuthenticationFailed(
                f"Too many failed logins: {what} is locked for {minutes} more minute(s); "
                "an administrator can unlock it.",
                code="auth.locked",
                scope=row.scope,
                minutes=minutes,
            )
        if row.last_failure_at is None:
            continue
        ready = row.last_failure_at + POLICIES[row.scope].delay(row.failures)
        if ready > now:
            seconds = max(1, math.ceil((ready - now).total_seconds()))
            raise AuthenticationFailed(
                f"Too many failed logins for {what}: wait {seconds} second(s) and try again.",
                code="auth.throttled",
                scope=row.scope,
                seconds=seconds,
            )


def _locked_row(session: Session, scope: str, key: str) -> LoginThrottle:
    """The counter row, created if missing (concurrent first failures do not collide)
    and locked for this transaction on PostgreSQL."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(LoginThrottle)
        .values(id=new_id(), scope=scope, key=key, failures=0)
        .on_conflict_do_nothing(index_elements=["scope", "key"])
    )
    return session.scalars(
        select(LoginThrottle)
        .where(LoginThrottle.scope == scope, LoginThrottle.key == key)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def failed(session: Session, username: str, host: str, now: datetime) -> int:
    """Count one failure for the name and the workstation; the user's new count."""
    counts = {}
    for scope, key in ((USER, _key(username)), (HOST, _key(host))):
        row = _locked_row(session, scope, key)
        row.failures += 1
        row.last_failure_at = now
        policy = POLICIES[scope]
        if row.failures >= policy.lock_after:
            row.locked_until = now + policy.lock_for
        counts[scope] = row.failures
    return counts[USER]


def succeeded(session: Session, username: str, host: str) -> None:
    session.execute(
        delete(LoginThrottle).where(
            ((LoginThrottle.scope == USER) & (LoginThrottle.key == _key(username)))
            | ((LoginThrottle.scope == HOST) & (LoginThrottle.key == _key(host)))
        )
    )


def unlock(session: Session, scope: str, key: str) -> bool:
    """Clear a lock and its count; whether there was anything to clear."""
    result = session.execute(
        delete(LoginThrottle).where(LoginThrottle.scope == scope, LoginThrottle.key == _key(key))
    )
    return bool(result.rowcount)
