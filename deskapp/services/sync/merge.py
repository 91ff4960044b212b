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

Every row the merge writes or declines is listed in ``touched`` — except new rows
inserted exactly as the branch sent them — and the branch re-reads those rows right
after the push (in the transaction that records the reply), so it ends with exactly
the centre's state.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from psycopg import IntegrityError as DBAPIIntegrityError
from sqlalchemy import (
    ARRAY,
    Connection,
    Table,
    and_,
    any_,
    bindparam,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError

from deskapp.models import Base, new_id, utcnow
from deskapp.models.enums import PRIORITY_RANK, Priority, Status
from deskapp.services.sync import values
from deskapp.services.sync.capture import decode, synced_tables
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


_ORDER: list[Table] | None = None


def write_updates(conn: Connection, pending: dict[tuple[str, uuid.UUID], dict[str, Any]]) -> int:
    """UPDATE many rows by id: one executemany per table and set of columns."""
    groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
    for (table, row_id), out in pending.items():
        if out:
            groups[(table, tuple(sorted(out)))].append({"_id": row_id, **{f"_v_{k}": v for k, v in out.items()}})
    tables = Base.metadata.tables
    for (name, cols), rows in groups.items():
        table = tables[name]
        stmt = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({c: bindparam(f"_v_{c}") for c in cols})
        )
        for start in range(0, len(rows), 1000):
            conn.execute(stmt, rows[start : start + 1000])
    return sum(len(r) for r in groups.values())


_PG = postgresql.dialect()
_PG_BIND: dict[str, dict[str, Any]] = {}


def _pg_binders(table: Table) -> dict[str, Any]:
    """Per column, SQLAlchemy's own conversion of a Python value for PostgreSQL (the
    enum's value, JSON wrapped for psycopg, aware UTC timestamps), or None."""
    found = _PG_BIND.get(table.name)
    if found is None:
        found = _PG_BIND[table.name] = {
            c.name: c.type.dialect_impl(_PG).bind_processor(_PG) for c in table.columns
        }
    return found


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT ``rows`` (all with the same keys). On PostgreSQL with COPY: one statement
    for the whole group, row triggers (change feed, NOTIFY) and foreign keys as for an
    INSERT; the values converted once, without a statement per row. A row lacking a
    column that has a Python-side default goes through SQLAlchemy's INSERT, which
    supplies it."""
    names = list(rows[0])
    lacking = [c for c in table.columns if c.name not in names and c.default is not None]
    if conn.dialect.name != "postgresql" or lacking:
        conn.execute(insert(table), rows)
        return
    binders = _pg_binders(table)
    convert = [(n, binders.get(n)) for n in names]
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        quoted = ", ".join(f'"{n}"' for n in names)
        with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([f(row[n]) if f else row[n] for n, f in convert])
    finally:
        cursor.close()


def _among(conn: Connection, column: Any, values: list[Any]) -> Any:
    """``column IN values``; on PostgreSQL ``column = ANY(:array)``, one parameter: a
    statement with a thousand placeholders was parsed anew by psycopg (and expanded by
    SQLAlchemy) on every execution, which cost more than the query."""
    if conn.dialect.name != "postgresql":
        return column.in_(values)
    return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))


def synced_order() -> list[Table]:
    global _ORDER
    if _ORDER is None:
        _ORDER = synced_tables()
    return _ORDER


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
        self.parent_tickets: dict[uuid.UUID, dict[str, Any]] = {}

    # -- entry point --------------------------------------------------------------
    def apply_all(self, changes: list[Change]) -> None:
        """Apply a whole batch: the rows it touches are read (and locked) up front, the
        field clocks too; inserts of new rows go in first, table by table in foreign-key
        order with one COPY each (``insert_rows``); then updates and deletes in the
        order the branch made them."""
        tables = self.tables
        for change in changes:
            if change.table not in tables:  # this centre does not know it: refused earlier
                raise KeyError(change.table)
        keys: dict[str, set[uuid.UUID]] = defaultdict(set)
        for change in changes:
            keys[change.table].add(uuid.UUID(change.row_id))
        self.current = {}
        for name, ids in keys.items():
            table = tables[name]
            id_list = sorted(ids)
            for start in range(0, len(id_list), 1000):
                chunk = id_list[start : start + 1000]
                q = select(table).where(_among(self.conn, table.c.id, chunk)).with_for_update()
                for row in self.conn.execute(q).mappings():
                    self.current[(name, row["id"])] = dict(row)
        self._load_clocks(keys)
        # Rows the centre ends up holding exactly as the branch sent them (new rows
        # inserted verbatim) need not be read back by the branch; every other row the
        # batch touched is listed in the result for the branch to re-read.
        self.exact: set[tuple[str, uuid.UUID]] = set()
        inserts: dict[str, list[tuple[Change, dict]]] = defaultdict(list)
        later: list[Change] = []
        for change in changes:
            rid = uuid.UUID(change.row_id)
            key = (change.table, rid)
            if change.op == "i" and key not in self.current:
                new = decode(tables[change.table], change.new_values)  # its columns only
                new["id"] = rid
                inserts[change.table].append((change, new))
                self.current[key] = dict(new)  # later updates of it see these values
            else:
                later.append(change)
        for table in synced_order():
            if table.name in inserts:
                self._insert_many(table, inserts[table.name])
        self.pending: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
        for change in later:
            self.apply(change)
        try:
            with self.conn.begin_nested():
                write_updates(self.conn, self.pending)
        except IntegrityError:
            self._update_one_by_one()
        self._flush_clocks()
        self.result.touched.update(
            (name, i.hex) for name, ids in keys.items() for i in ids if (name, i) not in self.exact
        )

    def apply(self, change: Change) -> None:
        table = self.tables[change.table]
        row_id = uuid.UUID(change.row_id)
        current = self.current.get((table.name, row_id))
        if change.op == "d":
            self._delete(table, row_id, current)
            return
        new = decode(table, change.new_values)
        old = decode(table, change.old_values)
        if current is None:  # updated at the branch, gone at the centre: the centre wins
            self.result.skipped += 1
            return
        if change.op == "i":
            old = {}  # the same row arrived before (e.g. a re-clone): merge every field
        self._update(table, row_id, current, new, old, change)

    # -- inserts ------------------------------------------------------------------
    def _insert_many(self, table: Table, items: list[tuple[Change, dict]]) -> None:
        if table.name == "interactions":
            self._load_parent_tickets(new["ticket_id"] for _c, new in items)
        rows = []
        for change, new in items:
            if table.name in APPEND_ONLY and self._duplicate_append(table, new):
                self.result.skipped += 1
                self.current.pop((table.name, new["id"]), None)
                continue
            if table.name == "interactions":
                self._contact_on_closed(new, change)
            rows.append(new)
        if not rows:
            return
        # One statement per set of columns (executemany needs the same keys).
        by_keys: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        for row in rows:
            by_keys[tuple(sorted(row))].append(row)
        try:
            with self.conn.begin_nested():
                for group in by_keys.values():
                    insert_rows(self.conn, table, group)
        except (IntegrityError, DBAPIIntegrityError):
            rows = self._insert_one_by_one(table, rows)
        self.result.applied += len(rows)
        self.exact.update((table.name, row["id"]) for row in rows)
        if table.name == "customers":
            for row in rows:
                if row.get("email"):
                    self._check_duplicate_customer(row["id"], email=row["email"])
        elif table.name == "customer_phones":
            self._check_duplicate_phones(rows)

    def _insert_one_by_one(self, table: Table, rows: list[dict]) -> list[dict]:
        """A row the centre cannot take (a unique name already used there, a parent
        refused before it) must not block the branch's sync for ever: it is left out,
        its values kept in the conflict inbox for a person, and the branch drops it
        when it re-reads the row."""
        done = []
        for row in rows:
            try:
                with self.conn.begin_nested():
                    self.conn.execute(insert(table).values(**row))
                done.append(row)
            except IntegrityError as exc:
                self.current.pop((table.name, row["id"]), None)
                self.result.skipped += 1
                when = row.get("created_at")
                who = row.get("created_by_id") or row.get("owner_id") or row.get("author_id")
                self._conflict(
                    table.name, row["id"].hex, "*", "refused",
                    ticket_id=row["id"] if table.name == "tickets" else row.get("ticket_id"),
                    local=(str(exc.orig).splitlines()[0][:500], None, utcnow(), CENTRE_SITE),
                    remote=(row, who, when, self.site),
                )
        return done

    def _update_one_by_one(self) -> None:
        """As ``_insert_one_by_one``, for changes of existing rows (e.g. a team renamed
        to a name the centre already has): the row keeps the centre's values, the
        branch's change waits in the conflict inbox."""
        for (name, row_id), out in self.pending.items():
            table = self.tables[name]
            try:
                with self.conn.begin_nested():
                    write_updates(self.conn, {(name, row_id): out})
            except IntegrityError as exc:
                self.result.skipped += 1
                for col in out:
                    self.new_clocks.pop((name, row_id.hex, col), None)
                current = self.current.get((name, row_id)) or {}
                self._conflict(
                    name, row_id.hex, "*", "refused_update",
                    ticket_id=row_id if name == "tickets" else current.get("ticket_id"),
                    local=(str(exc.orig).splitlines()[0][:500], None, utcnow(), CENTRE_SITE),
                    remote=({k: v for k, v in out.items() if k in table.c}, out.get(
                        "updated_by_id"), out.get("updated_at"), self.site),
                )

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

    def _load_parent_tickets(self, ids: Any) -> None:
        """The state of the tickets new interactions belong to (those the batch does not
        hold already), one query per 1,000 instead of one per interaction."""
        tickets = self.tables["tickets"]
        wanted = sorted({i for i in ids if i is not None and ("tickets", i) not in self.current})
        self.parent_tickets = {}
        cols = [tickets.c.id, tickets.c.status, tickets.c.updated_by_id, tickets.c.updated_at]
        for start in range(0, len(wanted), 1000):
            q = select(*cols).where(
                _among(self.conn, tickets.c.id, wanted[start : start + 1000]))
            for row in self.conn.execute(q).mappings():
                self.parent_tickets[row["id"]] = dict(row)

    def _contact_on_closed(self, new: dict, change: Change) -> None:
        """A customer contact written at the branch for a ticket closed elsewhere."""
        direction = str(getattr(new.get("direction"), "value", new.get("direction")))
        if direction == "internal":
            return
        t = self.current.get(("tickets", new["ticket_id"]))
        if t is None:
            t = self.parent_tickets.get(new["ticket_id"])
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

    def _check_duplicate_phones(self, rows: list[dict]) -> None:
        """New phone rows whose number another (live) customer already has."""
        phones = self.tables["customer_phones"]
        numbers = {r["number"]: r["customer_id"] for r in rows if r.get("number")}
        if not numbers:
            return
        found: dict[str, set[uuid.UUID]] = defaultdict(set)
        keys = sorted(numbers)
        for start in range(0, len(keys), 1000):
            q = select(phones.c.number, phones.c.customer_id).where(
                _among(self.conn, phones.c.number, keys[start : start + 1000]),
                phones.c.deleted_at.is_(None),
            )
            for number, customer_id in self.conn.execute(q):
                found[number].add(customer_id)
        for number, owners in found.items():
            if owners - {numbers[number]}:
                self._check_duplicate_customer(numbers[number], phone=number)

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
        self.exact.discard((table.name, row_id))
        if current is None:
            return
        pending = self.pending.pop((table.name, row_id), None)
        try:
            with self.conn.begin_nested():
                self.conn.execute(table.delete().where(table.c.id == row_id))
            self.current.pop((table.name, row_id), None)
            self.result.applied += 1
        except Exception:  # still referred to at the centre: keep it, branch re-reads it
            if pending:
                self.pending[(table.name, row_id)] = pending
            self.result.skipped += 1

    # -- updates ------------------------------------------------------------------
    def _load_clocks(self, keys: dict[str, set[uuid.UUID]]) -> None:
        clocks = self.tables["sync_field_clocks"]
        self.clocks: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.new_clocks: dict[tuple[str, str, str], dict[str, Any]] = {}
        for name, ids in keys.items():
            hexes = sorted(i.hex for i in ids)
            for start in range(0, len(hexes), 1000):
                q = select(clocks).where(
                    clocks.c.table_name == name,
                    _among(self.conn, clocks.c.row_id, hexes[start : start + 1000]),
                )
                for row in self.conn.execute(q).mappings():
                    self.clocks[(name, row["row_id"], row["column_name"])] = dict(row)

    def _clock_row(self, table: str, row_id: str, column: str) -> Any:
        key = (table, row_id, column)
        found = self.new_clocks.get(key) or self.clocks.get(key)
        if found is None and (table, uuid.UUID(row_id)) not in self.current:
            clocks = self.tables["sync_field_clocks"]  # a row outside this batch
            row = (
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
            found = dict(row) if row else None
        return found

    def _their_clock(self, table: Table, row_id: str, column: str, current: dict) -> Timestamp:
        clock = self._clock_row(table.name, row_id, column)
        if clock is not None and clock["value"] == values.dumps(current[column]):
            return Timestamp.parse(clock["hlc"])
        when = current.get("updated_at") or current.get("created_at")
        return Timestamp(to_ms(when) if when else 0, 0, CENTRE_SITE)

    def _set_clock(self, table: str, row_id: str, column: str, hlc: str, value: Any) -> None:
        self.new_clocks[(table, row_id, column)] = {
            "table_name": table,
            "row_id": row_id,
            "column_name": column,
            "hlc": hlc,
            "site": self.site,
            "value": values.dumps(value),
        }

    def _flush_clocks(self) -> None:
        if not self.new_clocks:
            return
        clocks = self.tables["sync_field_clocks"]
        rows = list(self.new_clocks.values())
        if self.conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            stmt = pg_insert(clocks)
            stmt = stmt.on_conflict_do_update(
                index_elements=["table_name", "row_id", "column_name"],
                set_={"hlc": stmt.excluded.hlc, "site": stmt.excluded.site,
                      "value": stmt.excluded.value},
            )
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            stmt = sqlite_insert(clocks)
            stmt = stmt.on_conflict_do_update(
                index_elements=["table_name", "row_id", "column_name"],
                set_={"hlc": stmt.excluded.hlc, "site": stmt.excluded.site,
                      "value": stmt.excluded.value},
            )
        for start in range(0, len(rows), 1000):
            self.conn.execute(stmt, rows[start : start + 1000])

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
        self.exact.discard((table.name, row_id))
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
        # Written at the end of the batch, one multi-row statement per table and
        # column set (several changes of one row become one UPDATE).
        self.pending.setdefault((table.name, row_id), {}).update(out)
        current.update(out)
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
