"""Validation messages shown next to the field they are about.

The services raise ``ValidationFailed(message, field)``; a settings dialog registers
one small red label per field name and ``show`` puts the message under the right
field (or in the dialog-wide label when the field is unknown)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from deskapp.services.errors import AlreadyExists, ValidationFailed
from deskapp.ui.banner import describe_failure

ERROR_STYLE = "color: #c62828;"


def error_label(parent: QWidget, object_name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class FieldErrors:
    def __init__(self, general: QLabel) -> None:
        self._general = general
        self._labels: dict[str, QLabel] = {}

    def add(self, field: str, label: QLabel) -> QLabel:
        self._labels[field] = label
        return label

    def clear(self) -> None:
        for label in (*self._labels.values(), self._general):
            label.clear()
            label.hide()

    def show(self, exc: BaseException, name_field: str = "name") -> str | None:
        """Show ``exc`` by its field; returns the field it went to (None: general)."""
        self.clear()
        field = getattr(exc, "field", None) if isinstance(exc, ValidationFailed) else None
        if isinstance(exc, AlreadyExists):
            field = name_field
        label = self._labels.get(field or "", self._general)
        label.setText(describe_failure(exc))
        label.show()
        return field if label is not self._general else None

    def message(self, field: str | None) -> str:
        """The message shown for ``field`` ("" when none); None: the general one."""
        return self._labels.get(field or "", self._general).text()
