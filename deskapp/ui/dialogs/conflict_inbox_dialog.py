"""The conflict inbox: changes made at two sites that could not both be kept.

For each open conflict: the ticket (or record), the field, the value the merge kept
(now in the desk) and the value that lost, each with who changed it, when and at which
site. A person settles it: *Keep this* (the kept value stays), *Take that* (the other
value replaces it) or *Edit* (a new value). The resolution is an ordinary write, so on
a branch the next sync carries it to the centre and on to every site.

    dialog = ConflictInboxDialog(runner, load=..., resolve=..., parent=window)

``load()`` returns ``list[ConflictView]`` (deskapp.services.sync.branch.conflict_views
over ``ConflictService.list_open()``); ``resolve(conflict_id, choice, value)`` calls
``ConflictService.resolve``. Both run in the background.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deskapp.models.enums import Channel, Priority, Segment, Status
from deskapp.services.sync.branch import ConflictView
from deskapp.ui.formatting import formatter, isolate
from deskapp.ui.labels import label
from deskapp.ui.tasks import TaskRunner

_FIELDS = {
    "status": QT_TRANSLATE_NOOP("ConflictInbox", "Status"),
    "assignee_id": QT_TRANSLATE_NOOP("ConflictInbox", "Assignee"),
    "team_id": QT_TRANSLATE_NOOP("ConflictInbox", "Team"),
    "priority": QT_TRANSLATE_NOOP("ConflictInbox", "Priority"),
    "subject": QT_TRANSLATE_NOOP("ConflictInbox", "Subject"),
    "description": QT_TRANSLATE_NOOP("ConflictInbox", "Description"),
    "category": QT_TRANSLATE_NOOP("ConflictInbox", "Category"),
    "channel": QT_TRANSLATE_NOOP("ConflictInbox", "Channel"),
    "name": QT_TRANSLATE_NOOP("ConflictInbox", "Name"),
    "email": QT_TRANSLATE_NOOP("ConflictInbox", "Email"),
    "organisation": QT_TRANSLATE_NOOP("ConflictInbox", "Organisation"),
    "segment": QT_TRANSLATE_NOOP("ConflictInbox", "Segment"),
    "warning_note": QT_TRANSLATE_NOOP("ConflictInbox", "Warning note"),
    "number": QT_TRANSLATE_NOOP("ConflictInbox", "Phone number"),
}
_KINDS = {
    "field": QT_TRANSLATE_NOOP("ConflictInbox", "Changed at two sites"),
    "status": QT_TRANSLATE_NOOP("ConflictInbox", "Closed at one site, reopened or answered at another"),
    "assignee": QT_TRANSLATE_NOOP("ConflictInbox", "Assigned to different agents"),
    "reply_on_closed": QT_TRANSLATE_NOOP("ConflictInbox", "A reply reached a ticket closed elsewhere"),
}
_ENUMS: dict[str, type[enum.Enum]] = {
    "status": Status, "priority": Priority, "channel": Channel, "segment": Segment,
}


def field_label(column: str) -> str:
    text = _FIELDS.get(column)
    return QCoreApplication.translate("ConflictInbox", text) if text else column


def kind_label(kind: str) -> str:
    text = _KINDS.get(kind)
    return QCoreApplication.translate("ConflictInbox", text) if text else kind


def value_text(view: ConflictView, value: Any) -> str:
    """A value as a person reads it: names for ids, translated labels for enums."""
    column = view.info.column_name
    if value is None or value == "":
        if column.endswith("_id"):
            return QCoreApplication.translate("ConflictInbox", "(nobody)")
        return "—"
    if isinstance(value, enum.Enum):
        return label(value)
    enum_cls = _ENUMS.get(column)
    if enum_cls is not None:
        try:
            return label(enum_cls(value))
        except ValueError:
            pass
    if view.info.kind == "reply_on_closed" and value == "reply":
        return QCoreApplication.translate("ConflictInbox", "a reply")
    if isinstance(value, uuid.UUID) or (isinstance(value, str) and str(value) in view.names):
        return view.names.get(str(value), str(value))
    if isinstance(value, datetime):
        return formatter().datetime(value)
    if isinstance(value, bool):
        return (QCoreApplication.translate("ConflictInbox", "yes") if value
                else QCoreApplication.translate("ConflictInbox", "no"))
    text = str(value)
    return text if len(text) <= 200 else text[:199] + "…"


def side_text(site: str, who: str | None, when: datetime | None) -> str:
    return (
        QCoreApplication.translate("ConflictInbox", "%1 at %2, %3")
        .replace("%1", isolate(who or QCoreApplication.translate("ConflictInbox", "someone")))
        .replace("%2", isolate(site or "?"))
        .replace("%3", formatter().datetime(when))
    )


class ConflictModel(QAbstractTableModel):
    COLUMNS = ("record", "field", "kept", "other")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ConflictView] = []

    def set_rows(self, rows: list[ConflictView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def view_at(self, row: int) -> ConflictView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, conflict_id: uuid.UUID) -> int:
        for n, v in enumerate(self._rows):
            if v.info.id == conflict_id:
                return n
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (
            self.tr("Ticket / record"), self.tr("Field"), self.tr("Kept (in the desk now)"),
            self.tr("Other value"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        v = self._rows[index.row()]
        c = v.info
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return v.ticket_reference or f"{c.table_name} {c.row_id[:8]}"
            if col == 1:
                return field_label(c.column_name)
            if col == 2:
                return f"{value_text(v, c.local_value)} — {isolate(c.local_site)}"
            if col == 3:
                return f"{value_text(v, c.remote_value)} — {isolate(c.remote_site)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 2:
                return side_text(c.local_site, v.local_by, c.local_at)
            if col == 3:
                return side_text(c.remote_site, v.remote_by, c.remote_at)
            if col == 1:
                return kind_label(c.kind)
        return None


class _SidePanel(QGroupBox):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        form = QFormLayout(self)
        self.value = QLabel(self)
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setBold(True)
        self.value.setFont(font)
        self.site = QLabel(self)
        self.who = QLabel(self)
        self.when = QLabel(self)
        form.addRow(self.tr("Value:"), self.value)
        form.addRow(self.tr("Site:"), self.site)
        form.addRow(self.tr("Changed by:"), self.who)
        form.addRow(self.tr("When:"), self.when)

    def show_side(self, view: ConflictView | None, value: Any, site: str, who: str | None,
                  when: datetime | None) -> None:
        if view is None:
            for w in (self.value, self.site, self.who, self.when):
                w.clear()
            return
        self.value.setText(value_text(view, value))
        self.site.setText(site or "?")
        self.who.setText(who or self.tr("someone"))
        self.when.setText(formatter().datetime(when))


class ConflictInboxDialog(QDialog):
    resolved = Signal(object)  # conflict id, after the resolution was written
    loaded = Signal(int)  # number of open conflicts shown

    def __init__(
        self,
        runner: TaskRunner,
        load: Callable[[], list[ConflictView]],
        resolve: Callable[[uuid.UUID, str, Any], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictInboxDialog")
        self.setWindowTitle(self.tr("Conflict inbox"))
        self._runner = runner
        self._load = load
        self._resolve = resolve
        self.model = ConflictModel(self)
        self._build()
        self._connect_signals()
        self.resize(960, 560)
        self.reload()

    def _build(self) -> None:
        intro = QLabel(self.tr(
            "These changes were made at two sites and could not both be kept. The desk "
            "now holds the kept value; choose for each whether it stays, or the other "
            "value (or a new one) replaces it. Your choice reaches every site with the "
            "next sync."), self)
        intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("conflictTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.kind_label = QLabel(self)
        self.kind_label.setObjectName("conflictKind")
        self.kept_panel = _SidePanel(self.tr("Kept — in the desk now"), self)
        self.other_panel = _SidePanel(self.tr("Other value"), self)
        self.keep_button = QPushButton(self.tr("Keep this"), self.kept_panel)
        self.keep_button.setObjectName("keepButton")
        self.take_button = QPushButton(self.tr("Take that"), self.other_panel)
        self.take_button.setObjectName("takeButton")
        self.kept_panel.layout().addRow(self.keep_button)  # type: ignore[union-attr]
        self.other_panel.layout().addRow(self.take_button)  # type: ignore[union-attr]
        sides = QHBoxLayout()
        sides.addWidget(self.kept_panel, 1)
        sides.addWidget(self.other_panel, 1)
        self.edit_line = QLineEdit(self)
        self.edit_line.setObjectName("editValue")
        self.edit_line.setPlaceholderText(self.tr("Or type a new value"))
        self.edit_button = QPushButton(self.tr("Save this value"), self)
        self.edit_button.setObjectName("editButton")
        # Fields with a fixed set of values (status, priority...) are edited by choice.
        self.edit_choice = QComboBox(self)
        self.edit_choice.setObjectName("editChoice")
        self.edit_choice.hide()
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit_line, 1)
        edit_row.addWidget(self.edit_choice, 1)
        edit_row.addWidget(self.edit_button)
        self.message = QLabel(self)
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        self.empty_label = QLabel(self.tr("No conflicts are waiting. Nothing to do."), self)
        self.empty_label.setObjectName("conflictEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.refresh_button = buttons.addButton(self.tr("Refresh"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.kind_label)
        layout.addLayout(sides, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._show_selected()

    def _connect_signals(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.keep_button.clicked.connect(lambda: self.resolve_current("local"))
        self.take_button.clicked.connect(lambda: self.resolve_current("remote"))
        self.edit_button.clicked.connect(lambda: self.resolve_current("edit"))
        self.edit_line.returnPressed.connect(lambda: self.resolve_current("edit"))
        self.refresh_button.clicked.connect(self.reload)

    # -- loading ------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        self._runner.submit(self._load, on_done=self._on_loaded, on_error=self._on_failed,
                            key="conflict-inbox", owner=self)

    def _on_loaded(self, rows: list[ConflictView]) -> None:
        current = self.current_view()
        keep_id = current.info.id if current is not None else None
        self.model.set_rows(rows)
        row = self.model.row_of(keep_id) if keep_id is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self._select_row(row)
        self.table.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        self._show_selected()
        self.loaded.emit(len(rows))

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.message.setText(_describe(exc))
        self.message.setStyleSheet("color: #b91c1c;")

    # -- selection ------------------------------------------------------------------
    def current_view(self) -> ConflictView | None:
        index = self.table.currentIndex()
        return self.model.view_at(index.row()) if index.isValid() else None

    def _select_row(self, row: int) -> None:
        # Not QTableView.selectRow: right to left it picks its column at the viewport's
        # edge, where there may be none, and leaves no current row.
        self.table.setCurrentIndex(self.model.index(row, 0))

    def select_conflict(self, conflict_id: uuid.UUID) -> None:
        row = self.model.row_of(conflict_id)
        if row >= 0:
            self._select_row(row)

    @Slot()
    def _on_table_current_changed(self, *_args: Any) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        v = self.current_view()
        enabled = v is not None
        for w in (self.keep_button, self.take_button, self.edit_button, self.edit_line,
                  self.edit_choice):
            w.setEnabled(enabled)
        if v is None:
            self.kind_label.clear()
            self.kept_panel.show_side(None, None, "", None, None)
            self.other_panel.show_side(None, None, "", None, None)
            self.edit_line.clear()
            return
        c = v.info
        what = v.ticket_reference or c.table_name
        self.kind_label.setText(
            self.tr("%1 — %2: %3").replace("%1", isolate(what))
            .replace("%2", field_label(c.column_name)).replace("%3", kind_label(c.kind))
        )
        self.kept_panel.show_side(v, c.local_value, c.local_site, v.local_by, c.local_at)
        self.other_panel.show_side(v, c.remote_value, c.remote_site, v.remote_by, c.remote_at)
        # A reply that met a closed ticket has no value to type (keep closed or reopen);
        # a person or a team is chosen on the ticket itself, not typed here.
        editable = c.kind != "reply_on_closed" and not c.column_name.endswith("_id")
        enum_cls = _ENUMS.get(c.column_name)
        self.edit_choice.setVisible(enum_cls is not None)
        self.edit_line.setVisible(enum_cls is None)
        self.edit_line.setEnabled(editable)
        self.edit_choice.setEnabled(editable)
        self.edit_button.setEnabled(editable)
        current = getattr(c.local_value, "value", c.local_value)
        if enum_cls is not None:
            self.edit_choice.clear()
            for member in enum_cls:
                self.edit_choice.addItem(label(member), member.value)
            self.edit_choice.setCurrentIndex(max(0, self.edit_choice.findData(current)))
        self.edit_line.setText("" if current is None or not editable else str(current))
        if not editable:
            self.edit_line.setPlaceholderText(self.tr("Change it on the ticket instead"))
        else:
            self.edit_line.setPlaceholderText(self.tr("Or type a new value"))
        if c.kind == "reply_on_closed":
            self.take_button.setText(self.tr("Reopen the ticket"))
            self.keep_button.setText(self.tr("Keep it closed"))
        else:
            self.take_button.setText(self.tr("Take that"))
            self.keep_button.setText(self.tr("Keep this"))

    # -- resolving ------------------------------------------------------------------
    def resolve_current(self, choice: str) -> None:
        v = self.current_view()
        if v is None:
            return
        value: Any = None
        if choice == "edit":
            value = (self.edit_choice.currentData() if self.edit_choice.isVisibleTo(self)
                     else self.edit_line.text().strip())
        if choice == "edit" and not value:
            self.message.setText(self.tr("Type the new value first."))
            self.message.setStyleSheet("color: #b91c1c;")
            return
        conflict_id = v.info.id
        self._set_busy(True)
        self._runner.submit(
            lambda: self._resolve(conflict_id, choice, value),
            on_done=lambda _r: self._on_resolved(conflict_id),
            on_error=self._on_failed,
            owner=self,
        )

    def _on_resolved(self, conflict_id: uuid.UUID) -> None:
        self._set_busy(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Settled. The choice goes to every site with the next sync."))
        self.resolved.emit(conflict_id)
        self.reload()

    def _set_busy(self, busy: bool) -> None:
        for w in (self.keep_button, self.take_button, self.edit_button):
            w.setEnabled(not busy and self.current_view() is not None)


def _describe(exc: BaseException) -> str:
    try:
        from deskapp.ui.error_text import describe
    except ImportError:
        return str(exc)
    return describe(exc)
