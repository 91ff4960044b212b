"""The screen-pop and the call's life in the workstation, driven by a stand-in event
source (the real softphone is tested in tests/ui/telephony)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from deskapp.models import utcnow
from deskapp.models.enums import Presence
from deskapp.services.customers import NewCustomer
from deskapp.services.telephony.events import CallEvent, CallPhase, EndedBy
from deskapp.ui.telephony.controller import CallController


class StandInLink(QObject):
    """What the controller needs of a softphone link."""

    call_event_received = Signal(object)
    command_failed = Signal(str, str)
    connection_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.connected = True
        self.dialled: list[str] = []

    def dial(self, address: str) -> bool:
        self.dialled.append(address)
        return True

    def accept(self) -> bool:
        return True

    def hangup(self) -> bool:
        return True

    def stop(self) -> None:
        self.connected = False


@pytest.fixture
def phone(window):
    link = StandInLink()
    controller = CallController(window, link=link, dial_pattern="sip:{number}@pbx")
    window.set_telephony(controller)
    window.show()
    window.activateWindow()
    return controller


def _ring(controller: CallController, qtbot, number: str, call_id: str = "c1",
          phase: CallPhase = CallPhase.RINGING, **kw) -> object:
    with qtbot.waitSignal(controller.call_changed, timeout=10_000) as blocker:
        controller.handle(CallEvent(phase=phase, call_id=call_id, source="baresip",
                                    raw_number=f"sip:{number}@pbx", **kw))
    return blocker.args[0]


def test_a_known_caller_is_on_screen_as_it_rings(qtbot, window, floor, phone) -> None:
    with qtbot.waitSignal(window.history.history_loaded, timeout=10_000):
        call = _ring(phone, qtbot, "+989123456789")
    assert call.customer_name == "Parisa Kamali"
    assert window.history.customer_id == floor.first.customer.id
    assert phone.bar.isVisible() and "Parisa Kamali" in phone.bar.text.text()
    assert "regulator" in phone.bar.warning.text()  # the warning note, at a glance


def test_ringing_while_typing_never_takes_the_focus(qtbot, window, floor, phone) -> None:
    form = QDialog(window)
    field = QLineEdit(form)
    QVBoxLayout(form).addWidget(field)
    form.open()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is form)
    field.setFocus()
    field.setText("half a sentence")
    shown_before = window.history.customer_id
    with qtbot.waitSignal(phone.screen_popped, timeout=10_000):
        phone.handle(CallEvent(CallPhase.RINGING, "busy", raw_number="09123456789"))
    assert QApplication.focusWidget() is field and field.text() == "half a sentence"
    assert window.history.customer_id == shown_before  # nothing swapped under the agent
    assert phone.bar.buttons["show"].isVisibleTo(phone.bar)  # one click away
    form.close()


def test_several_customers_share_the_number(qtbot, window, floor, phone) -> None:
    floor.desk.services.customers.create(
        floor.desk.agent, NewCustomer("Kamran Kamali", phones=["+98 912 345 6789"]))
    _ring(phone, qtbot, "09123456789", "shared")
    dialog = phone.choice_dialog
    assert dialog is not None and dialog.isVisible() and dialog.list.count() == 2
    dialog.list.setCurrentRow(0)  # ordered by name: Kamran, Parisa
    chosen = [dialog.chosen().name]
    dialog.accept()
    qtbot.waitUntil(lambda: window.history.customer_id is not None
                    and window.history.history is not None
                    and window.history.history.customer.name == chosen[0], timeout=10_000)
    assert chosen == ["Kamran Kamali"]
    qtbot.waitUntil(lambda: phone.current.customer_name == "Kamran Kamali",  # the call log
                    timeout=10_000)


def test_an_unknown_caller_opens_log_a_call_with_the_number(qtbot, window, phone) -> None:
    _ring(phone, qtbot, "09350001111", "unknown")
    dialog = phone.log_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.new_group.isChecked(), timeout=10_000)
    assert dialog.new_phones.text() == "09350001111"
    assert "09350001111" in dialog.call_label.text()


def test_answer_log_and_hang_up_record_the_call_once(qtbot, window, floor, phone) -> None:
    t0 = utcnow()
    with qtbot.waitSignal(window.history.history_loaded, timeout=10_000):
        _ring(phone, qtbot, "09123456789", "full", at=t0)
    _ring(phone, qtbot, "09123456789", "full", CallPhase.ANSWERED, at=t0 + timedelta(seconds=6))
    dialog = phone.log_dialog
    assert dialog is not None and dialog.call_record.answered_at is not None
    presence = floor.desk.services.presence
    assert presence.current(floor.desk.agent).presence is Presence.ON_CALL
    qtbot.waitUntil(lambda: dialog.customer is not None, timeout=10_000)
    assert dialog.customer.name == "Parisa Kamali"
    dialog.subject.setText("Router again")
    with qtbot.waitSignal(dialog.ticket_logged, timeout=10_000) as logged:
        dialog.ok_button.click()
    ended = _ring(phone, qtbot, "09123456789", "full", CallPhase.ENDED,
                  at=t0 + timedelta(seconds=6 + 187), ended_by=EndedBy.CALLER)
    assert ended.duration == timedelta(seconds=187)
    assert presence.current(floor.desk.agent).presence is Presence.AVAILABLE
    assert ended.ticket_id == logged.args[0].ticket.id
    assert not ended.missed


def test_a_missed_call_is_listed_with_call_back(qtbot, window, floor, phone) -> None:
    with qtbot.waitSignal(phone.missed_count_changed, timeout=10_000) as counted:
        _ring(phone, qtbot, "09123456789", "gone")
        phone.handle(CallEvent(CallPhase.ENDED, "gone", raw_number="sip:09123456789@pbx",
                               ended_by=EndedBy.MISSED, source="baresip"))
    assert counted.args[0] == 1 and phone.missed_button.isVisible()
    dialog = phone.show_missed_calls()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=10_000)
    with qtbot.waitSignal(dialog.changed, timeout=10_000,
                          check_params_cb=lambda n: n == 0):
        dialog.call_back.click()
    assert phone.link.dialled == ["sip:09123456789@pbx"]


def test_click_to_call_and_ctrl_d(qtbot, window, floor, phone) -> None:
    window.open_ticket(floor.other.ticket.id)
    qtbot.waitUntil(lambda: window.ticket_view.detail is not None, timeout=10_000)
    window.actions_by_name["callCustomerAction"].trigger()
    assert phone.link.dialled == ["sip:02188776655@pbx"]
    qtbot.waitUntil(lambda: window.history.history is not None, timeout=10_000)
    window.history.phones.linkActivated.emit("tel:02188776655")
    assert phone.link.dialled[-1] == "sip:02188776655@pbx"


def test_a_softphone_restart_mid_call_loses_nothing(qtbot, window, floor, phone) -> None:
    _ring(phone, qtbot, "09123456789", "restart")
    _ring(phone, qtbot, "09123456789", "restart", CallPhase.ANSWERED)
    phone.link.connected = False  # the softphone restarts: the bar offers no controls
    phone.link.connection_changed.emit(False)
    ended = _ring(phone, qtbot, "09123456789", "restart", CallPhase.ENDED)
    assert ended.answered_at is not None and not ended.missed
    assert not phone.bar.buttons["hangup"].isVisibleTo(phone.bar)
    assert not phone.dial("0912") or phone.link.connected  # refused while down


def test_the_presence_switch_shows_on_a_call_at_once(qtbot, window, floor) -> None:
    composed = window.parts.telephony  # wired by compose_window to the status-bar switch
    switch = window.desk_admin.presence
    for phase in (CallPhase.RINGING, CallPhase.ANSWERED):
        with qtbot.waitSignal(composed.call_changed, timeout=10_000):
            composed.handle(CallEvent(phase, "switch", raw_number="sip:09123456789@pbx"))
    qtbot.waitUntil(lambda: switch.presence is Presence.ON_CALL, timeout=10_000)
    with qtbot.waitSignal(composed.call_changed, timeout=10_000):
        composed.handle(CallEvent(CallPhase.ENDED, "switch", raw_number="sip:09123456789@pbx"))
    qtbot.waitUntil(lambda: switch.presence is Presence.AVAILABLE, timeout=10_000)
