"""Put notifications into a main window: the bell in its status bar, the desktop
notifiers this desktop offers, and the SLA controller (scheduler + poll).

    controller = install_notifications(window)

``scheduler_factory`` defaults to the real ``SlaScheduler`` over
``services.sla_scanner``; tests pass a stand-in. ``window`` needs ``services``,
``actor``, ``runner``, ``add_status_widget(widget)``, ``open_ticket(ticket_id)`` and
a ``closing`` signal (deskapp.ui.main_window.MainWindow has them). Called by the
composition root, deskapp.ui.workstation.compose_window.
"""

from __future__ import annotations

from typing import Any

from deskapp.ui.notifications.at_risk import AtRiskCatchUp
from deskapp.ui.notifications.centre import NotificationCentre
from deskapp.ui.notifications.notifier import choose_notifiers
from deskapp.ui.notifications.sla_bridge import SchedulerFactory, SlaNotificationController


def sla_scheduler_factory(services: Any, interval_seconds: float = 30.0) -> SchedulerFactory:
    """The real scheduler: APScheduler scanning with ``services.sla_scanner`` every
    ``interval_seconds`` — only while this workstation holds the site's SLA lease
    (deskapp.services.sla_lease: one scanner per site, taken over within a minute)."""
    from deskapp.services.sla_lease import LeasedSlaScheduler

    def factory(on_raised):
        return LeasedSlaScheduler(
            services.engine, services.sla_scanner.scan, on_raised,
            scan_interval_seconds=interval_seconds,
        )

    return factory


def install_notifications(
    window: Any,
    *,
    scheduler_factory: SchedulerFactory | None = None,
    start: bool = True,
) -> SlaNotificationController:
    centre = NotificationCentre(window.services, window.actor, window.runner, parent=window)
    window.add_status_widget(centre.bell)
    centre.ticket_requested.connect(window.open_ticket)
    centre.ticket_requested.connect(lambda _ticket: _bring_to_front(window))
    controller = SlaNotificationController(
        window.services,
        window.actor,
        window.runner,
        centre,
        choose_notifiers(centre, parent=window),
        scheduler_factory=scheduler_factory or sla_scheduler_factory(window.services),
        parent=window,
    )
    # The scheduler thread must not outlive the window (quitting stops it as well).
    window.destroyed.connect(lambda *_: controller.stop())
    window.closing.connect(controller.stop)  # closing the window ends the session
    # What is already at risk, into the centre once (and after a reconnect).
    controller.catch_up = AtRiskCatchUp(  # type: ignore[attr-defined]
        window.services, window.actor, window.runner, centre, parent=controller
    )
    if start:
        controller.start()
        controller.catch_up.run()  # type: ignore[attr-defined]
    return controller


def _bring_to_front(window: Any) -> None:
    """A click on a desktop popup comes from outside: show the window it opened in."""
    if not window.isVisible() or window.isActiveWindow():
        return
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
