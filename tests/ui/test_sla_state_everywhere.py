"""One SLA state everywhere (issue 9, point 1): a policy whose first warning stage is
50 %, a paused clock that is already breached, and an overdue clock read the same in
the queue, the ticket header, the customer history, the supervisor view and the
notifications; overdue reads "overdue ...", never a negative time left; breached is
red everywhere.

Before: the queue said "warning" at the scanner's 50 % while header and supervisor
counts said on track (their own 75 %), the header showed "paused (-1h 0m left)" and
the queue "Paused (0m left)", and a breached clock was grey in the history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from deskapp.models import utcnow
from deskapp.models.enums import Status
from deskapp.services.customers import NewCustomer
from deskapp.services.sla_state import ClockState
from deskapp.ui.customer.history_model import SLA_COLUMN
from deskapp.ui.notifications.centre_model import NotificationListModel
from deskapp.ui.queue.model import Column
from deskapp.ui.sla_display import RED, STATE_COLOURS
from tests.helpers.sla import log_ticket, make_sla_desk

M = timedelta(minutes=1)
H = timedelta(hours=1)


def _customer(name: str, phone: str, segment: str = "standard") -> NewCustomer:
    return NewCustomer(name, phones=[phone], email=f"{phone}@example.com", segment=segment)


@pytest.fixture
def floor(sqlite_url):
    """Three tickets of Ali's, read at the real 'now' (the UI's clock):
    - overdue: logged 25 h 31 m ago, never answered: first response (4 h) overdue 21 h 31 m;
    - paused: answered, then put to wait on the customer 1 h after its resolution
      target (24 h) had passed: paused, and already breached by 1 h;
    - vip: logged 31 min ago on the VIP policy (first response 60 min, stages 50/75/90):
      the scanner raised its 50 % stage."""
    sd = make_sla_desk(sqlite_url)
    s, ali = sd.services, sd.desk.agent
    now = utcnow()
    t0 = now - 25 * H - 31 * M
    sd.clock.now = t0
    overdue = log_ticket(sd, subject="Router keeps rebooting",
                         new_customer=_customer("Omid Jafari", "02188776655")).ticket
    paused = log_ticket(sd, subject="Refund not received",
                        new_customer=_customer("Leila Moradi", "02144556677")).ticket
    sd.clock.now = t0 + M
    s.tickets.add_interaction(ali, paused.id, "email", "We are looking into it.")
    sd.clock.now = t0 + 25 * H
    version = s.tickets.get(ali, paused.id).ticket.version
    s.tickets.change_status(ali, paused.id, version, Status.PENDING_CUSTOMER)
    vip = log_ticket(sd, subject="Line down at the branch",
                     new_customer=_customer("Dr. Vahid Vakili", "02122334455", "vip")).ticket
    sd.clock.now = now
    raised = s.sla_scanner.scan(now)
    assert {(r.reference, r.stage) for r in raised} >= {
        (vip.reference, "warning_50"), (overdue.reference, "breach")}
    s.dispose()
    return sqlite_url, overdue, paused, vip


def _workstation(qtbot, url, username):
    from deskapp.app import build_workstation

    win = build_workstation(url, username)
    qtbot.addWidget(win)
    return win


def _colour(value) -> str:
    return QColor(value).name() if not isinstance(value, QColor) else value.name()


def test_the_queue_header_and_history_agree(qtbot, floor):
    url, overdue, paused, vip = floor
    win = _workstation(qtbot, url, "ali")
    model = win.queue.model
    qtbot.waitUntil(lambda: model.rowCount() == 3 and all(
        model.row_at(r) is not None for r in range(3)), timeout=10_000)
    queue = {}
    for r in range(3):
        index = model.index(r, Column.SLA)
        queue[model.ticket_id(r)] = (index.data(), _colour(index.data(Qt.ItemDataRole.ForegroundRole)))
    assert queue[vip.id][0].endswith("left") and queue[vip.id][1] == STATE_COLOURS[ClockState.WARNING]
    assert queue[overdue.id][0].startswith("overdue 21h") and queue[overdue.id][1] == RED
    assert queue[paused.id][0] == "paused, overdue 1h 00m" and queue[paused.id][1] == RED
    assert not any("-" in text for text, _ in queue.values())

    header = win.ticket_view.header
    for ticket, clock, state, words in (
        (vip, header.first_response, ClockState.WARNING, "First response: "),
        (overdue, header.first_response, ClockState.BREACHED, "First response: overdue 21h"),
        (paused, header.resolution, ClockState.PAUSED_BREACHED,
         "Resolution: paused, overdue 1h 00m"),
    ):
        win.open_ticket(ticket.id)
        qtbot.waitUntil(lambda t=ticket: win.ticket_view.detail is not None
                        and win.ticket_view.detail.ticket.id == t.id, timeout=10_000)
        assert clock.state is state and clock.text().startswith(words)
        if state.breached:
            assert RED in clock.styleSheet()
        else:  # the policy's own first stage, 50 %
            assert clock.reading.stage == 50 and "Warning (50%)" in clock.toolTip()
        # The customer history shows the same state, in the same colour.
        history = win.history.tickets_model
        qtbot.waitUntil(lambda t=ticket, h=history: h.rowCount() == 1
                        and h.ticket(0).id == t.id, timeout=10_000)
        assert history.sla(0).state is state
        cell = history.index(0, SLA_COLUMN)
        assert _colour(cell.data(Qt.ItemDataRole.ForegroundRole).color()) == STATE_COLOURS[state]
    win.runner.wait(10_000)


def test_the_supervisor_counts_and_list_and_the_notifications_agree(qtbot, floor):
    url, overdue, paused, vip = floor
    win = _workstation(qtbot, url, "maryam")
    view = win.parts.escalations.supervisor_view
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    qtbot.waitUntil(lambda: view.tickets.rowCount() >= 3, timeout=10_000)
    ali = view.agents.agent_at(view.agents.row_of(_ali_id(view)))
    # The 50 % stage counts as a warning; the paused-and-breached clock as breached.
    assert (ali.open_count, ali.warning_count, ali.breached_count) == (3, 1, 2)
    rows = {view.tickets.ticket_at(r).id: r for r in range(view.tickets.rowCount())}
    col = view.tickets.SLA_COLUMN
    for ticket, state in ((vip, ClockState.WARNING), (overdue, ClockState.BREACHED),
                          (paused, ClockState.PAUSED_BREACHED)):
        row = rows[ticket.id]
        assert view.tickets.sla(row).state is state
        assert _colour(view.tickets.index(row, col).data(Qt.ItemDataRole.ForegroundRole)) \
            == STATE_COLOURS[state]
    win.runner.wait(10_000)

    ali_win = _workstation(qtbot, url, "ali")
    centre = ali_win.parts.centre
    with qtbot.waitSignal(centre.refreshed, timeout=10_000):
        centre.refresh()
    model = centre.model
    seen = {}
    for r in range(model.rowCount()):
        info = model.data(model.index(r), NotificationListModel.InfoRole)
        seen[(info.ticket_id, info.code)] = (
            model.index(r).data(), model.index(r).data(Qt.ItemDataRole.DecorationRole).name())
    title, colour = seen[(overdue.id, "sla.breach")]
    assert title == f"{overdue.reference}: first response overdue" and colour == RED
    title, colour = seen[(vip.id, "sla.warning")]
    assert title == f"{vip.reference}: 50% of the first response time used"
    assert colour == STATE_COLOURS[ClockState.WARNING]
    ali_win.runner.wait(10_000)


def _ali_id(view):
    for r in range(view.agents.rowCount()):
        a = view.agents.agent_at(r)
        if a.display_name == "Ali Rezaei":
            return a.user_id
    raise AssertionError("Ali is not in the supervisor's view")

