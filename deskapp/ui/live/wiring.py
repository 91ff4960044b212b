"""Route a ChangeFeed to the workstation's views.

    live = attach_live_updates(window)     # queue, open ticket, customer history, banner
    live.add_target(tables, part.refresh)  # anything else that shows shared data

The composition root (deskapp.ui.workstation.compose_window) does both; the
notification centre and the supervisor view are registered there with ``add_target``.

The open ticket: a change made elsewhere is fetched in the background; when the agent
has nothing typed the view reloads at once and says "changed by X"; with a draft in
the composer it only says so and offers Reload (the draft is never touched: reloading
does not clear the composer). Our own changes reload silently.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Slot

from deskapp.services.changes import QUEUE_TABLES, TICKET_TABLES, ChangeBatch
from deskapp.services.dto import TicketDetail
from deskapp.ui.live.feed import ChangeFeed

log = logging.getLogger(__name__)


class _Target:
    def __init__(
        self, tables: frozenset[str] | None, refresh: Callable[[], Any],
        recipient: uuid.UUID | None,
    ) -> None:
        self.tables, self.refresh, self.recipient = tables, refresh, recipient

    def wants(self, batch: ChangeBatch) -> bool:
        if batch.full_refresh:
            return True
        if self.tables is not None and not batch.touches(self.tables):
            return False
        if self.recipient is not None and self.tables == frozenset({"notifications"}):
            return batch.touches_recipient(self.recipient)
        return True


class LiveUpdates(QObject):
    """Connects a feed to a MainWindow-like object with ``queue`` (``refresh()``),
    ``ticket_view`` (``detail``, ``ticket_id``, ``reload()``, ``composer``, ``conflict``,
    ``ticket_loaded``), ``history`` (``customer_id``, ``reload()``), ``banner``
    (``show_failure``/``hide``/``message``), ``actor``, ``services`` and ``runner``."""

    def __init__(self, feed: ChangeFeed, window: Any) -> None:
        super().__init__(window)
        self.feed = feed
        self._window = window
        self._targets: list[_Target] = []
        self._lost_message = ""
        # The "changed by X" notice of the open ticket: (ticket id, version it is about,
        # text). Shown again after any reload of that ticket (the view hides its notice
        # bar on every load) until Reload is clicked or another ticket is opened.
        self._notice: tuple[uuid.UUID, int, str] | None = None
        self.open_ticket_notices = 0  # shown "changed by X" notices (tests, diagnostics)
        feed.changed.connect(self._on_feed_changed)
        feed.connection_lost.connect(self._on_feed_connection_lost)
        feed.connection_restored.connect(self._on_feed_connection_restored)
        window.ticket_view.ticket_loaded.connect(self._on_ticket_view_ticket_loaded)
        window.ticket_view.conflict.action_requested.connect(self._on_conflict_action_requested)

    def add_target(
        self, tables: Iterable[str] | None, refresh: Callable[[], Any], *,
        recipient: uuid.UUID | None = None,
    ) -> None:
        """Call ``refresh()`` when a batch touches ``tables`` (None: every batch).
        For the notifications table, ``recipient`` limits it to that user's rows."""
        self._targets.append(
            _Target(frozenset(tables) if tables is not None else None, refresh, recipient)
        )

    # -- the feed -----------------------------------------------------------
    @Slot(object)
    def _on_feed_changed(self, batch: ChangeBatch) -> None:
        w = self._window
        if not shiboken6.isValid(w):
            return
        if batch.touches(QUEUE_TABLES):
            w.queue.refresh()
        if w.history.customer_id is not None and (
            batch.full_refresh or batch.touches_customer(w.history.customer_id)
        ):
            w.history.reload()
        ticket_id = w.ticket_view.ticket_id
        if ticket_id is not None and batch.touches_ticket(ticket_id) and batch.touches(
            TICKET_TABLES
        ):
            self._check_open_ticket(ticket_id, batch)
        for target in self._targets:
            if target.wants(batch):
                target.refresh()

    @Slot(str)
    def _on_feed_connection_lost(self, message: str) -> None:
        self._lost_message = message
        self._window.banner.connection_lost(message)

    @Slot()
    def _on_feed_connection_restored(self) -> None:
        # Down goes any failure that was the connection's (a lost connection, an edit or
        # a load that could not reach the database); an unsent edit keeps its Retry.
        self._window.banner.connection_restored()
        # The feed follows with a full refresh of every view.

    # -- the open ticket ----------------------------------------------------
    def _check_open_ticket(self, ticket_id: uuid.UUID, batch: ChangeBatch) -> None:
        w = self._window
        view = w.ticket_view
        shown = view.detail
        if shown is None or shown.ticket.id != ticket_id:
            return
        by = batch.ticket_changed_by(ticket_id)
        if by is not None and by == w.actor.user_id:
            view.reload()  # our own edit (from this or another window of ours)
            return
        announced = batch.ticket_version(ticket_id)
        if announced is not None and announced <= shown.ticket.version:
            return  # already showing it
        services, actor = w.services, w.actor
        seen = shown.ticket.version  # the view may reload by another path meanwhile
        w.runner.submit(
            lambda: services.tickets.get(actor, ticket_id),
            on_done=lambda fresh: self._on_open_ticket_fetched(fresh, seen),
            on_error=lambda exc: log.info("live check of the open ticket failed: %s", exc),
            key=f"live-open-ticket-{id(self)}",
        )

    def _on_open_ticket_fetched(self, fresh: TicketDetail, seen_version: int) -> None:
        w = self._window
        if not shiboken6.isValid(w):
            return
        view = w.ticket_view
        shown = view.detail
        if shown is None or shown.ticket.id != fresh.ticket.id:
            return
        if fresh.ticket.version <= seen_version:
            return
        up_to_date = shown.ticket.version >= fresh.ticket.version  # reloaded meanwhile
        who = fresh.updated_by_name or self.tr("someone else")
        if who == w.actor.display_name:
            if not up_to_date:
                view.reload()
            return
        reference = fresh.ticket.reference
        latest = (
            self.tr("%1 was changed by %2 on another workstation; showing the latest.")
            .replace("%1", reference).replace("%2", who)
        )
        self._notice = (fresh.ticket.id, fresh.ticket.version, latest)
        if up_to_date:
            self._show_notice(latest)
        elif view.composer.text().strip():
            text = self.tr(
                "%1 was changed by %2 on another workstation. Reload to see the change; "
                "what you typed is kept."
            )
            self._show_notice(text.replace("%1", reference).replace("%2", who))
        else:
            view.reload()  # the notice follows when it has loaded

    @Slot(object)
    def _on_ticket_view_ticket_loaded(self, detail: TicketDetail) -> None:
        notice = self._notice
        if notice is None:
            return
        if notice[0] != detail.ticket.id:
            self._notice = None  # another ticket is open now
        elif detail.ticket.version >= notice[1]:
            self._show_notice(notice[2])

    @Slot()
    def _on_conflict_action_requested(self) -> None:
        self._notice = None  # seen: the Reload that follows shows the ticket plainly

    def _show_notice(self, text: str) -> None:
        self.open_ticket_notices += 1
        self._window.ticket_view.conflict.show_message(text)


def attach_live_updates(
    window: Any, *, feed: ChangeFeed | None = None, start: bool = True
) -> LiveUpdates:
    """Route ``feed`` (default: a feed for ``window.services``' database) to the window.
    The feed stops when the window emits ``closing`` or the application quits."""
    if feed is None:
        from deskapp.ui.live import make_change_feed

        feed = make_change_feed(window.services.engine, parent=window)
    live = LiveUpdates(feed, window)
    window.closing.connect(feed.stop)  # closing the window ends the session
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(feed.stop)
    if start:
        feed.start()
    return live
