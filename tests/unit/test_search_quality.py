"""Search quality on SQLite and PostgreSQL (issue 16, point 2): a Persian compound
typed with or without its ZWNJ finds the same tickets; a phone is found by its first
digits and by its last ones."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from deskapp.services.customers import NewCustomer
from deskapp.services.facade import build_services
from deskapp.services.queue import QueueQuery, View
from deskapp.services.search import phone_suffix, query_words, ticket_document, words
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk, make_desk


class Seeded:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        log = desk.services.tickets.log_call
        agent = desk.agent

        def new(subject: str, name: str, phone: str, notes: str = "") -> uuid.UUID:
            customer = NewCustomer(name=name, phones=[phone])
            return log(agent, NewCall(subject=subject, notes=notes,
                                      new_customer=customer)).ticket.id

        self.zwnj = new("می\u200cخواهم اینترنت وصل شود", "Zahra", "0912 345 6789")
        self.joined = new("Router", "Hamid", "0935 111 2222", notes="میخواهم قطع کنم")
        self.spaced = new("می خواهم قبض بدهم", "Nima", "+44 20 7946 0958")
        self.other = new("Invoice", "Sara", "0912 000 1111")

    def find(self, text: str) -> set[uuid.UUID]:
        rows = self.desk.services.queue.page(
            self.desk.agent, QueueQuery(view=View.CUSTOM, search=text), limit=100
        )
        assert self.desk.services.queue.count(
            self.desk.agent, QueueQuery(view=View.CUSTOM, search=text)
        ) == len(rows)
        return {r.id for r in rows}


@pytest.fixture
def seeded(db_url: str) -> Iterator[Seeded]:
    services = build_services(db_url)
    try:
        yield Seeded(make_desk(services))
    finally:
        services.dispose()


def test_words_with_and_without_zwnj_are_one_word():
    assert query_words("می\u200cخواهم") == query_words("میخواهم") == ["میخواهم"]
    assert query_words("می خواهم") == ["می", "خواهم"]
    # The document holds the compound joined and its parts, so all three find it.
    assert words("می\u200cخواهم") == ["میخواهم", "می", "خواهم"]
    assert words("كتاب\u200cهاي") == ["کتابهای", "کتاب", "های"]
    doc = ticket_document(reference="HQ-1", number=1, subject="نمی\u200cشود")
    assert doc.split() == ["hq", "1", "1", "نمیشود", "نمی", "شود"]


def test_phone_suffix_digits():
    assert phone_suffix("6789") == "9876"
    assert phone_suffix("۶۷۸۹") == "9876"  # Persian digits off a caller display
    assert phone_suffix("345 6789") == "9876543"
    assert phone_suffix("678") is None  # too short: a ticket number, not a phone
    assert phone_suffix("router") is None


def test_persian_word_with_or_without_zwnj_finds_the_same_tickets(seeded: Seeded):
    with_zwnj = seeded.find("می\u200cخواهم")
    without = seeded.find("میخواهم")
    assert with_zwnj == without == {seeded.zwnj, seeded.joined}
    # Typed while still typing: a prefix of the compound, with or without ZWNJ.
    assert seeded.find("میخوا") == seeded.find("می\u200cخوا") == {seeded.zwnj, seeded.joined}
    # Typed with a space: both words, as before.
    assert seeded.find("می خواهم") == {seeded.zwnj, seeded.spaced}
    assert seeded.find("خواهم") == {seeded.zwnj, seeded.spaced}


def test_phone_found_by_its_start_and_by_its_last_digits(seeded: Seeded):
    assert seeded.find("0912 345") == {seeded.zwnj}  # start
    assert seeded.find("+98 912 345 6789") == {seeded.zwnj}  # whole, international form
    assert seeded.find("6789") == {seeded.zwnj}  # last digits
    assert seeded.find("345 6789") == {seeded.zwnj}
    assert seeded.find("۲۲۲۲") == {seeded.joined}  # Persian digits
    assert seeded.find("0958") == {seeded.spaced}  # a foreign number's end
    assert seeded.find("1111") == {seeded.other}
    assert seeded.find("3456") == set()  # the middle of a number is neither
    assert seeded.find("9999") == set()


def test_a_changed_number_is_found_by_its_new_end(seeded: Seeded):
    s = seeded.desk.services
    detail = s.tickets.get(seeded.desk.agent, seeded.other)
    from deskapp.services.customers import CustomerChanges

    s.customers.update(seeded.desk.agent, detail.customer.id, detail.customer.version,
                       CustomerChanges(phones=["0912 000 4242"]))
    assert seeded.find("4242") == {seeded.other}
    assert seeded.find("1111") == set()


def test_migration_0017_reindexes_older_tickets(db_url: str):
    """Tickets indexed under the old rule (ZWNJ split the word, no reversed phones)
    are found with the new one after upgrading through 0017."""
    from alembic import command
    from sqlalchemy import update

    from deskapp.models import Ticket
    from deskapp.services import schema

    services = build_services(db_url)
    try:
        seeded = Seeded(make_desk(services))
        with services.engine.begin() as conn:  # the old document: ZWNJ splits the words
            conn.execute(update(Ticket.__table__).where(Ticket.__table__.c.id == seeded.zwnj)
                         .values(search_text="hq 000001 1 می خواهم اینترنت وصل شود"))
        assert seeded.find("میخواهم") == {seeded.joined}
        cfg = schema.alembic_config()
        with services.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0016")
        schema.upgrade(services.engine)
        services.engine.dispose()
        assert seeded.find("میخواهم") == {seeded.zwnj, seeded.joined}
        assert seeded.find("6789") == {seeded.zwnj}
    finally:
        services.dispose()
