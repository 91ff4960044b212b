"""The search plans (issue 16, point 1) return the same rows as a plain full scan, on
SQLite and PostgreSQL: every page of a search, read by keyset from the start and by
position from the end, and its count (exact and capped), whichever plan the service
picks (few matches: start from the matches and sort them — on SQLite the probe's
candidates, read as a list of rowids; many: walk the sort index
and test each ticket; PostgreSQL: first a walk of at most WALK_BUDGET tickets, kept when
it fills a page). The scan reads every ticket of the view and matches its
search document in Python, the way the words are defined (services.search)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from deskapp.models import CustomerPhone, Ticket
from deskapp.services import queue as queue_module
from deskapp.services.facade import build_services
from deskapp.services.queue import QueueFilter, QueueQuery, Sort, View
from deskapp.services.search import phone_suffix, query_words
from deskapp.services.text import normalize_phone
from tests.helpers.bulk import bulk_tickets
from tests.helpers.staff import make_desk

TICKETS = 1_500


@pytest.fixture
def world(db_url: str):
    services = build_services(db_url)
    desk = make_desk(services)
    agents = [desk.agent.user_id, desk.other_agent.user_id]
    teams = [t.id for t in services.staff.list_teams()]
    bulk_tickets(services.engine, TICKETS, assignee_ids=agents, team_ids=teams, seed=11)
    try:
        yield services, desk
    finally:
        services.dispose()


def _all(services, actor, q: QueueQuery, size: int = 500) -> list:
    rows, key = [], None
    while True:
        page = services.queue.page(actor, q, after=key, limit=size)
        rows += page
        if len(page) < size:
            return rows
        key = page[-1].key


def _scan(services, actor, view: QueueQuery, text: str) -> list:
    """Every ticket of the view (no search), matched in Python."""
    everything = _all(services, actor, view)
    with services.uow(read_only=True) as uow:
        docs = dict(uow.session.execute(select(Ticket.id, Ticket.search_text)).all())
        phones: dict = {}
        for cid, number in uow.session.execute(
            select(CustomerPhone.customer_id, CustomerPhone.number)
            .where(CustomerPhone.deleted_at.is_(None))
        ):
            phones.setdefault(cid, []).append(number)
    terms = query_words(text)
    rev = phone_suffix(text)

    def matches(row) -> bool:
        words = (docs[row.id] or "").split()
        if terms and all(any(w.startswith(t) for w in words) for t in terms):
            return True
        if rev is not None:
            digits = rev[::-1]
            return any(normalize_phone(p).lstrip("+").endswith(digits)
                       for p in phones.get(row.customer_id, ()))
        return False

    return [r.id for r in everything if matches(r)]


@pytest.mark.parametrize(
    ("sparse", "budget", "dense"),
    [(1, 1, 0), (10**9, 1, 0), (10**9, 10**9, 10**12), (10**9, 40, 10**9)],
    ids=["walk-the-index", "matches-first", "budget-walk", "budget-then-walk"],
)
def test_search_plans_return_what_a_full_scan_returns(
    world, monkeypatch, sparse, budget, dense
):
    services, desk = world
    if budget > 1 and services.engine.dialect.name != "postgresql":
        pytest.skip("only PostgreSQL walks a budget first")
    monkeypatch.setattr(queue_module, "SPARSE_SEARCH", sparse)
    # 1: the budgeted walk (PostgreSQL) never fills a page, the probe decides; 10**9:
    # it walks the whole view, every page but the last is its (its last, short page
    # counts as dense, looks past the budget, finds the end of the view, and reads
    # the matches first); 40: a short walk whose hits send the page straight to the
    # unbounded walk, without the matches first.
    monkeypatch.setattr(queue_module, "WALK_BUDGET", budget)
    monkeypatch.setattr(queue_module, "DENSE_WALK", dense)
    actor = desk.supervisor
    with services.uow(read_only=True) as uow:
        some_phone = uow.session.scalar(select(CustomerPhone.number).limit(1))
    texts = [
        "router", "internet slow", "نمی\u200cشود", "نمیشود", "صورتحساب", "HQ-000123",
        some_phone[:6], some_phone[-4:], some_phone[-7:], "nothing-like-this",
    ]
    views = [
        QueueQuery(view=View.CUSTOM),
        QueueQuery(view=View.ALL_OPEN),
        QueueQuery(view=View.CUSTOM, sort=Sort.SUBJECT, descending=False),
    ]
    seen_nonempty = 0
    for view in views:
        for text in texts:
            expected = _scan(services, actor, view, text)
            seen_nonempty += bool(expected)
            q = QueueQuery(view=view.view, sort=view.sort, descending=view.descending,
                           search=text)
            assert [r.id for r in _all(services, actor, q)] == expected, text
            if view.sort is None:  # short pages: most are read by the budgeted walk
                assert [r.id for r in _all(services, actor, q, size=7)] == expected, text
            assert services.queue.count(actor, q) == len(expected), text
            assert services.queue.count(actor, q, cap=10) == min(len(expected), 11), text
            # The last rows, read by position from the end (the jump to the end).
            tail = services.queue.rows_at(actor, q, max(0, len(expected) - 30), 30,
                                          total=len(expected))
            assert [r.id for r in tail] == expected[-30:], text
            # The same search as a saved filter's text.
            f = QueueQuery(view=view.view, sort=view.sort, descending=view.descending,
                           filter=QueueFilter(text=text))
            assert [r.id for r in services.queue.page(actor, f, limit=50)] == expected[:50]
    assert seen_nonempty >= 20  # the searches do find tickets
