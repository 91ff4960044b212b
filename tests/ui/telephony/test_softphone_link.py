"""The softphone link against a real baresip: a customer's phone rings the agent's
softphone, which deskapp controls over ctrl_tcp (loopback only, no sound card)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskapp.services.telephony.events import CallPhase, EndedBy
from deskapp.ui.telephony.softphone_link import SoftphoneLink
from tests.helpers.baresip import BARESIP, SKIP_REASON, softphones

pytestmark = pytest.mark.skipif(BARESIP is None, reason=SKIP_REASON)


def _wait_for(qtbot, link: SoftphoneLink, phase: CallPhase, timeout: int = 20_000):
    seen = []

    def arrived(event) -> bool:
        seen.append(event)
        return event.phase is phase

    with qtbot.waitSignal(link.call_event_received, timeout=timeout,
                          check_params_cb=arrived):
        pass
    return seen[-1]


def test_ring_answer_hang_up_and_click_to_call(qtbot, tmp_path: Path) -> None:
    with softphones(tmp_path, ("agent", ""), ("09121234567", "Zahra Kazemi")) as phones:
        agent, customer = phones
        link = SoftphoneLink("127.0.0.1", agent.ctrl_port)
        with qtbot.waitSignal(link.connection_changed, timeout=15_000):
            link.start()
        try:
            customer.command("dial", agent.address)
            ring = _wait_for(qtbot, link, CallPhase.RINGING)
            assert ring.incoming and ring.number == "09121234567"
            assert ring.display_name == "Zahra Kazemi"

            link.accept()
            answered = _wait_for(qtbot, link, CallPhase.ANSWERED)
            assert answered.call_id == ring.call_id

            customer.command("hangup")
            ended = _wait_for(qtbot, link, CallPhase.ENDED)
            assert (ended.call_id, ended.ended_by) == (ring.call_id, EndedBy.CALLER)

            # Click to call: deskapp dials, the customer's phone rings; the agent hangs up.
            link.dial(customer.address)
            dialling = _wait_for(qtbot, link, CallPhase.DIALLING)
            assert not dialling.incoming and dialling.number == "09121234567"
            link.hangup()
            ended = _wait_for(qtbot, link, CallPhase.ENDED)
            assert ended.ended_by is EndedBy.AGENT and not ended.incoming
        finally:
            link.stop()


def test_a_call_nobody_answers_is_missed(qtbot, tmp_path: Path) -> None:
    with softphones(tmp_path, ("agent", ""), ("09350001122", "")) as phones:
        agent, customer = phones
        link = SoftphoneLink("127.0.0.1", agent.ctrl_port)
        with qtbot.waitSignal(link.connection_changed, timeout=15_000):
            link.start()
        try:
            customer.command("dial", agent.address)
            _wait_for(qtbot, link, CallPhase.RINGING)
            customer.command("hangup")  # gave up before the agent picked up
            ended = _wait_for(qtbot, link, CallPhase.ENDED)
            assert ended.ended_by is EndedBy.MISSED
        finally:
            link.stop()


def test_the_link_reconnects_when_the_softphone_restarts(qtbot, tmp_path: Path) -> None:
    from tests.helpers.baresip import start_softphone

    phone = start_softphone(tmp_path / "a", "agent")
    link = SoftphoneLink("127.0.0.1", phone.ctrl_port)
    try:
        with qtbot.waitSignal(link.connection_changed, timeout=15_000):
            link.start()
        with qtbot.waitSignal(link.connection_changed, timeout=15_000,
                              check_params_cb=lambda up: not up):
            phone.stop()
        assert not link.connected
        assert not link.dial("sip:x@127.0.0.1")  # refused while down, said so
        # The same softphone comes back on the same port.
        import subprocess

        phone.process = subprocess.Popen(
            [phone.process.args[0], "-f", str(phone.folder)], cwd=phone.folder,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        with qtbot.waitSignal(link.connection_changed, timeout=15_000,
                              check_params_cb=lambda up: up):
            pass
        assert link.connected
    finally:
        link.stop()
        phone.stop()
