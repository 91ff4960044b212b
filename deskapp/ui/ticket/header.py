"""The ticket header: number, subject, customer, status, priority, people and both SLA
clocks (due time, time left, stage colour; paused shown as paused)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from deskapp.services.dto import TicketDetail
from deskapp.ui.formatting import formatter
from deskapp.ui.labels import label
from deskapp.ui.sla_display import STAGE_COLOURS, ClockStage, ClockState, clock_state


class SlaClockLabel(QLabel):
    """A coloured pill with the stage and the time left; the due time beside it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.stage = ClockStage.NONE
        self.due_label = QLabel(parent)
        self.due_label.setObjectName(f"{name}Due")
        self.due_label.setStyleSheet("color: #616161;")

    def show_state(self, title: str, state: ClockState, done_at: datetime | None) -> None:
        fmt = formatter()
        self.stage = state.stage
        due = self.tr("due %1").replace("%1", fmt.datetime(state.due)) if state.due else ""
        if state.stage is ClockStage.NONE:
            text = self.tr("%1: no target").replace("%1", title)
        elif state.stage is ClockStage.DONE:
            text = self.tr("%1: met").replace("%1", title)
            due = self.tr("at %1").replace("%1", fmt.datetime(done_at))
        elif state.stage is ClockStage.PAUSED:
            text = self.tr("%1: paused (%2 left)").replace("%1", title).replace(
                "%2", fmt.duration(state.remaining) if state.remaining is not None else "—"
            )
        elif state.stage is ClockStage.BREACHED:
            assert state.remaining is not None
            text = (
                self.tr("%1: breached %2 ago")
                .replace("%1", title)
                .replace("%2", fmt.duration(-state.remaining))
            )
        else:
            assert state.remaining is not None
            text = (
                self.tr("%1: %2 left")
                .replace("%1", title)
                .replace("%2", fmt.duration(state.remaining))
            )
        self.setText(text)
        self.due_label.setText(due)
        self.setToolTip(f"{text} — {due}" if due else text)
        colour = STAGE_COLOURS[state.stage]
        self.setStyleSheet(
            f"QLabel {{ color: white; background: {colour}; border-radius: 3px; padding: 2px 6px; }}"
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
            row, col = divmod(n, 3)
            name = QLabel(caption + ":", self)
            name.setStyleSheet("color: #616161;")
            value = QLabel(self)
            value.setObjectName(f"ticket_{key}")
            value.setTextInteractionFlags(value.textInteractionFlags())
            grid.addWidget(name, row, col * 2)
            grid.addWidget(value, row, col * 2 + 1)
            self._values[key] = value
        grid.setColumnStretch(5, 1)
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
        self.title.setText(f"{t.reference} — {t.subject}")
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
            clock_state(
                now, t.created_at, t.first_response_due,
                paused_since=t.sla_paused_since, done_at=detail.first_response_at,
            ),
            detail.first_response_at,
        )
        self.resolution.show_state(
            self.tr("Resolution"),
            clock_state(
                now, t.created_at, t.resolution_due,
                paused_since=t.sla_paused_since, done_at=t.resolved_at,
            ),
            t.resolved_at,
        )
