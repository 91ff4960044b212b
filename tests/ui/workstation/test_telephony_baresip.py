"""The whole call with two real baresip softphones on loopback: the customer's phone
rings the agent's softphone that the workstation controls."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskapp.services.telephony.events import CallPhase
from deskapp.ui.telephony.controller import CallController
from deskapp.ui.telephony.softphone_link import SoftphoneLink
from tests.helpers.baresip import BARESIP, SKIP_REASON, softphones

pytestmark = pytest.mark.skipif(BARESIP is None, reason=SKIP_REASON)


def test_ring_answer_hang_up_and_call_back(qtbot, window, floor, tmp_path: Path) -> None:
    # The customer's phone: its account's user part is Parisa's number.
    with softphones(tmp_path, ("agent", ""), ("09123456789", "Parisa")) as phones:
        agent, customer = phones
        link = SoftphoneLink("127.0.0.1", agent.ctrl_port, window)
        controller = CallController(window, link=link,
                                    dial_pattern=f"sip:{{number}}@127.0.0.1:{customer.sip_port}")
        window.set_telephony(controller)
        window.show()
        with qtbot.waitSignal(link.connection_changed, timeout=15_000):
            link.start()
        try:
            # ring -> the caller's history on screen
            with qtbot.waitSignal(window.history.history_loaded, timeout=15_000) as popped:
                customer.command("dial", agent.address)
            assert popped.args[0].customer.id == floor.first.customer.id
            assert controller.bar.buttons["answer"].isVisible()

            # answer from the workstation -> Log a call for Parisa with the call's times
            with qtbot.waitSignal(controller.call_changed, timeout=15_000,
                                  check_params_cb=lambda c: c.answered_at is not None):
                controller.bar.buttons["answer"].click()
            qtbot.waitUntil(lambda: controller.log_dialog is not None, timeout=10_000)
            dialog = controller.log_dialog
            qtbot.waitUntil(lambda: dialog.customer is not None, timeout=10_000)
            assert dialog.customer.id == floor.first.customer.id
            dialog.subject.setText("Router lights red again")
            with qtbot.waitSignal(dialog.ticket_logged, timeout=10_000) as logged:
                dialog.ok_button.click()

            # the customer hangs up -> the call's length is recorded on the logged call
            with qtbot.waitSignal(controller.call_changed, timeout=15_000,
                                  check_params_cb=lambda c: c.ended_at is not None) as ended:
                customer.command("hangup")
            call = ended.args[0]
            assert call.ended_by == "caller" and call.duration is not None
            assert call.ticket_id == logged.args[0].ticket.id

            # click to call: Ctrl+D on the open ticket's customer rings the customer's phone
            window.open_ticket(logged.args[0].ticket.id)
            qtbot.waitUntil(lambda: window.ticket_view.detail is not None, timeout=10_000)
            with qtbot.waitSignal(controller.call_changed, timeout=15_000,
                                  check_params_cb=lambda c: not c.incoming):
                window.actions_by_name["callCustomerAction"].trigger()
            outgoing = controller.current
            assert outgoing.number == "09123456789"
            assert outgoing.customer_id == floor.first.customer.id
            with qtbot.waitSignal(link.call_event_received, timeout=15_000,
                                  check_params_cb=lambda e: e.phase is CallPhase.ENDED):
                link.hangup()
        finally:
            link.stop()
