"""The in-app notification centre: a bell with the unread count, and a popup list of
recent notifications; a click opens the ticket, and they can be marked as read.

It is a ``Notifier`` too, the one that is always there: whatever the desktop can or
cannot show, every notification lands here (they are stored in the database anyway).
All database work goes through the ``TaskRunner``, never on the GUI thread.

    centre = NotificationCentre(services, actor, runner)
    status_bar.addPermanentWidget(centre.bell)
    centre.ticket_requested.connect(window.open_ticket)
    centre.refresh()
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QObject, QPoint, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.models import utcnow
from deskapp.services.facade import Services
from deskapp.services.notifications import NotificationInfo
from deskapp.services.permissions import Actor
from deskapp.ui.notifications.centre_model import NotificationDelegate, NotificationListModel
from deskapp.ui.notifications.notifier import Notifier
from deskapp.ui.notifications.wording import worded_all
from deskapp.ui.tasks import TaskRunner


class NotificationCentre(Notifier):
    """Keeps the list and the unread count; the bell and the panel only show them."""

    ticket_requested = Signal(object)  # uuid.UUID of the ticket to open
    unread_changed = Signal(int)
    refreshed = Signal()
    marked_read = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QObject | None = None,
        limit: int = 100,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._limit = limit
        self.unread = 0
        self.model = NotificationListModel(self, limit=limit)
        self.bell = NotificationBell(self)

    # -- Notifier ---------------------------------------------------------------
    def available(self) -> bool:
        return True

    def notify(self, info: NotificationInfo) -> bool:
        self.add([info])
        return True

    # -- operations -------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the recent list and the unread count in the background."""
        svc, actor, limit = self._services.notifications, self._actor, self._limit
        self._runner.submit(
            lambda: (svc.recent(actor, limit), svc.unread_count(actor)),
            on_done=self._on_recent_loaded,
            key="notifications.recent",
        )

    def add(self, infos: Iterable[NotificationInfo]) -> None:
        """Notifications that just arrived (the SLA bridge hands them over)."""
        if self.model.merge(infos):
            self._reload_count()

    def request_ticket(self, ticket_id: uuid.UUID) -> None:
        """Open a ticket (a click here or on a desktop popup)."""
        self.ticket_requested.emit(ticket_id)

    def open_row(self, row: int) -> None:
        info = self.model.info(row)
        if info.read_at is None:
            self.mark_read([info.id])
        if info.ticket_id is not None:
            self.request_ticket(info.ticket_id)

    def mark_read(self, ids: list[uuid.UUID] | None = None) -> None:
        """Mark the given notifications as read, or all of them with ``None``."""
        when = utcnow()
        self.model.mark_read(ids, when)  # at once on screen; the database follows
        svc, actor = self._services.notifications, self._actor
        self._runner.submit(
            lambda: (svc.mark_read(actor, ids), svc.unread_count(actor))[1],
            on_done=self._on_marked_read,
        )

    # -- replies ----------------------------------------------------------------
    def _reload_count(self) -> None:
        svc, actor = self._services.notifications, self._actor
        self._runner.submit(
            lambda: svc.unread_count(actor), on_done=self._set_unread, key="notifications.unread"
        )

    def _on_recent_loaded(self, result: tuple[list[NotificationInfo], int]) -> None:
        infos, unread = result
        self.model.set_items(worded_all(infos))  # the reader's language
        self._set_unread(unread)
        self.refreshed.emit()

    def _on_marked_read(self, unread: int) -> None:
        self._set_unread(unread)
        self.marked_read.emit()

    def _set_unread(self, count: int) -> None:
        if count != self.unread:
            self.unread = count
            self.unread_changed.emit(count)


class NotificationBell(QToolButton):
    """A bell with the unread count; a click opens the list."""

    def __init__(self, centre: NotificationCentre, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationBell")
        self._centre = centre
        self.panel = NotificationPanel(centre, self)
        self.setIcon(bell_icon())
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self._connect_signals()
        self._on_centre_unread_changed(centre.unread)

    def _connect_signals(self) -> None:
        self._centre.unread_changed.connect(self._on_centre_unread_changed)
        self.clicked.connect(self._on_self_clicked)

    @Slot(int)
    def _on_centre_unread_changed(self, count: int) -> None:
        self.setText(self.locale().toString(count) if count else "")
        self.setToolTip(
            self.tr("%n unread notification(s)", "", count) if count else self.tr("No unread notifications")
        )
        self.setAccessibleName(self.tr("Notifications"))

    @Slot()
    def _on_self_clicked(self) -> None:
        if self.panel.isVisible():
            self.panel.hide()
        else:
            self.panel.show_near(self)


class NotificationPanel(QFrame):
    """The popup list: the newest first, a click opens the ticket."""

    def __init__(self, centre: NotificationCentre, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("notificationPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._centre = centre
        self.heading = QLabel(self.tr("Notifications"))
        self.view = QListView()
        self.view.setObjectName("notificationCentre")
        self.view.setModel(centre.model)
        self.view.setItemDelegate(NotificationDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setMinimumSize(360, 320)
        self.mark_selected = QPushButton(self.tr("Mark as read"))
        self.mark_selected.setObjectName("markNotificationRead")
        self.mark_all = QPushButton(self.tr("Mark all as read"))
        self.mark_all.setObjectName("markAllNotificationsRead")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.mark_selected)
        buttons.addWidget(self.mark_all)
        # The empty state says what would be here, instead of an empty white box.
        self.empty = QLabel(self.tr(
            "No notifications. Warnings and breaches of the SLA clocks of your tickets "
            "appear here."
        ))
        self.empty.setObjectName("notificationsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMinimumSize(360, 320)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self._connect_signals()
        self._show_empty_state()

    def _connect_signals(self) -> None:
        model = self._centre.model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(lambda *_: self._show_empty_state())
        self.view.clicked.connect(self._on_view_clicked)
        self.view.activated.connect(self._on_view_clicked)
        self.mark_selected.clicked.connect(self._on_mark_selected_clicked)
        self.mark_all.clicked.connect(self._on_mark_all_clicked)

    def _show_empty_state(self) -> None:
        empty = self._centre.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.view.setVisible(not empty)
        self.mark_selected.setEnabled(not empty)
        self.mark_all.setEnabled(not empty)

    def show_near(self, anchor: QWidget) -> None:
        """Open above ``anchor`` (a status-bar bell) or below it, on screen."""
        self.adjustSize()
        size = self.sizeHint()
        top_left = anchor.mapToGlobal(QPoint(0, 0))
        screen = anchor.screen().availableGeometry()
        y = top_left.y() - size.height()
        if y < screen.top():
            y = top_left.y() + anchor.height()
        x = top_left.x() + anchor.width() - size.width()
        if anchor.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            x = top_left.x()
        x = max(screen.left(), min(x, screen.right() - size.width()))
        self.move(x, y)
        self.show()

    @Slot(QModelIndex)
    def _on_view_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self._centre.open_row(index.row())
            self.hide()

    @Slot()
    def _on_mark_selected_clicked(self) -> None:
        rows = [index.row() for index in self.view.selectionModel().selectedRows()]
        ids = [self._centre.model.info(row).id for row in rows]
        if ids:
            self._centre.mark_read(ids)

    @Slot()
    def _on_mark_all_clicked(self) -> None:
        self._centre.mark_read(None)


def bell_icon(colour: str = "#455a64", size: int = 32) -> QIcon:
    """A bell drawn with QPainter: no image files, no emoji font needed."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16, size / 16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    body = QPainterPath(QPointF(3, 12))
    body.cubicTo(QPointF(4.5, 10), QPointF(4, 8), QPointF(4, 6.5))
    body.cubicTo(QPointF(4, 4), QPointF(6, 2.5), QPointF(8, 2.5))
    body.cubicTo(QPointF(10, 2.5), QPointF(12, 4), QPointF(12, 6.5))
    body.cubicTo(QPointF(12, 8), QPointF(11.5, 10), QPointF(13, 12))
    body.closeSubpath()
    painter.drawPath(body)
    painter.drawEllipse(QRectF(6.5, 12, 3, 2.5))
    painter.drawEllipse(QRectF(7.2, 1.3, 1.6, 1.6))
    painter.end()
    return QIcon(pixmap)
