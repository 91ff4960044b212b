"""Wiring of the Reports tab into the workstation window (compose_window calls it)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from deskapp.ui.reports.view import ReportsView, may_see_reports

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


def install_reports(window: MainWindow) -> ReportsView | None:
    """A Reports tab for supervisors, managers and administrators (nothing for agents);
    a click on a bar or cell shows its tickets in the queue, on the workstation tab."""
    if not may_see_reports(window.actor):
        return None
    view = ReportsView(window.services, window.actor, window.runner)
    window.add_view_tab(view, QCoreApplication.translate("ReportsView", "Reports"))

    def show(ids: Sequence[uuid.UUID], title: str) -> None:
        window.queue.show_tickets(ids, title)
        window.tabs.setCurrentIndex(0)

    view.tickets_requested.connect(show)
    return view
