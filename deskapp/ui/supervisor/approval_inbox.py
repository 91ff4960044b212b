"""Approval requests waiting for this supervisor: goodwill credits and warranty decisions
above an agent's authority. Double-click (or Decide…) opens the approval dialog."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.approvals import ApprovalInfo
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.banner import describe_failure
from deskapp.ui.dialogs.approval_dialog import ApprovalDialog, kind_text
from deskapp.ui.formatting import formatter
from deskapp.ui.tasks import TaskRunner


class ApprovalInbox(QWidget):
    decided = Signal(object)  # ApprovalInfo
    count_changed = Signal(int)

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalInbox")
        self._services = services
        self._actor = actor
        self._runner = runner
        self.pending: list[ApprovalInfo] = []
        self.dialog: ApprovalDialog | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("approvalList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.decide_button = QPushButton(self.tr("Decide…"), self)
        self.decide_button.setObjectName("decideButton")
        self.decide_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setObjectName("approvalStatus")
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.decide_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(bar)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.list.doubleClicked.connect(self._on_list_double_clicked)
        self.decide_button.clicked.connect(self._on_decide_button_clicked)

    def refresh(self) -> None:
        svc, actor = self._services.approvals, self._actor
        self._runner.submit(lambda: svc.pending(actor), self._on_loaded, self._on_failed,
                            key=f"approvals-{id(self)}", owner=self)

    def _on_loaded(self, pending: list[ApprovalInfo]) -> None:
        self.pending = pending
        self.list.clear()
        f = formatter()
        for a in pending:
            text = (self.tr("%1 · %2 of %3 · requested by %4: %5")
                    .replace("%1", a.ticket_reference).replace("%2", kind_text(a.kind))
                    .replace("%3", str(a.amount)).replace("%4", a.requested_by_name)
                    .replace("%5", a.note))
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
        self.status.setText(self.tr("%1 waiting").replace("%1", f.number(len(pending))))
        self.decide_button.setEnabled(self.list.currentRow() >= 0)
        self.count_changed.emit(len(pending))

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(describe_failure(exc))

    @Slot(int)
    def _on_list_current_row_changed(self, row: int) -> None:
        self.decide_button.setEnabled(row >= 0)

    @Slot(QModelIndex)
    def _on_list_double_clicked(self, _index: QModelIndex) -> None:
        self.open_current()

    @Slot()
    def _on_decide_button_clicked(self) -> None:
        self.open_current()

    def open_current(self) -> ApprovalDialog | None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.pending):
            return None
        dialog = ApprovalDialog(self._services, self._actor, self._runner, self.pending[row],
                                self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.approval_decided.connect(self._on_dialog_approval_decided)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_approval_decided(self, info: ApprovalInfo) -> None:
        self.decided.emit(info)
        self.refresh()
