"""The conversation as a list model: one row per interaction, oldest first (or, for the
customer pane, newest first), with channel icons; internal notes stand out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from deskapp.models.enums import Direction, InteractionKind
from deskapp.services.dto import InteractionInfo
from deskapp.ui.formatting import formatter, isolate
from deskapp.ui.icons import interaction_icon
from deskapp.ui.labels import label
from deskapp.ui.ticket.note_wording import note_text

INTERACTION_ROLE = Qt.ItemDataRole.UserRole + 1
_NOTE_BACKGROUND = QColor("#fff4d6")
_INBOUND_BACKGROUND = QColor("#eef4fb")

_Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None, *, show_reference: bool = False) -> None:
        super().__init__(parent)
        self._rows: list[InteractionInfo] = []
        self._show_reference = show_reference
        self._customer_name: str | None = None

    def set_interactions(
        self, interactions: Sequence[InteractionInfo], customer_name: str | None = None
    ) -> None:
        """``customer_name`` names the author of inbound contacts nobody on staff wrote."""
        self.beginResetModel()
        self._rows = list(interactions)
        self._customer_name = customer_name
        self.endResetModel()

    def interaction(self, row: int) -> InteractionInfo:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            body = "\n".join(isolate(line) for line in note_text(item).splitlines())
            return f"{self._heading(item)}\n{body}"
        if role == Qt.ItemDataRole.DecorationRole:
            return interaction_icon(item.kind)
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.kind is InteractionKind.INTERNAL_NOTE or item.direction is Direction.INTERNAL:
                return QBrush(_NOTE_BACKGROUND)
            if item.direction is Direction.INBOUND:
                return QBrush(_INBOUND_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#202020"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._heading(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._heading(item)}: {note_text(item)}"
        if role == INTERACTION_ROLE:
            return item
        return None

    def _heading(self, item: InteractionInfo) -> str:
        fmt = formatter()
        author = item.author_name
        if author is None and item.direction is Direction.INBOUND and self._customer_name:
            author = self._customer_name
        author = isolate(author or self.tr("deskapp"))
        if item.kind is InteractionKind.INTERNAL_NOTE:
            what = self.tr("internal note")
        elif item.direction is Direction.INBOUND:
            what = self.tr("%1 from the customer").replace("%1", label(item.kind))
        else:
            what = label(item.kind)
        parts = [what, author, fmt.datetime(item.created_at)]
        if self._show_reference:
            parts.insert(0, item.ticket_reference)
        return " · ".join(parts)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
