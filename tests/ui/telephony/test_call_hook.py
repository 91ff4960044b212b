"""The generic phone hook: `deskapp call ...` run by another process reaches the
running workstation of the same user."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from deskapp.services.telephony.events import CallPhase, EndedBy
from deskapp.ui.telephony.call_hook import CallHookServer


def _deskapp(*args: str, name: str) -> subprocess.CompletedProcess:
    env = os.environ | {"DESKAPP_CALL_HOOK_NAME": name}
    return subprocess.run([sys.executable, "-m", "deskapp.cli", "call", *args], env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def hook_name() -> str:
    return f"deskapp-test-{uuid.uuid4().hex[:8]}"


def test_ring_answered_ended_from_another_process(qtbot, hook_name: str) -> None:
    server = CallHookServer(hook_name)
    assert server.listen()
    try:
        events = []
        server.call_event_received.connect(events.append)
        for args in (["ring", "+98 912 123 4567", "--name", "Zahra", "--call-id", "pbx-1"],
                     ["answered", "--call-id", "pbx-1"],
                     ["ended", "--call-id", "pbx-1", "--by", "caller"]):
            process = subprocess.Popen(
                [sys.executable, "-m", "deskapp.cli", "call", *args],
                env=os.environ | {"DESKAPP_CALL_HOOK_NAME": hook_name},
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            qtbot.waitUntil(lambda p=process: p.poll() is not None, timeout=30_000)
            assert process.returncode == 0, process.stderr.read()
        assert [e.phase for e in events] == [CallPhase.RINGING, CallPhase.ANSWERED,
                                             CallPhase.ENDED]
        assert {e.call_id for e in events} == {"pbx-1"}
        assert (events[0].number, events[0].display_name) == ("09121234567", "Zahra")
        assert events[2].ended_by is EndedBy.CALLER
    finally:
        server.close()


def test_no_running_workstation_is_a_clear_error(hook_name: str) -> None:
    result = _deskapp("ring", "0912", name=hook_name)
    assert result.returncode == 1
    assert "no deskapp workstation is running" in result.stderr


def test_a_second_workstation_does_not_take_the_hook_over(qtbot, hook_name: str) -> None:
    first, second = CallHookServer(hook_name), CallHookServer(hook_name)
    assert first.listen()
    try:
        assert not second.listen()
    finally:
        first.close()
