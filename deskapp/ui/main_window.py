"""The agent workstation: queue | ticket | customer history, menus from the actions
table, a status bar, and the failure banner. It composes; the parts do the work.

The window is built complete by ``deskapp.ui.workstation.compose_window`` (read its
docstring to add a part). The hooks it uses:
- ``add_status_widget(widget)``: the notification bell and friends in the status bar;
- ``add_view_tab(widget, title)``: a supervisor view beside the workstation;
- ``add_ticket_panel(widget)``: a panel under the open ticket (escalation history);
- ``refresh_tickets(ids)`` / ``refresh_all()``: live updates from other workstations;
- ``set_escalation_handler(fn)``: enables Ctrl+E and calls ``fn(ticket_detail)``;
- ``closing``: emitted once the window has accepted a close (the session ends: stop
  schedulers, feeds and timers).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from deskapp import __version__
from deskapp.services.dto import TicketDetail
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.services.queue import COUNT_CAP
from deskapp.ui.actions import ACTIONS, create_actions
from deskapp.ui.banner import FailureBanner
from deskapp.ui.customer.history_pane import CustomerHistoryPane
from deskapp.ui.dialogs.log_call_dialog import LogCallDialog
from deskapp.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from deskapp.ui.formatting import formatter, isolate
from deskapp.ui.labels import label
from deskapp.ui.queue.panel import QueuePanel
from deskapp.ui.tasks import TaskRunner
from deskapp.ui.ticket.detail_view import TicketDetailView

# Rows chosen closer together than this are flown over (Page Down or J held, the
# arrow keys repeating): the ticket opens when the choice rests this long, not for
# every row — loading and laying out each ticket and its customer's history made the
# GUI thread's turns 12-15 ms each (issue 16, benchmarks/workstation.py). A choice
# after a pause opens at once.
RAPID_CHOICE_MS = 150


class MainWindow(QMainWindow):
    closing = Signal()  # the close was accepted: the session on this window ends

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self.actor = actor
        self.runner = runner
        self._escalation_handler: Callable[[TicketDetail], None] | None = None
        self._last_choice = 0.0  # time.monotonic() of the last row chosen in the queue
        self._chosen: uuid.UUID | None = None  # the row chosen while flying over rows
        self._choice_timer = QTimer(self)
        self._choice_timer.setSingleShot(True)
        self._choice_timer.setInterval(RAPID_CHOICE_MS)
        self._choice_timer.timeout.connect(self._on_choice_timer_timeout)
        self.banner = FailureBanner(self)
        self.queue = QueuePanel(services, actor, runner, self)
        self.ticket_view = TicketDetailView(services, actor, runner, self)
        self.history = CustomerHistoryPane(services, actor, runner, self)
        self._build_layout()
        self.actions_by_name = create_actions(self, ACTIONS)
        self._build_menus()
        self._build_status_bar()
        self._connect_signals()
        self.setWindowTitle(
            self.tr("deskapp — %1 (%2)").replace("%1", actor.display_name)
            .replace("%2", label(actor.role))
        )
        self.resize(1400, 850)

    # -- building -----------------------------------------------------------
    def _build_layout(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("workstationSplitter")
        self.splitter.addWidget(self.queue)
        # The ticket, with room under it for panels about the open ticket.
        self.ticket_column = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.ticket_column.setObjectName("ticketColumn")
        self.ticket_column.addWidget(self.ticket_view)
        self.splitter.addWidget(self.ticket_column)
        self.splitter.addWidget(self.history)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([560, 500, 380])
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("viewTabs")
        self.tabs.setTabBarAutoHide(True)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("Workstation"))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        self._central_layout = layout  # add_top_bar puts strips under the banner
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        menus = {
            "file": bar.addMenu(self.tr("&File")),
            "ticket": bar.addMenu(self.tr("&Ticket")),
            "view": bar.addMenu(self.tr("&View")),
            "help": bar.addMenu(self.tr("&Help")),
        }
        for spec in ACTIONS:
            menus[spec.menu].addAction(self.actions_by_name[spec.name])
        self.menus = menus

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.user_label = QLabel(
            f"{isolate(self.actor.display_name)} · {label(self.actor.role)}", self
        )
        self.user_label.setObjectName("statusUser")
        self.database_label = QLabel(self.services.database_label, self)
        self.database_label.setObjectName("statusDatabase")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("statusQueueCount")
        self.busy_label = QLabel(self)
        for widget in (self.user_label, self.database_label, self.count_label, self.busy_label):
            widget.setContentsMargins(6, 0, 6, 0)
        status.addWidget(self.user_label)
        status.addWidget(self.database_label)
        status.addWidget(self.busy_label, 1)
        status.addPermanentWidget(self.count_label)

    def _connect_signals(self) -> None:
        self.queue.ticket_selected.connect(self._on_queue_ticket_selected)
        self.queue.ticket_activated.connect(self._on_queue_ticket_activated)
        self.queue.count_changed.connect(self._on_queue_count_changed)
        self.queue.load_failed.connect(self._on_queue_load_failed)
        self.ticket_view.ticket_loaded.connect(self._on_ticket_view_ticket_loaded)
        self.ticket_view.ticket_changed.connect(self._on_ticket_view_ticket_changed)
        self.ticket_view.failed.connect(self._on_part_failed)
        self.history.ticket_clicked.connect(self._on_history_ticket_clicked)
        self.history.failed.connect(self._on_part_failed)
        self.runner.task_failed.connect(self._on_runner_task_failed)
        self.runner.busy_changed.connect(self._on_runner_busy_changed)

    # -- public hooks -------------------------------------------------------
    def open_ticket(self, ticket_id: uuid.UUID | None) -> None:
        """Show a ticket (and its customer's history) by id."""
        self._choice_timer.stop()  # this choice replaces a row still being flown over
        self.ticket_view.load(ticket_id)
        if ticket_id is None:
            self.history.show_customer(None)

    @Slot()
    def refresh_all(self) -> None:
        self.banner.hide()
        self.queue.refresh()
        self.ticket_view.reload()
        self.history.reload()

    def refresh_tickets(self, ticket_ids: Iterable[uuid.UUID]) -> None:
        """Another workstation changed these tickets: refresh what shows them."""
        self.queue.refresh()
        if self.ticket_view.ticket_id in set(ticket_ids):
            self.ticket_view.reload()
            self.history.reload()

    def add_status_widget(self, widget: QWidget, permanent: bool = True) -> None:
        if permanent:
            self.statusBar().addPermanentWidget(widget)
        else:
            self.statusBar().addWidget(widget)

    def add_top_bar(self, widget: QWidget) -> None:
        """A strip across the top of the window, under the failure banner (the call
        bar): shown and hidden by its owner, never taking the keyboard focus."""
        self._central_layout.insertWidget(self._central_layout.indexOf(self.banner) + 1, widget)

    def add_view_tab(self, widget: QWidget, title: str) -> int:
        return self.tabs.addTab(widget, title)

    def add_ticket_panel(self, widget: QWidget, stretch: int = 1) -> None:
        """A panel under the open ticket (the ticket view keeps most of the height)."""
        self.ticket_column.addWidget(widget)
        self.ticket_column.setStretchFactor(0, 5)
        self.ticket_column.setStretchFactor(self.ticket_column.indexOf(widget), stretch)

    def set_telephony(self, telephony: object | None) -> None:
        """The call controller (deskapp.ui.telephony): Ctrl+D calls the open ticket's
        customer, View → Missed calls lists the calls nobody answered here."""
        self._telephony = telephony
        self.actions_by_name["callCustomerAction"].setEnabled(
            telephony is not None and getattr(telephony, "link", None) is not None)
        self.actions_by_name["missedCallsAction"].setEnabled(telephony is not None)

    def call_customer(self) -> None:
        if getattr(self, "_telephony", None) is not None:
            self._telephony.dial_open_customer()

    def show_missed_calls(self) -> None:
        if getattr(self, "_telephony", None) is not None:
            self._telephony.show_missed_calls()

    def set_escalation_handler(self, handler: Callable[[TicketDetail], None] | None) -> None:
        self._escalation_handler = handler
        self.actions_by_name["escalateAction"].setEnabled(handler is not None)

    # -- action slots (named in deskapp.ui.actions.ACTIONS) -----------------
    def log_call(self) -> LogCallDialog:
        dialog = LogCallDialog(self.services, self.actor, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.ticket_logged.connect(self._on_log_call_ticket_logged)
        dialog.open()
        return dialog

    def start_reply(self) -> None:
        self.ticket_view.start_reply()

    def start_note(self) -> None:
        self.ticket_view.start_note()

    def pick_canned_response(self) -> None:
        self.ticket_view.pick_canned_response()

    def escalate_current_ticket(self) -> None:
        if self._escalation_handler is not None and self.ticket_view.detail is not None:
            self._escalation_handler(self.ticket_view.detail)

    def select_next_ticket(self) -> None:
        self.queue.select_next()

    def select_previous_ticket(self) -> None:
        self.queue.select_previous()

    def focus_search(self) -> None:
        self.queue.focus_search()

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(ACTIONS, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About deskapp"),
            self.tr("deskapp %1 — support-desk workstation.\nDatabase: %2")
            .replace("%1", __version__)
            .replace("%2", self.services.database_label),
        )

    # -- slots --------------------------------------------------------------
    @Slot(object)
    def _on_queue_ticket_selected(self, ticket_id: uuid.UUID | None) -> None:
        now = time.monotonic()
        rapid = now - self._last_choice < RAPID_CHOICE_MS / 1000
        self._last_choice = now
        if rapid:  # flying over rows: open the one the choice rests on
            self._chosen = ticket_id
            self._choice_timer.start()
            return
        self.open_ticket(ticket_id)

    def _on_choice_timer_timeout(self) -> None:
        self.open_ticket(self._chosen)

    @Slot(object)
    def _on_queue_ticket_activated(self, ticket_id: uuid.UUID) -> None:
        self.open_ticket(ticket_id)
        self.ticket_view.start_reply()

    @Slot(int)
    def _on_queue_count_changed(self, count: int) -> None:
        if not self.queue.model.count_exact:  # counting stopped at COUNT_CAP (issue 16)
            self.count_label.setText(self.tr("More than %1 tickets in view").replace(
                "%1", formatter().number(COUNT_CAP)))
            return
        self.count_label.setText(
            self.tr("%1 tickets in view").replace("%1", formatter().number(count))
        )

    @Slot(str)
    def _on_queue_load_failed(self, message: str) -> None:
        self.banner.show_failure(message, retry=self.queue.refresh)

    def _on_ticket_view_ticket_loaded(self, detail: TicketDetail) -> None:
        self.history.show_customer(detail.customer.id, detail.ticket.id)

    def _on_ticket_view_ticket_changed(self, _ticket_id: uuid.UUID) -> None:
        self.queue.refresh()

    def _on_history_ticket_clicked(self, ticket_id: uuid.UUID) -> None:
        self.open_ticket(ticket_id)

    def _on_log_call_ticket_logged(self, detail: TicketDetail) -> None:
        self.queue.follow_ticket(detail.ticket.id)  # its row highlighted, for J/K
        self.open_ticket(detail.ticket.id)

    def _on_part_failed(self, exc: BaseException, retry: Callable[[], None] | None) -> None:
        self.banner.show_failure(exc, retry=retry or self.refresh_all)

    def _on_runner_task_failed(self, exc: BaseException) -> None:
        self.banner.show_failure(exc, retry=self.refresh_all)

    def _on_runner_busy_changed(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.runner.wait(10_000)
        super().closeEvent(event)
        if event.isAccepted():
            self.closing.emit()
