"""The bell tells the truth on login: what is already warned or breached among my
tickets (supervisors: my teams') is put into the notification centre once, at login
and again after a reconnect (deskapp.services.sla_at_risk; deduplicated there, so
neither adds a second copy)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from deskapp.services.permissions import Actor
from deskapp.services.sla_at_risk import notify_at_risk
from deskapp.ui.notifications.centre import NotificationCentre
from deskapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class AtRiskCatchUp(QObject):
    finished = Signal(int)  # notifications added

    def __init__(
        self,
        services: Any,
        actor: Actor,
        runner: TaskRunner,
        centre: NotificationCentre,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._centre = centre

    @Slot()
    def run(self) -> None:
        uow, actor = self._services.uow, self._actor
        self._runner.submit(
            lambda: notify_at_risk(uow, actor),
            on_done=self._on_done,
            on_error=self._on_failed,
            key=f"sla-at-risk-{id(self)}",
            owner=self,
        )

    def _on_done(self, added: int) -> None:
        if added:
            self._centre.refresh()
        self.finished.emit(added)

    def _on_failed(self, exc: BaseException) -> None:
        # The database may be away: the next reconnect runs it again.
        log.warning("could not gather the SLA clocks at risk: %s", exc)
        self.finished.emit(0)
