"""The queue service on the real PostgreSQL: tsvector search, row-value keysets, views."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text

from deskapp.models import Ticket
from deskapp.services.facade import build_services
from deskapp.services.queue import QueueQuery, Sort, View
from deskapp.services.search import match_condition
from tests.helpers.bulk import bulk_tickets
from tests.helpers.staff import make_desk
from tests.unit.test_queue_service import (
    Tickets,
    check_built_in_views,
    check_filters,
    check_search,
    check_sla_stages,
    check_sorting_and_pages,
)

pytestmark = [pytest.mark.postgres, pytest.mark.pg_routes]  # also through PgBouncer


@pytest.fixture
def pg_tickets(pg_url: str) -> Iterator[Tickets]:
    services = build_services(pg_url)
    try:
        yield Tickets(make_desk(services))
    finally:
        services.dispose()


def test_built_in_views_on_postgresql(pg_tickets):
    check_built_in_views(pg_tickets)


def test_search_on_postgresql(pg_tickets):
    check_search(pg_tickets)


def test_filters_on_postgresql(pg_tickets):
    check_filters(pg_tickets)


def test_sorting_and_pages_on_postgresql(pg_tickets):
    check_sorting_and_pages(pg_tickets)


def test_sla_stages_on_postgresql(pg_tickets):
    check_sla_stages(pg_tickets)


def test_search_uses_the_gin_index(pg_tickets):
    """The query's tsvector expression must be the index's, or search scans the table."""
    t = pg_tickets
    desk = t.desk
    bulk_tickets(desk.services.engine, 3000, assignee_ids=[desk.agent.user_id], team_ids=[])
    q = QueueQuery(view=View.CUSTOM, search="router")
    stmt = select(func.count()).select_from(Ticket).where(match_condition("postgresql", "router"))
    engine = desk.services.engine
    with engine.connect() as conn:
        conn.execute(text("ANALYZE tickets"))
        compiled = stmt.compile(engine, compile_kwargs={"literal_binds": True})
        plan = "\n".join(r[0] for r in conn.execute(text(f"EXPLAIN {compiled}")))
    assert "ix_tickets_search_text_fts" in plan, plan
    assert t.queue.count(desk.agent, q) > 100
    # Keyset pages over the bulk rows agree with the offset reads.
    q = QueueQuery(view=View.CUSTOM, sort=Sort.NUMBER)
    first = t.queue.page(desk.agent, q, limit=500)
    nxt = t.queue.page(desk.agent, q, after=first[-1].key, limit=500)
    assert [r.id for r in nxt] == [r.id for r in t.queue.rows_at(desk.agent, q, 500, 500)]


@pytest.mark.parametrize("sparse_limit", [0, 10_000])
def test_search_pages_agree_on_both_plans(pg_tickets, monkeypatch, sparse_limit):
    """A search page is taken either from the sort index (many matches) or from the
    matches first (few); both must give the same rows, by keyset and by position."""
    import deskapp.services.queue as queue_module

    t = pg_tickets
    desk = t.desk
    monkeypatch.setattr(queue_module, "SPARSE_SEARCH", sparse_limit)
    check_search(t)
    bulk_tickets(desk.services.engine, 2000, assignee_ids=[desk.agent.user_id], team_ids=[])
    for sort, descending in ((Sort.NUMBER, False), (Sort.CREATED, True), (Sort.SLA, False)):
        q = QueueQuery(view=View.CUSTOM, search="router", sort=sort, descending=descending)
        total = t.queue.count(desk.agent, q)
        assert total > 100
        walked, after = [], None
        while rows := t.queue.page(desk.agent, q, after=after, limit=40):
            walked += rows
            after = rows[-1].key
        assert len(walked) == total
        by_position = []
        for offset in range(0, total, 40):
            by_position += t.queue.rows_at(desk.agent, q, offset, 40, total=total)
        assert [r.id for r in walked] == [r.id for r in by_position]
        back = t.queue.page_before(desk.agent, q, before=walked[50].key, limit=10)
        assert [r.id for r in back] == [r.id for r in walked[40:50]]
