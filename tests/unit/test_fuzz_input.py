"""Fuzzing the service boundary (hypothesis) on SQLite and PostgreSQL: arbitrary Unicode,
control characters, lone surrogates, huge strings and values of the wrong type go into
the CSV importer and the ticket and interaction services. Every call either succeeds
or raises the service's own error (ValidationFailed; ImportFileError for a CSV file
that cannot be read at all), and a call that fails writes nothing.

The example count is kept small so the suite stays fast; raise it locally with
``DESKAPP_FUZZ_EXAMPLES=500``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from deskapp.models import AuditEntry, Customer, CustomerPhone, Interaction, Ticket
from deskapp.services.customer_import import CustomerImportService, ImportFileError, decode, parse
from deskapp.services.customers import NewCustomer
from deskapp.services.errors import ValidationFailed
from deskapp.services.facade import Services, build_services
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk, make_desk

EXAMPLES = int(os.environ.get("DESKAPP_FUZZ_EXAMPLES", "15"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
    database=None,
)
COUNTED = (Ticket, Interaction, Customer, CustomerPhone, AuditEntry)

# Text of every kind: any code point (control characters and lone surrogates included),
# the C0/C1 range on its own, Persian, and strings far above every limit.
any_char = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, categories=None)
texts = st.one_of(
    st.text(any_char, max_size=40),
    st.text(st.characters(min_codepoint=0, max_codepoint=0x9F), max_size=20),
    st.text(st.sampled_from("سلام علی ی ک\u200c۰۱۲ abc\t\n\r"), min_size=1, max_size=30),
    st.sampled_from(["x" * 250, "ی" * 5000, "a\x00" * 20_000, "z" * 1_000_001, "", "  "]),
)
wrong = st.one_of(st.integers(), st.floats(allow_nan=True), st.binary(max_size=10),
                  st.lists(st.text(max_size=3), max_size=3), st.none(), st.booleans())
values = st.one_of(texts, texts, texts, wrong)


@pytest.fixture
def both(db_url: str) -> Iterator[Desk]:
    services = build_services(db_url)
    try:
        yield make_desk(services)
    finally:
        services.dispose()


def counts(services: Services) -> dict[str, int]:
    with services.uow(read_only=True) as uow:
        return {m.__name__: uow.session.scalar(select(func.count()).select_from(m))
                for m in COUNTED}


def succeeds_or_refuses(services: Services, call: Callable[[], object],
                        errors: tuple[type[Exception], ...] = (ValidationFailed,)) -> bool:
    before = counts(services)
    try:
        call()
    except errors as exc:
        assert str(exc) and getattr(exc, "code", "")
        assert counts(services) == before, f"a refused call wrote something: {exc}"
        return False
    return True


@FUZZ
@given(subject=values, notes=values, name=values, phone=values, email=values,
       category=values)
def test_logging_a_call(both: Desk, subject, notes, name, phone, email, category):
    call = NewCall(subject=subject, notes=notes, category=category,
                   new_customer=NewCustomer(name, phones=[phone], email=email))
    succeeds_or_refuses(both.services, lambda: both.services.tickets.log_call(both.agent, call))


@FUZZ
@given(body=values, kind=st.one_of(st.sampled_from(["note", "internal_note", "call"]), values),
       subject=values, description=values, ticket_id=st.one_of(st.just(None), wrong, texts))
def test_interactions_and_edits(both: Desk, body, kind, subject, description, ticket_id):
    tickets = both.services.tickets
    t = _one_ticket(both)
    succeeds_or_refuses(both.services,
                        lambda: tickets.add_interaction(both.agent, t.id, kind, body))
    t = tickets.get(both.agent, t.id).ticket
    succeeds_or_refuses(both.services, lambda: tickets.update(
        both.agent, t.id, t.version, subject=subject, description=description))
    # Whatever stands in for the ticket id, it is refused the same way on both databases.
    assert not succeeds_or_refuses(
        both.services, lambda: tickets.add_interaction(both.agent, ticket_id, "note", "Hi"))


def _one_ticket(desk: Desk):
    """One ticket per test (not per example): examples append to it."""
    cached = getattr(desk, "_fuzz_ticket", None)
    if cached is None:
        cached = desk.services.tickets.log_call(desk.agent, NewCall(
            subject="Router", new_customer=NewCustomer("Zahra", phones=["09123456789"]))).ticket
        desk._fuzz_ticket = cached  # type: ignore[attr-defined]
    return cached


csv_cells = st.one_of(texts, st.text(st.sampled_from(',"\n\r;'), max_size=5))


@FUZZ
@given(rows=st.lists(st.tuples(csv_cells, csv_cells, csv_cells), min_size=1, max_size=4),
       raw=st.one_of(st.binary(max_size=200), st.just(b"")), skip=st.booleans())
def test_importing_customers(both: Desk, rows, raw, skip):
    importer = CustomerImportService(both.services.uow)

    def from_text() -> object:
        lines = ["name,phone,email"] + [",".join(
            '"' + c.replace('"', '""') + '"' for c in row) for row in rows]
        parsed = parse("\n".join(lines) + "\n", "fuzz.csv")
        return importer.import_parsed(both.manager, parsed, skip_invalid=skip)

    def from_bytes() -> object:
        return importer.import_parsed(both.manager, parse(decode(raw, "raw.csv"), "raw.csv"))

    for call in (from_text, from_bytes):
        before = counts(both.services)
        try:
            report = call()
        except (ImportFileError, ValidationFailed, UnicodeEncodeError) as exc:
            if isinstance(exc, UnicodeEncodeError):
                raise
            assert counts(both.services) == before
            continue
        after = counts(both.services)
        if report.refused:  # an invalid row: nothing imported, nothing written
            assert after == before
        elif report.imported == 0:  # only the audit entry of the attempt
            assert {k: v for k, v in after.items() if k != "AuditEntry"} == {
                k: v for k, v in before.items() if k != "AuditEntry"}
