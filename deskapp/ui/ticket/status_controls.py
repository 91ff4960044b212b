"""Status buttons that follow the lifecycle (services.tickets.TRANSITIONS), and the
satisfaction score (1–5) asked when resolving."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from deskapp.models.enums import Status
from deskapp.services.dto import TicketSummary
from deskapp.services.tickets import TRANSITIONS
from deskapp.ui.labels import label

_ORDER = list(Status)


class StatusControls(QWidget):
    status_requested = Signal(str, object)  # new status, csat (int or None)
    csat_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusControls")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self._caption = QLabel(self.tr("Move to:"), self)
        outer.addWidget(self._caption)  # above the buttons: the pane can stay narrow
        self._buttons_box = QHBoxLayout()
        row.addLayout(self._buttons_box)
        row.addStretch(1)
        outer.addLayout(row)
        self._layout = QHBoxLayout()
        outer.addLayout(self._layout)
        self.csat_label = QLabel(self.tr("Satisfaction:"), self)
        self.csat = QComboBox(self)
        self.csat.setObjectName("csatCombo")
        self.csat.addItem(self.tr("not asked"), None)
        for score in range(1, 6):
            self.csat.addItem(f"{score} / 5", score)
        self.csat_button = QPushButton(self.tr("Record"), self)
        self.csat_button.setObjectName("csatButton")
        self._layout.addWidget(self.csat_label)
        self._layout.addWidget(self.csat)
        self._layout.addWidget(self.csat_button)
        self._layout.addStretch(1)
        self.buttons: dict[Status, QPushButton] = {}
        self.csat_button.clicked.connect(self._on_csat_button_clicked)

    def show_ticket(self, ticket: TicketSummary, may_work: bool) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons.clear()
        for status in sorted(TRANSITIONS[ticket.status], key=_ORDER.index):
            text = self.tr("Resolve") if status is Status.RESOLVED else label(status)
            if ticket.status in (Status.RESOLVED, Status.CLOSED) and status is Status.OPEN:
                text = self.tr("Reopen")
            button = QPushButton(text, self)
            button.setObjectName(f"status_{status.value}")
            button.setEnabled(may_work)
            button.clicked.connect(lambda _=False, s=status: self._on_status_clicked(s))
            self._buttons_box.addWidget(button)
            self.buttons[status] = button
        resolving = Status.RESOLVED in TRANSITIONS[ticket.status]
        rating_later = ticket.status in (Status.RESOLVED, Status.CLOSED) and ticket.csat is None
        for widget in (self.csat_label, self.csat):
            widget.setVisible(resolving or rating_later)
        self.csat_button.setVisible(rating_later)
        self.csat.setCurrentIndex(0)
        self.setEnabled(True)

    def set_busy(self, busy: bool) -> None:
        self.setEnabled(not busy)

    def _on_status_clicked(self, status: Status) -> None:
        csat = self.csat.currentData() if status is Status.RESOLVED else None
        self.status_requested.emit(status.value, csat)

    def _on_csat_button_clicked(self) -> None:
        score = self.csat.currentData()
        if score is not None:
            self.csat_requested.emit(int(score))
