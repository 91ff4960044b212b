"""The conflict inbox: the true conflicts the merge settled, for a person to review.

Each open conflict shows the value the merge kept (``local_*``, now in the row) and
the one that lost (``remote_*``), with who, when and at which site. Resolving it is an
ordinary write on whatever database the workstation uses: on a branch the capture
triggers log it and the next sync carries it to the centre (and from there to every
site); at the centre the change feed announces it. Choices:

- ``local``: keep the value in the row (only the conflict is closed);
- ``remote``: take the value that lost;
- ``edit``: write a new value.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError

from deskapp.models import Base, utcnow
from deskapp.models.sync import SyncConflict, SyncDuplicate
from deskapp.services.errors import NotFound, ValidationFailed
from deskapp.services.permissions import Actor
from deskapp.services.sync import values

CHOICES = ("local", "remote", "edit")
REFUSED = ("refused", "refused_update")


@dataclass(frozen=True)
class ConflictInfo:
    id: uuid.UUID
    version: int
    kind: str
    table_name: str
    row_id: str
    column_name: str
    ticket_id: uuid.UUID | None
    local_value: Any
    local_by_id: uuid.UUID | None
    local_at: datetime | None
    local_site: str
    remote_value: Any
    remote_by_id: uuid.UUID | None
    remote_at: datetime | None
    remote_site: str
    created_at: datetime


@dataclass(frozen=True)
class DuplicateInfo:
    id: uuid.UUID
    customer_id: uuid.UUID
    other_customer_id: uuid.UUID
    match_kind: str
    match_value: str
    site: str
    created_at: datetime


def _decoded(table: str, column: str, text: str | None) -> Any:
    t = Base.metadata.tables.get(table)
    if t is None or column not in t.c:
        return None if text is None else values.loads_plain(text)
    try:
        return values.loads(t.c[column], text)
    except (ValueError, TypeError):  # e.g. "reply" for a reply that met a closed ticket
        return None if text is None else values.loads_plain(text)


class ConflictService:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def list_open(self, limit: int = 500) -> list[ConflictInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(SyncConflict.__table__)
                .where(SyncConflict.status == "open", SyncConflict.deleted_at.is_(None))
                .order_by(SyncConflict.created_at)
                .limit(limit)
            ).mappings()
            return [
                ConflictInfo(
                    id=r["id"],
                    version=r["version"],
                    kind=r["kind"],
                    table_name=r["table_name"],
                    row_id=r["row_id"],
                    column_name=r["column_name"],
                    ticket_id=r["ticket_id"],
                    local_value=_decoded(r["table_name"], r["column_name"], r["local_value"]),
                    local_by_id=r["local_by_id"],
                    local_at=r["local_at"],
                    local_site=r["local_site"],
                    remote_value=_decoded(r["table_name"], r["column_name"], r["remote_value"]),
                    remote_by_id=r["remote_by_id"],
                    remote_at=r["remote_at"],
                    remote_site=r["remote_site"],
                    created_at=r["created_at"],
                )
                for r in rows
            ]

    def open_duplicates(self) -> list[DuplicateInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(SyncDuplicate.__table__)
                .where(SyncDuplicate.status == "open")
                .order_by(SyncDuplicate.created_at)
            ).mappings()
            return [
                DuplicateInfo(
                    r["id"], r["customer_id"], r["other_customer_id"], r["match_kind"],
                    r["match_value"], r["site"], r["created_at"],
                )
                for r in rows
            ]

    def resolve(
        self, conflict_id: uuid.UUID, choice: str, value: Any = None, actor: Actor | None = None
    ) -> None:
        """Settle one conflict (see the module's doc for ``choice``)."""
        if choice not in CHOICES:
            raise ValidationFailed(
                "Choose keep, take or edit.", "choice", code="sync.conflict_choice"
            )
        now = utcnow()
        actor_id = actor.user_id if actor is not None else None
        with self.engine.begin() as conn:
            c = (
                conn.execute(
                    select(SyncConflict.__table__).where(SyncConflict.id == conflict_id)
                )
                .mappings()
                .first()
            )
            if c is None:
                raise NotFound("That conflict does not exist.", code="sync.conflict_missing")
            if c["status"] != "open":
                raise ValidationFailed(
                    "Someone has already settled this conflict.",
                    code="sync.conflict_settled",
                )
            table = Base.metadata.tables.get(c["table_name"])
            new_value: Any = None
            if choice != "local" and table is not None and c["kind"] in REFUSED:
                # Add the refused row after all (edited: ``value`` holds the columns
                # to change, e.g. a new name).
                row = {
                    k: values.to_python(table.c[k], v)
                    for k, v in values.loads_plain(c["remote_value"]).items()
                    if k in table.c
                }
                if choice == "edit" and isinstance(value, dict):
                    row.update({k: values.to_python(table.c[k], v) for k, v in value.items()})
                try:
                    with conn.begin_nested():
                        if c["kind"] == "refused_update":
                            row.pop("version", None)
                            row["updated_at"] = now
                            conn.execute(
                                update(table)
                                .where(table.c.id == uuid.UUID(c["row_id"]))
                                .values(**row, version=table.c.version + 1)
                            )
                        else:
                            conn.execute(table.insert().values(**row))
                except IntegrityError as exc:
                    raise ValidationFailed(
                        "The centre still cannot take this record; edit it first.",
                        code="sync.conflict_refused_again",
                    ) from exc
                new_value = row
            elif choice != "local" and table is not None and c["kind"] != "reply_on_closed":
                col = table.c[c["column_name"]]
                new_value = (
                    values.loads(col, c["remote_value"])
                    if choice == "remote"
                    else values.to_python(col, value)
                )
                changes: dict[str, Any] = {col.name: new_value}
                if "updated_at" in table.c:
                    changes["updated_at"] = now
                if "version" in table.c:
                    changes["version"] = table.c.version + 1
                if c["table_name"] == "tickets" and col.name == "priority":
                    from deskapp.models.enums import PRIORITY_RANK, Priority

                    changes["priority_rank"] = PRIORITY_RANK[Priority(new_value)]
                conn.execute(
                    update(table).where(table.c.id == uuid.UUID(c["row_id"])).values(**changes)
                )
            elif choice != "local" and c["kind"] == "reply_on_closed":
                # Taking the reply's side reopens the ticket.
                tickets = Base.metadata.tables["tickets"]
                conn.execute(
                    update(tickets)
                    .where(tickets.c.id == c["ticket_id"])
                    .values(status="open", updated_at=now, version=tickets.c.version + 1)
                )
                new_value = "open"
            conn.execute(
                update(SyncConflict)
                .where(SyncConflict.id == conflict_id, SyncConflict.version == c["version"])
                .values(
                    status="resolved",
                    resolution=choice,
                    resolved_value=values.dumps(new_value) if choice != "local" else None,
                    resolved_by_id=actor_id,
                    resolved_at=now,
                    updated_at=now,
                    version=c["version"] + 1,
                )
            )

    def dismiss_duplicate(self, duplicate_id: uuid.UUID, actor: Actor | None = None) -> None:
        """Not the same person after all. (Merging two customers is the desk
        administration's customer merge; it marks the pair 'merged'.)"""
        now = utcnow()
        with self.engine.begin() as conn:
            conn.execute(
                update(SyncDuplicate)
                .where(SyncDuplicate.id == duplicate_id)
                .values(
                    status="dismissed",
                    resolved_by_id=actor.user_id if actor else None,
                    resolved_at=now,
                    updated_at=now,
                    version=SyncDuplicate.version + 1,
                )
            )
