"""Reassign many tickets in one go: to an agent or a team, with a reason. Each ticket
moves on its own (all-or-nothing per ticket); afterwards the dialog lists every ticket
with what happened — moved, or why not (changed meanwhile by someone, not allowed,
gone)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.dto import TicketSummary
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.services.workload import AgentLoad, BulkResult, TeamLoad, TicketRef
from deskapp.ui.banner import describe_failure
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.formatting import formatter
from deskapp.ui.tasks import TaskRunner


class BulkReassignDialog(QDialog):
    tickets_reassigned = Signal(object)  # BulkResult

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        tickets: list[TicketSummary],
        agents: list[AgentLoad],
        teams: list[TeamLoad],
        parent: QWidget | None = None,
        *,
        preset_agent: uuid.UUID | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkReassignDialog")
        self.setWindowTitle(self.tr("Reassign tickets"))
        self._services = services
        self._actor = actor
        self._runner = runner
        self.tickets = list(tickets)
        self.result_data: BulkResult | None = None
        self._busy = False
        self._build(agents, teams)
        self._connect_signals()
        if preset_agent is not None:
            self.choose_agent(preset_agent)
        self._update_ok()
        self.resize(620, 520)

    def _build(self, agents: list[AgentLoad], teams: list[TeamLoad]) -> None:
        n = formatter().number
        refs = ", ".join(t.reference for t in self.tickets[:8])
        if len(self.tickets) > 8:
            refs += " …"
        intro = QLabel(self.tr("%1 tickets: %2").replace("%1", n(len(self.tickets)))
                       .replace("%2", refs), self)
        intro.setObjectName("ticketsLabel")
        intro.setWordWrap(True)
        self.to_agent = QRadioButton(self.tr("To an agent"), self)
        self.to_agent.setObjectName("toAgentRadio")
        self.to_team = QRadioButton(self.tr("To a team's queue"), self)
        self.to_team.setObjectName("toTeamRadio")
        self.to_agent.setChecked(True)
        self._kind = QButtonGroup(self)
        self._kind.addButton(self.to_agent, 0)
        self._kind.addButton(self.to_team, 1)
        self.agent_combo = QComboBox(self)
        self.agent_combo.setObjectName("agentCombo")
        for a in agents:
            self.agent_combo.addItem(
                self.tr("%1 (%2 open)").replace("%1", a.display_name)
                .replace("%2", n(a.open_count)), a.user_id)
        self.team_combo = QComboBox(self)
        self.team_combo.setObjectName("teamCombo")
        for t in teams:
            self.team_combo.addItem(t.name, t.id)
        self.team_combo.setEnabled(False)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reasonEdit")
        self.reason.setPlaceholderText(self.tr("Why (required), e.g. Ali is on leave"))
        form = QFormLayout()
        row_agent = QHBoxLayout()
        row_agent.addWidget(self.to_agent)
        row_agent.addWidget(self.agent_combo, 1)
        row_team = QHBoxLayout()
        row_team.addWidget(self.to_team)
        row_team.addWidget(self.team_combo, 1)
        form.addRow(row_agent)
        form.addRow(row_team)
        form.addRow(self.tr("Reason:"), self.reason)

        self.results = QTableWidget(0, 3, self)
        self.results.setObjectName("resultsTable")
        self.results.setHorizontalHeaderLabels(
            [self.tr("Ticket"), self.tr("Result"), self.tr("Details")])
        self.results.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.hide()
        self.summary = QLabel(self)
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        self.error = error_label(self, "errorLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setText(self.tr("Reassign"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self._kind.idToggled.connect(self._on_kind_id_toggled)
        self.reason.textChanged.connect(self._on_reason_text_changed)
        self.agent_combo.currentIndexChanged.connect(self._on_target_changed)
        self.team_combo.currentIndexChanged.connect(self._on_target_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def choose_agent(self, user_id: uuid.UUID) -> bool:
        """Select ``user_id`` as the target (QComboBox.findData cannot compare UUIDs)."""
        for i in range(self.agent_combo.count()):
            if self.agent_combo.itemData(i) == user_id:
                self.to_agent.setChecked(True)
                self.agent_combo.setCurrentIndex(i)
                return True
        return False

    def choose_team(self, team_id: uuid.UUID) -> bool:
        for i in range(self.team_combo.count()):
            if self.team_combo.itemData(i) == team_id:
                self.to_team.setChecked(True)
                self.team_combo.setCurrentIndex(i)
                return True
        return False

    # -- validity -----------------------------------------------------------
    def target(self) -> tuple[uuid.UUID | None, uuid.UUID | None]:
        if self.to_agent.isChecked():
            return self.agent_combo.currentData(), None
        return None, self.team_combo.currentData()

    def is_valid(self) -> bool:
        user, team = self.target()
        return (not self._busy and self.result_data is None and bool(self.tickets)
                and (user is not None or team is not None) and bool(self.reason.text().strip()))

    def _update_ok(self) -> None:
        if self.result_data is None:
            self.ok_button.setEnabled(self.is_valid())

    @Slot(int, bool)
    def _on_kind_id_toggled(self, kind_id: int, checked: bool) -> None:
        if checked:
            self.agent_combo.setEnabled(kind_id == 0)
            self.team_combo.setEnabled(kind_id == 1)
            self._update_ok()

    @Slot(str)
    def _on_reason_text_changed(self, _text: str) -> None:
        self._update_ok()

    @Slot(int)
    def _on_target_changed(self, _index: int) -> None:
        self._update_ok()

    # -- reassigning --------------------------------------------------------
    @Slot()
    def _on_buttons_accepted(self) -> None:
        if self.result_data is not None:
            self.accept()  # "Close" after the results are shown
            return
        if not self.is_valid():
            return
        user, team = self.target()
        refs = [TicketRef(t.id, t.version) for t in self.tickets]
        reason = self.reason.text()
        svc, actor = self._services.workload, self._actor
        self._busy = True
        self.error.hide()
        self.summary.setText(self.tr("Reassigning…"))
        self._update_ok()
        self._runner.submit(
            lambda: svc.reassign(actor, refs, to_user_id=user, to_team_id=team, reason=reason),
            self._on_reassigned, self._on_failed, key=f"bulk-{id(self)}",
        )

    def _on_reassigned(self, result: BulkResult) -> None:
        self._busy = False
        self.result_data = result
        self.show_results(result)
        self.tickets_reassigned.emit(result)

    def show_results(self, result: BulkResult) -> None:
        n = formatter().number
        self.summary.setText(
            self.tr("%1 moved, %2 could not be moved.").replace("%1", n(len(result.moved)))
            .replace("%2", n(len(result.failed))))
        problems = {
            "stale": self.tr("Changed meanwhile"),
            "permission": self.tr("Not allowed"),
            "not_found": self.tr("Not found"),
            "invalid": self.tr("Refused"),
        }
        self.results.setRowCount(len(result.results))
        for row, r in enumerate(result.results):
            ref = QTableWidgetItem(r.reference or str(r.ticket_id)[:8])
            status = QTableWidgetItem(self.tr("Moved") if r.moved else problems[r.problem])
            status.setForeground(QColor("#2e7d32" if r.moved else "#c62828"))
            details = QTableWidgetItem(r.message)
            details.setToolTip(r.message)
            for col, item in enumerate((ref, status, details)):
                self.results.setItem(row, col, item)
        self.results.show()
        for w in (self.to_agent, self.to_team, self.agent_combo, self.team_combo, self.reason):
            w.setEnabled(False)
        self.ok_button.setText(self.tr("Close"))
        self.ok_button.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.summary.clear()
        self.error.setText(describe_failure(exc))
        self.error.show()
        self._update_ok()


