"""Merge a duplicate ticket into the open one (a repeat caller logged twice): pick the
duplicate among the customer's other open tickets; its conversation moves here, it is
closed as "merged into <this ticket>", and this ticket's SLA clocks go on unchanged
(services.merging). Both versions shown are checked: a change made meanwhile elsewhere
is refused with a clear message, nothing is written."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.dto import CustomerHistory, TicketDetail, TicketSummary
from deskapp.services.facade import Services
from deskapp.services.merging import TicketMergeResult
from deskapp.services.permissions import Actor
from deskapp.ui.admin.messages import describe
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.formatting import formatter, isolate
from deskapp.ui.labels import label
from deskapp.ui.tasks import TaskRunner


class TicketMergeDialog(QDialog):
    loaded = Signal()
    merged = Signal(object)  # TicketMergeResult

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 kept: TicketDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketMergeDialog")
        self.kept = kept.ticket
        self.setWindowTitle(self.tr("Merge a duplicate into %1").replace(
            "%1", self.kept.reference))
        self._services = services
        self._actor = actor
        self._runner = runner
        intro = QLabel(self.tr(
            "Choose the duplicate of %1 (%2). Its messages move here; it is closed as "
            "merged. This ticket keeps its SLA clocks.").replace("%1", self.kept.reference)
            .replace("%2", isolate(self.kept.subject)), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("duplicateList")
        self.empty = QLabel(self.tr("This customer has no other open ticket."), self)
        self.empty.hide()
        self.error = error_label(self, "ticketMergeError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge into this ticket"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeTicketButton")
        self.merge_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumSize(520, 320)
        self.list.currentItemChanged.connect(
            lambda *_a: self.merge_button.setEnabled(self.selected() is not None))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        customer_id = kept.customer.id
        self._runner.submit(lambda: services.customers.history(actor, customer_id),
                            on_done=self._on_loaded, on_error=self._on_failed,
                            key="ticket-merge-load", owner=self)

    def selected(self) -> TicketSummary | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _on_loaded(self, history: CustomerHistory) -> None:
        fmt = formatter()
        self.list.clear()
        for t in history.tickets:
            if t.id == self.kept.id or not t.status.is_open:
                continue
            text = f"{t.reference} · {isolate(t.subject)} · {label(t.status)} · " \
                   f"{fmt.datetime(t.created_at)}"
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, t)
        self.empty.setVisible(self.list.count() == 0)
        self.loaded.emit()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        other = self.selected()
        if other is None:
            return
        services, actor, kept = self._services, self._actor, self.kept
        self.merge_button.setEnabled(False)
        self._runner.submit(
            lambda: services.merges.merge_tickets(actor, kept.id, other.id,
                                                  (kept.version, other.version)),
            on_done=self._on_merged, on_error=self._on_failed, key="ticket-merge",
            owner=self)

    def _on_merged(self, result: TicketMergeResult) -> None:
        self.merged.emit(result)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.merge_button.setEnabled(self.selected() is not None)
        self.error.setText(describe(exc))
        self.error.show()
