"""Several customers share the calling number (a family phone, an office switchboard):
the agent picks who is on the line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.dto import CustomerInfo
from deskapp.ui.formatting import formatter, isolate
from deskapp.ui.labels import label


class CallerChoiceDialog(QDialog):
    def __init__(self, number: str, customers: list[CustomerInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerChoiceDialog")
        self.setWindowTitle(self.tr("Who is calling?"))
        heading = QLabel(
            self.tr("%1 customers have the number %2. Who is on the line?")
            .replace("%1", formatter().number(len(customers)))
            .replace("%2", isolate(formatter().digits(number))),
            self,
        )
        heading.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("callerChoices")
        for customer in customers:
            parts = [isolate(customer.name), label(customer.segment)]
            if customer.organisation:
                parts.append(isolate(customer.organisation))
            if customer.warning_note:
                parts.append(self.tr("has a warning note"))
            item = QListWidgetItem(" · ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, customer)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> CustomerInfo | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
