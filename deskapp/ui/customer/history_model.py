"""The customer's tickets, newest first, as a small table model."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from deskapp.models import utcnow
from deskapp.services.dto import TicketSummary
from deskapp.services.sla_state import SlaReading
from deskapp.ui.formatting import formatter
from deskapp.ui.icons import channel_icon
from deskapp.ui.labels import label
from deskapp.ui.sla_display import colour, short_text, stage_text

TICKET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_COLUMNS = (
    QT_TRANSLATE_NOOP("CustomerTicketsModel", "Number"),
    QT_TRANSLATE_NOOP("CustomerTicketsModel", "Opened"),
    QT_TRANSLATE_NOOP("CustomerTicketsModel", "Subject"),
    QT_TRANSLATE_NOOP("CustomerTicketsModel", "Status"),
)
# The status cell carries the SLA state of the ticket's clock: its colour (the one
# table, ui.sla_display) and, in the tooltip, its words. No column of its own: the
# history pane is narrow.
SLA_COLUMN = 3
_Index = QModelIndex | QPersistentModelIndex


class CustomerTicketsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TicketSummary] = []
        self._sla: list[SlaReading] = []
        self.current_ticket_id: object = None

    def set_tickets(
        self, tickets: Sequence[TicketSummary], now: datetime | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(tickets)
        at = now or utcnow()
        self._sla = [t.sla(at) for t in self._rows]  # the one rule: services.sla_state
        self.endResetModel()

    def sla(self, row: int) -> SlaReading:
        return self._sla[row]

    def ticket(self, row: int) -> TicketSummary:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_COLUMNS)
        ):
            return QCoreApplication.translate("CustomerTicketsModel", _COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return t.reference
            if col == 1:
                return formatter().date(t.created_at)
            if col == 2:
                return t.subject
            if col == 3:
                return label(t.status)
        elif role == Qt.ItemDataRole.ForegroundRole and col == SLA_COLUMN:
            return QBrush(QColor(colour(self._sla[index.row()])))
        elif role == Qt.ItemDataRole.DecorationRole and col == 0:
            return channel_icon(t.channel)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == SLA_COLUMN:  # the status, and the SLA clock in words
                reading = self._sla[index.row()]
                return f"{label(t.status)}\n{short_text(reading)} · {stage_text(reading)}"
            return f"{t.reference} · {label(t.channel)} · {label(t.priority)}\n{t.subject}"
        elif role == Qt.ItemDataRole.ForegroundRole and not t.status.is_open:
            return QBrush(QColor("#757575"))
        elif role == Qt.ItemDataRole.FontRole and t.id == self.current_ticket_id:
            font = QFont()
            font.setBold(True)
            return font
        elif role == TICKET_ID_ROLE:
            return t.id
        return None
