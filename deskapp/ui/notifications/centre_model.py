"""The notification centre's list: a model over recent stored notifications, newest
first, and a delegate that draws each as a coloured stripe and three lines."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimeZone,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from deskapp.models.enums import NotificationKind
from deskapp.services.notifications import NotificationInfo
from deskapp.services.sla_state import ClockState
from deskapp.ui.sla_display import STATE_COLOURS

_Index = QModelIndex | QPersistentModelIndex

# SLA colours from the one table (ui.sla_display): breach red, warning orange; the
# rest blue/grey.
BREACH_COLOUR = STATE_COLOURS[ClockState.BREACHED]
WARNING_COLOUR = STATE_COLOURS[ClockState.WARNING]
INFO_COLOUR = "#1565c0"
LOW_COLOUR = "#78909c"


def notification_colour(info: NotificationInfo) -> QColor:
    if info.kind == NotificationKind.SLA_BREACH or info.urgency == "critical":
        return QColor(BREACH_COLOUR)
    if info.kind == NotificationKind.SLA_WARNING:
        return QColor(WARNING_COLOUR)
    if info.urgency == "low":
        return QColor(LOW_COLOUR)
    return QColor(INFO_COLOUR)


def when_text(moment: datetime, now: datetime | None = None, locale: QLocale | None = None) -> str:
    """Local time today, else the local date and time, in the user's locale."""
    locale = locale or QLocale()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000), QTimeZone.utc())
    local = local.toLocalTime()
    today = QDateTime.currentDateTime().date() if now is None else QDateTime.fromMSecsSinceEpoch(
        int(now.timestamp() * 1000), QTimeZone.utc()
    ).toLocalTime().date()
    if local.date() == today:
        return locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(local, QLocale.FormatType.ShortFormat)


class NotificationListModel(QAbstractListModel):
    InfoRole = Qt.ItemDataRole.UserRole + 1
    TicketRole = Qt.ItemDataRole.UserRole + 2
    UnreadRole = Qt.ItemDataRole.UserRole + 3
    ReferenceRole = Qt.ItemDataRole.UserRole + 4
    WhenRole = Qt.ItemDataRole.UserRole + 5

    def __init__(self, parent=None, limit: int = 200) -> None:
        super().__init__(parent)
        self._rows: list[NotificationInfo] = []
        self._limit = limit

    # -- Qt -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return info.title
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [info.title, info.body, info.ticket_reference or ""]
            return "\n".join(part for part in parts if part)
        if role == Qt.ItemDataRole.DecorationRole:
            return notification_colour(info)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(info.read_at is None)
            return font
        if role == self.InfoRole:
            return info
        if role == self.TicketRole:
            return info.ticket_id
        if role == self.UnreadRole:
            return info.read_at is None
        if role == self.ReferenceRole:
            return info.ticket_reference or ""
        if role == self.WhenRole:
            return when_text(info.created_at)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # -- ours -----------------------------------------------------------------
    def info(self, row: int) -> NotificationInfo:
        return self._rows[row]

    def ids(self) -> list[uuid.UUID]:
        return [info.id for info in self._rows]

    def unread_ids(self) -> list[uuid.UUID]:
        return [info.id for info in self._rows if info.read_at is None]

    def set_items(self, infos: Iterable[NotificationInfo]) -> None:
        self.beginResetModel()
        self._rows = _newest_first(infos)[: self._limit]
        self.endResetModel()

    def merge(self, infos: Iterable[NotificationInfo]) -> list[NotificationInfo]:
        """Add the notifications not listed yet; returns those added."""
        known = set(self.ids())
        fresh = [info for info in _newest_first(infos) if info.id not in known]
        if not fresh:
            return []
        if self._rows and fresh[-1].created_at < self._rows[0].created_at:
            # Something older than the top arrived late: place everything properly.
            self.set_items(self._rows + fresh)
            return fresh
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._rows[0:0] = fresh
        self.endInsertRows()
        if len(self._rows) > self._limit:
            self.beginRemoveRows(QModelIndex(), self._limit, len(self._rows) - 1)
            del self._rows[self._limit :]
            self.endRemoveRows()
        return fresh

    def mark_read(self, ids: Iterable[uuid.UUID] | None, when: datetime) -> None:
        """Show the given notifications (or all) as read."""
        wanted = None if ids is None else set(ids)
        for row, info in enumerate(self._rows):
            if info.read_at is None and (wanted is None or info.id in wanted):
                self._rows[row] = dataclasses.replace(info, read_at=when)
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)


def _newest_first(infos: Iterable[NotificationInfo]) -> list[NotificationInfo]:
    return sorted(infos, key=lambda info: (info.created_at, info.id.bytes), reverse=True)


class NotificationDelegate(QStyledItemDelegate):
    """A stage-coloured stripe, then the title (bold while unread), the body, and the
    ticket reference with the time. Fixed height; mirrors in right-to-left layouts."""

    STRIPE = 4
    MARGIN = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(320, 3 * line + 2 * self.MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        info: NotificationInfo | None = index.data(NotificationListModel.InfoRole)
        if info is None:
            return
        style = option.widget.style() if option.widget is not None else None
        painter.save()
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        direction = option.direction
        rect = option.rect
        stripe = QStyle.visualRect(direction, rect, QRect(rect.left(), rect.top(), self.STRIPE, rect.height()))
        painter.fillRect(stripe, notification_colour(info))
        text = rect.adjusted(self.STRIPE + self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        text = QStyle.visualRect(direction, rect, text)
        align = QStyle.visualAlignment(direction, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        colour = palette.highlightedText().color() if selected else palette.text().color()
        line = QFontMetrics(option.font).lineSpacing()

        title_font = QFont(option.font)
        title_font.setBold(info.read_at is None)
        painter.setFont(title_font)
        painter.setPen(colour)
        first = QRect(text.left(), text.top(), text.width(), line)
        painter.drawText(first, align, QFontMetrics(title_font).elidedText(info.title, Qt.TextElideMode.ElideRight, text.width()))

        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        second = first.translated(0, line)
        body = info.body.replace("\n", " ")
        painter.drawText(second, align, metrics.elidedText(body, Qt.TextElideMode.ElideRight, text.width()))

        third = second.translated(0, line)
        muted = palette.placeholderText().color() if not selected else colour
        painter.setPen(muted)
        parts = [info.ticket_reference or "", index.data(NotificationListModel.WhenRole) or ""]
        painter.drawText(third, align, " · ".join(part for part in parts if part))
        painter.restore()
