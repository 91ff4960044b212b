"""The composer under the conversation: reply, internal note or follow-up call. What the
agent typed stays until it is sent — a conflict or a failure never clears it."""

from __future__ import annotations

import enum

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ComposeMode(enum.StrEnum):
    REPLY = "reply"
    NOTE = "note"
    CALL = "call"


class Composer(QWidget):
    submitted = Signal(str, str)  # mode, text
    canned_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._mode_buttons: dict[ComposeMode, QPushButton] = {}
        group = QButtonGroup(self)
        modes = QHBoxLayout()
        captions = {
            ComposeMode.REPLY: self.tr("&Reply"),
            ComposeMode.NOTE: self.tr("Internal &note"),
            ComposeMode.CALL: self.tr("Follow-up &call"),
        }
        for mode, caption in captions.items():
            button = QPushButton(caption, self)
            button.setObjectName(f"compose_{mode.value}")
            button.setCheckable(True)
            button.setFlat(True)
            group.addButton(button)
            modes.addWidget(button)
            self._mode_buttons[mode] = button
            button.toggled.connect(lambda on, m=mode: on and self._on_mode_toggled(m))
        modes.addStretch(1)
        self.canned_button = QPushButton(self.tr("Canned response…"), self)
        self.canned_button.setObjectName("cannedButton")

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("composerText")
        self.editor.setMinimumHeight(60)
        self.status = QLabel(self)
        self.status.setObjectName("composerStatus")
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.canned_button)
        bottom.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(modes)
        layout.addWidget(self.editor, 1)
        layout.addLayout(bottom)

        self.mode = ComposeMode.REPLY
        self._mode_buttons[ComposeMode.REPLY].setChecked(True)
        self.send_button.clicked.connect(self._on_send_clicked)
        self.canned_button.clicked.connect(self.canned_requested)

    # -- public -------------------------------------------------------------
    def start(self, mode: ComposeMode) -> None:
        self._mode_buttons[mode].setChecked(True)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText()

    def insert_text(self, text: str) -> None:
        self.editor.insertPlainText(text)
        self.editor.setFocus()

    def clear(self) -> None:
        self.editor.clear()
        self.status.clear()

    def set_busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.status.setText(self.tr("Sending…") if busy else "")

    # -- slots --------------------------------------------------------------
    def _on_mode_toggled(self, mode: ComposeMode) -> None:
        self.mode = mode
        placeholders = {
            ComposeMode.REPLY: self.tr("Write a reply to the customer…"),
            ComposeMode.NOTE: self.tr("Internal note: only staff see it…"),
            ComposeMode.CALL: self.tr("What was said on the follow-up call…"),
        }
        self.editor.setPlaceholderText(placeholders[mode])
        self.editor.setStyleSheet(
            "QPlainTextEdit { background: #fff4d6; }" if mode is ComposeMode.NOTE else ""
        )
        self.send_button.setText(
            {
                ComposeMode.REPLY: self.tr("Send reply"),
                ComposeMode.NOTE: self.tr("Add note"),
                ComposeMode.CALL: self.tr("Log call"),
            }[mode]
        )

    @Slot()
    def _on_send_clicked(self) -> None:
        if self.text().strip():
            self.submitted.emit(self.mode.value, self.text())
        else:
            self.status.setText(self.tr("Type something first."))
            self.editor.setFocus()
