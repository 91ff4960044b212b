"""The composer under the conversation: reply, internal note or follow-up call. What the
agent typed stays until it is sent — a conflict or a failure never clears it."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.models.enums import InteractionKind
from deskapp.ui.labels import label

# The channels a written or spoken reply can go out on (a call: the agent phones back).
REPLY_KINDS = (
    InteractionKind.EMAIL, InteractionKind.CALL, InteractionKind.CHAT,
    InteractionKind.SOCIAL, InteractionKind.WEB,
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
        # The channel a reply goes out on: the ticket's own by default; a channel the
        # customer cannot be reached on (no email address, no phone) is not offered.
        self.channel = QComboBox(self)
        self.channel.setObjectName("replyChannel")
        self.channel.setAccessibleName(self.tr("Reply channel"))
        self.channel.setToolTip(self.tr("The channel the reply goes out on"))
        for kind in REPLY_KINDS:
            self.channel.addItem(label(kind), kind.value)
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
        bottom.addWidget(self.channel)
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

    def set_reply_channels(
        self, default: InteractionKind, unreachable: Iterable[InteractionKind] = ()
    ) -> None:
        """Offer the channels of a reply for the open ticket: ``default`` chosen,
        ``unreachable`` ones greyed out (the service refuses them anyway)."""
        blocked = set(unreachable)
        model = self.channel.model()
        for row, kind in enumerate(REPLY_KINDS):
            item = model.item(row)  # type: ignore[attr-defined]
            item.setEnabled(kind not in blocked)
            item.setToolTip(
                self.tr("The customer has no contact details for this channel")
                if kind in blocked else ""
            )
        if default in blocked or default not in REPLY_KINDS:
            default = next((k for k in REPLY_KINDS if k not in blocked), default)
        index = self.channel.findData(default.value)
        if index >= 0:
            self.channel.setCurrentIndex(index)

    def reply_kind(self) -> InteractionKind:
        return InteractionKind(self.channel.currentData())

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
        self.channel.setVisible(mode is ComposeMode.REPLY)
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
