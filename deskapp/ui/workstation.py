"""The composition root of the workstation window: ``compose_window`` builds the
complete main window, with every part, in one place. Both ways of getting a window
call it: ``deskapp.app.build_workstation`` (tests, scripts) and
``deskapp.app.start_workstation`` (after the login), so they cannot drift apart.

What runs in the background is passed in explicitly (``Background``): the SLA
scheduler and the live-update feed. Tests pass stand-ins or ``start=False``; the real
start-up passes nothing and gets the real ones, started.

How to add a part
-----------------
Add one line (or a small block) to ``compose_window`` below, in the marked section,
and keep the part's own wiring in its own module:

- a tab beside the workstation (only for some roles? check ``actor`` first)::

      window.add_view_tab(ReportsView(services, actor, runner), window.tr("Reports"))

- a status-bar widget (right-hand side; ``permanent=False`` for the left)::

      window.add_status_widget(PhoneStatus(services, actor, runner, window))

- a panel under the open ticket: ``window.add_ticket_panel(widget)``;
- a menu entry: ``window.menus["file"|"ticket"|"view"|"help"].addAction(action)``;
- a part that shows shared data and must follow other workstations' changes::

      parts.live.add_target({"tickets", "calls"}, widget.refresh)

- a part that must stop with the session (timers, threads, sockets)::

      window.closing.connect(part.stop)

Never patch a built window from outside (``findChildren``, swapping splitter
children): give MainWindow a hook instead. Parts reach each other through
``window.parts`` (a ``WorkstationParts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from deskapp.services.changes import NOTIFICATION_TABLES, SUPERVISOR_TABLES
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.main_window import MainWindow
from deskapp.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from deskapp.ui.escalation_wiring import EscalationWiring
    from deskapp.ui.live.feed import ChangeFeed
    from deskapp.ui.live.wiring import LiveUpdates
    from deskapp.ui.notifications.centre import NotificationCentre
    from deskapp.ui.notifications.sla_bridge import (
        SchedulerFactory,
        SlaNotificationController,
    )
    from deskapp.ui.sla_settings_wiring import SlaSettingsWiring
    from deskapp.ui.sync.wiring import BranchSyncWiring
    from deskapp.ui.telephony.controller import CallController


@dataclass
class Background:
    """What runs behind the window. ``None`` means the real thing."""

    scheduler_factory: SchedulerFactory | None = None  # the SLA scheduler (APScheduler)
    feed: ChangeFeed | None = None  # live updates (LISTEN/NOTIFY or data_version poll)
    start: bool = True  # start the scheduler, the notification poll and the feed now


@dataclass
class WorkstationParts:
    """The parts ``compose_window`` put into the window, for parts that need another."""

    notifications: SlaNotificationController
    centre: NotificationCentre
    sla_settings: SlaSettingsWiring
    escalations: EscalationWiring
    live: LiveUpdates
    telephony: CallController | None = None
    branch_sync: BranchSyncWiring | None = None


def compose_window(
    services: Services,
    actor: Actor,
    runner: TaskRunner,
    background: Background | None = None,
) -> MainWindow:
    """The complete workstation window for ``actor`` (not shown)."""
    from deskapp.ui import escalation_wiring, sla_settings_wiring
    from deskapp.ui.admin.install import install_desk_admin
    from deskapp.ui.connection_flow import install_connection_action
    from deskapp.ui.language_menu import install as install_language_menu
    from deskapp.ui.live.wiring import attach_live_updates
    from deskapp.ui.notifications.install import install_notifications
    from deskapp.ui.sync.setup_action import install_branch_setup_action
    from deskapp.ui.sync.wiring import install_branch_sync
    from deskapp.ui.telephony.install import install_telephony

    bg = background or Background()
    window = MainWindow(services, actor, runner)

    # -- parts: add yours here (see the module docstring) -------------------
    # The bell, desktop popups and the SLA scheduler; stop on ``closing``.
    notifications = install_notifications(
        window, scheduler_factory=bg.scheduler_factory, start=bg.start
    )
    # Settings → SLA policies / Business calendars (managers).
    sla_settings = sla_settings_wiring.install(window)
    # Ctrl+E, escalation history under the ticket, decisions, the Supervisor tab.
    escalations = escalation_wiring.install(window)
    # File → Connection… (administrators).
    install_connection_action(window)
    # File → Set up this computer as a branch office… (administrators).
    install_branch_setup_action(window)
    # Live updates: queue, open ticket, history and banner are built in; the rest here.
    live = attach_live_updates(window, feed=bg.feed, start=bg.start)
    centre = notifications.centre
    live.add_target(NOTIFICATION_TABLES, centre.refresh, recipient=actor.user_id)
    # After a reconnect, what became warned or breached meanwhile joins the centre.
    live.feed.connection_restored.connect(notifications.catch_up.run)
    # View → Language: English or Persian, kept with the user.
    install_language_menu(window)
    # Stages are raised by the one workstation holding the site's SLA lease: this
    # agent's popups come when the live feed announces their notification rows.
    live.add_target(NOTIFICATION_TABLES, notifications.fetch_new, recipient=actor.user_id)
    supervisor = escalations.supervisor_view
    if supervisor is not None:  # a hidden supervisor view reloads when its tab is shown
        live.add_target(
            SUPERVISOR_TABLES, lambda: supervisor.refresh() if supervisor.isVisible() else None
        )
    # Telephony: softphone link, call hook, screen-pop, click to call, missed calls.
    telephony = install_telephony(window, start=bg.start)
    # Branch office: sync state in the status bar, Sync now, the scheduled sync, the
    # conflict inbox (on a branch database only, found out in the background).
    branch_sync = install_branch_sync(window, start=bg.start)
    # Presence switch, customer edit/merge, Desk → Staff and teams (ui/admin).
    desk_admin = install_desk_admin(window, start=bg.start)
    window.desk_admin = desk_admin
    telephony.presence_set.connect(desk_admin.presence.show_presence)  # On a call
    # Reports tab (supervisors, managers, admins); bars and cells open in the queue.
    from deskapp.ui.reports.install import install_reports

    window.reports_view = install_reports(window)
    # -- end of parts --------------------------------------------------------

    window.parts = WorkstationParts(
        notifications=notifications,
        centre=centre,
        sla_settings=sla_settings,
        escalations=escalations,
        live=live,
        telephony=telephony,
        branch_sync=branch_sync,
    )
    window.live_updates = live  # older name, used by tests and diagnostics
    window.escalation_wiring = escalations
    return window
