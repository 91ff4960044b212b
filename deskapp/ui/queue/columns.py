"""The queue table's columns: which are shown by default, how wide, and the header's
context menu that shows or hides them.

Widths come from the texts a column can hold, measured in the table's font in the
language of the running UI (Persian labels and digits are wider than English ones), so
Number, Priority, Status, Channel, Age and SLA are never elided; the Subject takes
what is left. Nothing reads the rows (that would be a query per page)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from deskapp.models.enums import Channel, Priority, Status
from deskapp.ui.formatting import formatter
from deskapp.ui.labels import label
from deskapp.ui.queue.model import Column

# Shown at first start; the rest are one right-click away on the header.
DEFAULT_VISIBLE = (
    Column.NUMBER, Column.SUBJECT, Column.CUSTOMER, Column.PRIORITY, Column.STATUS, Column.SLA,
)
# The SLA column's wordings (deskapp.ui.sla_display, context SlaDisplay) that carry a
# duration; the widest one sets the column's width.
SLA_TEMPLATES = ("%1 left", "overdue %1", "paused, %1 left", "paused, overdue %1",
                 "missed by %1")
# Never hidden: a row without its number cannot be told from the others.
ALWAYS_VISIBLE = (Column.NUMBER,)
MIN_SUBJECT_EM = 8
CUSTOMER_EM = 8
ASSIGNEE_EM = 8
TEAM_EM = 7
PADDING = 12  # cell margins
HEADER_PADDING = 24  # margins and the sort indicator
ICON = 16 + 4  # the SLA dot and its gap


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _span(days: int, hours: int, minutes: int) -> str:
    """A duration as the SLA and Age columns write it, in the UI's digits."""
    return formatter().duration(timedelta(days=days, hours=hours, minutes=minutes))


def sample_texts(column: Column) -> list[str]:
    """Texts as wide as the widest a column shows (besides its header)."""
    long_span = _span(99, 23, 0)
    short_span = _span(0, 23, 59)
    match column:
        case Column.NUMBER:
            return ["TBZ-000000 ↑2"]  # numbers are zero-padded to six digits
        case Column.PRIORITY:
            return [label(p) for p in Priority]
        case Column.STATUS:
            return [label(s) for s in Status]
        case Column.CHANNEL:
            return [label(c) for c in Channel]
        case Column.AGE:
            return [long_span, short_span]
        case Column.SLA:
            # the queue's wording of a clock (ui.sla_display), with a long duration
            return [
                QCoreApplication.translate("SlaDisplay", template).replace("%1", long_span)
                for template in SLA_TEMPLATES
            ]
    return []


def default_widths(table: QTableView) -> dict[Column, int]:
    """Starting width of every column but the Subject, in pixels."""
    font = QFont(table.font())
    plain = QFontMetrics(font)
    font.setBold(True)  # the number of an escalated row is bold
    bold = QFontMetrics(font)
    em = plain.horizontalAdvance("M")
    header_metrics = QFontMetrics(table.horizontalHeader().font())
    model = table.model()
    widths: dict[Column, int] = {}
    for column in Column:
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header_metrics.horizontalAdvance(title) + HEADER_PADDING
        metrics = bold if column is Column.NUMBER else plain
        for text in sample_texts(column):
            width = max(width, metrics.horizontalAdvance(text) + PADDING)
        if column is Column.SLA:
            width += ICON
        fixed = {Column.CUSTOMER: CUSTOMER_EM, Column.ASSIGNEE: ASSIGNEE_EM, Column.TEAM: TEAM_EM}
        if column in fixed:
            width = max(width, fixed[column] * em)
        widths[column] = width
    return widths


def apply_default_layout(table: QTableView) -> None:
    """Default columns and widths; the Subject stretches into the rest of the panel."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(QFontMetrics(table.font()).horizontalAdvance("M") * 3)
    for column, width in default_widths(table).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
        header.setSectionHidden(column, column not in DEFAULT_VISIBLE)
    header.setSectionResizeMode(Column.SUBJECT, QHeaderView.ResizeMode.Stretch)
    header.setSectionHidden(Column.SUBJECT, False)


def needed_width(table: QTableView) -> int:
    """Width the visible columns need (the Subject at its minimum) plus the frame."""
    header = table.horizontalHeader()
    em = QFontMetrics(table.font()).horizontalAdvance("M")
    total = 0
    for column in Column:
        if header.isSectionHidden(column):
            continue
        if column is Column.SUBJECT:
            total += MIN_SUBJECT_EM * em
        else:
            total += header.sectionSize(column)
    return total + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()


def column_menu(table: QTableView) -> QMenu:
    """A menu of checkable columns; unticking one hides it (never the Number)."""
    header = table.horizontalHeader()
    model = table.model()
    menu = QMenu(table)
    menu.setObjectName("queueColumnsMenu")
    for column in Column:
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        action = menu.addAction(title)
        action.setObjectName(f"queueColumn_{column.name.lower()}")
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(column))
        action.setEnabled(column not in ALWAYS_VISIBLE)
        action.toggled.connect(
            lambda checked, c=column: header.setSectionHidden(c, not checked)
        )
    menu.addSeparator()
    reset = menu.addAction(QCoreApplication.translate("QueueColumns", "Default columns"))
    reset.setObjectName("queueColumnsReset")
    reset.triggered.connect(lambda: apply_default_layout(table))
    return menu


def install_header_menu(table: QTableView) -> None:
    header = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(pos: QPoint) -> None:
        menu = column_menu(table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(header.mapToGlobal(pos))

    header.customContextMenuRequested.connect(show)
