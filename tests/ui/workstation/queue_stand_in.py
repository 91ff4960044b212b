"""A tiny stand-in for deskapp.ui.queue.panel.QueuePanel, used only while the real queue
panel is not in the tree. Same constructor, signals and methods; lists nothing."""

from __future__ import annotations

import sys
import types
import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget


class StandInQueuePanel(QWidget):
    ticket_selected = Signal(object)
    ticket_activated = Signal(object)
    count_changed = Signal(int)
    load_failed = Signal(str)

    def __init__(self, services, actor, runner, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self.search = QLineEdit(self)
        self.search.setObjectName("queueSearch")
        QVBoxLayout(self).addWidget(self.search)
        self.calls: list[str] = []
        self.ticket_ids: list[uuid.UUID] = []

    def refresh(self) -> None:
        self.calls.append("refresh")
        self.count_changed.emit(len(self.ticket_ids))

    def select_next(self) -> None:
        self.calls.append("select_next")

    def select_previous(self) -> None:
        self.calls.append("select_previous")

    def focus_search(self) -> None:
        self.calls.append("focus_search")
        self.search.setFocus()

    def current_ticket_id(self):
        return None

    def show_view(self, view_id) -> None:
        self.calls.append(f"show_view:{view_id}")

    def filter_by_assignee(self, user_id) -> None:
        self.calls.append("filter_by_assignee")


def install_if_missing() -> bool:
    """Register the stand-in when the real module does not exist yet."""
    try:
        import deskapp.ui.queue.panel  # noqa: F401
    except ModuleNotFoundError:
        module = types.ModuleType("deskapp.ui.queue.panel")
        module.QueuePanel = StandInQueuePanel  # type: ignore[attr-defined]
        sys.modules["deskapp.ui.queue.panel"] = module
        return True
    return False
