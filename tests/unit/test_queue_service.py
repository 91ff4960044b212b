"""The queue service: built-in views, filters, search, SQL sorting and keyset pages.

The same checks run on PostgreSQL in tests/integration/test_queue_pg.py (they take a
``db_url``-built desk there); here they run on SQLite through ``queue_desk``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from deskapp.models import SlaStageEvent, Ticket
from deskapp.models.enums import Channel, InteractionKind, Priority, Role, Segment, Status
from deskapp.services import permissions
from deskapp.services.customers import CustomerChanges, NewCustomer
from deskapp.services.errors import NotFound, PermissionDenied, ValidationFailed
from deskapp.services.facade import Services
from deskapp.services.queue import (
    UNASSIGNED,
    QueueFilter,
    QueueQuery,
    QueueService,
    Sort,
    View,
)
from deskapp.services.search import query_words, ticket_document, words
from deskapp.services.sla_state import ClockState
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


class Tickets:
    """A small desk's queue with known SLA states, built through the services."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        s = desk.services
        self.queue = QueueService(s.uow, clock=lambda: NOW)
        # Agents see their teams' tickets only (services.visibility); the supervisor
        # leads both teams, so the queue mechanics are checked over every ticket.
        self.reader = desk.supervisor
        zahra = NewCustomer(name="زهرا کریمی", phones=["0912 111 2233"],
                            email="zahra@example.com", segment=Segment.VIP)
        hamid = NewCustomer(name="Hamid Moradi", phones=["+98 935 444 5566"])
        a, b = desk.agent, desk.other_agent
        self.mine = self._log(a, "Router broken", new_customer=zahra, priority=Priority.HIGH)
        zahra_id = self._customer(self.mine)
        self.mine_breached = self._log(a, "Slow internet", customer_id=zahra_id)
        self.mine_waiting = self._log(a, "Modem settings", customer_id=zahra_id,
                                      channel=Channel.EMAIL)
        self.other = self._log(b, "Invoice wrong", new_customer=hamid, priority=Priority.URGENT)
        self.pool = self._log(a, "Unclaimed question", customer_id=zahra_id)
        self.resolved = self._log(a, "Solved on the phone", customer_id=zahra_id)
        self.old_resolved = self._log(a, "Solved long ago", customer_id=zahra_id)
        t = s.tickets
        # The conversation holds the word the search test looks for.
        t.add_interaction(b, self.other, InteractionKind.NOTE, "مشتری درخواست بازپرداخت کرد")
        detail = t.get(a, self.mine_waiting)
        t.change_status(a, self.mine_waiting, detail.ticket.version, Status.PENDING_CUSTOMER)
        detail = t.get(a, self.pool)
        t.assign(a, self.pool, detail.ticket.version, None)
        for tid in (self.resolved, self.old_resolved):
            detail = t.get(a, tid)
            t.change_status(a, tid, detail.ticket.version, Status.RESOLVED)
        # SLA columns and timestamps set directly: the queue only reads them.
        self._set(self.mine, first_response_at=None, first_response_due=NOW + timedelta(hours=1),
                  created_at=NOW - timedelta(hours=7))
        self._set(self.mine_breached, first_response_at=NOW - timedelta(hours=5),
                  resolution_due=NOW - timedelta(minutes=30), created_at=NOW - timedelta(hours=8))
        self._set(self.mine_waiting, first_response_at=NOW - timedelta(hours=5),
                  resolution_due=NOW + timedelta(minutes=20),
                  sla_paused_since=NOW - timedelta(hours=1), created_at=NOW - timedelta(hours=9))
        self._set(self.other, first_response_at=NOW - timedelta(hours=1),
                  resolution_due=NOW + timedelta(days=2), created_at=NOW - timedelta(hours=2))
        self._set(self.pool, first_response_due=None, resolution_due=None,
                  created_at=NOW - timedelta(days=1))
        self._set(self.resolved, resolved_at=NOW - timedelta(days=2),
                  created_at=NOW - timedelta(days=3))
        self._set(self.old_resolved, resolved_at=NOW - timedelta(days=30),
                  created_at=NOW - timedelta(days=31))

    def _log(self, actor, subject: str, **kw) -> uuid.UUID:
        return self.desk.services.tickets.log_call(actor, NewCall(subject=subject, **kw)).ticket.id

    def _customer(self, ticket_id: uuid.UUID) -> uuid.UUID:
        return self.desk.services.tickets.get(self.desk.agent, ticket_id).customer.id

    def _set(self, ticket_id: uuid.UUID, **values) -> None:
        with self.desk.services.engine.begin() as conn:
            conn.execute(update(Ticket.__table__).where(Ticket.__table__.c.id == ticket_id)
                         .values(**values))

    def ids(self, q: QueueQuery, actor=None) -> list[uuid.UUID]:
        actor = actor or self.reader
        rows = self.queue.page(actor, q, limit=100)
        assert self.queue.count(actor, q) == len(rows)
        return [r.id for r in rows]


@pytest.fixture
def queue_desk(desk: Desk) -> Tickets:
    return Tickets(desk)


def check_built_in_views(t: Tickets) -> None:
    a, other = t.desk.agent, t.desk.other_agent
    open_mine = {t.mine, t.mine_breached, t.mine_waiting}
    assert set(t.ids(QueueQuery(view=View.MY_OPEN), a)) == open_mine
    assert set(t.ids(QueueQuery(view=View.MY_OPEN), other)) == {t.other}
    # Ali is in Front desk; log_call put his tickets in his only team.
    assert set(t.ids(QueueQuery(view=View.MY_TEAM), a)) == open_mine | {t.pool}
    assert set(t.ids(QueueQuery(view=View.MY_TEAM), t.desk.manager)) == set()  # no team
    assert t.ids(QueueQuery(view=View.UNASSIGNED), a) == [t.pool]
    # Breaching soon: due within 2 h or breached, running (not paused) clocks only.
    assert set(t.ids(QueueQuery(view=View.BREACHING_SOON), a)) == {t.mine, t.mine_breached}
    assert t.ids(QueueQuery(view=View.WAITING_ON_CUSTOMER), a) == [t.mine_waiting]
    # Another team's ticket is not in an agent's queue; the supervisor of both sees it.
    assert set(t.ids(QueueQuery(view=View.ALL_OPEN), a)) == open_mine | {t.pool}
    assert set(t.ids(QueueQuery(view=View.ALL_OPEN), other)) == {t.other}  # pool of Front desk
    assert set(t.ids(QueueQuery(view=View.ALL_OPEN))) == open_mine | {t.other, t.pool}
    assert t.ids(QueueQuery(view=View.RECENTLY_RESOLVED), a) == [t.resolved]
    # Default order of "breaching soon": the nearest due time first.
    assert t.ids(QueueQuery(view=View.BREACHING_SOON), a) == [t.mine_breached, t.mine]


def check_search(t: Tickets) -> None:
    everything = QueueQuery(view=View.CUSTOM)
    # Persian word from an interaction, typed with the Arabic yeh (ي) and kaf.
    assert t.ids(QueueQuery(view=View.CUSTOM, search="مشتري")) == [t.other]
    assert t.ids(QueueQuery(view=View.CUSTOM, search="بازپرداخت")) == [t.other]
    # A customer's phone in any spelling, a prefix of it, the email, a name.
    assert t.ids(QueueQuery(view=View.CUSTOM, search="+98 935 444 5566")) == [t.other]
    assert t.ids(QueueQuery(view=View.CUSTOM, search="۰۹۳۵۴۴۴۵۵۶۶")) == [t.other]
    assert t.ids(QueueQuery(view=View.CUSTOM, search="0935444")) == [t.other]
    assert set(t.ids(QueueQuery(view=View.CUSTOM, search="zahra@example.com"))) == (
        set(t.ids(everything)) - {t.other}
    )
    assert len(t.ids(QueueQuery(view=View.CUSTOM, search="كريمي"))) == 6  # Arabic kaf/yeh
    # Number, subject words (all words must match), and nothing.
    mine = t.desk.services.tickets.get(t.desk.agent, t.mine).ticket.reference
    assert t.ids(QueueQuery(view=View.CUSTOM, search=mine)) == [t.mine]
    assert t.ids(QueueQuery(view=View.CUSTOM, search="router BROK")) == [t.mine]
    assert t.ids(QueueQuery(view=View.CUSTOM, search="router invoice")) == []
    # Search combines with the view.
    assert t.ids(QueueQuery(view=View.RECENTLY_RESOLVED, search="router")) == []
    # Punctuation only: no condition, the whole view.
    assert len(t.ids(QueueQuery(view=View.CUSTOM, search='"*) (')) ) == 7


def check_filters(t: Tickets) -> None:
    def q(**kw) -> QueueQuery:
        return QueueQuery(view=View.CUSTOM, filter=QueueFilter(**kw))

    assert t.ids(q(priorities=(Priority.URGENT,))) == [t.other]
    assert t.ids(q(channels=(Channel.EMAIL,))) == [t.mine_waiting]
    assert set(t.ids(q(segments=(Segment.VIP,)))) == set(t.ids(q())) - {t.other}
    assert t.ids(q(assignee_ids=(UNASSIGNED,))) == [t.pool]
    assert set(t.ids(q(assignee_ids=(t.desk.other_agent.user_id, UNASSIGNED)))) == {
        t.other, t.pool}
    assert t.ids(q(text="invoice")) == [t.other]


def check_sorting_and_pages(t: Tickets) -> None:
    agent = t.reader
    queue = t.queue
    everything = QueueQuery(view=View.CUSTOM)
    for sort in Sort:
        for descending in (False, True):
            q = everything.sorted_by(sort, descending)
            full = queue.page(agent, q, limit=100)
            keys = [r.key for r in full]
            assert keys == sorted(keys, reverse=descending), (sort, descending)
            if sort is Sort.CUSTOMER:  # the indexed copy of the name is kept right
                assert [r.key[0] for r in full] == [r.customer_name for r in full]
            # Walking forwards two at a time, backwards from the end, and by position
            # (from either end) all give the same order.
            walked, after = [], None
            while True:
                rows = queue.page(agent, q, after=after, limit=2)
                if not rows:
                    break
                walked += rows
                after = rows[-1].key
            assert [r.id for r in walked] == [r.id for r in full]
            back, before = [], None
            while True:
                rows = queue.page_before(agent, q, before=before, limit=3)
                if not rows:
                    break
                back = rows + back
                before = rows[0].key
            assert [r.id for r in back] == [r.id for r in full]
            total = len(full)
            for offset in range(total):
                got = queue.rows_at(agent, q, offset, 2, total=total)
                assert [r.id for r in got] == [r.id for r in full[offset:offset + 2]]
            assert queue.position_of(agent, q, full[-1].id) == total - 1
    by_subject = [r.subject for r in queue.page(agent, everything.sorted_by(Sort.SUBJECT, False))]
    assert by_subject == sorted(by_subject)
    by_priority = queue.page(agent, everything.sorted_by(Sort.PRIORITY, True))
    assert by_priority[0].priority is Priority.URGENT


def check_sla_stages(t: Tickets) -> None:
    rows = {r.id: r for r in t.queue.page(t.reader, QueueQuery(view=View.CUSTOM))}
    # 7 h of 8 h gone, but no warning stage raised by the scanner: the queue does not
    # guess a share of its own (services.sla_state), it reads the raised stages.
    assert rows[t.mine].sla(NOW).state is ClockState.RUNNING
    breached = rows[t.mine_breached].sla(NOW)
    assert breached.state is ClockState.BREACHED and breached.overdue > timedelta(0)
    paused = rows[t.mine_waiting].sla(NOW)
    assert paused.state is ClockState.PAUSED and paused.left == timedelta(minutes=80)
    assert rows[t.other].sla(NOW).state is ClockState.RUNNING
    assert rows[t.pool].sla(NOW).state is ClockState.NONE
    assert rows[t.resolved].sla(NOW).state in (ClockState.NONE, ClockState.MET)


def test_built_in_views(queue_desk):
    check_built_in_views(queue_desk)


def test_search(queue_desk):
    check_search(queue_desk)


def test_filters(queue_desk):
    check_filters(queue_desk)


def test_sorting_and_pages(queue_desk):
    check_sorting_and_pages(queue_desk)


def test_sla_stages(queue_desk):
    check_sla_stages(queue_desk)


def test_scanner_warning_marks_the_row_warned(queue_desk):
    t = queue_desk
    with t.desk.services.uow() as uow:
        uow.session.add(SlaStageEvent(ticket_id=t.other, clock="resolution",
                                      stage="warning_75", due_at=NOW))
        uow.commit()
    (row,) = t.queue.page(t.reader, QueueQuery(view=View.CUSTOM, search="invoice"))
    reading = row.sla(NOW)
    assert row.sla_raised == 75 and reading.state is ClockState.WARNING and reading.stage == 75


def test_search_document_follows_edits(queue_desk):
    t = queue_desk
    s = t.desk.services
    agent = t.desk.agent
    find: Callable[[str], list] = lambda text: t.ids(QueueQuery(view=View.CUSTOM, search=text))  # noqa: E731
    detail = s.tickets.get(agent, t.mine)
    s.tickets.update(agent, t.mine, detail.ticket.version, subject="Fibre outage")
    assert find("fibre") == [t.mine]
    assert find("router") == [t.mine]  # still in the first interaction's text
    # A customer's new phone and name reach every ticket of the customer.
    customer = detail.customer
    s.customers.update(agent, customer.id, customer.version,
                       CustomerChanges(name="Zahra K", phones=["0911 000 0000"]))
    assert len(find("09110000000")) == 6
    assert find("0912 111 2233") == []
    assert len(find("zahra")) == 6
    by_customer = t.queue.page(t.reader, QueueQuery(view=View.CUSTOM, sort=Sort.CUSTOMER))
    assert [r.customer_name for r in by_customer] == ["Hamid Moradi"] + ["Zahra K"] * 6
    assert {r.key[0] for r in by_customer} == {"Hamid Moradi", "Zahra K"}


def test_saved_views(queue_desk):
    t = queue_desk
    q = t.queue
    agent, other = t.desk.agent, t.desk.other_agent
    f = QueueFilter(priorities=(Priority.HIGH, Priority.URGENT), segments=(Segment.VIP,),
                    assignee_ids=(UNASSIGNED, agent.user_id), text="router")
    saved = q.save_view(agent, "  Hot VIP  ", f)
    assert saved.name == "Hot VIP" and saved.filter == f
    assert [v.name for v in q.saved_views(agent)] == ["Hot VIP"]
    assert q.saved_views(other) == []
    assert t.ids(QueueQuery(view=View.CUSTOM, filter=saved.filter)) == [t.mine]
    # Saving under the same name overwrites.
    again = q.save_view(agent, "Hot VIP", QueueFilter(channels=(Channel.EMAIL,)))
    assert again.id == saved.id and q.saved_views(agent)[0].filter.channels == (Channel.EMAIL,)
    with pytest.raises(NotFound):
        q.delete_view(other, saved.id)  # not theirs
    q.delete_view(agent, saved.id)
    assert q.saved_views(agent) == []
    with pytest.raises(NotFound):
        q.delete_view(agent, saved.id)
    revived = q.save_view(agent, "Hot VIP", f)
    assert revived.id == saved.id and q.saved_views(agent)[0].filter == f
    with pytest.raises(ValidationFailed):
        q.save_view(agent, "", f)
    with pytest.raises(ValidationFailed):
        q.save_view(agent, "Nothing", QueueFilter())
    # Criteria from a newer version with unknown values are read without failing.
    assert QueueFilter.from_criteria({"statuses": ["open", "teleported"], "team_ids": ["x"]}) == (
        QueueFilter(statuses=(Status.OPEN,))
    )


def test_permissions_and_bad_pages(services: Services, desk: Desk, monkeypatch):
    q = services.queue
    assert q.count(desk.admin, QueueQuery()) == 0  # administrators may view customers
    monkeypatch.setitem(permissions.ROLE_PERMISSIONS, Role.ADMIN, frozenset())
    with pytest.raises(PermissionDenied):
        q.count(desk.admin, QueueQuery())
    with pytest.raises(PermissionDenied):
        q.page(desk.admin, QueueQuery())
    with pytest.raises(ValidationFailed):
        q.page(desk.agent, QueueQuery(), limit=100_000)
    with pytest.raises(ValidationFailed):
        q.rows_at(desk.agent, QueueQuery(), -1)


def test_words_are_normalised_the_same_way_for_documents_and_queries():
    # A ZWNJ compound: joined (as a query without ZWNJ types it) and its parts.
    assert words("كتاب‌هاي Ali_Reza HQ-000123") == [
        "کتابهای", "کتاب", "های", "ali", "reza", "hq", "000123"
    ]
    assert query_words("+98 (912) 345-6789") == ["09123456789"]
    assert query_words("12") == ["12"]  # too short for a phone: a word
    doc = ticket_document(reference="HQ-000123", number=123, subject="S", phones=["09121112233"])
    assert doc.split() == ["hq", "000123", "123", "s", "09121112233", "9121112233"]


def test_number_sorts_as_a_number_past_a_million(queue_desk):
    t = queue_desk
    t._set(t.pool, number=1_000_000, reference="HQ-1000000")
    t._set(t.other, number=200_000, reference="HQ-200000")
    rows = t.queue.page(t.reader, QueueQuery(view=View.CUSTOM, sort=Sort.NUMBER))
    assert [r.reference for r in rows[-2:]] == ["HQ-200000", "HQ-1000000"]


def test_a_row_says_it_was_escalated_to_the_viewer(queue_desk):
    t = queue_desk
    s = t.desk.services
    detail = s.tickets.get(t.desk.agent, t.mine)
    s.escalations.escalate_hierarchical(
        t.desk.agent, t.mine, detail.ticket.version, reason="beyond_authority",
        note="Refund above my limit.", to_user_id=t.desk.supervisor.user_id,
    )

    def flags(actor) -> dict:
        return {r.id: r.escalated_to_me
                for r in t.queue.page(actor, QueueQuery(view=View.CUSTOM), limit=100)}

    supervisor_view = flags(t.desk.supervisor)
    assert supervisor_view[t.mine] is True
    assert not any(v for k, v in supervisor_view.items() if k != t.mine)
    assert not any(flags(t.desk.agent).values())
    (row,) = [r for r in t.queue.page(t.desk.supervisor, QueueQuery(view=View.CUSTOM))
              if r.id == t.mine]
    assert row.escalation_level == 1
