"""A search matching more than COUNT_CAP tickets shows its first page with "more than
COUNT_CAP" and the exact count when it arrives (issue 16, point 1)."""

from __future__ import annotations

import pytest

from deskapp.services.customers import NewCustomer
from deskapp.services.queue import COUNT_CAP, QueueQuery, Sort, View
from deskapp.services.tickets import NewCall
from deskapp.ui.queue import model as model_module
from deskapp.ui.queue.model import PLACEHOLDER, Column, QueueModel
from deskapp.ui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.wait()


def test_capped_count_first_then_the_exact_one(qtbot, desk, runner, monkeypatch):
    t = desk.services.tickets
    first = t.log_call(desk.agent, NewCall(subject="Question 0", new_customer=NewCustomer(
        name="Customer Zahra", phones=["0912 111 2233"])))
    for i in range(1, 25):
        t.log_call(desk.agent, NewCall(subject=f"Question {i}", customer_id=first.customer.id))
    monkeypatch.setattr(model_module, "COUNT_CAP", 10)
    model = QueueModel(desk.services, desk.agent, runner, page_size=10)
    counts: list[tuple[int, bool]] = []
    model.count_changed.connect(lambda n: counts.append((n, model.count_exact)))
    model.set_query(QueueQuery(view=View.CUSTOM, search="question"))
    qtbot.waitUntil(lambda: len(counts) == 2 and model.idle and runner.idle, timeout=10_000)
    assert counts == [(11, False), (25, True)]  # "more than 10", then 25
    assert model.rowCount() == 25
    assert model.index(0, Column.NUMBER).data() != PLACEHOLDER
    # A search matching fewer is counted exactly at once.
    counts.clear()
    model.set_query(QueueQuery(view=View.CUSTOM, search="question 7"))
    qtbot.waitUntil(lambda: bool(counts) and model.idle and runner.idle, timeout=10_000)
    assert counts == [(counts[0][0], True)] and model.count_exact


@pytest.fixture
def questions(desk):
    t = desk.services.tickets
    first = t.log_call(desk.agent, NewCall(subject="Question 0", new_customer=NewCustomer(
        name="Customer Zahra", phones=["0912 111 2233"])))
    for i in range(1, 25):
        t.log_call(desk.agent, NewCall(subject=f"Question {i}", customer_id=first.customer.id))
    return desk


class _CountGate:
    """Wraps QueueService.count: records the caps asked for and holds back the counts
    whose cap is in ``hold`` until opened (worker threads wait; the GUI never does)."""

    def __init__(self, queue, monkeypatch, hold=(COUNT_CAP, None)):
        import threading

        self.caps: list[int | None] = []
        self.open = threading.Event()
        real = queue.count

        def count(actor, q, cap=None):
            self.caps.append(cap)
            if cap in hold:
                assert self.open.wait(10)
            return real(actor, q, cap=cap)

        monkeypatch.setattr(queue, "count", count)


def test_the_first_page_is_shown_before_any_count(qtbot, qtmodeltester, questions, runner,
                                                  monkeypatch):
    gate = _CountGate(questions.services.queue, monkeypatch)
    model = QueueModel(questions.services, questions.agent, runner, page_size=10)
    qtmodeltester.check(model)  # and keeps checking the reset and the rows inserted
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    try:
        model.set_query(QueueQuery(view=View.CUSTOM, search="question"))
        qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
        # On screen: the first page, while the count is still held back.
        assert model.counting and not model.count_exact and counts == []
        assert model.rowCount() == 10
        assert PLACEHOLDER not in [model.index(r, Column.NUMBER).data() for r in range(10)]
    finally:
        gate.open.set()
    qtbot.waitUntil(lambda: model.idle and runner.idle, timeout=10_000)
    assert counts == [25] and model.count_exact and model.rowCount() == 25
    assert gate.caps == [COUNT_CAP]


def test_a_first_page_holding_the_whole_view_is_not_counted(qtbot, questions, runner,
                                                            monkeypatch):
    gate = _CountGate(questions.services.queue, monkeypatch, hold=())
    model = QueueModel(questions.services, questions.agent, runner, page_size=100)
    with qtbot.waitSignal(model.count_changed, timeout=10_000) as counted:
        model.set_query(QueueQuery(view=View.CUSTOM, search="question"))
    assert counted.args == [25] and model.count_exact and model.idle
    assert gate.caps == []  # 25 rows on a page of 100: the page is the count


def test_refresh_counts_capped_then_exact(qtbot, questions, runner, monkeypatch):
    monkeypatch.setattr(model_module, "COUNT_CAP", 10)
    model = QueueModel(questions.services, questions.agent, runner, page_size=5)
    model.set_query(QueueQuery(view=View.CUSTOM, search="question"))
    qtbot.waitUntil(lambda: model.idle and runner.idle and model.count_exact, timeout=10_000)
    gate = _CountGate(questions.services.queue, monkeypatch, hold=())
    with qtbot.assertNotEmitted(model.modelReset):
        model.refresh()
        qtbot.waitUntil(lambda: model.idle and runner.idle and model.count_exact,
                        timeout=10_000)
    assert gate.caps == [10, None] and model.rowCount() == 25


def test_rows_past_a_capped_count_are_read_from_the_start(qtbot, questions, runner,
                                                          monkeypatch):
    """With "more than 10" the view's end is not known: row 10 is read forwards, not
    backwards from an end taken to be the 11th row."""
    monkeypatch.setattr(model_module, "COUNT_CAP", 10)
    q = QueueQuery(view=View.CUSTOM, search="question", sort=Sort.NUMBER)
    expected = [r.reference for r in questions.services.queue.page(questions.agent, q)]
    gate = _CountGate(questions.services.queue, monkeypatch, hold=(None,))
    model = QueueModel(questions.services, questions.agent, runner, page_size=5)
    try:
        model.set_query(q)
        qtbot.waitUntil(lambda: model.rowCount() == 11 and not model.count_exact,
                        timeout=10_000)
        model.index(10, 0).data()
        qtbot.waitUntil(lambda: model.row_at(10) is not None, timeout=10_000)
        assert model.row_at(10).reference == expected[10]
    finally:
        gate.open.set()
    qtbot.waitUntil(lambda: model.idle and runner.idle and model.count_exact, timeout=10_000)
    assert model.rowCount() == 25
