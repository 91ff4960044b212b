"""The body of test_freedesktop.py's real-protocol test. Collected only when named
explicitly, and run by that test inside ``dbus-run-session``: the session bus here is
private, with nothing on it but a fake notification server and a ``dbus-monitor``."""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection

from deskapp.models import utcnow
from deskapp.models.enums import NotificationKind
from deskapp.services.notifications import NotificationInfo
from deskapp.ui.notifications.freedesktop import FreedesktopNotifier

SERVER = Path(__file__).resolve().parents[2] / "helpers" / "fake_notification_server.py"


def _info(urgency: str, ticket: uuid.UUID | None) -> NotificationInfo:
    return NotificationInfo(
        id=uuid.uuid4(),
        kind=NotificationKind.SLA_WARNING,
        stage="90",
        title="HQ-000042: 90% of the resolution time used",
        body="Printer <jammed> & smoking",
        urgency=urgency,
        ticket_id=ticket,
        ticket_reference="HQ-000042",
        created_at=utcnow(),
        read_at=None,
    )


def _wait_line(proc: subprocess.Popen, expected: str, seconds: float = 20) -> None:
    ready, _, _ = select.select([proc.stdout], [], [], seconds)
    line = proc.stdout.readline().strip() if ready else "(nothing)"
    assert line == expected, f"fake server said {line!r}"


@pytest.fixture
def bus_tools(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    assert os.environ.get("DBUS_SESSION_BUS_ADDRESS"), "run me inside dbus-run-session"
    monitor_log = tmp_path / "monitor.txt"
    records = tmp_path / "notify.jsonl"
    with open(monitor_log, "w") as out:
        monitor = subprocess.Popen(
            ["dbus-monitor", "--session", "interface='org.freedesktop.Notifications'"],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    yield monitor_log, records
    monitor.terminate()
    monitor.wait(10)


def test_notify_and_click_round_trip(qtbot, bus_tools):
    monitor_log, records = bus_tools
    qtbot.waitUntil(lambda: monitor_log.stat().st_size > 0, timeout=20_000)

    # Nothing owns the name and nothing can start it yet: the notifier says so.
    absent = FreedesktopNotifier()
    assert absent.available() is False
    assert absent.notify(_info("normal", uuid.uuid4())) is False
    absent.close()

    server = subprocess.Popen(
        [sys.executable, str(SERVER), str(records)],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        _wait_line(server, "ready")
        notifier = FreedesktopNotifier(app_name="deskapp")
        assert notifier.available() is True

        ticket = uuid.uuid4()
        assert notifier.notify(_info("critical", ticket)) is True
        assert notifier.notify(_info("low", None)) is True
        qtbot.waitUntil(lambda: records.exists() and len(records.read_text().splitlines()) == 2)
        first, second = (json.loads(line) for line in records.read_text().splitlines())

        assert first["app_name"] == "deskapp"
        assert first["summary"] == "HQ-000042: 90% of the resolution time used"
        assert first["body"] == "Printer <jammed> & smoking"  # no body-markup: not escaped
        assert first["hints"]["urgency"] == 2
        assert first["actions"][0] == "default"
        assert second["hints"]["urgency"] == 0
        assert second["actions"] == []  # nothing to open

        # On the wire the urgency is a BYTE, as the specification says (dunst and
        # xfce4-notifyd ignore any other type).
        qtbot.waitUntil(lambda: len(re.findall(r"member=Notify\b", monitor_log.read_text())) == 2)
        wire = monitor_log.read_text()
        assert re.search(r'string "urgency"\s+variant\s+byte 2', wire), wire
        assert re.search(r'string "urgency"\s+variant\s+byte 0', wire), wire

        # The user clicks the first popup: ActionInvoked comes back, the ticket opens.
        control = open_dbus_connection(bus="SESSION")
        try:
            click = new_method_call(
                DBusAddress("/test", bus_name="org.freedesktop.Notifications",
                            interface="org.deskapp.FakeNotifications"),
                "Click", "us", (first["id"], "default"),
            )
            with qtbot.waitSignal(notifier.activated, timeout=20_000) as blocker:
                control.send_and_get_reply(click, timeout=10)
        finally:
            control.close()
        assert blocker.args == [ticket]
        notifier.close()
    finally:
        server.terminate()
        server.wait(10)
