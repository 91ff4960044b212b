"""An inline notice inside a view: "changed by X — Reload". Not a modal, not a traceback."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBar(QFrame):
    action_requested = Signal()

    def __init__(self, name: str, action_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(
            f"#{name} {{ background: #fff3cd; border: 1px solid #e0c36c; border-radius: 3px; }}"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(action_text, self)
        self.button.setObjectName(f"{name}Action")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.action_requested)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    @property
    def message(self) -> str:
        return self.label.text()
