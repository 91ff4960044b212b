"""The ticket view (objectName ``ticketDetail``): header, conversation, status controls
and composer. Loads and saves in background tasks; edits carry the version that was
loaded, and a conflict says who changed the ticket and offers Reload — keeping what the
agent typed."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deskapp.models import new_id, utcnow
from deskapp.models.enums import CHANNEL_INTERACTION, Channel, InteractionKind, Status
from deskapp.services.dto import TicketDetail
from deskapp.services.errors import DeskError, StaleUpdate
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.services.tickets import unreachable_kinds
from deskapp.ui.banner import KeptEdit, describe_failure
from deskapp.ui.dialogs.canned_response_dialog import CannedResponseDialog
from deskapp.ui.formatting import formatter
from deskapp.ui.tasks import TaskRunner
from deskapp.ui.ticket.composer import ComposeMode, Composer
from deskapp.ui.ticket.header import TicketHeader
from deskapp.ui.ticket.notice_bar import NoticeBar
from deskapp.ui.ticket.status_controls import StatusControls
from deskapp.ui.ticket.timeline import TimelineModel

# A reply goes out on the ticket's channel (a phone ticket: the agent calls back); a
# walk-in customer is called back too.
_REPLY_KIND = {**CHANNEL_INTERACTION, Channel.WALK_IN: InteractionKind.CALL}


class TicketDetailView(QWidget):
    # Another ticket (or none) is opened; what showed the previous one clears now,
    # before the new one has loaded.
    ticket_opened = Signal(object)  # uuid.UUID | None
    ticket_loaded = Signal(object)  # TicketDetail
    ticket_changed = Signal(object)  # ticket id, after an edit made here
    failed = Signal(object, object)  # exception, retry callable or None

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ticketDetail")
        self._services = services
        self._actor = actor
        self._runner = runner
        self._clock = clock
        self._ticket_id: uuid.UUID | None = None
        self.detail: TicketDetail | None = None
        self._drafts: dict[uuid.UUID, str] = {}
        # (ticket, text, id) of the last send: sending the same text again after a failure
        # (a lost connection: it may have committed) reuses the id, so it is stored once.
        self._send: tuple[uuid.UUID, str, uuid.UUID] | None = None
        self._key = f"ticket-detail-{id(self)}"
        self._build()
        self._connect_signals()

    # -- building -----------------------------------------------------------
    def _build(self) -> None:
        self.placeholder = QLabel(self.tr("Select a ticket in the queue, or log a call (Ctrl+N)."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.header = TicketHeader(self)
        self.status_controls = StatusControls(self)
        self.conflict = NoticeBar("ticketConflict", self.tr("Reload"), self)
        self.error = QLabel(self)
        self.error.setObjectName("ticketError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.timeline_model = TimelineModel(self)
        self.timeline = QListView(self)
        self.timeline.setObjectName("ticketTimeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setWordWrap(True)
        self.timeline.setSpacing(3)
        self.timeline.setResizeMode(QListView.ResizeMode.Adjust)
        self.timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.timeline.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.composer = Composer(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.timeline)
        split.addWidget(self.composer)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        for widget in (self.header, self.status_controls, self.conflict, self.error):
            layout.addWidget(widget)
        layout.addWidget(split, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(30_000)

    def _connect_signals(self) -> None:
        self.composer.submitted.connect(self._on_composer_submitted)
        self.composer.canned_requested.connect(self.pick_canned_response)
        self.status_controls.status_requested.connect(self._on_status_controls_status_requested)
        self.status_controls.csat_requested.connect(self._on_status_controls_csat_requested)
        self.conflict.action_requested.connect(self._on_conflict_action_requested)
        self._clock_timer.timeout.connect(self._on_clock_timer_timeout)

    # -- public -------------------------------------------------------------
    @property
    def ticket_id(self) -> uuid.UUID | None:
        return self._ticket_id

    def load(self, ticket_id: uuid.UUID | None) -> None:
        if ticket_id != self._ticket_id:
            self._stash_draft()
            self._ticket_id = ticket_id
            self.detail = None  # nothing is sent or changed until this ticket has loaded
            self.conflict.hide()
            self.error.hide()
            self.composer.editor.setPlainText(self._drafts.pop(ticket_id, "") if ticket_id else "")
            self.ticket_opened.emit(ticket_id)
        if ticket_id is None:
            self.detail = None
            self.stack.setCurrentWidget(self.placeholder)
            self._clock_timer.stop()
            return
        self.reload()

    @Slot()
    def reload(self) -> None:
        ticket_id = self._ticket_id
        if ticket_id is None:
            return
        self._runner.submit(
            lambda: self._services.tickets.get(self._actor, ticket_id),
            on_done=self._on_loaded,
            on_error=lambda exc: self._on_load_failed(exc),
            key=self._key,
        )

    def start_reply(self) -> None:
        if self.detail is not None:
            self.composer.start(ComposeMode.REPLY)

    def start_note(self) -> None:
        if self.detail is not None:
            self.composer.start(ComposeMode.NOTE)

    @Slot()
    def pick_canned_response(self) -> CannedResponseDialog | None:
        if self.detail is None:
            return None
        dialog = CannedResponseDialog(
            self._services, self._actor, self._runner,
            language=self.detail.customer.preferred_language, parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.response_chosen.connect(self.composer.insert_text)
        dialog.open()
        return dialog

    # -- loading ------------------------------------------------------------
    def _on_loaded(self, detail: TicketDetail) -> None:
        if detail.ticket.id != self._ticket_id:
            return
        first_load = self.detail is None or self.detail.ticket.id != detail.ticket.id
        self.detail = detail
        self.conflict.hide()
        t = detail.ticket
        self.header.show_ticket(detail, self._clock())
        self.status_controls.show_ticket(t, self._actor.may_work_ticket(t.assignee_id, t.team_id))
        if first_load:  # a reload keeps the channel the agent chose
            self.composer.set_reply_channels(
                _REPLY_KIND[t.channel],
                unreachable_kinds(detail.customer.email, detail.customer.phones),
            )
        self.timeline_model.set_interactions(detail.interactions, detail.customer.name)
        self.timeline.scrollToBottom()
        self.stack.setCurrentIndex(1)
        self._clock_timer.start()
        self.ticket_loaded.emit(detail)

    def _on_load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DeskError):
            self._show_error(describe_failure(exc))  # in the reader's language
        else:
            self.failed.emit(exc, self.reload)

    # -- editing ------------------------------------------------------------
    @Slot(str, str)
    def _on_composer_submitted(self, mode: str, text: str) -> None:
        if self.detail is None:
            return
        ticket = self.detail.ticket
        kind = {
            ComposeMode.REPLY: self.composer.reply_kind(),
            ComposeMode.NOTE: InteractionKind.INTERNAL_NOTE,
            ComposeMode.CALL: InteractionKind.CALL,
        }[ComposeMode(mode)]
        if self._send is None or self._send[:2] != (ticket.id, text):
            self._send = (ticket.id, text, new_id())
        interaction_id = self._send[2]
        self.composer.set_busy(True)
        self._run_edit(
            ticket.id,
            lambda: self._services.tickets.add_interaction(
                self._actor, ticket.id, kind, text, interaction_id=interaction_id
            ),
            lambda _info: self._on_interaction_added(ticket.id),
        )

    def _on_interaction_added(self, ticket_id: uuid.UUID) -> None:
        self._send = None
        self.composer.set_busy(False)
        if ticket_id == self._ticket_id:
            self.composer.clear()
        else:  # the agent moved on meanwhile: the sent text is no longer a draft there
            self._drafts.pop(ticket_id, None)
        self._after_edit(ticket_id)

    @Slot(str, object)
    def _on_status_controls_status_requested(self, status: str, csat: int | None) -> None:
        if self.detail is None:
            return
        t = self.detail.ticket
        self.status_controls.set_busy(True)
        self._run_edit(
            t.id,
            lambda: self._services.tickets.change_status(
                self._actor, t.id, t.version, Status(status), csat=csat
            ),
            lambda _summary: self._after_edit(t.id),
        )

    @Slot(int)
    def _on_status_controls_csat_requested(self, score: int) -> None:
        if self.detail is None:
            return
        t = self.detail.ticket
        self.status_controls.set_busy(True)
        self._run_edit(
            t.id,
            lambda: self._services.tickets.set_csat(self._actor, t.id, t.version, score),
            lambda _summary: self._after_edit(t.id),
        )

    def _run_edit(
        self, ticket_id: uuid.UUID, fn: Callable[[], object], on_done: Callable[[object], None]
    ) -> None:
        self.error.hide()
        # Retry in the banner sends the same edit again (a reply keeps its message id,
        # so one that did commit before the connection went is stored once).
        resend = KeptEdit(lambda: self._run_edit(ticket_id, fn, on_done))
        self._runner.submit(
            fn, on_done=on_done,
            on_error=lambda exc: self._on_edit_failed(ticket_id, exc, resend),
        )

    def _after_edit(self, ticket_id: uuid.UUID) -> None:
        self.status_controls.set_busy(False)
        self.ticket_changed.emit(ticket_id)
        if ticket_id == self._ticket_id:
            self.reload()

    def _on_edit_failed(
        self, ticket_id: uuid.UUID, exc: BaseException, resend: KeptEdit | None = None
    ) -> None:
        self.composer.set_busy(False)
        self.status_controls.set_busy(False)
        if ticket_id != self._ticket_id:  # the agent moved on; the draft is kept there
            if not isinstance(exc, DeskError):
                self.failed.emit(exc, resend)
            return
        if isinstance(exc, StaleUpdate):
            who = exc.changed_by or self.tr("someone else")
            when = formatter().datetime(exc.changed_at) if exc.changed_at else ""
            self.conflict.show_message(
                self.tr("%1 was changed by %2 (%3) after you opened it. Reload to see the "
                        "change; what you typed is kept.")
                .replace("%1", self.detail.ticket.reference if self.detail else "")
                .replace("%2", who)
                .replace("%3", when)
            )
        elif isinstance(exc, DeskError):
            self._show_error(describe_failure(exc))  # in the reader's language
        else:
            self._show_error(self.tr("Not saved; what you typed is kept."))
            self.failed.emit(exc, resend)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _stash_draft(self) -> None:
        if self._ticket_id is not None and self.composer.text().strip():
            self._drafts[self._ticket_id] = self.composer.text()

    @Slot()
    def _on_conflict_action_requested(self) -> None:
        self.reload()

    @Slot()
    def _on_clock_timer_timeout(self) -> None:
        if self.detail is not None:
            self.header.show_ticket(self.detail, self._clock())
