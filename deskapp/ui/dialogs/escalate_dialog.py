"""Escalate the open ticket (Ctrl+E): functionally to a team that has the skill (each
shown with its open load), or hierarchically to the team's supervisor or the next tier;
a reason from the desk's list, a required note, "keep me informed". OK stays disabled
until the choice is complete; service errors (a stale ticket, a refused target) appear
inside the dialog and nothing typed is lost."""

from __future__ import annotations

import html

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.dto import TicketSummary
from deskapp.services.escalations import (
    EscalationOutcome,
    EscalationReasonInfo,
    HierarchicalTarget,
    TeamTarget,
)
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.banner import describe_failure
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.formatting import formatter, isolate
from deskapp.ui.tasks import TaskRunner

_ID = Qt.ItemDataRole.UserRole
RLM = "\u200f"  # right-to-left mark


class EscalateDialog(QDialog):
    ticket_escalated = Signal(object)  # EscalationOutcome

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        ticket: TicketSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("escalateDialog")
        self.setWindowTitle(self.tr("Escalate %1").replace("%1", ticket.reference))
        self._services = services
        self._actor = actor
        self._runner = runner
        self.ticket = ticket
        self.outcome: EscalationOutcome | None = None
        self._busy = False
        self._teams: list[TeamTarget] = []
        self._build()
        self._connect_signals()
        self._load()
        self._update_ok()
        self.resize(520, 600)

    # -- building -----------------------------------------------------------
    def _build(self) -> None:
        # dir follows the UI: a heading that starts with a Latin ticket number must still
        # sit on the right in Persian
        direction = "rtl" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"
        header = QLabel(
            f'<p dir="{direction}"><b>{html.escape(self.ticket.reference)}</b> — '
            f"{html.escape(self.ticket.subject)}</p>", self)
        header.setObjectName("escalateHeading")
        header.setTextFormat(Qt.TextFormat.RichText)
        header.setWordWrap(True)
        self.functional = QRadioButton(self.tr("To another team (functional)"), self)
        self.functional.setObjectName("functionalRadio")
        self.hierarchical = QRadioButton(self.tr("Up the hierarchy (supervisor or next tier)"),
                                         self)
        self.hierarchical.setObjectName("hierarchicalRadio")
        self.functional.setChecked(True)
        self._kind = QButtonGroup(self)
        self._kind.addButton(self.functional, 0)
        self._kind.addButton(self.hierarchical, 1)

        team_page = QWidget(self)
        self.skill_filter = QLineEdit(team_page)
        self.skill_filter.setObjectName("skillFilter")
        self.skill_filter.setPlaceholderText(self.tr("Filter by skill or team name…"))
        self.skill_filter.setClearButtonEnabled(True)
        self.team_list = QListWidget(team_page)
        self.team_list.setObjectName("teamList")
        # a team's line (skills, load, who is available) wraps instead of scrolling away
        self.team_list.setWordWrap(True)
        self.team_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.team_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.team_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        team_layout = QVBoxLayout(team_page)
        team_layout.setContentsMargins(0, 0, 0, 0)
        team_layout.addWidget(self.skill_filter)
        team_layout.addWidget(self.team_list)
        self.hierarchy_list = QListWidget(self)
        self.hierarchy_list.setObjectName("hierarchyList")
        self.pages = QStackedWidget(self)
        self.pages.addWidget(team_page)
        self.pages.addWidget(self.hierarchy_list)

        self.reason = QComboBox(self)
        self.reason.setObjectName("reasonCombo")
        self.reason.addItem(self.tr("Choose a reason…"), None)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText(self.tr("What has been tried, what the customer needs…"))
        self.keep_informed = QCheckBox(self.tr("Keep me informed about this ticket"), self)
        self.keep_informed.setObjectName("keepInformedCheck")
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow("", self.keep_informed)

        self.status = QLabel(self)
        self.status.setObjectName("statusLabel")
        self.status.setStyleSheet("color: #616161;")
        self.error = error_label(self, "errorLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setText(self.tr("Escalate"))

        kinds = QHBoxLayout()
        kinds.addWidget(self.functional)
        kinds.addWidget(self.hierarchical)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(kinds)
        layout.addWidget(self.pages, 1)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self._kind.idToggled.connect(self._on_kind_id_toggled)
        self.skill_filter.textChanged.connect(self._on_skill_filter_text_changed)
        self.team_list.currentItemChanged.connect(self._on_target_changed)
        self.hierarchy_list.currentItemChanged.connect(self._on_target_changed)
        self.reason.currentIndexChanged.connect(self._on_reason_current_index_changed)
        self.note.textChanged.connect(self._on_note_text_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    # -- loading ------------------------------------------------------------
    def _load(self) -> None:
        svc = self._services.escalations
        actor, ticket_id = self._actor, self.ticket.id
        self.status.setText(self.tr("Loading teams…"))
        self._runner.submit(
            lambda: (svc.reasons(), svc.functional_targets(actor, ticket_id),
                     svc.hierarchical_targets(actor, ticket_id)),
            self._on_loaded, self._on_failed, key=f"escalate-load-{id(self)}",
        )

    def _on_loaded(self, result: tuple) -> None:
        reasons, teams, ups = result
        self.status.clear()
        self._fill_reasons(reasons)
        self._teams = teams
        self._fill_teams()
        self._fill_hierarchy(ups)
        self._update_ok()

    def _fill_reasons(self, reasons: list[EscalationReasonInfo]) -> None:
        for r in reasons:
            self.reason.addItem(r.label, r.code)

    def _fill_teams(self) -> None:
        wanted = self.skill_filter.text().strip().casefold()
        self.team_list.clear()
        n = formatter().number
        for team in self._teams:
            if team.is_current:
                continue
            if wanted and wanted not in team.name.casefold() and not any(
                    wanted in k.casefold() for k in team.skills):
                continue
            text = (self.tr("%1 — %2 · %3 open · %4 · tier %5")
                    .replace("%1", self._iso(team.name))
                    .replace("%2", self._skill_names(team) or self.tr("no skills listed"))
                    .replace("%3", n(team.open_load))
                    .replace("%4", self._availability(team))
                    .replace("%5", n(team.tier)))
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                text = RLM + text  # a Latin team name must not turn the line around
            item = QListWidgetItem(text, self.team_list)
            item.setData(_ID, team.id)
        if self.team_list.count() == 0:
            self.status.setText(self.tr("No other team matches."))

    def _skill_names(self, team: TeamTarget) -> str:
        """The team's skills by their display names in the UI's language (the code only
        when a skill has none)."""
        language = QLocale().name().split("_")[0]
        names = []
        for skill in team.skills:
            labels = team.skill_labels.get(skill, {})
            names.append(labels.get(language) or labels.get("en") or skill)
        return self.tr(", ").join(self._iso(name) for name in names)

    def _iso(self, text: str) -> str:
        """Names in another script keep their own direction inside a Persian line."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return isolate(text) if rtl else text

    def _availability(self, team: TeamTarget) -> str:
        """Who could pick it up now: 'nobody available now (4 members)' rather than a
        bare '0 available'."""
        n = formatter().number
        if team.available_agents:
            return (self.tr("%1 of %2 available now").replace("%1", n(team.available_agents))
                    .replace("%2", n(max(team.members, team.available_agents))))
        if team.members:
            return self.tr("nobody available now (%1 members)").replace("%1", n(team.members))
        return self.tr("no members")

    def _fill_hierarchy(self, targets: list[HierarchicalTarget]) -> None:
        self.hierarchy_list.clear()
        for t in targets:
            prefix = self.tr("Supervisor") if t.kind == "supervisor" else self.tr("Next tier")
            item = QListWidgetItem(f"{prefix}: {t.label}", self.hierarchy_list)
            item.setData(_ID, t)
        if not targets:
            QListWidgetItem(self.tr("Nobody above this ticket's team."), self.hierarchy_list) \
                .setFlags(Qt.ItemFlag.NoItemFlags)

    # -- validity -----------------------------------------------------------
    def _target(self) -> object | None:
        lst = self.team_list if self.functional.isChecked() else self.hierarchy_list
        item = lst.currentItem()
        return item.data(_ID) if item is not None else None

    def is_valid(self) -> bool:
        return (
            not self._busy
            and self._target() is not None
            and self.reason.currentData() is not None
            and bool(self.note.toPlainText().strip())
        )

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.is_valid())

    @Slot(int, bool)
    def _on_kind_id_toggled(self, kind_id: int, checked: bool) -> None:
        if checked:
            self.pages.setCurrentIndex(kind_id)
            self._update_ok()

    @Slot(str)
    def _on_skill_filter_text_changed(self, _text: str) -> None:
        self.status.clear()
        self._fill_teams()
        self._update_ok()

    @Slot()
    def _on_target_changed(self, *_args: object) -> None:
        self._update_ok()

    @Slot(int)
    def _on_reason_current_index_changed(self, _index: int) -> None:
        self._update_ok()

    @Slot()
    def _on_note_text_changed(self) -> None:
        self._update_ok()

    # -- escalating ---------------------------------------------------------
    @Slot()
    def _on_buttons_accepted(self) -> None:
        if not self.is_valid():
            return
        svc = self._services.escalations
        actor, t = self._actor, self.ticket
        reason = self.reason.currentData()
        note = self.note.toPlainText()
        keep = self.keep_informed.isChecked()
        target = self._target()
        if self.functional.isChecked():
            def work() -> EscalationOutcome:
                return svc.escalate_functional(actor, t.id, t.version, to_team_id=target,
                                               reason=reason, note=note, keep_informed=keep)
        else:
            assert isinstance(target, HierarchicalTarget)

            def work() -> EscalationOutcome:
                return svc.escalate_hierarchical(
                    actor, t.id, t.version, reason=reason, note=note, keep_informed=keep,
                    to_user_id=target.user_id if target.kind == "supervisor" else None,
                    to_team_id=target.team_id if target.kind == "tier" else None)
        self._busy = True
        self.error.hide()
        self.status.setText(self.tr("Escalating…"))
        self._update_ok()
        self._runner.submit(work, self._on_escalated, self._on_failed,
                            key=f"escalate-{id(self)}")

    def _on_escalated(self, outcome: EscalationOutcome) -> None:
        self._busy = False
        self.outcome = outcome
        self.ticket_escalated.emit(outcome)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.status.clear()
        self.error.setText(describe_failure(exc))
        self.error.show()
        self._update_ok()
