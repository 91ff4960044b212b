"""The SLA bridge: results emitted on a plain Python thread arrive on the GUI thread;
the controller turns new stored notifications into popups and centre rows, picks up
what another workstation stored (the poll), and stops on quit."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Slot

from deskapp.models.enums import NotificationKind
from deskapp.services.notifications import NotificationInfo
from deskapp.ui.notifications.centre import NotificationCentre
from deskapp.ui.notifications.notifier import Notifier
from deskapp.ui.notifications.sla_bridge import MAX_POPUPS, SlaBridge, SlaNotificationController
from deskapp.ui.tasks import TaskRunner
from tests.helpers.notifications import log_ticket, store


@dataclass(frozen=True)
class _Raised:
    """What the scanner's RaisedStage offers the bridge."""

    notified_ids: tuple[uuid.UUID, ...]


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.threads: list[int] = []

    @Slot(object)
    def on_raised(self, raised: object) -> None:
        self.threads.append(threading.get_ident())


class _Popup(Notifier):
    def __init__(self, works: bool = True) -> None:
        super().__init__()
        self.works = works
        self.shown: list[NotificationInfo] = []
        self.closed = False

    def available(self) -> bool:
        return self.works

    def notify(self, info: NotificationInfo) -> bool:
        if self.works:
            self.shown.append(info)
        return self.works

    def close(self) -> None:
        self.closed = True


class _Scheduler:
    """Stands in for the APScheduler wrapper: keeps the callback, runs it on a thread."""

    def __init__(self, on_raised) -> None:
        self.on_raised = on_raised
        self.started = self.stopped = False

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.stopped = True

    def tick_on_a_thread(self, raised) -> None:
        worker = threading.Thread(target=self.on_raised, args=(raised,))
        worker.start()
        worker.join()


def test_bridge_signal_from_a_python_thread_arrives_on_the_gui_thread(qtbot):
    bridge = SlaBridge()
    receiver = _Receiver()
    bridge.stages_raised.connect(receiver.on_raised)
    payload = [_Raised(())]
    worker = threading.Thread(target=bridge.publish, args=(payload,))
    with qtbot.waitSignal(bridge.stages_raised) as blocker:
        worker.start()
        worker.join()
    assert blocker.args == [payload]
    qtbot.waitUntil(lambda: bool(receiver.threads))
    assert receiver.threads == [threading.get_ident()]
    assert worker.ident != threading.get_ident()


@pytest.fixture
def rig(qtbot, desk):
    runner = TaskRunner()
    centre = NotificationCentre(desk.services, desk.agent, runner)
    qtbot.addWidget(centre.bell)
    popup, broken = _Popup(), _Popup(works=False)
    schedulers: list[_Scheduler] = []

    def factory(on_raised):
        schedulers.append(_Scheduler(on_raised))
        return schedulers[-1]

    controller = SlaNotificationController(
        desk.services, desk.agent, runner, centre, [broken, popup],
        scheduler_factory=factory, poll_msecs=3_600_000,
    )
    yield controller, centre, popup, schedulers
    controller.stop()
    runner.wait()


def test_a_scan_raising_for_this_agent_pops_up_and_fills_the_centre(qtbot, desk, rig):
    controller, centre, popup, schedulers = rig
    ticket = log_ticket(desk)
    with qtbot.waitSignal(centre.refreshed):
        controller.start()
    assert schedulers[0].started

    store(desk, desk.agent, "HQ-000001: 75% of the first response time", ticket_id=ticket)
    store(desk, desk.other_agent, "not for this agent", ticket_id=ticket)
    with qtbot.waitSignal(controller.notifications_arrived) as blocker:
        schedulers[0].tick_on_a_thread([_Raised((desk.agent.user_id,))])

    assert [i.title for i in blocker.args[0]] == ["HQ-000001: 75% of the first response time"]
    assert [i.title for i in popup.shown] == ["HQ-000001: 75% of the first response time"]
    assert centre.model.rowCount() == 1
    qtbot.waitUntil(lambda: centre.unread == 1)

    # A click on the popup opens the ticket through the centre.
    with qtbot.waitSignal(centre.ticket_requested) as opened:
        popup.activated.emit(ticket)
    assert opened.args == [ticket]


def test_a_scan_for_others_does_not_query(qtbot, desk, rig, monkeypatch):
    controller, _, _, schedulers = rig
    controller.start()
    fetches: list[int] = []
    monkeypatch.setattr(controller, "fetch_new", lambda: fetches.append(1))
    with qtbot.waitSignal(controller.bridge.stages_raised):
        schedulers[0].tick_on_a_thread([_Raised((desk.other_agent.user_id,))])
    assert fetches == []
    with qtbot.waitSignal(controller.bridge.stages_raised):
        schedulers[0].tick_on_a_thread([_Raised((desk.other_agent.user_id, desk.agent.user_id))])
    assert fetches == [1]


def test_the_poll_brings_what_another_workstation_stored_once(qtbot, desk, rig):
    controller, centre, popup, _ = rig
    with qtbot.waitSignal(centre.refreshed):
        controller.start()
    store(desk, desk.agent, "escalated to you elsewhere", kind=NotificationKind.ESCALATION)
    with qtbot.waitSignal(controller.notifications_arrived):
        controller._poll.timeout.emit()
    for _ in range(2):  # polling again finds nothing new
        controller.fetch_new()
        qtbot.waitUntil(lambda: controller._runner.idle)
    assert [i.title for i in popup.shown] == ["escalated to you elsewhere"]
    assert centre.model.rowCount() == 1


def test_a_burst_shows_a_few_popups_and_a_summary(qtbot, desk, rig):
    controller, centre, popup, _ = rig
    controller.start()
    for n in range(6):
        store(desk, desk.agent, f"warning {n}", urgency="critical" if n == 4 else "normal")
    with qtbot.waitSignal(controller.notifications_arrived):
        controller.fetch_new()
    assert len(popup.shown) == MAX_POPUPS
    assert popup.shown[0].title == "warning 4"  # the critical one first
    assert popup.shown[-1].ticket_id is None and "4" in popup.shown[-1].title
    qtbot.waitUntil(lambda: centre.model.rowCount() == 6)


def test_quitting_stops_the_scheduler(qtbot, desk, rig):
    controller, _, popup, schedulers = rig
    controller.start()
    with qtbot.waitSignal(controller.stopped):
        QCoreApplication.instance().aboutToQuit.emit()
    assert schedulers[0].stopped and popup.closed
    assert not controller.running
    controller.stop()  # again: harmless


def test_the_real_scheduler_thread_reaches_the_agent(qtbot, sqlite_url):
    """APScheduler's worker thread scans the database, the bridge carries the result to
    the GUI thread, the controller fetches the stored notification and pops it up."""
    from deskapp.services.sla_scheduler import SlaScheduler
    from tests.helpers.sla import log_ticket as log_sla_ticket
    from tests.helpers.sla import make_sla_desk

    sd = make_sla_desk(sqlite_url)
    ticket = log_sla_ticket(sd, priority="urgent")  # first response within 30 minutes
    sd.clock.set(minutes=25)  # past 75 %
    runner = TaskRunner()
    agent = sd.desk.agent
    centre = NotificationCentre(sd.services, agent, runner)
    qtbot.addWidget(centre.bell)
    popup = _Popup()
    schedulers: list[SlaScheduler] = []

    def factory(on_raised):
        schedulers.append(SlaScheduler(sd.services.sla_scanner.scan, on_raised,
                                       interval_seconds=3600, clock=sd.clock))
        return schedulers[-1]

    controller = SlaNotificationController(sd.services, agent, runner, centre, [popup],
                                           scheduler_factory=factory, poll_msecs=3_600_000)
    try:
        with qtbot.waitSignal(controller.notifications_arrived, timeout=20_000) as arrived:
            controller.start()  # the first scan runs at once, on the scheduler's thread
        titles = [info.title for info in arrived.args[0]]
        assert titles == [f"{ticket.ticket.reference}: 75% of the first response time used"]
        assert [info.ticket_id for info in popup.shown] == [ticket.ticket.id]
        assert schedulers[0].running
    finally:
        controller.stop()
        runner.wait()
        sd.services.dispose()
    assert not schedulers[0].running
