"""From the SLA scheduler's thread to the agent's screen.

The scheduler (APScheduler, its own thread, Qt-free) calls ``SlaBridge.publish`` with
what one scan raised. ``publish`` only emits ONE signal; the bridge lives on the GUI
thread, so Qt queues the emission there. The controller then fetches, in the
background, this agent's notifications stored since it last looked, and hands the new
ones to the desktop notifiers and the in-app centre.

A scan on ANOTHER workstation (shared database) stores notifications for this agent
too; this workstation's scheduler never hears of them, so the controller also polls
``NotificationService.since`` on a modest timer. Both paths dedupe by id.

    controller = SlaNotificationController(services, actor, runner, centre,
                                           notifiers, scheduler_factory=...)
    controller.start()       # after login; stops itself on QApplication.aboutToQuit
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from deskapp.models import utcnow
from deskapp.services.facade import Services
from deskapp.services.notifications import NotificationInfo
from deskapp.services.permissions import Actor
from deskapp.ui.notifications.centre import NotificationCentre
from deskapp.ui.notifications.notifier import Notifier
from deskapp.ui.notifications.wording import worded, worded_all
from deskapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

POLL_MSECS = 30_000
# How far back each fetch looks again: covers a commit that landed after a row's
# created_at (a slow transaction) and clocks of other workstations a little off.
OVERLAP = timedelta(minutes=2)
MAX_POPUPS = 3  # per batch; the rest go to the centre and one summary popup


class Scheduler(Protocol):
    def start(self) -> None: ...
    def stop(self) -> None: ...


SchedulerFactory = Callable[[Callable[[Sequence[Any]], None]], Scheduler]


class SlaBridge(QObject):
    """One QObject, one signal: the only thing the scheduler thread touches."""

    stages_raised = Signal(object)  # list[RaisedStage]

    def publish(self, raised: Sequence[Any]) -> None:
        """Called on the scheduler's thread; the signal is queued to the GUI thread."""
        try:
            self.stages_raised.emit(list(raised))
        except RuntimeError:  # the GUI is gone (quitting): nothing left to tell
            log.debug("SLA results after the bridge was deleted: dropped")


class SlaNotificationController(QObject):
    """Owns the scheduler and the poll; turns new stored notifications into popups."""

    notifications_arrived = Signal(object)  # list[NotificationInfo], new ones only
    stopped = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        centre: NotificationCentre,
        notifiers: Sequence[Notifier],
        *,
        scheduler_factory: SchedulerFactory | None = None,
        poll_msecs: int = POLL_MSECS,
        clock: Callable[[], datetime] = utcnow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._centre = centre
        self._notifiers = list(notifiers)
        if centre not in self._notifiers:
            self._notifiers.append(centre)  # the centre always gets everything
        self._scheduler_factory = scheduler_factory
        self._scheduler: Scheduler | None = None
        self._clock = clock
        self._cursor: datetime | None = None
        self._seen: dict[uuid.UUID, datetime] = {}
        self.bridge = SlaBridge(self)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_msecs)
        self._connect_signals()

    @property
    def running(self) -> bool:
        return self._cursor is not None

    @property
    def centre(self) -> NotificationCentre:
        return self._centre

    def _connect_signals(self) -> None:
        self.bridge.stages_raised.connect(self._on_bridge_stages_raised)
        self._poll.timeout.connect(self._on_poll_timeout)
        for notifier in self._notifiers:
            if notifier is not self._centre:
                notifier.activated.connect(self._centre.request_ticket)

    # -- lifecycle --------------------------------------------------------------
    def start(self) -> None:
        """After login: load the centre, start the scheduler and the poll."""
        if self.running:
            return
        self._cursor = self._clock()  # popups for what arrives from now on
        self._seen.clear()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self._centre.refresh()
        if self._scheduler_factory is not None:
            self._scheduler = self._scheduler_factory(self.bridge.publish)
            self._scheduler.start()
        self._poll.start()

    @Slot()
    def stop(self) -> None:
        """Stop the scheduler (waiting for a scan in progress) and the poll. Idempotent."""
        if not self.running:
            return
        self._cursor = None
        self._poll.stop()
        self._runner.cancel("sla.since")
        app = QCoreApplication.instance()
        if app is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                app.aboutToQuit.disconnect(self.stop)
        scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None:
            scheduler.stop()  # waits for a scan in progress
        for notifier in self._notifiers:
            if notifier is not self._centre:
                notifier.close()
        self.stopped.emit()

    # -- fetching ---------------------------------------------------------------
    def fetch_new(self) -> None:
        """Ask, in the background, for this agent's notifications since the cursor."""
        if self._cursor is None:
            return
        svc, actor, after = self._services.notifications, self._actor, self._cursor - OVERLAP
        self._runner.submit(
            lambda: svc.since(actor, after),
            on_done=self._on_since_loaded,
            on_error=self._on_since_failed,
            key="sla.since",
        )

    @Slot(object)
    def _on_bridge_stages_raised(self, raised: list[Any]) -> None:
        mine = self._actor.user_id
        if any(mine in getattr(stage, "notified_ids", ()) for stage in raised):
            self.fetch_new()

    @Slot()
    def _on_poll_timeout(self) -> None:
        self.fetch_new()

    def _on_since_failed(self, exc: BaseException) -> None:
        # The database may be away for a moment; the next poll tries again.
        log.warning("could not fetch new notifications: %s", exc)

    def _on_since_loaded(self, infos: list[NotificationInfo]) -> None:
        if self._cursor is None:
            return  # stopped meanwhile
        infos = worded_all(infos)  # in the reader's language, for the centre and popups
        fresh = [info for info in infos if info.id not in self._seen]
        for info in fresh:
            self._seen[info.id] = info.created_at
            if info.created_at > self._cursor:
                self._cursor = info.created_at
        horizon = self._cursor - OVERLAP
        self._seen = {k: v for k, v in self._seen.items() if v > horizon}
        if fresh:
            self._deliver(fresh)
            self.notifications_arrived.emit(fresh)

    def _deliver(self, fresh: list[NotificationInfo]) -> None:
        self._centre.add(fresh)
        popups = [n for n in self._notifiers if n is not self._centre]
        if not popups:
            return
        # Most urgent first; a burst (catch-up after sleep) shows a few and a summary.
        shown = sorted(fresh, key=lambda i: (i.urgency != "critical", i.created_at))
        if len(shown) > MAX_POPUPS:
            shown = shown[: MAX_POPUPS - 1] + [self._summary(shown[MAX_POPUPS - 1 :])]
        for info in shown:
            for notifier in popups:
                if notifier.notify(info):
                    break  # one desktop popup per notification is enough

    def _summary(self, rest: list[NotificationInfo]) -> NotificationInfo:
        newest = max(rest, key=lambda i: i.created_at)
        return worded(NotificationInfo(
            id=uuid.uuid4(),
            kind=newest.kind,
            stage="",
            title=f"{len(rest)} more notifications",
            body="Open the notification centre to see them all.",
            urgency="critical" if any(i.urgency == "critical" for i in rest) else "normal",
            ticket_id=None,
            ticket_reference=None,
            created_at=newest.created_at,
            read_at=None,
            code="notifications.more",  # worded in the reader's language and digits
            params={"count": len(rest)},
        ))
