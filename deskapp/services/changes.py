"""Change notices between workstations: what changed (ids and versions), never content.

PostgreSQL triggers (migration 0004) send a JSON payload per changed row on the
channel ``deskapp_changes``; ``parse_payload`` reads one, ``ChangeAccumulator``
folds a burst into one ``ChangeBatch`` that views ask "does this concern me?".
A batch with ``full_refresh`` set means "something may have changed, reload what
you show" (SQLite's data_version moved, or the listener reconnected).

Qt-free; the Qt side lives in deskapp.ui.live.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.engine import URL

CHANNEL = "deskapp_changes"
LISTENER_APPLICATION_NAME = "deskapp-listener"

# What each view cares about, for ``ChangeBatch.touches``.
QUEUE_TABLES = frozenset({"tickets", "assignments", "escalations", "customers"})
TICKET_TABLES = frozenset(
    {"tickets", "interactions", "escalations", "assignments", "approvals", "customers"}
)
NOTIFICATION_TABLES = frozenset({"notifications"})
SUPERVISOR_TABLES = frozenset({"tickets", "assignments", "escalations", "users", "approvals"})


@dataclass(frozen=True)
class Change:
    table: str
    op: str  # "i", "u" or "d"
    id: uuid.UUID | None
    version: int | None = None
    ticket_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
    recipient_id: uuid.UUID | None = None
    by: uuid.UUID | None = None  # who last changed the ticket


def _uuid(value: object) -> uuid.UUID | None:
    if not isinstance(value, str):
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


# One notice standing for many rows: "something may have changed, reload". A branch's
# large push batch sends it instead of a notice per row (migration 0019).
FULL_REFRESH_PAYLOAD = '{"full": true}'


def is_full_refresh(payload: str | bytes) -> bool:
    try:
        data = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(data, dict) and data.get("full") is True


def parse_payload(payload: str | bytes) -> Change | None:
    """One notification's payload; None for anything that is not ours (a stray
    NOTIFY on the channel must never break the listener)."""
    try:
        data = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("t"), str):
        return None
    version = data.get("v")
    return Change(
        table=data["t"],
        op=str(data.get("op") or "u"),
        id=_uuid(data.get("id")),
        version=version if isinstance(version, int) else None,
        ticket_id=_uuid(data.get("tid")),
        customer_id=_uuid(data.get("cid")),
        recipient_id=_uuid(data.get("rid")),
        by=_uuid(data.get("by")),
    )


@dataclass(frozen=True)
class ChangeBatch:
    """A coalesced burst of changes, or a full refresh."""

    full_refresh: bool = False
    changes: tuple[Change, ...] = ()
    tables: frozenset[str] = field(default=frozenset())
    ticket_ids: frozenset[uuid.UUID] = field(default=frozenset())
    customer_ids: frozenset[uuid.UUID] = field(default=frozenset())
    recipient_ids: frozenset[uuid.UUID] = field(default=frozenset())

    @classmethod
    def full(cls) -> ChangeBatch:
        return cls(full_refresh=True)

    @classmethod
    def of(cls, changes: Iterable[Change], *, full_refresh: bool = False) -> ChangeBatch:
        changes = tuple(changes)
        return cls(
            full_refresh=full_refresh,
            changes=changes,
            tables=frozenset(c.table for c in changes),
            ticket_ids=frozenset(c.ticket_id for c in changes if c.ticket_id),
            customer_ids=frozenset(c.customer_id for c in changes if c.customer_id),
            recipient_ids=frozenset(c.recipient_id for c in changes if c.recipient_id),
        )

    def touches(self, tables: Iterable[str]) -> bool:
        return self.full_refresh or not self.tables.isdisjoint(tables)

    def touches_ticket(self, ticket_id: uuid.UUID | None) -> bool:
        return self.full_refresh or (ticket_id is not None and ticket_id in self.ticket_ids)

    def touches_customer(self, customer_id: uuid.UUID | None) -> bool:
        return self.full_refresh or (customer_id is not None and customer_id in self.customer_ids)

    def touches_recipient(self, user_id: uuid.UUID | None) -> bool:
        return self.full_refresh or (user_id is not None and user_id in self.recipient_ids)

    def ticket_version(self, ticket_id: uuid.UUID) -> int | None:
        """The newest version of the ticket row announced in this batch."""
        versions = [
            c.version
            for c in self.changes
            if c.table == "tickets" and c.id == ticket_id and c.version is not None
        ]
        return max(versions) if versions else None

    def ticket_changed_by(self, ticket_id: uuid.UUID) -> uuid.UUID | None:
        newest: Change | None = None
        for c in self.changes:
            if c.table == "tickets" and c.id == ticket_id and (
                newest is None or (c.version or 0) >= (newest.version or 0)
            ):
                newest = c
        return newest.by if newest else None


class ChangeAccumulator:
    """Collects changes until ``take()``; a full refresh swallows the details."""

    def __init__(self, limit: int = 5000) -> None:
        self._changes: list[Change] = []
        self._seen: set[Change] = set()
        self._full = False
        self._limit = limit

    def __bool__(self) -> bool:
        return self._full or bool(self._changes)

    def add(self, change: Change) -> None:
        if self._full or change in self._seen:
            return
        if len(self._changes) >= self._limit:  # a storm: cheaper to reload everything
            self.add_full()
            return
        self._seen.add(change)
        self._changes.append(change)

    def add_full(self) -> None:
        self._full = True
        self._changes.clear()
        self._seen.clear()

    def take(self) -> ChangeBatch:
        batch = ChangeBatch.full() if self._full else ChangeBatch.of(self._changes)
        self._changes = []
        self._seen = set()
        self._full = False
        return batch


def listener_conninfo(url: URL) -> str:
    """A libpq connection string for the LISTEN connection: the engine's server and
    credentials, our application_name (so an admin can see and kill it) and TCP
    keepalives so a dead network is noticed without polling. Contains the password:
    pass it to psycopg, never print it."""
    from psycopg.conninfo import make_conninfo

    params: dict[str, object] = {
        "host": url.host or "localhost",
        "port": url.port or 5432,
        "dbname": url.database or "",
        "user": url.username or "",
        "application_name": LISTENER_APPLICATION_NAME,
        "connect_timeout": 5,
        "keepalives": 1,
        "keepalives_idle": 15,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "tcp_user_timeout": 30000,
    }
    if url.password:
        params["password"] = str(url.password)
    for key, value in url.query.items():
        if key in ("sslmode", "sslrootcert", "sslcert", "sslkey", "target_session_attrs"):
            params[key] = value if isinstance(value, str) else value[0]
    return make_conninfo("", **params)
