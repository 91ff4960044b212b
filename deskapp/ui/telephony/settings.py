"""Telephony settings of this workstation (QSettings, not per user: the softphone runs
on this computer). ``DESKAPP_SOFTPHONE=HOST:PORT`` switches the softphone link on for a
run without touching the settings (kiosks, tests, trying it out)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QSettings

GROUP = "telephony"


@dataclass
class TelephonySettings:
    softphone_enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 4444
    # How a number becomes what the softphone dials: "{number}" lets the softphone's
    # account add its domain; "sip:{number}@pbx.example" names the PBX.
    dial_pattern: str = "{number}"
    hook_enabled: bool = True

    @classmethod
    def load(cls, settings: QSettings | None = None) -> TelephonySettings:
        s = settings or QSettings()
        s.beginGroup(GROUP)
        try:
            loaded = cls(
                softphone_enabled=bool(s.value("softphone_enabled", False, type=bool)),
                host=str(s.value("host", "127.0.0.1", type=str)) or "127.0.0.1",
                port=int(s.value("port", 4444, type=int)),
                dial_pattern=str(s.value("dial_pattern", "{number}", type=str)) or "{number}",
                hook_enabled=bool(s.value("hook_enabled", True, type=bool)),
            )
        finally:
            s.endGroup()
        override = os.environ.get("DESKAPP_SOFTPHONE", "").strip()
        if override:
            host, _, port = override.rpartition(":")
            if port.isdigit():
                loaded.softphone_enabled = True
                loaded.host, loaded.port = host or "127.0.0.1", int(port)
        return loaded

    def save(self, settings: QSettings | None = None) -> None:
        s = settings or QSettings()
        s.beginGroup(GROUP)
        s.setValue("softphone_enabled", self.softphone_enabled)
        s.setValue("host", self.host)
        s.setValue("port", self.port)
        s.setValue("dial_pattern", self.dial_pattern)
        s.setValue("hook_enabled", self.hook_enabled)
        s.endGroup()
        s.sync()
