"""The supervisor view (object name ``supervisorView``; supervisors and up): each agent
of their teams with open, warning and breached tickets and presence; click an agent to
filter the queue (``agent_selected``, which the main window connects to
``QueuePanel.filter_by_assignee``) and this view's own ticket list; select many tickets
and reassign them in one dialog, or drag them onto an agent. Approval requests wait in
a second tab. Every move goes through the services (audit + history + timeline)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.auto_assign import AutoAssignMode
from deskapp.services.dto import TicketSummary
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor, Permission
from deskapp.services.workload import BulkResult, TicketRef, Workload
from deskapp.ui.banner import describe_failure
from deskapp.ui.dialogs.bulk_reassign_dialog import BulkReassignDialog
from deskapp.ui.formatting import formatter
from deskapp.ui.supervisor.approval_inbox import ApprovalInbox
from deskapp.ui.supervisor.models import AgentTableModel, TicketTableModel
from deskapp.ui.tasks import TaskRunner


def may_open(actor: Actor) -> bool:
    """Whether to offer the view at all (the services refuse agents regardless)."""
    return actor.can(Permission.VIEW_TEAM_WORKLOAD)


class SupervisorView(QWidget):
    agent_selected = Signal(object)  # uuid.UUID | None: filter the queue by this agent
    agent_activated = Signal(object)  # uuid.UUID: double-click, show their queue now
    ticket_opened = Signal(object)  # uuid.UUID
    tickets_reassigned = Signal(object)  # BulkResult
    loaded = Signal()

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorView")
        self._services = services
        self._actor = actor
        self._runner = runner
        self.workload: Workload | None = None
        self.agent_filter: uuid.UUID | None = None
        self.reassign_dialog: BulkReassignDialog | None = None
        self.auto_assign_combos: dict[uuid.UUID, QComboBox] = {}
        self._build()
        self._connect_signals()

    # -- building -----------------------------------------------------------
    def _build(self) -> None:
        self.agents = AgentTableModel(self)
        self.tickets = TicketTableModel(self)

        self.agent_table = QTableView(self)
        self.agent_table.setObjectName("agentTable")
        self.agent_table.setModel(self.agents)
        self.agent_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agent_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agent_table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.agent_table.setAcceptDrops(True)
        self.agent_table.setDropIndicatorShown(True)
        self.agent_table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.agent_table.verticalHeader().hide()
        self.agent_table.setWordWrap(False)
        header = self.agent_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agent_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.ticket_table = QTableView(self)
        self.ticket_table.setObjectName("supervisorTickets")
        self.ticket_table.setModel(self.tickets)
        self.ticket_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ticket_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.ticket_table.setDragEnabled(True)
        self.ticket_table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.ticket_table.verticalHeader().hide()
        self.ticket_table.setWordWrap(False)
        header = self.ticket_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ticket_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("refreshButton")
        self.show_all_button = QPushButton(self.tr("All my teams' tickets"), self)
        self.show_all_button.setObjectName("showAllButton")
        self.reassign_button = QPushButton(self.tr("Reassign selected…"), self)
        self.reassign_button.setObjectName("reassignButton")
        self.reassign_button.setEnabled(False)
        self.tickets_title = QLabel(self)
        self.tickets_title.setObjectName("ticketsTitle")
        self.status = QLabel(self)
        self.status.setObjectName("statusLabel")
        self.status.setWordWrap(True)
        hint = QLabel(self.tr("Click an agent to see their tickets; drag tickets onto an "
                              "agent to give them the work."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #616161;")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Agents</b>"), left))
        left_layout.addWidget(self.agent_table, 1)
        left_layout.addWidget(hint)
        self.team_box = QGroupBox(self.tr("Team queues and auto-assignment"), left)
        self.team_box.setObjectName("teamBox")
        self.team_grid = QGridLayout(self.team_box)
        left_layout.addWidget(self.team_box)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.tickets_title, 1)
        top.addWidget(self.show_all_button)
        top.addWidget(self.reassign_button)
        right_layout.addLayout(top)
        right_layout.addWidget(self.ticket_table, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([440, 660])

        work = QWidget(self)
        work_layout = QVBoxLayout(work)
        work_layout.addWidget(split, 1)
        self.approvals = ApprovalInbox(self._services, self._actor, self._runner, self)
        self.sections = QTabWidget(self)
        self.sections.setObjectName("supervisorSections")
        self.sections.addTab(work, self.tr("Team workload"))
        self.sections.addTab(self.approvals, self.tr("Approvals"))

        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.sections, 1)
        self._set_title()

    def _connect_signals(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        self.show_all_button.clicked.connect(self._on_show_all_button_clicked)
        self.reassign_button.clicked.connect(self.reassign_selected)
        self.agent_table.clicked.connect(self._on_agent_table_clicked)
        self.agent_table.doubleClicked.connect(self._on_agent_table_double_clicked)
        self.ticket_table.doubleClicked.connect(self._on_ticket_table_double_clicked)
        self.ticket_table.selectionModel().selectionChanged.connect(
            self._on_ticket_selection_changed)
        self.agents.tickets_dropped.connect(self._on_agents_tickets_dropped)
        self.approvals.decided.connect(self._on_approvals_decided)
        self.approvals.count_changed.connect(self._on_approvals_count_changed)

    def _submit(self, fn: Any, on_done: Any, key: str) -> None:
        self._runner.submit(fn, on_done=on_done, on_error=self._on_failed,
                            key=f"{key}-{id(self)}", owner=self)

    # -- loading ------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        svc, actor, who = self._services.workload, self._actor, self.agent_filter
        self.status.setText(self.tr("Loading…"))
        self._submit(lambda: (svc.workload(actor), svc.tickets(actor, assignee_id=who)),
                     self._on_loaded, "supervisor-refresh")
        self.approvals.refresh()

    def _on_loaded(self, result: tuple[Workload, list[TicketSummary]]) -> None:
        workload, tickets = result
        self.workload = workload
        current = self.agent_filter
        self.agents.set_agents(workload.agents)
        if current is not None and (row := self.agents.row_of(current)) >= 0:
            self.agent_table.selectRow(row)
        self.tickets.set_tickets(tickets)
        self._fill_teams(workload)
        self._set_title()
        self._update_buttons()
        f = formatter()
        self.status.setText(self.tr("%1 agents · updated %2")
                            .replace("%1", f.number(len(workload.agents)))
                            .replace("%2", workload.as_of.astimezone().strftime("%H:%M")))
        self.loaded.emit()

    def _fill_teams(self, workload: Workload) -> None:
        while self.team_grid.count():
            item = self.team_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.auto_assign_combos = {}
        n = formatter().number
        modes = [(AutoAssignMode.OFF, self.tr("Off")),
                 (AutoAssignMode.LEAST_LOADED, self.tr("Least loaded")),
                 (AutoAssignMode.ROUND_ROBIN, self.tr("Round-robin"))]
        for row, team in enumerate(workload.teams):
            self.team_grid.addWidget(QLabel(team.name, self.team_box), row, 0)
            self.team_grid.addWidget(QLabel(
                self.tr("%1 open, %2 unassigned").replace("%1", n(team.open_count))
                .replace("%2", n(team.unassigned_count)), self.team_box), row, 1)
            combo = QComboBox(self.team_box)
            combo.setObjectName("autoAssignCombo")
            for mode, text in modes:
                combo.addItem(text, mode.value)
            combo.setCurrentIndex(max(0, combo.findData(team.auto_assign)))
            combo.setProperty("team_id", str(team.id))
            combo.currentIndexChanged.connect(self._on_auto_assign_combo_changed)
            self.team_grid.addWidget(combo, row, 2)
            self.auto_assign_combos[team.id] = combo

    @Slot(int)
    def _on_auto_assign_combo_changed(self, _index: int) -> None:
        combo = self.sender()
        if not isinstance(combo, QComboBox):
            return
        team_id = uuid.UUID(combo.property("team_id"))
        mode = combo.currentData()
        svc, actor = self._services.auto_assign, self._actor
        self._submit(lambda: svc.set_mode(actor, team_id, mode),
                     self._on_auto_assign_set, "supervisor-auto-assign")

    def _on_auto_assign_set(self, result: object) -> None:
        assigned = getattr(result, "assigned", 0)
        self.tickets_reassigned.emit(None)
        self.refresh()
        if assigned:
            self.status.setText(self.tr("%1 waiting tickets were auto-assigned.")
                                .replace("%1", formatter().number(assigned)))

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(describe_failure(exc))
        self.status.setStyleSheet("color: #c62828;")

    def _set_title(self) -> None:
        if self.agent_filter is None:
            self.tickets_title.setText(self.tr("<b>Open tickets of my teams</b>"))
            return
        row = self.agents.row_of(self.agent_filter)
        agent = self.agents.agent_at(row)
        name = agent.display_name if agent else "?"
        self.tickets_title.setText(self.tr("<b>Open tickets of %1</b>").replace("%1", name))

    # -- selecting ----------------------------------------------------------
    def select_agent(self, user_id: uuid.UUID | None) -> None:
        """Show ``user_id``'s tickets here and ask the main window to filter the queue."""
        self.agent_filter = user_id
        self._set_title()
        self.agent_selected.emit(user_id)
        self.refresh()

    @Slot(QModelIndex)
    def _on_agent_table_clicked(self, index: QModelIndex) -> None:
        agent = self.agents.agent_at(index.row())
        if agent is not None:
            self.select_agent(agent.user_id)

    @Slot(QModelIndex)
    def _on_agent_table_double_clicked(self, index: QModelIndex) -> None:
        agent = self.agents.agent_at(index.row())
        if agent is not None:
            self.agent_activated.emit(agent.user_id)

    @Slot()
    def _on_show_all_button_clicked(self) -> None:
        self.agent_table.clearSelection()
        self.select_agent(None)

    @Slot(QModelIndex)
    def _on_ticket_table_double_clicked(self, index: QModelIndex) -> None:
        ticket = self.tickets.ticket_at(index.row())
        if ticket is not None:
            self.ticket_opened.emit(ticket.id)

    def _on_ticket_selection_changed(self, *_args: object) -> None:
        self._update_buttons()

    def selected_tickets(self) -> list[TicketSummary]:
        rows = sorted({i.row() for i in self.ticket_table.selectionModel().selectedRows()})
        return [t for r in rows if (t := self.tickets.ticket_at(r)) is not None]

    def _update_buttons(self) -> None:
        self.reassign_button.setEnabled(bool(self.selected_tickets()))

    # -- moving work --------------------------------------------------------
    @Slot()
    def reassign_selected(self, preset_agent: uuid.UUID | None = None) -> BulkReassignDialog | None:
        chosen = self.selected_tickets()
        if not chosen or self.workload is None:
            return None
        dialog = BulkReassignDialog(
            self._services, self._actor, self._runner, chosen, list(self.workload.agents),
            list(self.workload.teams), self, preset_agent=preset_agent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.tickets_reassigned.connect(self._on_dialog_tickets_reassigned)
        self.reassign_dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_tickets_reassigned(self, result: BulkResult) -> None:
        self.tickets_reassigned.emit(result)
        self.refresh()

    def _on_agents_tickets_dropped(self, refs: list[TicketRef], user_id: uuid.UUID) -> None:
        row = self.agents.row_of(user_id)
        agent = self.agents.agent_at(row)
        name = agent.display_name if agent else "?"
        reason = self.tr("Dragged onto %1 in the supervisor view").replace("%1", name)
        svc, actor = self._services.workload, self._actor
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Moving %1 tickets to %2…")
                            .replace("%1", formatter().number(len(refs))).replace("%2", name))
        self._submit(lambda: svc.reassign(actor, refs, to_user_id=user_id, reason=reason),
                     self._on_dropped_moved, "supervisor-drop")

    def _on_dropped_moved(self, result: BulkResult) -> None:
        n = formatter().number
        text = self.tr("%1 moved, %2 could not be moved.").replace(
            "%1", n(len(result.moved))).replace("%2", n(len(result.failed)))
        if result.failed:
            text += " " + " ".join(r.message for r in result.failed)
        self.tickets_reassigned.emit(result)
        self.refresh()
        self.status.setText(text)  # shown until the refresh reports back
        self.last_drop_result = result

    def _on_approvals_decided(self, _info: object) -> None:
        self.refresh()

    @Slot(int)
    def _on_approvals_count_changed(self, count: int) -> None:
        index = self.sections.indexOf(self.approvals)
        self.sections.setTabText(index, self.tr("Approvals (%1)").replace(
            "%1", formatter().number(count)) if count else self.tr("Approvals"))
