"""Merge a duplicate into the customer on screen (supervisors): find the duplicate by
phone, email or name, see both side by side, confirm. The duplicate's tickets, phones
and history move to the kept customer; the duplicate becomes a tombstone pointing to it
(``CustomerService.merge``). The versions shown are the versions merged: a change
made meanwhile on another workstation is refused, not overwritten."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.dto import CustomerInfo
from deskapp.services.facade import Services
from deskapp.services.merging import CustomerMergeResult
from deskapp.services.permissions import Actor
from deskapp.ui.admin.messages import describe
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.formatting import isolate
from deskapp.ui.labels import label
from deskapp.ui.tasks import TaskRunner


def describe_customer(c: CustomerInfo) -> str:
    parts = [isolate(c.name), ", ".join(c.phones) or "—", c.email or "—", label(c.segment)]
    return " · ".join(parts)


class CustomerMergeDialog(QDialog):
    merged = Signal(object)  # CustomerMergeResult

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        kept: CustomerInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerMergeDialog")
        self.setWindowTitle(self.tr("Merge a duplicate into %1").replace("%1", kept.name))
        self._services = services
        self._actor = actor
        self._runner = runner
        self.kept = kept
        kept_label = QLabel(self.tr("Keep: %1").replace("%1", describe_customer(kept)), self)
        kept_label.setWordWrap(True)
        kept_label.setStyleSheet("font-weight: bold;")
        self.search = QLineEdit(self)
        self.search.setObjectName("mergeSearch")
        self.search.setPlaceholderText(self.tr("Find the duplicate: phone, email or name"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("mergeResults")
        explain = QLabel(self.tr(
            "The duplicate's tickets, phone numbers and history move to the kept customer; "
            "missing email or organisation are taken over. The duplicate disappears from "
            "searches and points to the kept customer."), self)
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #616161;")
        self.error_label = error_label(self, "mergeError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge into the kept customer"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(kept_label)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(explain)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumSize(560, 380)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.results.currentItemChanged.connect(self._on_results_current_item_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def selected(self) -> CustomerInfo | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    @Slot()
    def _on_debounce_timeout(self) -> None:
        query = self.search.text()
        services, actor = self._services, self._actor
        self._runner.submit(lambda: services.customers.lookup(actor, query),
                            on_done=self._on_found, on_error=self._on_failed,
                            key="merge-lookup", owner=self)

    def _on_found(self, found: list[CustomerInfo]) -> None:
        self.results.clear()
        for c in found:
            if c.id == self.kept.id:
                continue
            item = QListWidgetItem(describe_customer(c), self.results)
            item.setData(Qt.ItemDataRole.UserRole, c)
        if self.results.count():
            self.results.setCurrentRow(0)

    @Slot()
    def _on_results_current_item_changed(self) -> None:
        self.merge_button.setEnabled(self.selected() is not None)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        other = self.selected()
        if other is None:
            return
        self.error_label.hide()
        self.merge_button.setEnabled(False)
        services, actor, kept = self._services, self._actor, self.kept
        self._runner.submit(
            lambda: services.customers.merge(kept.id, other.id, actor,
                                             {kept.id: kept.version, other.id: other.version}),
            on_done=self._on_merged, on_error=self._on_failed, key="merge", owner=self,
        )

    def _on_merged(self, result: CustomerMergeResult) -> None:
        self.merged.emit(result)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.merge_button.setEnabled(self.selected() is not None)
        self.error_label.setText(describe(exc))
        self.error_label.show()
