"""Missed calls: calls that rang at this workstation and were not answered, with the
matched customer and a Call back action (which also takes the call off the list)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.calls import CallInfo
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.banner import describe_failure as describe
from deskapp.ui.formatting import formatter, isolate
from deskapp.ui.tasks import TaskRunner


class MissedCallsDialog(QDialog):
    call_back_requested = Signal(object)  # CallInfo
    customer_requested = Signal(object)  # customer id
    changed = Signal(int)  # how many missed calls remain

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None, *, can_dial: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("missedCallsDialog")
        self.setWindowTitle(self.tr("Missed calls"))
        self._services, self._actor, self._runner = services, actor, runner
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("missedCalls")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Number"), self.tr("Customer")])
        self.status = QLabel(self)
        self.status.setObjectName("missedCallsStatus")
        self.call_back = QPushButton(self.tr("Call back"), self)
        self.call_back.setObjectName("callBackButton")
        self.call_back.setEnabled(False)
        self.call_back.setVisible(can_dial)
        self.dismiss = QPushButton(self.tr("Dismiss"), self)
        self.dismiss.setObjectName("dismissMissedButton")
        self.dismiss.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.call_back)
        row.addWidget(self.dismiss)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.resize(560, 380)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        self.call_back.clicked.connect(self._on_call_back_clicked)
        self.dismiss.clicked.connect(self._on_dismiss_clicked)
        self.reload()

    def reload(self) -> None:
        self.status.setText(self.tr("Loading…"))
        self._runner.submit(lambda: self._services.calls.missed(self._actor),
                            on_done=self._on_loaded, on_error=self._on_failed,
                            key=f"missed-{id(self)}", owner=self)

    def _on_loaded(self, calls: list[CallInfo]) -> None:
        self.tree.clear()
        f = formatter()
        for call in calls:
            item = QTreeWidgetItem([
                f.datetime(call.rang_at),
                isolate(f.digits(call.number) or call.raw_number),
                isolate(call.customer_name or call.display_name or self.tr("Unknown caller")),
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, call)
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.status.setText(self.tr("No missed calls.") if not calls else "")
        if calls:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.changed.emit(len(calls))

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(describe(exc))

    def current(self) -> CallInfo | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    @Slot()
    def _on_tree_current_item_changed(self, *_args) -> None:
        call = self.current()
        self.call_back.setEnabled(call is not None and bool(call.number))
        self.dismiss.setEnabled(call is not None)

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        call = item.data(0, Qt.ItemDataRole.UserRole)
        if call is not None and call.customer_id is not None:
            self.customer_requested.emit(call.customer_id)

    @Slot()
    def _on_call_back_clicked(self) -> None:
        call = self.current()
        if call is not None:
            self.call_back_requested.emit(call)
            self._handled(call)

    @Slot()
    def _on_dismiss_clicked(self) -> None:
        call = self.current()
        if call is not None:
            self._handled(call)

    def _handled(self, call: CallInfo) -> None:
        self._runner.submit(lambda: self._services.calls.mark_handled(self._actor, call.id),
                            on_done=lambda _r: self.reload(), on_error=self._on_failed,
                            owner=self)
