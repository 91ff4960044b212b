"""Input PostgreSQL cannot store and values of the wrong type are refused by the
services themselves, with one coded ValidationFailed naming the field, the same on
SQLite and PostgreSQL, and nothing is written."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from deskapp.models import AuditEntry, Customer, Interaction, Ticket
from deskapp.services.customer_import import (
    CustomerImportService,
    ImportFileError,
    decode,
    parse,
    read_file,
)
from deskapp.services.customers import NewCustomer
from deskapp.services.errors import ValidationFailed
from deskapp.services.facade import Services, build_services
from deskapp.services.permissions import SYSTEM
from deskapp.services.sla_admin import CalendarDraft, CustomDay, ScheduleDraft
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk, make_desk

COUNTED = (Ticket, Interaction, Customer, AuditEntry)


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


def refused(services: Services, call, *, code: str, field: str) -> ValidationFailed:
    before = counts(services)
    with pytest.raises(ValidationFailed) as exc:
        call()
    assert (exc.value.code, exc.value.field) == (code, field), str(exc.value)
    assert counts(services) == before
    return exc.value


def new_call(**kw) -> NewCall:
    kw.setdefault("subject", "Router blinks red")
    if "customer_id" not in kw:
        kw.setdefault("new_customer", NewCustomer("Zahra Kazemi", phones=["0912 345 6789"]))
    return NewCall(**kw)


# -- 4: text PostgreSQL cannot store ------------------------------------------------


@pytest.mark.parametrize("bad", ["a\x00b", "bell\x07", "esc\x1b[31m", "del\x7f", "c1\x85"])
def test_control_characters_are_refused_on_both_databases(both: Desk, bad: str):
    tickets = both.services.tickets
    err = refused(both.services, lambda: tickets.log_call(both.agent, new_call(subject=bad)),
                  code="validation.control_char", field="Subject")
    assert "control character" in str(err)
    refused(both.services, lambda: tickets.log_call(
        both.agent, new_call(new_customer=NewCustomer(f"Zahra {bad}"))),
        code="validation.control_char", field="Name")
    t = tickets.log_call(both.agent, new_call()).ticket
    refused(both.services,
            lambda: tickets.add_interaction(both.agent, t.id, "call", f"Hello {bad}"),
            code="validation.control_char", field="Message")


def test_tabs_and_line_breaks_are_kept(both: Desk):
    tickets = both.services.tickets
    t = tickets.log_call(both.agent, new_call()).ticket
    info = tickets.add_interaction(both.agent, t.id, "call", "Dear customer,\r\n\tthanks.")
    assert info.body == "Dear customer,\n\tthanks."


def test_a_nul_in_a_csv_name_is_a_row_error_on_both_databases(both: Desk):
    parsed = parse("name,phone\nGood One,09121111111\nBad\x1bName,09122222222\n", "c.csv")
    before = counts(both.services)
    report = CustomerImportService(both.services.uow).import_parsed(both.manager, parsed)
    assert report.refused and [e.line for e in report.errors] == [3]
    assert "control character" in report.errors[0].message
    assert counts(both.services) == before


def test_csv_utf16_without_bom_and_random_bytes_are_named(tmp_path):
    text = "name,phone\nعلي رضائي,09123456789\n"
    for enc in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{enc}.csv"
        path.write_bytes(text.encode(enc))
        with pytest.raises(ImportFileError, match="UTF-16.. text without a byte-order mark") \
                as exc:
            read_file(path)
        assert exc.value.code == "import.utf16" and "1256" not in str(exc.value)
    rng = __import__("random").Random(7)
    for _ in range(20):
        data = bytes(rng.randrange(256) for _ in range(2000))
        with pytest.raises(ImportFileError) as exc:
            decode(data, "r.csv")
        assert exc.value.code == "import.not_utf8", str(exc.value)
        assert "may be binary or damaged" in str(exc.value)
    with pytest.raises(ImportFileError) as exc:
        decode(os.urandom(1) * 0 + text.encode("cp1256", errors="ignore"), "w.csv")
    assert exc.value.code == "import.windows_1256"


# -- 5: wrong types at the service boundary -----------------------------------------


def test_wrong_types_are_one_validation_error_naming_the_field(both: Desk):
    tickets = both.services.tickets
    t = tickets.log_call(both.agent, new_call()).ticket
    refused(both.services, lambda: tickets.add_interaction(both.agent, t.id, "call", 123),
            code="validation.type", field="Message")
    refused(both.services, lambda: tickets.log_call(both.agent, new_call(team_id="abc")),
            code="validation.type", field="team_id")
    refused(both.services, lambda: tickets.log_call(both.agent, new_call(customer_id="abc")),
            code="validation.type", field="customer_id")
    refused(both.services, lambda: tickets.log_call(both.agent, new_call(subject=["x"])),
            code="validation.type", field="Subject")
    refused(both.services, lambda: tickets.log_call(both.agent, new_call(channel=3)),
            code="validation.type", field="Channel")
    refused(both.services, lambda: tickets.log_call(
        both.agent, new_call(new_customer=NewCustomer("Z", phones="0912 345 6789"))),
        code="validation.type", field="phones")
    # A string ticket id: refused the same way on SQLite and PostgreSQL.
    for ticket_id in (str(t.id), "abc", 42):
        refused(both.services, lambda tid=ticket_id: tickets.get(both.agent, tid),
                code="validation.type", field="ticket_id")
        refused(both.services,
                lambda tid=ticket_id: tickets.add_interaction(both.agent, tid, "call", "Hi"),
                code="validation.type", field="ticket_id")
    refused(both.services, lambda: tickets.assign(both.supervisor, t.id, "1", None),
            code="validation.type", field="expected_version")
    refused(both.services, lambda: tickets.assign(both.supervisor, t.id, t.version, "abc"),
            code="validation.type", field="assignee_id")
    assert tickets.get(both.agent, t.id).ticket.id == t.id
    assert tickets.get(both.agent, uuid.UUID(str(t.id))).ticket.id == t.id


def test_a_calendar_day_with_none_hours_is_a_validation_error(both: Desk):
    sla_admin = both.services.sla_admin

    def draft(**kw) -> CalendarDraft:
        kw.setdefault("schedules", [ScheduleDraft(date(2026, 1, 1), {0: [("08:00", "16:00")]})])
        return CalendarDraft(name="Odd", timezone="Asia/Tehran", **kw)

    for bad in (
        draft(schedules=[ScheduleDraft(date(2026, 1, 1), {0: None})]),
        draft(schedules=[ScheduleDraft(date(2026, 1, 1), {0: [(8, 16)]})]),
        draft(schedules=[ScheduleDraft(date(2026, 1, 1), None)]),
        draft(custom_days=[CustomDay(date(2026, 3, 21), "Nowruz", [None])]),
    ):
        with pytest.raises(ValidationFailed) as exc:
            sla_admin.create_calendar(SYSTEM, bad)
        assert exc.value.code == "validation.type"
        assert exc.value.field in ("schedules", "custom_days")
