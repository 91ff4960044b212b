"""The workstation's branch sync: the status bar, Sync now (and the scheduled runs), and
the conflict inbox resolving each kind of conflict through the real ConflictService."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow
from sqlalchemy.orm import Session

from deskapp.models import Ticket
from deskapp.models.enums import Status
from deskapp.models.sync import ChangeLogEntry, SyncConflict, SyncState
from deskapp.services.customers import NewCustomer
from deskapp.services.facade import build_services
from deskapp.services.sync import values
from deskapp.services.sync.branch import branch_status, conflict_views
from deskapp.services.sync.conflicts import ConflictService
from deskapp.services.sync.sync_job import FAILED, SYNCED, UNREACHABLE, SyncOutcome
from deskapp.services.tickets import NewCall
from deskapp.ui.dialogs.conflict_inbox_dialog import ConflictInboxDialog
from deskapp.ui.sync.controller import BranchSyncController
from deskapp.ui.sync.status import SyncStatusWidget
from deskapp.ui.sync.wiring import install_branch_sync
from deskapp.ui.tasks import TaskRunner
from tests.helpers.databases import copy_sqlite
from tests.helpers.staff import Desk

LAST_SYNC_AGO = timedelta(minutes=7)  # taken when the fixture runs, not at import


@dataclass
class Branch:
    desk: Desk
    ticket_id: uuid.UUID
    reference: str
    conflicts: dict[str, uuid.UUID]  # kind -> conflict id


def _conflict(session: Session, kind: str, ticket_id: uuid.UUID, column: str, kept: Any,
              other: Any, local_by, remote_by) -> uuid.UUID:
    c = SyncConflict(
        table_name="tickets", row_id=str(ticket_id), column_name=column, kind=kind,
        ticket_id=ticket_id,
        local_value=values.dumps(kept), local_by_id=local_by, local_site="HQ",
        local_at=datetime.now(UTC) - timedelta(hours=2),
        remote_value=values.dumps(other), remote_by_id=remote_by, remote_site="TBZ",
        remote_at=datetime.now(UTC) - timedelta(hours=3), version=1,
    )
    session.add(c)
    session.flush()
    return c.id


@pytest.fixture
def branch(desk: Desk) -> Branch:
    detail = desk.services.tickets.log_call(desk.agent, NewCall(
        subject="Router keeps rebooting",
        new_customer=NewCustomer("Parisa Kamali", phones=["0912 345 6789"])))
    tid = detail.ticket.id
    a, b = desk.agent.user_id, desk.other_agent.user_id
    with Session(desk.services.engine) as s, s.begin():
        s.add(SyncState(site_code="TBZ", central_profile="hq",
                        central_url_hint="postgres@hq/desk", last_sync_at=datetime.now(UTC) - LAST_SYNC_AGO))
        conflicts = {
            "field": _conflict(s, "field", tid, "subject", "Router keeps rebooting",
                               "Modem reboots at night", a, b),
            "assignee": _conflict(s, "assignee", tid, "assignee_id", a, b, a, b),
            "status": _conflict(s, "status", tid, "status", "closed", "open", a, b),
            "reply_on_closed": _conflict(s, "reply_on_closed", tid, "status", "closed",
                                         "reply", a, b),
        }
        for n in range(3):
            s.add(ChangeLogEntry(table_name="tickets", row_id=tid.hex, op="u",
                                 new_values="{}", old_values="{}",
                                 hlc=f"{n:013d}-00000-TBZ", origin_site="TBZ"))
    return Branch(desk, tid, detail.ticket.reference, conflicts)


def _ticket(branch: Branch) -> Ticket:
    with Session(branch.desk.services.engine) as s:
        return s.get(Ticket, branch.ticket_id)


def _status_of(branch: Branch, conflict_id: uuid.UUID) -> tuple[str, str | None]:
    with Session(branch.desk.services.engine) as s:
        c = s.get(SyncConflict, conflict_id)
        return c.status, c.resolution


# -- the status bar -------------------------------------------------------------------


def test_status_widget_shows_last_sync_waiting_changes_and_conflicts(qtbot, branch) -> None:
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    status = branch_status(branch.desk.services.engine)
    assert status is not None
    assert (status.pending_changes, status.open_conflicts) == (3, 4)
    widget.show_status(status)
    assert "TBZ" in widget.last_label.text()
    assert "7 min ago" in widget.last_label.text()
    assert widget.pending_label.text() == "3 changes waiting"
    assert "4 conflicts" in widget.conflicts_label.text()
    with qtbot.waitSignal(widget.conflicts_requested):
        widget.conflicts_label.linkActivated.emit("inbox")
    with qtbot.waitSignal(widget.sync_requested):
        widget.sync_button.click()
    widget.show_outcome(SyncOutcome(UNREACHABLE, message="timeout"))
    assert "unreachable" in widget.last_label.toolTip()
    assert widget.last_label.text().endswith("· offline")
    widget.show_outcome(SyncOutcome(SYNCED))
    assert "offline" not in widget.last_label.text()


def test_not_a_branch_has_no_status(services) -> None:
    assert branch_status(services.engine) is None


class FakeJob:
    def __init__(self, outcome: SyncOutcome) -> None:
        self.outcome = outcome
        self.calls = 0

    def run(self, progress=None) -> SyncOutcome:
        self.calls += 1
        if progress is not None:
            progress("push", 1, 2)
            progress("pull", 2, 2)
        return self.outcome


class FakeScheduler:
    def __init__(self, run, on_done) -> None:
        self.run, self.on_done = run, on_done
        self.started = self.stopped = False

    def start(self):
        self.started = True
        return self

    def stop(self, wait: bool = True) -> None:
        self.stopped = True

    def fire(self) -> None:  # what APScheduler's thread does each turn
        self.on_done(self.run())


@dataclass
class _Report:
    pushed: int
    pulled: int
    conflicts: int
    seconds: float


def test_sync_now_runs_in_the_background_and_refreshes_the_status(qtbot, branch) -> None:
    engine = branch.desk.services.engine
    runner = TaskRunner()
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    job = FakeJob(SyncOutcome(SYNCED, report=_Report(3, 5, 4, 0.1),
                              finished_at=datetime.now(UTC)))
    made: list[FakeScheduler] = []
    controller = BranchSyncController(
        runner, job.run, lambda: branch_status(engine), widget=widget,
        scheduler_factory=lambda run, done: made.append(FakeScheduler(run, done)) or made[-1],
    )
    with qtbot.waitSignal(controller.status_changed):
        controller.start()
    assert made and made[0].started
    with (qtbot.waitSignal(controller.sync_finished) as finished,
          qtbot.waitSignal(controller.data_changed)):
        widget.sync_button.click()
        assert not widget.sync_button.isEnabled()  # no second run meanwhile
    assert finished.args[0].kind == SYNCED
    assert job.calls == 1
    qtbot.waitUntil(lambda: widget.sync_button.isEnabled())
    # A scheduled run (on the scheduler's thread in real life) reports the same way.
    job.outcome = SyncOutcome(FAILED, message="clock is 9 min off the centre's")
    with qtbot.waitSignal(controller.sync_finished):
        made[0].fire()
    assert job.calls == 2
    assert "clock is 9 min off" in widget.last_label.toolTip()
    controller.stop()
    assert made[0].stopped
    runner.wait()


class _Window(QMainWindow):
    """What install_branch_sync needs of the main window."""

    def __init__(self, services, actor, runner) -> None:
        super().__init__()
        self.services, self.actor, self.runner = services, actor, runner
        self.refreshed = 0

    def add_status_widget(self, widget, permanent: bool = True) -> None:
        self.statusBar().addPermanentWidget(widget)

    def refresh_all(self) -> None:
        self.refreshed += 1


def test_wiring_adds_status_menu_and_scheduler_on_a_branch_only(
    qtbot, branch, sqlite_template, tmp_path
) -> None:
    runner = TaskRunner()
    window = _Window(branch.desk.services, branch.desk.agent, runner)
    qtbot.addWidget(window)
    job = FakeJob(SyncOutcome(SYNCED, report=_Report(0, 2, 4, 0.1)))
    made: list[FakeScheduler] = []
    wiring = install_branch_sync(
        window, job_factory=lambda _status: job,
        scheduler=lambda run, done: made.append(FakeScheduler(run, done)) or made[-1])
    with qtbot.waitSignal(wiring.installed):
        pass
    assert window.statusBar().findChild(SyncStatusWidget, "syncStatus") is wiring.widget
    assert [a.text() for a in wiring.menu.actions()] == ["Sync now", "Conflict inbox…"]
    assert made[0].started
    with qtbot.waitSignal(wiring.controller.sync_finished):
        wiring.sync_action.trigger()
    qtbot.waitUntil(lambda: window.refreshed == 1)
    dialog = wiring.open_inbox()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4)
    dialog.close()
    runner.wait()

    services = build_services(copy_sqlite(sqlite_template, tmp_path))  # not a branch
    plain = _Window(services, branch.desk.agent, TaskRunner())
    qtbot.addWidget(plain)
    other = install_branch_sync(plain, job_factory=lambda _s: job)
    plain.runner.wait()
    qtbot.wait(50)
    assert other.controller is None
    assert plain.statusBar().findChild(SyncStatusWidget) is None
    services.dispose()


# -- the conflict inbox ---------------------------------------------------------------


@pytest.fixture
def inbox(qtbot, branch):
    engine = branch.desk.services.engine
    service = ConflictService(engine)
    runner = TaskRunner()
    dialog = ConflictInboxDialog(
        runner,
        load=lambda: conflict_views(engine, service.list_open()),
        resolve=lambda cid, choice, value: service.resolve(cid, choice, value,
                                                           branch.desk.supervisor),
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4)
    yield dialog
    runner.wait()


def test_inbox_model_passes_the_model_tester(qtmodeltester, inbox) -> None:
    qtmodeltester.check(inbox.model)


def test_inbox_shows_both_sides_with_who_when_and_site(inbox, branch) -> None:
    inbox.select_conflict(branch.conflicts["assignee"])
    kept, other = inbox.kept_panel, inbox.other_panel
    assert kept.value.text() == "Ali Rezaei"
    assert other.value.text() == "Sara Ahmadi"
    assert (kept.site.text(), other.site.text()) == ("HQ", "TBZ")
    assert (kept.who.text(), other.who.text()) == ("Ali Rezaei", "Sara Ahmadi")
    assert kept.when.text() and kept.when.text() != "—"
    assert branch.reference in inbox.kind_label.text()
    assert "Assigned to different agents" in inbox.kind_label.text()
    index = inbox.model.index(inbox.model.row_of(branch.conflicts["status"]), 2)
    assert inbox.model.data(index).startswith("Closed")


def _resolve(qtbot, inbox, conflict_id, button) -> None:
    inbox.select_conflict(conflict_id)
    with qtbot.waitSignal(inbox.resolved) as sig, qtbot.waitSignal(inbox.loaded):
        button.click()
    assert sig.args[0] == conflict_id


def test_keep_this_closes_the_conflict_and_leaves_the_value(qtbot, inbox, branch) -> None:
    _resolve(qtbot, inbox, branch.conflicts["field"], inbox.keep_button)
    assert _status_of(branch, branch.conflicts["field"]) == ("resolved", "local")
    assert _ticket(branch).subject == "Router keeps rebooting"
    assert inbox.model.rowCount() == 3
    assert inbox.model.row_of(branch.conflicts["field"]) == -1


def test_take_that_writes_the_other_value(qtbot, inbox, branch) -> None:
    _resolve(qtbot, inbox, branch.conflicts["assignee"], inbox.take_button)
    assert _status_of(branch, branch.conflicts["assignee"]) == ("resolved", "remote")
    assert _ticket(branch).assignee_id == branch.desk.other_agent.user_id


def test_take_that_on_a_status_conflict_reopens(qtbot, inbox, branch) -> None:
    _resolve(qtbot, inbox, branch.conflicts["status"], inbox.take_button)
    assert _status_of(branch, branch.conflicts["status"]) == ("resolved", "remote")
    assert _ticket(branch).status is Status.OPEN


def test_a_reply_on_a_closed_ticket_can_reopen_it(qtbot, inbox, branch) -> None:
    inbox.select_conflict(branch.conflicts["reply_on_closed"])
    assert inbox.take_button.text() == "Reopen the ticket"
    assert not inbox.edit_button.isEnabled()
    _resolve(qtbot, inbox, branch.conflicts["reply_on_closed"], inbox.take_button)
    assert _status_of(branch, branch.conflicts["reply_on_closed"]) == ("resolved", "remote")
    assert _ticket(branch).status is Status.OPEN


def test_edit_writes_a_new_value(qtbot, inbox, branch) -> None:
    inbox.select_conflict(branch.conflicts["field"])
    assert inbox.edit_line.text() == "Router keeps rebooting"
    inbox.edit_line.setText("Router and modem reboot at night")
    _resolve(qtbot, inbox, branch.conflicts["field"], inbox.edit_button)
    assert _status_of(branch, branch.conflicts["field"]) == ("resolved", "edit")
    assert _ticket(branch).subject == "Router and modem reboot at night"


def test_edit_needs_a_value_and_a_settled_conflict_says_so(qtbot, inbox, branch) -> None:
    inbox.select_conflict(branch.conflicts["field"])
    inbox.edit_line.clear()
    inbox.edit_button.click()
    assert "Type the new value first" in inbox.message.text()
    # Someone else settled it meanwhile: the inbox says so instead of failing silently.
    ConflictService(branch.desk.services.engine).resolve(branch.conflicts["field"], "local")
    inbox.keep_button.click()
    qtbot.waitUntil(lambda: "already settled" in inbox.message.text()
                    or "settled" in inbox.message.text().lower())


def test_empty_inbox(qtbot, desk) -> None:
    runner = TaskRunner()
    dialog = ConflictInboxDialog(runner, load=lambda: [], resolve=lambda *a: None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        pass
    assert not dialog.empty_label.isHidden()
    assert not dialog.keep_button.isEnabled()
    runner.wait()





def test_a_status_is_edited_by_choice_and_a_person_is_not_typed(qtbot, inbox, branch) -> None:
    inbox.select_conflict(branch.conflicts["assignee"])
    assert not inbox.edit_button.isEnabled()
    inbox.select_conflict(branch.conflicts["status"])
    assert inbox.edit_choice.isVisibleTo(inbox) and not inbox.edit_line.isVisibleTo(inbox)
    assert inbox.edit_choice.currentData() == "closed"  # starts at the kept value
    inbox.edit_choice.setCurrentIndex(inbox.edit_choice.findData("pending_customer"))
    assert inbox.edit_choice.currentText() == "Waiting on customer"
    _resolve(qtbot, inbox, branch.conflicts["status"], inbox.edit_button)
    assert _status_of(branch, branch.conflicts["status"]) == ("resolved", "edit")
    assert _ticket(branch).status is Status.PENDING_CUSTOMER


def test_the_composed_workstation_on_a_branch_has_sync(qtbot, branch) -> None:
    from deskapp.app import build_workstation

    url = branch.desk.services.engine.url.render_as_string(hide_password=False)
    window = build_workstation(url, "ali", site_code="TBZ")
    qtbot.addWidget(window)
    wiring = window.parts.branch_sync
    qtbot.waitUntil(lambda: wiring.controller is not None)
    assert window.statusBar().findChild(SyncStatusWidget, "syncStatus") is not None
    assert wiring.menu.title() == "&Sync"
    window.runner.wait()
