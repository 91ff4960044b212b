"""Escalation reasons and authority limits (managers): the reasons the escalate dialog
offers (add, rename, retire, bring back; retired reasons stay so history still reads
right) and how large a goodwill credit or warranty decision each role may grant on its
own (empty: unlimited). Each change is saved with the version shown."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.approvals import AuthorityLimitInfo
from deskapp.services.escalations import EscalationReasonInfo
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.admin.messages import describe
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.formatting import formatter
from deskapp.ui.labels import label
from deskapp.ui.tasks import TaskRunner


class DeskRulesDialog(QDialog):
    loaded = Signal()
    saved = Signal()

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskRulesDialog")
        self.setWindowTitle(self.tr("Escalation reasons and authority limits"))
        self._services = services
        self._actor = actor
        self._runner = runner
        self.reasons_info: list[EscalationReasonInfo] = []
        self.limits_info: list[AuthorityLimitInfo] = []

        self.reasons = QTableWidget(0, 2, self)
        self.reasons.setObjectName("reasonsTable")
        self.reasons.setHorizontalHeaderLabels([self.tr("Reason"), self.tr("Offered")])
        self.reasons.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.reasons.verticalHeader().hide()
        self.new_reason = QLineEdit(self)
        self.new_reason.setObjectName("newReason")
        self.new_reason.setPlaceholderText(self.tr("A new reason, e.g. Needs a site visit"))
        self.add_reason_button = QPushButton(self.tr("Add reason"), self)
        self.add_reason_button.setObjectName("addReasonButton")
        reasons_page = QWidget(self)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_reason, 1)
        add_row.addWidget(self.add_reason_button)
        rl = QVBoxLayout(reasons_page)
        hint = QLabel(self.tr("Untick a reason to stop offering it; it stays in the history."),
                      reasons_page)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #616161;")
        rl.addWidget(self.reasons)
        rl.addWidget(hint)
        rl.addLayout(add_row)

        self.limits = QTableWidget(0, 2, self)
        self.limits.setObjectName("limitsTable")
        self.limits.setHorizontalHeaderLabels([self.tr("Role"), self.tr("May grant up to")])
        self.limits.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.limits.verticalHeader().hide()
        self.limits.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        limits_page = QWidget(self)
        ll = QVBoxLayout(limits_page)
        lhint = QLabel(self.tr("An empty amount means no limit; 0 means every decision needs a "
                               "supervisor's approval."), limits_page)
        lhint.setWordWrap(True)
        lhint.setStyleSheet("color: #616161;")
        ll.addWidget(self.limits)
        ll.addWidget(lhint)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(reasons_page, self.tr("Escalation reasons"))
        self.tabs.addTab(limits_page, self.tr("Authority limits"))
        self.error = error_label(self, "deskRulesError")
        self.save_button = QPushButton(self.tr("Save changes"), self)
        self.save_button.setObjectName("saveRulesButton")
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(640, 480)
        self.add_reason_button.clicked.connect(self._on_add_reason_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.close_button.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        services = self._services
        self._runner.submit(
            lambda: (services.escalations.reasons(include_inactive=True),
                     services.approvals.limits()),
            on_done=self._on_loaded, on_error=self._on_failed, key="desk-rules", owner=self)

    def _on_loaded(self, result) -> None:
        self.reasons_info, self.limits_info = result
        self.reasons.setRowCount(0)
        for r in self.reasons_info:
            row = self.reasons.rowCount()
            self.reasons.insertRow(row)
            text = QTableWidgetItem(r.label)
            text.setData(Qt.ItemDataRole.UserRole, r)
            self.reasons.setItem(row, 0, text)
            active = QTableWidgetItem()
            active.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            active.setCheckState(Qt.CheckState.Checked if r.active else Qt.CheckState.Unchecked)
            self.reasons.setItem(row, 1, active)
        fmt = formatter()
        self.limits.setRowCount(0)
        for lim in self.limits_info:
            row = self.limits.rowCount()
            self.limits.insertRow(row)
            role = QTableWidgetItem(label(lim.role))
            role.setFlags(Qt.ItemFlag.ItemIsEnabled)
            role.setData(Qt.ItemDataRole.UserRole, lim)
            self.limits.setItem(row, 0, role)
            amount = "" if lim.max_amount is None else fmt.digits(f"{lim.max_amount:f}")
            self.limits.setItem(row, 1, QTableWidgetItem(amount))
        self.loaded.emit()

    def pending_changes(self) -> list:
        """(kind, info, new value) for every row that differs from what was loaded."""
        out: list = []
        for row in range(self.reasons.rowCount()):
            label_item, active_item = _item(self.reasons, row, 0), _item(self.reasons, row, 1)
            info: EscalationReasonInfo = label_item.data(Qt.ItemDataRole.UserRole)
            text = label_item.text()
            active = active_item.checkState() == Qt.CheckState.Checked
            if info.id is not None and (text != info.label or active != info.active):
                out.append(("reason", info, (text, active)))
        for row in range(self.limits.rowCount()):
            lim: AuthorityLimitInfo = _item(self.limits, row, 0).data(Qt.ItemDataRole.UserRole)
            raw = _item(self.limits, row, 1).text().strip()
            raw = raw.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٫٬", "0123456789.,")).replace(",", "")
            new = raw or None
            old = None if lim.max_amount is None else lim.max_amount
            if (new is None) != (old is None) or (new is not None and _differs(new, old)):
                out.append(("limit", lim, new))
        return out

    @Slot()
    def _on_save_button_clicked(self) -> None:
        changes = self.pending_changes()
        if not changes:
            return
        services, actor = self._services, self._actor

        def save():
            for kind, info, value in changes:
                if kind == "reason":
                    text, active = value
                    services.escalations.update_reason(actor, info.id, info.version,
                                                       label=text, active=active)
                else:
                    services.approvals.set_limit(actor, info.role, value, info.version)

        self.save_button.setEnabled(False)
        self._runner.submit(save, on_done=self._on_saved, on_error=self._on_failed,
                            key="desk-rules-save", owner=self)

    @Slot()
    def _on_add_reason_button_clicked(self) -> None:
        text = self.new_reason.text()
        services, actor = self._services, self._actor
        self._runner.submit(lambda: services.escalations.add_reason(actor, text),
                            on_done=self._on_reason_added, on_error=self._on_failed,
                            key="desk-rules-add", owner=self)

    def _on_reason_added(self, _info: object) -> None:
        self.new_reason.clear()
        self._on_saved(None)

    def _on_saved(self, _result) -> None:
        self.save_button.setEnabled(True)
        self.error.hide()
        self.saved.emit()
        self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(describe(exc))
        self.error.show()
        self.reload()


def _item(table: QTableWidget, row: int, col: int) -> QTableWidgetItem:
    item = table.item(row, col)
    if item is None:  # every cell is filled by _on_loaded; an empty one is typed in
        item = QTableWidgetItem("")
        table.setItem(row, col, item)
    return item


def _differs(new: str, old: Decimal | None) -> bool:
    try:
        return Decimal(new) != old
    except ArithmeticError:
        return True
