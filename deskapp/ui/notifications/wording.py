"""Notifications in the reader's language: stored notifications carry a code and
parameters (services.notifications.notify); this words them with tr() and the
locale's digits and dates. A notification without a known code keeps its stored
(English) title and body.

``worded(info)`` is applied where notifications enter the UI (the centre's loads and
the poll that feeds desktop popups), so the centre, the tray and the freedesktop
popups all show the same words. SLA wording (state colours, clock names) comes from
ui.sla_display, the one table for SLA clocks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from deskapp.services.notifications import NotificationInfo
from deskapp.ui.formatting import formatter

_C = "NotificationWording"

CLOCK_NAMES: dict[str, str] = cast(dict[str, str], {
    "first_response": QT_TRANSLATE_NOOP("NotificationWording", "first response"),
    "resolution": QT_TRANSLATE_NOOP("NotificationWording", "resolution"),
})

# code -> (title, body); %1.. are filled by _fill below.
TEXTS: dict[str, tuple[str, str]] = cast(dict[str, tuple[str, str]], {
    "sla.warning": (
        QT_TRANSLATE_NOOP("NotificationWording", "%1: %2 of the %3 time used"),
        QT_TRANSLATE_NOOP("NotificationWording", "%1 — %2 due %3"),
    ),
    "sla.breach": (
        QT_TRANSLATE_NOOP("NotificationWording", "%1: %3 overdue"),
        QT_TRANSLATE_NOOP("NotificationWording", "%1 — %2 was due %3"),
    ),
    "escalation.to_you": (
        QT_TRANSLATE_NOOP("NotificationWording", "%1 escalated to you"),
        QT_TRANSLATE_NOOP("NotificationWording", "%1 — escalated by %2"),
    ),
    "escalation.returned": (
        QT_TRANSLATE_NOOP("NotificationWording", "%1 returned to tier %2"),
        QT_TRANSLATE_NOOP("NotificationWording", "%1 — returned by %2"),
    ),
    "notifications.more": (
        QT_TRANSLATE_NOOP("NotificationWording", "%1 more notifications"),
        QT_TRANSLATE_NOOP("NotificationWording", "Open the notification centre to see them all."),
    ),
})


def clock_name(clock: str) -> str:
    source = CLOCK_NAMES.get(clock)
    return QCoreApplication.translate(_C, source) if source else clock


def _when(value: Any) -> str:
    try:
        return formatter().datetime(datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _number(value: Any) -> str:
    try:
        return formatter().number(int(value))
    except (TypeError, ValueError):
        return str(value)


def _fill(code: str, template: str, p: dict[str, Any], is_title: bool) -> str:
    text = QCoreApplication.translate(_C, template)
    ref, subject = str(p.get("reference", "")), str(p.get("subject", ""))
    if code.startswith("sla."):
        clock = clock_name(str(p.get("clock", "")))
        if is_title:
            percent = formatter().percent(int(p.get("percent", 0)) / 100)
            return text.replace("%1", ref).replace("%2", percent).replace("%3", clock)
        return text.replace("%1", subject).replace("%2", clock).replace(
            "%3", _when(p.get("due_at", "")))
    if code == "escalation.to_you":
        return text.replace("%1", ref) if is_title else (
            text.replace("%1", subject).replace("%2", str(p.get("by", ""))))
    if code == "escalation.returned":
        return text.replace("%1", ref).replace("%2", _number(p.get("tier", ""))) if is_title \
            else text.replace("%1", subject).replace("%2", str(p.get("by", "")))
    if code == "notifications.more":
        return text.replace("%1", _number(p.get("count", 0)))
    return text


def title(info: NotificationInfo) -> str:
    texts = TEXTS.get(info.code)
    return _fill(info.code, texts[0], info.params, True) if texts else info.title


def body(info: NotificationInfo) -> str:
    texts = TEXTS.get(info.code)
    return _fill(info.code, texts[1], info.params, False) if texts else info.body


def worded(info: NotificationInfo) -> NotificationInfo:
    """``info`` with its title and body in the reader's language (when it has a code)."""
    if info.code not in TEXTS:
        return info
    return dataclasses.replace(info, title=title(info), body=body(info))


def worded_all(infos: Iterable[NotificationInfo]) -> list[NotificationInfo]:
    return [worded(i) for i in infos]
