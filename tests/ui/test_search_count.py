"""A search matching more than COUNT_CAP tickets shows its first page with "more than
COUNT_CAP" and the exact count when it arrives (issue 16, point 1)."""

from __future__ import annotations

import pytest

from deskapp.services.customers import NewCustomer
from deskapp.services.queue import QueueQuery, View
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
