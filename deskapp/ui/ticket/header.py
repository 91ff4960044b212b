"""The ticket header: number, subject, customer, status, priority, people and both SLA
clocks (state, time left or overdue, due time; the one rule of services.sla_state,
worded and coloured by ui.sla_display)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from deskapp.models.enums import SlaClock
from deskapp.services.dto import TicketDetail
from deskapp.services.sla_state import ClockState, SlaReading
from deskapp.ui.formatting import formatter
from deskapp.ui.labels import label
from deskapp.ui.sla_display import clock_text, colour, stage_text


class SlaClockLabel(QLabel):
    """A coloured pill with the clock's state and time left or overdue; the due time
    (or when it was met) beside it. Words and colours: deskapp.ui.sla_display."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.reading: SlaReading | None = None
        self.due_label = QLabel(parent)
        self.due_label.setObjectName(f"{name}Due")
        self.due_label.setStyleSheet("color: #616161;")
        # the due time wraps rather than widening the ticket pane (the queue needs it)
        self.due_label.setWordWrap(True)

    @property
    def state(self) -> ClockState:
        return self.reading.state if self.reading is not None else ClockState.NONE

    def show_state(self, title: str, reading: SlaReading, done_at: datetime | None) -> None:
        fmt = formatter()
        self.reading = reading
        due = self.tr("due %1").replace("%1", fmt.datetime(reading.due)) if reading.due else ""
        if reading.state in (ClockState.MET, ClockState.MISSED) and done_at is not None:
            due = self.tr("at %1").replace("%1", fmt.datetime(done_at))
        text = clock_text(title, reading)
        self.setText(text)
        self.due_label.setText(due)
        tip = f"{text} — {due}" if due else text
        self.setToolTip(f"{tip}\n{stage_text(reading)}")
        self.setStyleSheet(
            f"QLabel {{ color: white; background: {colour(reading)}; border-radius: 3px;"
            " padding: 2px 6px; }"
        )


class TicketHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketHeader")
        self.title = QLabel(self)
        self.title.setObjectName("ticketTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self._values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        fields = [
            ("customer", self.tr("Customer")),
            ("status", self.tr("Status")),
            ("priority", self.tr("Priority")),
            ("assignee", self.tr("Assignee")),
            ("team", self.tr("Team")),
            ("channel", self.tr("Channel")),
        ]
        for n, (key, caption) in enumerate(fields):
            row, col = divmod(n, 2)  # two pairs a row: the pane can stay narrow
            name = QLabel(caption + ":", self)
            name.setStyleSheet("color: #616161;")
            value = QLabel(self)
            value.setObjectName(f"ticket_{key}")
            value.setTextInteractionFlags(value.textInteractionFlags())
            grid.addWidget(name, row, col * 2)
            grid.addWidget(value, row, col * 2 + 1)
            self._values[key] = value
        grid.setColumnStretch(3, 1)
        self.first_response = SlaClockLabel("slaFirstResponse", self)
        self.resolution = SlaClockLabel("slaResolution", self)
        clocks = QGridLayout()
        for row, clock in enumerate((self.first_response, self.resolution)):
            clocks.addWidget(clock, row, 0)
            clocks.addWidget(clock.due_label, row, 1)
        clocks.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addLayout(clocks)

    def value(self, key: str) -> str:
        return self._values[key].text()

    def show_ticket(self, detail: TicketDetail, now: datetime) -> None:
        t = detail.ticket
        title = f"{t.reference} — {t.subject}"
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            # a title that starts with the Latin ticket number would be laid out left to
            # right, on the left; the mark makes it a right-to-left line
            title = "\u200f" + title
        self.title.setText(title)
        values = {
            "customer": t.customer_name,
            "status": label(t.status),
            "priority": label(t.priority),
            "assignee": t.assignee_name or self.tr("unassigned"),
            "team": t.team_name or "—",
            "channel": label(t.channel),
        }
        for key, text in values.items():
            self._values[key].setText(text)
        urgent = t.priority.value in ("high", "urgent")
        self._values["priority"].setStyleSheet("color: #c62828; font-weight: bold;" if urgent else "")
        self.first_response.show_state(
            self.tr("First response"),
            t.sla(now, SlaClock.FIRST_RESPONSE),
            detail.first_response_at or t.resolved_at,
        )
        self.resolution.show_state(
            self.tr("Resolution"), t.sla(now, SlaClock.RESOLUTION), t.resolved_at
        )
