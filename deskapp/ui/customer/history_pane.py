"""The customer-history pane (objectName ``customerHistory``): who is on the line, the
warning note in a banner, every earlier ticket across channels (one click opens it),
the desk's numbers for this customer and the latest interactions."""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deskapp.models.enums import Segment
from deskapp.services.dto import CustomerHistory
from deskapp.services.errors import DeskError
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.customer.history_model import TICKET_ID_ROLE, CustomerTicketsModel
from deskapp.ui.formatting import formatter
from deskapp.ui.labels import label
from deskapp.ui.tasks import TaskRunner
from deskapp.ui.ticket.timeline import TimelineModel

_SEGMENT_COLOURS = {Segment.VIP: "#6a1b9a", Segment.PRIORITY: "#1565c0", Segment.STANDARD: "#607d8b"}


def _caption(text: str, parent: QWidget) -> QLabel:
    caption = QLabel(text, parent)
    caption.setStyleSheet("font-weight: bold; margin-top: 6px;")
    return caption


class _WindowedTable(QTableView):
    """A table over a windowed model: a hidden table sizes its columns to contents from
    every row (Qt considers all rows when the view is not visible), which would read
    every page of a 5,000-ticket history, and, with a bounded page cache, read them
    again and again. Hidden, it sizes from the header; shown, from the rows on screen."""

    def sizeHintForColumn(self, column: int) -> int:
        if not self.isVisible():
            return -1
        return super().sizeHintForColumn(column)


class CustomerHistoryPane(QWidget):
    ticket_clicked = Signal(object)  # ticket id
    history_loaded = Signal(object)  # CustomerHistory
    failed = Signal(object, object)  # exception, retry callable
    phone_clicked = Signal(str)  # a number to dial (click to call)

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerHistory")
        self._services = services
        self._actor = actor
        self._runner = runner
        self._customer_id: uuid.UUID | None = None
        self.history: CustomerHistory | None = None
        self._key = f"customer-history-{id(self)}"
        self._build()
        self.tickets_view.clicked.connect(self._on_tickets_view_clicked)

    def _build(self) -> None:
        self.placeholder = QLabel(self.tr("The caller's history shows here."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        page = QWidget(self)
        self.name = QLabel(page)
        self.name.setObjectName("customerName")
        self.name.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.name.setWordWrap(True)
        self.segment = QLabel(page)
        self.segment.setObjectName("customerSegment")
        self.warning = QLabel(page)
        self.warning.setObjectName("customerWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "QLabel { background: #c62828; color: white; font-weight: bold; padding: 6px;"
            " border-radius: 3px; }"
        )
        self.phones, self.email, self.organisation = QLabel(page), QLabel(page), QLabel(page)
        for widget in (self.phones, self.email, self.organisation):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            widget.setWordWrap(True)
        self.phones.setObjectName("customerPhones")
        self.phones.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.phones.linkActivated.connect(self._on_phones_link_activated)
        profile = QFormLayout()
        profile.addRow(self.tr("Phones:"), self.phones)
        profile.addRow(self.tr("Email:"), self.email)
        profile.addRow(self.tr("Organisation:"), self.organisation)
        self.stats: dict[str, QLabel] = {}
        stats = QGridLayout()
        captions = [
            ("open", self.tr("Open")),
            ("recent", self.tr("Last 90 days")),
            ("fcr", self.tr("First-contact resolution")),
            ("csat", self.tr("Average satisfaction")),
        ]
        for n, (key, caption) in enumerate(captions):
            value = QLabel(page)
            value.setObjectName(f"customerStat_{key}")
            value.setStyleSheet("font-size: 14px; font-weight: bold;")
            # figure and caption centred in their column: one reads as the other's, in
            # either direction, however wide the pane
            value.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            stats.addWidget(value, 0, n)
            small = QLabel(caption, page)
            small.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            small.setWordWrap(True)
            small.setStyleSheet("color: #616161;")
            stats.addWidget(small, 1, n)
            self.stats[key] = value
        # Windowed: every ticket of the customer, pages read as the agent scrolls.
        self.tickets_model = CustomerTicketsModel(self, runner=self._runner)
        self.tickets_view = _WindowedTable(page)
        self.tickets_view.setObjectName("customerTickets")
        self.tickets_view.setModel(self.tickets_model)
        self.tickets_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tickets_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tickets_view.verticalHeader().hide()
        self.tickets_view.verticalHeader().setDefaultSectionSize(22)
        header = self.tickets_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 90)
        header.setMinimumSectionSize(40)
        # Sized from the rows on screen only: the model is windowed (a row off screen
        # may not be read yet, and asking for it would read its page).
        header.setResizeContentsPrecision(0)
        self.tickets_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tickets_view.setWordWrap(False)
        self.interactions_model = TimelineModel(self, show_reference=True)
        self.interactions_view = QListView(page)
        self.interactions_view.setObjectName("customerInteractions")
        self.interactions_view.setModel(self.interactions_model)
        self.interactions_view.setWordWrap(True)
        self.interactions_view.setSpacing(2)
        self.interactions_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.interactions_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        self.profile_actions = QHBoxLayout()  # Edit…, Merge… (add_profile_action)
        name_row.addLayout(self.profile_actions)
        layout.addLayout(name_row)
        layout.addWidget(self.segment, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.warning)
        layout.addLayout(profile)
        layout.addLayout(stats)
        self.tickets_caption = _caption(self.tr("Tickets"), page)
        layout.addWidget(self.tickets_caption)
        layout.addWidget(self.tickets_view, 3)
        layout.addWidget(_caption(self.tr("Latest interactions"), page))
        layout.addWidget(self.interactions_view, 2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    # -- public -------------------------------------------------------------
    def add_profile_action(self, widget: QWidget) -> None:
        """A small button beside the customer's name (ui/admin/install.py)."""
        self.profile_actions.addWidget(widget)

    def set_phones_clickable(self, clickable: bool) -> None:
        """With a softphone: phone numbers become links that dial (phone_clicked)."""
        self._phones_clickable = clickable
        if self.history is not None:
            self._show_phones(self.history.customer.phones)

    def _show_phones(self, phones: tuple[str, ...]) -> None:
        fmt = formatter()
        if not getattr(self, "_phones_clickable", False) or not phones:
            self.phones.setTextFormat(Qt.TextFormat.PlainText)
            self.phones.setText(fmt.digits(", ".join(phones)) or "—")
            return
        self.phones.setTextFormat(Qt.TextFormat.RichText)
        self.phones.setText(", ".join(
            f'<a href="tel:{html.escape(p)}">{html.escape(fmt.digits(p))}</a>' for p in phones))
        self.phones.setToolTip(self.tr("Click a number to call it"))

    def _on_phones_link_activated(self, link: str) -> None:
        if link.startswith("tel:"):
            self.phone_clicked.emit(link[4:])

    @property
    def customer_id(self) -> uuid.UUID | None:
        return self._customer_id

    def show_customer(self, customer_id: uuid.UUID | None, current_ticket: object = None) -> None:
        self._customer_id = customer_id
        self.tickets_model.current_ticket_id = current_ticket
        if customer_id is None:
            self.history = None
            self.stack.setCurrentWidget(self.placeholder)
            self._runner.cancel(self._key)
            return
        self.reload()

    @Slot()
    def reload(self) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return
        self._runner.submit(
            lambda: self._services.customers.history(self._actor, customer_id),
            on_done=self._on_loaded,
            on_error=self._on_load_failed,
            key=self._key,
        )

    # -- slots --------------------------------------------------------------
    def _on_loaded(self, history: CustomerHistory) -> None:
        if history.customer.id != self._customer_id:
            return
        self.history = history
        fmt = formatter()
        c = history.customer
        self.name.setText(c.name)
        colour = _SEGMENT_COLOURS.get(c.segment, "#607d8b")
        self.segment.setText(label(c.segment))
        self.segment.setStyleSheet(
            f"QLabel {{ color: white; background: {colour}; padding: 1px 6px; border-radius: 3px; }}"
        )
        self.warning.setText(c.warning_note)
        self.warning.setVisible(bool(c.warning_note.strip()))
        self._show_phones(c.phones)
        self.email.setText(c.email or "—")
        self.organisation.setText(c.organisation or "—")
        self.stats["open"].setText(fmt.number(history.open_count))
        self.stats["recent"].setText(fmt.number(history.last_90_days_count))
        self.stats["fcr"].setText(fmt.percent(history.fcr_rate))
        self.stats["csat"].setText(
            fmt.number(history.average_csat, 1) if history.average_csat is not None else "—"
        )
        self.tickets_caption.setText(
            self.tr("Tickets (%1)").replace("%1", fmt.number(history.total_count))
        )
        customers, actor, customer_id = self._services.customers, self._actor, c.id
        self.tickets_model.set_tickets(
            history.tickets,
            total=history.shown_count if history.shown_count >= 0 else None,
            fetch=lambda after, oldest_first, offset, limit: customers.history_tickets(
                actor, customer_id, after=after, oldest_first=oldest_first, offset=offset,
                limit=limit,
            ),
        )
        self.interactions_model.set_interactions(history.latest_interactions, c.name)
        self.stack.setCurrentIndex(1)
        self.history_loaded.emit(history)

    def _on_load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DeskError):
            from deskapp.ui.error_text import describe

            self.placeholder.setText(describe(exc))  # in the reader's language
            self.stack.setCurrentWidget(self.placeholder)
        else:
            self.failed.emit(exc, self.reload)

    @Slot(QModelIndex)
    def _on_tickets_view_clicked(self, index: QModelIndex) -> None:
        ticket_id = index.data(TICKET_ID_ROLE)
        if ticket_id is not None:
            self.ticket_clicked.emit(ticket_id)
