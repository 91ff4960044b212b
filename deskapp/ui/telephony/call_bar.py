"""The strip above the workstation that tells the agent about the call in progress.

It never takes the keyboard focus: an agent typing a reply keeps typing, and reads
who is calling at a glance. Its buttons act on the call (show the customer, choose
among customers sharing the number, log the call, answer, hang up).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from deskapp.services.calls import CallInfo
from deskapp.services.dto import CustomerInfo
from deskapp.ui.formatting import formatter, isolate


def call_length(value: timedelta) -> str:
    """Talk time as a phone shows it, '3:07' or '1:02:07', in the locale's digits."""
    seconds = max(int(value.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return formatter().digits(text)


class CallBar(QFrame):
    show_requested = Signal()
    choose_requested = Signal()
    log_requested = Signal()
    answer_requested = Signal()
    hangup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callBar")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            "#callBar { background: #e3f2fd; border-bottom: 1px solid #90caf9; }"
        )
        self.text = QLabel(self)
        self.text.setObjectName("callBarText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.warning = QLabel(self)
        self.warning.setObjectName("callBarWarning")
        self.warning.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.warning)
        self.buttons: dict[str, QPushButton] = {}
        for name, caption, signal in (
            ("show", self.tr("Show customer"), self.show_requested),
            ("choose", self.tr("Choose customer…"), self.choose_requested),
            ("log", self.tr("Log this call…"), self.log_requested),
            ("answer", self.tr("Answer"), self.answer_requested),
            ("hangup", self.tr("Hang up"), self.hangup_requested),
        ):
            button = QPushButton(caption, self)
            button.setObjectName(f"callBar_{name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never steal the typing focus
            button.clicked.connect(signal.emit)
            layout.addWidget(button)
            self.buttons[name] = button
        self.hide()

    def show_call(self, call: CallInfo, matches: list[CustomerInfo], *,
                  can_control: bool) -> None:
        """What the bar says about ``call`` and which buttons it offers."""
        number = formatter().digits(call.number) if call.number else call.raw_number
        who = call.customer_name or (
            self.tr("%1 customers share this number").replace("%1", formatter().number(
                len(matches))) if len(matches) > 1 else (call.display_name or self.tr(
                    "Unknown caller")))
        if call.ended_at is not None:
            if call.missed:
                state = self.tr("Missed call")
            else:
                state = self.tr("Call ended")
                if call.duration is not None:
                    state += " · " + call_length(call.duration)
        elif call.answered_at is not None:
            state = self.tr("On the call")
        elif call.incoming:
            state = self.tr("Incoming call")
        else:
            state = self.tr("Calling")
        self.text.setText(f"☎ {state}: {isolate(who)} ({isolate(number)})")
        notes = [m.warning_note for m in matches if m.warning_note and (
            call.customer_id is None or m.id == call.customer_id)]
        self.warning.setText(notes[0][:120] if notes else "")
        self.warning.setVisible(bool(notes))
        live = call.ended_at is None
        self.buttons["show"].setVisible(call.customer_id is not None)
        self.buttons["choose"].setVisible(call.customer_id is None and len(matches) > 1)
        self.buttons["log"].setVisible(call.ticket_id is None and not (
            call.incoming and call.answered_at is None and live))
        self.buttons["answer"].setVisible(
            can_control and live and call.incoming and call.answered_at is None)
        self.buttons["hangup"].setVisible(can_control and live)
        self.show()
