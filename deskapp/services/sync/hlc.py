"""Hybrid logical clock: wall milliseconds, a counter, and the site.

An HLC timestamp is ``(wall_ms, counter, site)``; its text form
``"<13-digit wall>-<5-digit counter>-<site>"`` sorts exactly as the tuple does, so
SQL and Python compare clocks the same way. The state is persisted in ``sync_state``
(the capture triggers advance it in SQL for every captured write, see capture.py; the
sync engine advances it here when it receives the centre's clock).

A clock further than ``max_drift`` from the centre's is refused (ClockDrift), so one
branch with a wrong date cannot win every last-writer-wins merge for days.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, select, update

from deskapp.models.sync import SyncState
from deskapp.services.sync.errors import ClockDrift

DEFAULT_MAX_DRIFT = timedelta(minutes=5)


@dataclass(frozen=True, order=True)
class Timestamp:
    wall: int
    counter: int
    site: str

    def __str__(self) -> str:
        return format_hlc(self.wall, self.counter, self.site)

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        wall, counter, site = text.split("-", 2)
        return cls(int(wall), int(counter), site)

    @classmethod
    def from_datetime(cls, when: datetime, site: str) -> Timestamp:
        return cls(to_ms(when), 0, site)


def format_hlc(wall: int, counter: int, site: str) -> str:
    return f"{wall:013d}-{counter:05d}-{site}"


def to_ms(when: datetime) -> int:
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return int(when.timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


class HybridClock:
    """The branch's clock, kept in its ``sync_state`` row."""

    def __init__(self, site: str, clock: Callable[[], datetime]) -> None:
        self.site = site
        self._now = clock

    def now_ms(self) -> int:
        return to_ms(self._now())

    def _load(self, conn: Connection) -> tuple[int, int]:
        row = conn.execute(select(SyncState.hlc_wall, SyncState.hlc_counter)).one()
        return int(row[0]), int(row[1])

    def _store(self, conn: Connection, wall: int, counter: int) -> None:
        conn.execute(update(SyncState).values(hlc_wall=wall, hlc_counter=counter))

    def tick(self, conn: Connection) -> Timestamp:
        """A local event (send)."""
        wall, counter = self._load(conn)
        now = self.now_ms()
        wall, counter = (now, 0) if now > wall else (wall, counter + 1)
        self._store(conn, wall, counter)
        return Timestamp(wall, counter, self.site)

    def receive(self, conn: Connection, remote: Timestamp) -> Timestamp:
        """Merge a timestamp seen from elsewhere: the clock never runs behind it."""
        wall, counter = self._load(conn)
        now = self.now_ms()
        new_wall = max(wall, remote.wall, now)
        if new_wall == wall == remote.wall:
            new_counter = max(counter, remote.counter) + 1
        elif new_wall == wall:
            new_counter = counter + 1
        elif new_wall == remote.wall:
            new_counter = remote.counter + 1
        else:
            new_counter = 0
        self._store(conn, new_wall, new_counter)
        return Timestamp(new_wall, new_counter, self.site)

    def check_drift(self, central_now: datetime, max_drift: timedelta = DEFAULT_MAX_DRIFT) -> None:
        local = self._now()
        drift = local - central_now
        if abs(drift) > max_drift:
            minutes = round(drift.total_seconds() / 60, 1)
            raise ClockDrift(
                f"This branch's clock is {abs(minutes)} minutes "
                f"{'ahead of' if minutes > 0 else 'behind'} the centre's (at most "
                f"{max_drift.total_seconds() / 60:g} allowed). Nothing was sent; the "
                "changes wait in the outbox. Correct the computer's date and time, then "
                "sync again.",
                drift_minutes=minutes,
                max_minutes=max_drift.total_seconds() / 60,
            )
