"""FreedesktopNotifier against a real D-Bus daemon: the real protocol, not a mock.

The body (private_bus_freedesktop.py) runs in a subprocess under ``dbus-run-session``,
so it gets a private session bus whatever desktop (or none) the tests run on. The bus
uses tests/helpers/private_session_bus.conf, which has no service directories: a
notification daemon installed on the machine (dunst...) is never activated on it, so
the test's fake server is the only one there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BODY = Path(__file__).with_name("private_bus_freedesktop.py")
ROOT = Path(__file__).resolve().parents[3]
BUS_CONFIG = ROOT / "tests" / "helpers" / "private_session_bus.conf"


def test_notification_reaches_a_fake_server_on_a_private_session_bus():
    missing = [tool for tool in ("dbus-run-session", "dbus-daemon", "dbus-monitor")
               if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"{', '.join(missing)} not found: install the Debian package `dbus` "
            "(apt-get install dbus) to run the freedesktop notification test"
        )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DBUS_")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = subprocess.run(
        ["dbus-run-session", f"--config-file={BUS_CONFIG}", "--", sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(BODY)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "1 passed" in output, output
