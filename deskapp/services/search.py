"""Full-text search over tickets: one normalised search document per ticket.

The document (``tickets.search_text``) holds the ticket's reference and number,
subject, description, every interaction body, and the customer's name, email,
organisation and phones — Persian-normalised (Arabic ي/ك → ی/ک, digits unified,
diacritics dropped), case-folded and cut into words *in Python*, so SQLite's FTS5
and PostgreSQL's tsvector see the same plain space-separated words and a query is
cut into words the same way (``words``, one rule for both). A word written with a
ZWNJ (U+200C) is indexed joined ("میخواهم") and as its parts ("می", "خواهم"); a
query word drops its ZWNJ, so "می‌خواهم", "میخواهم" and "می خواهم" find the same
tickets (migration 0017 re-indexed the tickets written before this rule).

Phones match by their start (the document's phone words, prefix search) and by
their last digits (``customer_phones.number_reversed``, a range over its index;
agents read a number off a caller display back to front): ``phone_suffix``.

The database indexes the document (migration 0002): an FTS5 table kept in step by
triggers on SQLite, a GIN index over ``to_tsvector('simple', search_text)`` on
PostgreSQL. The document itself is kept current by a session hook
(``install_maintenance``): whenever a flush writes a ticket, an interaction or a
customer through the ORM, the affected tickets' documents are rebuilt in the same
transaction. Rows written with Core bulk inserts (importers, sync, benchmarks)
must call ``refresh_documents`` or build ``ticket_document`` themselves. The same
hook keeps ``tickets.customer_sort_name`` (the queue's sort by customer) current.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    case,
    column,
    event,
    false,
    func,
    inspect,
    literal_column,
    or_,
    select,
    table,
    union_all,
    update,
)
from sqlalchemy.orm import Session

from deskapp.models import Customer, CustomerPhone, Interaction, Ticket
from deskapp.services.text import JOINERS, drop_joiners, normalize_phone, search_key

_WORD = re.compile(r"[^\W_]+")
# A word, joiners (ZWNJ...) inside it included: "می‌خواهم" is one compound.
_COMPOUND = re.compile(f"[^\\W_]+(?:[{JOINERS}]+[^\\W_]+)*")
# A phone typed by its last digits: at least this many digits.
PHONE_SUFFIX_MIN = 4
_PHONEISH = re.compile(r"[\d\s+()\-۰-۹٠-٩]+")
FTS_TABLE = "tickets_fts"
PG_INDEX = "ix_tickets_search_text_fts"
MAX_TERMS = 12
_CHUNK = 500


def words(text: str | None, *, parts: bool = True) -> list[str]:
    """The words of ``text``: normalised, case-folded, split on anything not a letter or
    digit. A compound written with a joiner (ZWNJ) is one word without it ("میخواهم");
    with ``parts`` (the indexed document) its parts follow ("می", "خواهم"). A query
    uses ``parts=False``: the same rule, so with and without ZWNJ look alike."""
    if not text:
        return []
    out: list[str] = []
    for compound in _COMPOUND.findall(search_key(text)):
        joined = drop_joiners(compound)
        out.append(joined)
        if parts and joined != compound:
            out += _WORD.findall(compound)
    return out


def phone_words(number: str) -> list[str]:
    """A stored phone as words: as stored, and without the national 0 (people type both)."""
    digits = number.lstrip("+")
    out = [digits]
    if digits.startswith("0") and len(digits) > 1:
        out.append(digits[1:])
    return out


def ticket_document(
    *,
    reference: str,
    number: int | None,
    subject: str,
    description: str = "",
    bodies: Iterable[str] = (),
    customer_name: str = "",
    email: str | None = None,
    organisation: str | None = None,
    phones: Iterable[str] = (),
) -> str:
    parts: list[str] = []
    parts += words(reference)
    if number is not None:
        parts.append(str(number))
    parts += words(subject)
    parts += words(description)
    for body in bodies:
        parts += words(body)
    parts += words(customer_name)
    parts += words(email)
    parts += words(organisation)
    for phone in phones:
        parts += phone_words(phone)
    return " ".join(parts)


def query_words(text: str) -> list[str]:
    """What a search box's text looks for: a phone number as one word, else its words."""
    text = text.strip()
    if not text:
        return []
    if _PHONEISH.fullmatch(text):
        digits = normalize_phone(text).lstrip("+")
        if len(digits) >= 5:
            return [digits]
    return words(text, parts=False)[:MAX_TERMS]


def phone_suffix(text: str) -> str | None:
    """The digits a search box's text may end a phone number with (reversed, as
    ``customer_phones.number_reversed`` keeps them), or None when it is not a number."""
    text = text.strip()
    if not text or not _PHONEISH.fullmatch(text):
        return None
    digits = normalize_phone(text).lstrip("+")
    if len(digits) < PHONE_SUFFIX_MIN:
        return None
    return digits[::-1]


def phone_suffix_customers(text: str) -> Select | None:
    """The customers with a phone ending in the digits of ``text`` (an index range)."""
    rev = phone_suffix(text)
    if rev is None:
        return None
    # Digits only: ":" follows "9", so [rev, rev + ":") is every key starting with rev.
    return select(CustomerPhone.customer_id).where(
        CustomerPhone.number_reversed >= rev,
        CustomerPhone.number_reversed < rev + ":",
        CustomerPhone.deleted_at.is_(None),
    )


def fts5_query(terms: Sequence[str]) -> str:
    # Every word must appear, each as a prefix (the user is still typing).
    return " ".join(f'"{t}"*' for t in terms)


def tsquery(terms: Sequence[str]) -> str:
    return " & ".join(f"'{t}':*" for t in terms)


def match_condition(
    dialect: str, text: str, *, walk: bool = False
) -> ColumnElement[bool] | None:
    """A WHERE condition selecting the tickets whose document matches ``text``, or (a
    number) whose customer has a phone ending in it.

    ``walk`` (a search matching many tickets): the condition is only a test of each
    ticket the statement walks in its sort index, never where it starts — the first
    page of a common word then stops after a page of matches instead of fetching every
    match and sorting them (SQLite: 26 ms instead of 618 ms for 62,921 matches of a
    million)."""
    cond = document_condition(dialect, text, walk=walk)
    customers = phone_suffix_customers(text)
    if customers is None:
        return cond
    by_phone = Ticket.customer_id.in_(customers)
    if cond is None:
        return by_phone
    if dialect == "postgresql" and not walk:
        # An OR of the GIN match and a subquery is no bitmap: PostgreSQL scanned every
        # ticket (seconds over a million). The union of both id sets uses each index.
        # Materialised once: as a plain subquery PostgreSQL may re-run it per ticket.
        both = union_all(select(Ticket.id).where(cond), select(Ticket.id).where(by_phone))
        found = both.cte("phone_matches").prefix_with("MATERIALIZED")
        return Ticket.id.in_(select(found.c.id))
    return or_(cond, by_phone)


def document_condition(
    dialect: str, text: str, *, walk: bool = False
) -> ColumnElement[bool] | None:
    """A WHERE condition selecting the tickets whose document matches ``text``."""
    terms = query_words(text)
    if not terms:
        return None
    if dialect == "sqlite":
        fts_table = table(FTS_TABLE, column("rowid"))
        fts = select(fts_table.c.rowid).where(
            literal_column(FTS_TABLE).op("MATCH")(bindparam(None, fts5_query(terms)))
        )
        # "+rowid": the unary plus keeps SQLite from driving the statement by rowid
        # from the matches; the match list is built once and tested per row.
        rowid = literal_column("+tickets.rowid" if walk else "tickets.rowid")
        return rowid.in_(fts.scalar_subquery())
    if dialect == "postgresql":
        # Same expression as the GIN index (a literal regconfig, not a parameter).
        config = literal_column("'simple'::regconfig")
        vector = func.to_tsvector(config, Ticket.search_text)
        match = vector.op("@@")(func.to_tsquery(config, bindparam(None, tsquery(terms))))
        if not walk:
            return match
        # Walking: parsing a document into a tsvector is the cost of each ticket
        # tested, so only tickets whose document holds every word (the document and
        # the words are folded alike: a plain substring test, about a tenth of the
        # cost) are parsed: a common word's first page 84-125 -> 13-15 ms of SQL at a
        # million tickets. A CASE, so the planner neither reorders the two nor counts
        # the substring test as a second, independent filter (that estimate made it
        # sort every match in parallel workers instead of walking).
        holds = and_(*(func.strpos(Ticket.search_text, t) > 0 for t in terms))
        return case((holds, match), else_=false())
    # Any other database: a plain (slow) containment test on the document.
    cond = None
    for t in terms:
        c = Ticket.search_text.contains(t, autoescape=True)
        cond = c if cond is None else cond & c
    return cond


def sqlite_match_probe(text: str, limit: int) -> Select | None:
    """SQLite: up to ``limit`` ids of the search's candidates read from the indexes
    alone (the FTS5 matches, the tickets of customers whose phone ends in it), to tell
    a search matching few tickets from one matching many in a millisecond or two."""
    terms = query_words(text)
    parts: list[Select] = []
    if terms:
        fts_table = table(FTS_TABLE, column("rowid"))
        parts.append(select(fts_table.c.rowid.label("x")).where(
            literal_column(FTS_TABLE).op("MATCH")(bindparam(None, fts5_query(terms)))
        ).limit(limit))
    customers = phone_suffix_customers(text)
    if customers is not None:
        parts.append(select(literal_column("tickets.rowid").label("x")).select_from(
            Ticket.__table__).where(Ticket.customer_id.in_(customers)).limit(limit))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else select(
        union_all(*(p.subquery().select() for p in parts)).subquery().c.x
    ).limit(limit)


# -- keeping documents current ---------------------------------------------------


def refresh_documents(conn: Connection, ticket_ids: Iterable[uuid.UUID]) -> int:
    """Rebuild the documents of these tickets from the database (and their copy of the
    customer's name, ``customer_sort_name``); returns how many."""
    ids = list(dict.fromkeys(ticket_ids))
    done = 0
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        tickets = conn.execute(
            select(
                Ticket.id,
                Ticket.reference,
                Ticket.number,
                Ticket.subject,
                Ticket.description,
                Ticket.customer_id,
                Customer.name,
                Customer.email,
                Customer.organisation,
            )
            .join(Customer, Customer.id == Ticket.customer_id)
            .where(Ticket.id.in_(chunk))
        ).all()
        if not tickets:
            continue
        bodies: dict[uuid.UUID, list[str]] = defaultdict(list)
        for tid, body in conn.execute(
            select(Interaction.ticket_id, Interaction.body)
            .where(Interaction.ticket_id.in_(chunk))
            .order_by(Interaction.created_at, Interaction.id)
        ):
            bodies[tid].append(body)
        phones: dict[uuid.UUID, list[str]] = defaultdict(list)
        customer_ids = {t.customer_id for t in tickets}
        for cid, number in conn.execute(
            select(CustomerPhone.customer_id, CustomerPhone.number)
            .where(CustomerPhone.customer_id.in_(customer_ids), CustomerPhone.deleted_at.is_(None))
            .order_by(CustomerPhone.position)
        ):
            phones[cid].append(number)
        params = [
            {
                "b_id": t.id,
                "b_name": t.name,
                "b_doc": ticket_document(
                    reference=t.reference,
                    number=t.number,
                    subject=t.subject,
                    description=t.description,
                    bodies=bodies.get(t.id, ()),
                    customer_name=t.name,
                    email=t.email,
                    organisation=t.organisation,
                    phones=phones.get(t.customer_id, ()),
                ),
            }
            for t in tickets
        ]
        conn.execute(
            update(Ticket.__table__)
            .where(Ticket.__table__.c.id == bindparam("b_id"))
            .values(search_text=bindparam("b_doc"), customer_sort_name=bindparam("b_name")),
            params,
        )
        done += len(params)
    return done


def rebuild_all(conn: Connection, batch: int = 5000) -> int:
    """Rebuild every ticket's document (after a bulk import)."""
    total = 0
    last: uuid.UUID | None = None
    while True:
        stmt = select(Ticket.id).order_by(Ticket.id).limit(batch)
        if last is not None:
            stmt = stmt.where(Ticket.id > last)
        ids = list(conn.scalars(stmt))
        if not ids:
            return total
        total += refresh_documents(conn, ids)
        last = ids[-1]


_PENDING = "deskapp.search.pending"
_TICKET_FIELDS = ("reference", "number", "subject", "description", "customer_id")
_CUSTOMER_FIELDS = ("name", "email", "organisation", "phones")


def _changed(obj: Any, names: Sequence[str]) -> bool:
    state = inspect(obj)
    return any(state.attrs[n].history.has_changes() for n in names)


def _on_before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    pending: dict[str, list[Any]] = session.info.setdefault(
        _PENDING, {"tickets": [], "ticket_ids": [], "customers": []}
    )
    for obj in session.new:
        if isinstance(obj, Ticket):
            pending["tickets"].append(obj)
        elif isinstance(obj, Interaction):
            pending["ticket_ids"].append(obj.ticket_id)
        elif isinstance(obj, CustomerPhone):
            if obj.customer is not None:
                pending["customers"].append(obj.customer)
            elif obj.customer_id is not None:
                pending["customers"].append(obj.customer_id)
    for obj in session.dirty:
        if isinstance(obj, Ticket) and _changed(obj, _TICKET_FIELDS):
            pending["tickets"].append(obj)
        elif isinstance(obj, Customer) and _changed(obj, _CUSTOMER_FIELDS):
            pending["customers"].append(obj)
        elif isinstance(obj, CustomerPhone) and _changed(obj, ("number", "deleted_at")):
            pending["customers"].append(obj.customer_id)


def _on_after_flush(session: Session, flush_context: Any) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    ticket_ids: list[uuid.UUID] = [t.id for t in pending["tickets"] if t.id is not None]
    ticket_ids += [tid for tid in pending["ticket_ids"] if tid is not None]
    customer_ids = {
        c.id if isinstance(c, Customer) else c for c in pending["customers"]
    } - {None}
    conn = session.connection()
    if customer_ids:
        ticket_ids += conn.scalars(
            select(Ticket.id).where(Ticket.customer_id.in_(customer_ids))
        ).all()
    if ticket_ids:
        refresh_documents(conn, ticket_ids)


def _on_after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


_installed = False


def install_maintenance() -> None:
    """Keep search documents current on every ORM flush (idempotent)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _on_before_flush)
    event.listen(Session, "after_flush", _on_after_flush)
    event.listen(Session, "after_soft_rollback", lambda s, t: _on_after_rollback(s))
    _installed = True
