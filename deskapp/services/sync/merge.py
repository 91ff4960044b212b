"""The merge: a branch's captured changes applied at the centre, field by field.

The centre is where every site's changes meet, so the merge runs there, inside the
transaction that applies one push batch (apply.py); the branches then take the
centre's rows as they are (pull.py). The rules are deterministic (they depend only on
the values, the HLCs and the site codes), so the result does not depend on which
branch synced first:

- A change is a *true conflict* only when the centre's value is neither the branch's
  old value (then the branch's change simply applies) nor its new one (nothing to do):
  someone else changed the same field since the branch last saw it.
- Plain fields: last writer wins by HLC (the competing clock is the field's
  ``sync_field_clocks`` entry when the value is still the one a branch wrote, else the
  row's ``updated_at`` at the centre, site "~" which sorts after every site code);
  the losing value goes to the conflict inbox (``merge_conflicts``), except for derived
  bookkeeping fields (``SILENT``) which a person has nothing to decide about.
- ``tickets.status``: a close (resolved/closed) never wins silently over a reopen or a
  reply: the open state is kept and the close goes to the inbox; a branch's close is
  held back when the centre has a customer contact on the ticket the branch had not
  pulled yet; a contact that reaches a ticket closed elsewhere is a conflict too.
- ``tickets.assignee_id``: last writer wins, conflict noted, both agents notified.
- ``tickets.priority``: the more urgent wins (no conflict: the rule is the decision).
- ``sites.last_ticket_number``: the larger.
- Append-only tables are a union by id; the same SLA stage of one ticket raised at two
  sites is kept once, an automatic escalation to a level already reached
  automatically is not doubled, a notification with a stored dedupe key is not added
  twice.
- Deletes are tombstones (``deleted_at``, an ordinary field); a hard delete of a row
  applies when nothing refers to it.
- A customer (or phone) that matches another customer's email or phone number goes to
  ``duplicate_customers``; it is never merged automatically.

Every row the merge writes or declines is listed in ``touched``: the branch re-reads
those rows right after the push, so it ends with exactly the centre's state.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, and_, func, insert, select, text, update

from deskapp.models import Base, new_id, utcnow
from deskapp.models.enums import PRIORITY_RANK, Priority, Status
from deskapp.services.sync import values
from deskapp.services.sync.capture import decode
from deskapp.services.sync.hlc import Timestamp, from_ms, to_ms

CENTRE_SITE = "~"  # sorts after every site code: a native central write wins a tie
CLOSED = {Status.RESOLVED, Status.CLOSED}
APPEND_ONLY = {
    "interactions",
    "escalations",
    "assignments",
    "audit_entries",
    "sla_stage_events",
    "notifications",
}
SILENT = {
    "updated_at",
    "version",
    "search_text",
    "search_name",
    "customer_sort_name",
    "last_activity_at",
    "updated_by_id",
    "first_response_due",
    "resolution_due",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "reopen_count",
    "first_contact_resolution",
    "presence",
    "presence_at",
    "last_login_at",
    "priority_rank",
    "escalation_level",
    "first_response_business_s",
    "resolution_business_s",
    "business_measured_for",
}


@dataclass
class Change:
    """One captured change as a branch sends it."""

    table: str
    row_id: str
    op: str
    new_values: str | None
    old_values: str | None
    hlc: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "row_id": self.row_id,
            "op": self.op,
            "new": self.new_values,
            "old": self.old_values,
            "hlc": self.hlc,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Change:
        return cls(d["table"], d["row_id"], d["op"], d.get("new"), d.get("old"), d["hlc"])


@dataclass
class MergeResult:
    applied: int = 0
    conflicts: int = 0
    duplicates: int = 0
    skipped: int = 0
    touched: set[tuple[str, str]] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "conflicts": self.conflicts,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "touched": sorted([t, r] for t, r in self.touched),
        }


def _silent(column: str) -> bool:
    return column in SILENT or column.startswith("sla_")


class Merger:
    """Applies one branch's changes at the centre (inside the batch's transaction)."""

    def __init__(self, conn: Connection, site: str, known_cursor: tuple[int, int]) -> None:
        self.conn = conn
        self.site = site
        self.known_cursor = known_cursor
        self.result = MergeResult()
        self.tables = Base.metadata.tables

    # -- entry point --------------------------------------------------------------
    def apply(self, change: Change) -> None:
        table = self.tables.get(change.table)
        if table is None:  # a table this centre does not know: refused earlier (schema)
            raise KeyError(change.table)
        row_id = uuid.UUID(change.row_id)
        self.result.touched.add((table.name, row_id.hex))
        current = (
            self.conn.execute(select(table).where(table.c.id == row_id).with_for_update())
            .mappings()
            .first()
        )
        if change.op == "d":
            self._delete(table, row_id, current)
            return
        new = decode(table, change.new_values)
        old = decode(table, change.old_values)
        if current is None:
            if change.op == "i":
                self._insert(table, row_id, new, change)
            else:  # updated at the branch, gone at the centre: the centre's state wins
                self.result.skipped += 1
            return
        if change.op == "i":
            old = {}  # the same row arrived before (e.g. a re-clone): merge every field
        self._update(table, row_id, dict(current), new, old, change)

    # -- inserts ------------------------------------------------------------------
    def _insert(self, table: Table, row_id: uuid.UUID, new: dict, change: Change) -> None:
        new = {k: v for k, v in new.items() if k in table.c}
        new["id"] = row_id
        if table.name in APPEND_ONLY and self._duplicate_append(table, new):
            self.result.skipped += 1
            return
        if table.name == "interactions":
            self._contact_on_closed(new, change)
        self.conn.execute(insert(table).values(**new))
        self.result.applied += 1
        if table.name == "customers":
            self._check_duplicate_customer(row_id, email=new.get("email"))
        elif table.name == "customer_phones":
            self._check_duplicate_customer(new["customer_id"], phone=new.get("number"))

    def _duplicate_append(self, table: Table, new: dict) -> bool:
        c = table.c
        if table.name == "sla_stage_events":
            cond = and_(
                c.ticket_id == new.get("ticket_id"),
                c.clock == new.get("clock"),
                c.stage == new.get("stage"),
            )
        elif table.name == "notifications":
            cond = c.dedupe_key == new.get("dedupe_key")
        elif table.name == "escalations" and new.get("automatic"):
            cond = and_(
                c.ticket_id == new.get("ticket_id"),
                c.automatic.is_(True),
                c.is_deescalation.is_(False),
                c.to_level == new.get("to_level"),
                c.from_level == new.get("from_level"),
            )
        else:
            return False
        return self.conn.execute(select(c.id).where(cond).limit(1)).first() is not None

    def _contact_on_closed(self, new: dict, change: Change) -> None:
        """A customer contact written at the branch for a ticket closed elsewhere."""
        direction = str(getattr(new.get("direction"), "value", new.get("direction")))
        if direction == "internal":
            return
        tickets = self.tables["tickets"]
        t = (
            self.conn.execute(select(tickets).where(tickets.c.id == new["ticket_id"]))
            .mappings()
            .first()
        )
        if t is None or Status(t["status"]) not in CLOSED:
            return
        clock = self._clock_row("tickets", t["id"].hex, "status")
        if clock is not None and clock["site"] == self.site:
            return  # this branch closed it itself
        self._conflict(
            "tickets",
            t["id"].hex,
            "status",
            "reply_on_closed",
            ticket_id=t["id"],
            local=(t["status"], t["updated_by_id"], t["updated_at"], CENTRE_SITE),
            remote=("reply", new.get("author_id"), new.get("created_at"), self.site),
        )

    def _check_duplicate_customer(
        self, customer_id: uuid.UUID, *, email: str | None = None, phone: str | None = None
    ) -> None:
        customers = self.tables["customers"]
        phones = self.tables["customer_phones"]
        if email:
            kind, value = "email", email
            q = select(customers.c.id).where(
                func.lower(customers.c.email) == email.lower(),
                customers.c.id != customer_id,
                customers.c.deleted_at.is_(None),
            )
        elif phone:
            kind, value = "phone", phone
            q = select(phones.c.customer_id).where(
                phones.c.number == phone,
                phones.c.customer_id != customer_id,
                phones.c.deleted_at.is_(None),
            )
        else:
            return
        dup = self.tables["duplicate_customers"]
        for (other,) in self.conn.execute(q.limit(20)).all():
            a, b = sorted([customer_id, other], key=lambda u: u.hex)
            exists = self.conn.execute(
                select(dup.c.id).where(dup.c.customer_id == a, dup.c.other_customer_id == b)
            ).first()
            if exists:
                continue
            now = utcnow()
            did = new_id()
            self.conn.execute(
                insert(dup).values(
                    id=did,
                    customer_id=a,
                    other_customer_id=b,
                    match_kind=kind,
                    match_value=value[:254],
                    site=self.site,
                    status="open",
                    created_at=now,
                    updated_at=now,
                    version=1,
                )
            )
            self.result.duplicates += 1
            self.result.touched.add(("duplicate_customers", did.hex))

    # -- deletes ------------------------------------------------------------------
    def _delete(self, table: Table, row_id: uuid.UUID, current: Any) -> None:
        if current is None:
            return
        try:
            with self.conn.begin_nested():
                self.conn.execute(table.delete().where(table.c.id == row_id))
            self.result.applied += 1
        except Exception:  # still referred to at the centre: keep it, branch re-reads it
            self.result.skipped += 1

    # -- updates ------------------------------------------------------------------
    def _clock_row(self, table: str, row_id: str, column: str) -> Any:
        clocks = self.tables["sync_field_clocks"]
        return (
            self.conn.execute(
                select(clocks).where(
                    clocks.c.table_name == table,
                    clocks.c.row_id == row_id,
                    clocks.c.column_name == column,
                )
            )
            .mappings()
            .first()
        )

    def _their_clock(self, table: Table, row_id: str, column: str, current: dict) -> Timestamp:
        clock = self._clock_row(table.name, row_id, column)
        if clock is not None and clock["value"] == values.dumps(current[column]):
            return Timestamp.parse(clock["hlc"])
        when = current.get("updated_at") or current.get("created_at")
        return Timestamp(to_ms(when) if when else 0, 0, CENTRE_SITE)

    def _set_clock(self, table: str, row_id: str, column: str, hlc: str, value: Any) -> None:
        clocks = self.tables["sync_field_clocks"]
        done = self.conn.execute(
            update(clocks)
            .where(
                clocks.c.table_name == table,
                clocks.c.row_id == row_id,
                clocks.c.column_name == column,
            )
            .values(hlc=hlc, site=self.site, value=values.dumps(value))
        )
        if not done.rowcount:
            self.conn.execute(
                insert(clocks).values(
                    table_name=table,
                    row_id=row_id,
                    column_name=column,
                    hlc=hlc,
                    site=self.site,
                    value=values.dumps(value),
                )
            )

    def _update(
        self,
        table: Table,
        row_id: uuid.UUID,
        current: dict,
        new: dict,
        old: dict,
        change: Change,
    ) -> None:
        rid = row_id.hex
        mine = Timestamp.parse(change.hlc)
        out: dict[str, Any] = {}
        for col, value in new.items():
            if col not in table.c or col in ("id", "version", "updated_at", "created_at"):
                continue
            have = current[col]
            if values.same(have, value):
                continue
            if col in old and values.same(have, old[col]):
                out[col] = value  # nobody else touched it: the branch's change applies
                continue
            # A true conflict: the field changed at the centre (or another branch) too.
            if self._resolve(table, rid, col, current, new, have, value, mine):
                out[col] = value
        closing = table.name == "tickets" and out.get("status") in CLOSED
        if closing and self._unseen_contact(row_id):
            self._conflict(
                "tickets", rid, "status", "status", ticket_id=row_id,
                local=(current["status"], current.get("updated_by_id"),
                       current.get("updated_at"), CENTRE_SITE),
                remote=(out["status"], new.get("updated_by_id"), new.get("updated_at"),
                        self.site),
            )
            for col in ("status", "resolved_at", "closed_at"):
                out.pop(col, None)
        if table.name == "tickets" and "priority" in out:
            out["priority_rank"] = PRIORITY_RANK[Priority(out["priority"])]
        if not out:
            return
        for col, value in out.items():
            if not _silent(col):
                self._set_clock(table.name, rid, col, change.hlc, value)
        if "version" in table.c:
            out["version"] = current["version"] + 1
        if "updated_at" in table.c:
            out["updated_at"] = max(
                [d for d in (current.get("updated_at"), new.get("updated_at")) if d]
            )
        self.conn.execute(update(table).where(table.c.id == row_id).values(**out))
        self.result.applied += 1

    def _unseen_contact(self, ticket_id: uuid.UUID) -> bool:
        """Has the centre a customer contact on the ticket this branch had not pulled
        when it pushed (feed entries after its cursor, not its own)?"""
        xid, fid = self.known_cursor
        row = self.conn.execute(
            text(
                "SELECT 1 FROM change_feed f JOIN interactions i ON i.id = f.row_id "
                "WHERE f.table_name = 'interactions' AND f.ticket_id = :t "
                "AND (f.xid, f.id) > (CAST(:xid AS xid8), :id) "
                "AND (f.origin_site IS NULL OR f.origin_site <> :site) "
                "AND i.direction <> 'internal' LIMIT 1"
            ),
            {"t": ticket_id, "xid": str(xid), "id": fid, "site": self.site},
        ).first()
        return row is not None

    def _resolve(
        self,
        table: Table,
        rid: str,
        col: str,
        current: dict,
        new: dict,
        have: Any,
        value: Any,
        mine: Timestamp,
    ) -> bool:
        """Settle a true conflict: does the branch's value win?"""
        if table.name == "tickets" and col == "priority_rank":
            return value > have
        if table.name == "tickets" and col == "priority":
            return PRIORITY_RANK[Priority(value)] > PRIORITY_RANK[Priority(have)]
        if table.name == "sites" and col == "last_ticket_number":
            return value > have
        theirs = self._their_clock(table, rid, col, current)
        branch_wins = mine > theirs
        kind = "field"
        if table.name == "tickets" and col == "status":
            kind = "status"
            have_closed, value_closed = Status(have) in CLOSED, Status(value) in CLOSED
            if have_closed != value_closed:  # never a silent close: the open state stays
                branch_wins = not value_closed
        elif table.name == "tickets" and col == "assignee_id":
            kind = "assignee"
        if _silent(col):
            return branch_wins
        ticket_id = current["id"] if table.name == "tickets" else current.get("ticket_id")
        mine_side = (value, new.get("updated_by_id"), _at(mine), self.site)
        their_side = (have, current.get("updated_by_id"), _at(theirs), theirs.site)
        kept, lost = (mine_side, their_side) if branch_wins else (their_side, mine_side)
        conflict_id = self._conflict(
            table.name, rid, col, kind, ticket_id=ticket_id, local=kept, remote=lost
        )
        if kind == "assignee":
            self._notify_assignees(conflict_id, ticket_id, current, [have, value])
        return branch_wins

    def _conflict(
        self,
        table: str,
        rid: str,
        col: str,
        kind: str,
        *,
        ticket_id: uuid.UUID | None,
        local: tuple,
        remote: tuple,
    ) -> uuid.UUID:
        mc = self.tables["merge_conflicts"]
        now = utcnow()
        cid = new_id()
        self.conn.execute(
            insert(mc).values(
                id=cid,
                table_name=table,
                row_id=rid,
                column_name=col,
                kind=kind,
                ticket_id=ticket_id,
                local_value=values.dumps(local[0]),
                local_by_id=local[1],
                local_at=local[2],
                local_site=local[3],
                remote_value=values.dumps(remote[0]),
                remote_by_id=remote[1],
                remote_at=remote[2],
                remote_site=remote[3],
                status="open",
                created_at=now,
                updated_at=now,
                version=1,
            )
        )
        self.result.conflicts += 1
        self.result.touched.add(("merge_conflicts", cid.hex))
        return cid

    def _notify_assignees(
        self, conflict_id: uuid.UUID, ticket_id: Any, current: dict, who: list[Any]
    ) -> None:
        notes = self.tables["notifications"]
        reference = current.get("reference", "")
        now = utcnow()
        for user_id in {u for u in who if u is not None}:
            nid = new_id()
            self.conn.execute(
                insert(notes).values(
                    id=nid,
                    recipient_id=user_id,
                    ticket_id=ticket_id,
                    kind="assignment",
                    stage="",
                    title=f"{reference}: assigned at two sites",
                    body="The ticket was reassigned at two sites while they were apart; "
                    "a supervisor settles it in the conflict inbox.",
                    urgency="normal",
                    dedupe_key=f"sync-assignee:{conflict_id.hex}:{user_id.hex}",
                    created_at=now,
                )
            )
            self.result.touched.add(("notifications", nid.hex))


def _at(ts: Timestamp) -> datetime | None:
    return from_ms(ts.wall) if ts.wall else None
