"""Translated names for the domain's enums (the values stay English in the database)."""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from deskapp.models.enums import Channel, InteractionKind, Priority, Role, Segment, Status

_C = "Labels"
_LABELS: dict[enum.Enum, str] = {
    Status.NEW: QT_TRANSLATE_NOOP("Labels", "New"),
    Status.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
    Status.PENDING_CUSTOMER: QT_TRANSLATE_NOOP("Labels", "Waiting on customer"),
    Status.PENDING_THIRD_PARTY: QT_TRANSLATE_NOOP("Labels", "Waiting on third party"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("Labels", "Resolved"),
    Status.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    Priority.LOW: QT_TRANSLATE_NOOP("Labels", "Low"),
    Priority.NORMAL: QT_TRANSLATE_NOOP("Labels", "Normal"),
    Priority.HIGH: QT_TRANSLATE_NOOP("Labels", "High"),
    Priority.URGENT: QT_TRANSLATE_NOOP("Labels", "Urgent"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Labels", "Phone"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Labels", "Email"),
    Channel.CHAT: QT_TRANSLATE_NOOP("Labels", "Chat"),
    Channel.SOCIAL: QT_TRANSLATE_NOOP("Labels", "Social media"),
    Channel.WALK_IN: QT_TRANSLATE_NOOP("Labels", "Walk-in"),
    Channel.WEB: QT_TRANSLATE_NOOP("Labels", "Web form"),
    Segment.STANDARD: QT_TRANSLATE_NOOP("Labels", "Standard"),
    Segment.PRIORITY: QT_TRANSLATE_NOOP("Labels", "Priority"),
    Segment.VIP: QT_TRANSLATE_NOOP("Labels", "VIP"),
    Role.AGENT: QT_TRANSLATE_NOOP("Labels", "Agent"),
    Role.SPECIALIST: QT_TRANSLATE_NOOP("Labels", "Specialist"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Labels", "Manager"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Labels", "Administrator"),
    InteractionKind.CALL: QT_TRANSLATE_NOOP("Labels", "Call"),
    InteractionKind.EMAIL: QT_TRANSLATE_NOOP("Labels", "Email"),
    InteractionKind.CHAT: QT_TRANSLATE_NOOP("Labels", "Chat"),
    InteractionKind.SOCIAL: QT_TRANSLATE_NOOP("Labels", "Social media"),
    InteractionKind.WALK_IN: QT_TRANSLATE_NOOP("Labels", "Walk-in"),
    InteractionKind.WEB: QT_TRANSLATE_NOOP("Labels", "Web form"),
    InteractionKind.NOTE: QT_TRANSLATE_NOOP("Labels", "Note"),
    InteractionKind.INTERNAL_NOTE: QT_TRANSLATE_NOOP("Labels", "Internal note"),
}


def label(value: enum.Enum) -> str:
    """The translated name of an enum member; its value, prettified, when unknown."""
    text = _LABELS.get(value)
    if text is None:
        return str(value.value).replace("_", " ").capitalize()
    return QCoreApplication.translate(_C, text)
