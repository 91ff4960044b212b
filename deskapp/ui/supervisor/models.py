"""Table models of the supervisor view. Plain lists of the services' dataclasses (a
supervisor's teams are tens of agents and hundreds of tickets, not a million rows);
no database call here. Tickets drag out as a mime type carrying ids and versions, and
drop onto an agent row: the model only announces the drop, the view does the move."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from deskapp.models import utcnow
from deskapp.models.enums import Presence
from deskapp.services.dto import TicketSummary
from deskapp.services.sla_state import ClockState, SlaReading
from deskapp.services.workload import AgentLoad, TicketRef
from deskapp.ui.formatting import formatter
from deskapp.ui.labels import label
from deskapp.ui.sla_display import STATE_COLOURS, colour, short_text, stage_text

TICKET_REFS_MIME = "application/x-deskapp-ticket-refs"

_Index = QModelIndex | QPersistentModelIndex
_C = "SupervisorModels"

PRESENCE_TEXT = {
    Presence.AVAILABLE: QT_TRANSLATE_NOOP("SupervisorModels", "Available"),
    Presence.AWAY: QT_TRANSLATE_NOOP("SupervisorModels", "Away"),
    Presence.ON_CALL: QT_TRANSLATE_NOOP("SupervisorModels", "On a call"),
    Presence.OFFLINE: QT_TRANSLATE_NOOP("SupervisorModels", "Offline"),
}
PRESENCE_COLOUR = {
    Presence.AVAILABLE: "#2e7d32",
    Presence.AWAY: "#e65100",
    Presence.ON_CALL: "#1565c0",
    Presence.OFFLINE: "#757575",
}


def encode_ticket_refs(refs: list[TicketRef]) -> QMimeData:
    mime = QMimeData()
    payload = [{"id": str(r.ticket_id), "version": r.expected_version} for r in refs]
    mime.setData(TICKET_REFS_MIME, json.dumps(payload).encode())
    return mime


def decode_ticket_refs(mime: QMimeData) -> list[TicketRef]:
    """The refs in ``mime``; an empty list for anything malformed (never raises)."""
    if not mime.hasFormat(TICKET_REFS_MIME):
        return []
    try:
        payload = json.loads(bytes(mime.data(TICKET_REFS_MIME).data()).decode())
        return [TicketRef(uuid.UUID(p["id"]), int(p["version"])) for p in payload]
    except (ValueError, KeyError, TypeError):
        return []


class _RowsTableModel(QAbstractTableModel):
    """A flat table over a list of records with translated column headers."""

    HEADERS: tuple[str, ...] = ()

    def _rows(self) -> Sequence[object]:
        raise NotImplementedError

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(_C, self.HEADERS[section])
        return None


class AgentTableModel(_RowsTableModel):
    """One row per agent: name, presence, open, warning, breached. A drop of tickets on
    a row emits ``tickets_dropped(refs, user_id)``."""

    tickets_dropped = Signal(list, object)  # list[TicketRef], uuid.UUID

    HEADERS = (
        QT_TRANSLATE_NOOP("SupervisorModels", "Agent"),
        QT_TRANSLATE_NOOP("SupervisorModels", "Presence"),
        QT_TRANSLATE_NOOP("SupervisorModels", "Open"),
        QT_TRANSLATE_NOOP("SupervisorModels", "Warning"),
        QT_TRANSLATE_NOOP("SupervisorModels", "Breached"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._agents: list[AgentLoad] = []

    def set_agents(self, agents: list[AgentLoad] | tuple[AgentLoad, ...]) -> None:
        self.beginResetModel()
        self._agents = list(agents)
        self.endResetModel()

    def agent_at(self, row: int) -> AgentLoad | None:
        return self._agents[row] if 0 <= row < len(self._agents) else None

    def row_of(self, user_id: uuid.UUID) -> int:
        return next((n for n, a in enumerate(self._agents) if a.user_id == user_id), -1)

    # -- QAbstractTableModel -------------------------------------------------
    def _rows(self) -> Sequence[object]:
        return self._agents

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._agents):
            return None
        a = self._agents[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return a.display_name
            if col == 1:
                text = QCoreApplication.translate(_C, PRESENCE_TEXT[a.presence])
                since = getattr(a, "presence_since", None)
                if since is None:
                    return text
                # "Away · since 14:05" (services.presence: Offline since the last beat)
                return QCoreApplication.translate(_C, "%1 · since %2").replace(
                    "%1", text).replace("%2", formatter().time(since))
            return (a.open_count, a.warning_count, a.breached_count)[col - 2]
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{label(a.role)} · {', '.join(a.team_names)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 1:
                return QBrush(QColor(PRESENCE_COLOUR[a.presence]))
            if col == 3 and a.warning_count:
                return QBrush(QColor(STATE_COLOURS[ClockState.WARNING]))
            if col == 4 and a.breached_count:
                return QBrush(QColor(STATE_COLOURS[ClockState.BREACHED]))
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return a.user_id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDropEnabled)

    # -- drop target --------------------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [TICKET_REFS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def _target(self, row: int, parent: _Index) -> AgentLoad | None:
        # Dropped ON a row: Qt passes row -1 and the row as parent.
        if parent.isValid():
            return self.agent_at(parent.row())
        return self.agent_at(row)

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction,  # noqa: N802
                        row: int, column: int, parent: _Index) -> bool:
        return bool(decode_ticket_refs(data)) and self._target(row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction,  # noqa: N802
                     row: int, column: int, parent: _Index) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        refs = decode_ticket_refs(data)
        agent = self._target(row, parent)
        if not refs or agent is None:
            return False
        self.tickets_dropped.emit(refs, agent.user_id)
        # The move happens in the background; nothing is inserted here. Returning False
        # keeps a MoveAction's source from removing rows it never gave away.
        return False


class TicketTableModel(_RowsTableModel):
    """The supervisor's ticket list; rows drag out as ticket refs (id + version)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("SupervisorModels", "Ticket"),
        QT_TRANSLATE_NOOP("SupervisorModels", "Subject"),
        QT_TRANSLATE_NOOP("SupervisorModels", "Assignee"),
        QT_TRANSLATE_NOOP("SupervisorModels", "Team"),
        QT_TRANSLATE_NOOP("SupervisorModels", "Priority"),
        QT_TRANSLATE_NOOP("SupervisorModels", "Status"),
        QT_TRANSLATE_NOOP("SupervisorModels", "SLA"),
    )
    SLA_COLUMN = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tickets: list[TicketSummary] = []
        self._sla: list[SlaReading] = []

    def set_tickets(self, tickets: list[TicketSummary], now: datetime | None = None) -> None:
        self.beginResetModel()
        self._tickets = list(tickets)
        at = now or utcnow()
        self._sla = [t.sla(at) for t in self._tickets]  # the one rule: services.sla_state
        self.endResetModel()

    def sla(self, row: int) -> SlaReading:
        return self._sla[row]

    def ticket_at(self, row: int) -> TicketSummary | None:
        return self._tickets[row] if 0 <= row < len(self._tickets) else None

    def refs_for(self, rows: list[int]) -> list[TicketRef]:
        out = []
        for row in sorted(set(rows)):
            t = self.ticket_at(row)
            if t is not None:
                out.append(TicketRef(t.id, t.version))
        return out

    def _rows(self) -> Sequence[object]:
        return self._tickets

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tickets):
            return None
        t = self._tickets[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return t.reference
            if col == 1:
                return t.subject
            if col == 2:
                # a literal context, so that pyside6-lupdate extracts the string
                return t.assignee_name or QCoreApplication.translate(
                    "SupervisorModels", "(unassigned)")
            if col == 3:
                return t.team_name or ""
            if col == 4:
                return label(t.priority)
            if col == self.SLA_COLUMN:
                return short_text(self._sla[index.row()])
            return label(t.status)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.SLA_COLUMN:
            return QColor(colour(self._sla[index.row()]))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.SLA_COLUMN:
            return stage_text(self._sla[index.row()])
        if role == Qt.ItemDataRole.UserRole:
            return t.id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [TICKET_REFS_MIME]

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        return encode_ticket_refs(self.refs_for([i.row() for i in indexes if i.isValid()]))
