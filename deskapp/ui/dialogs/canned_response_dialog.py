"""Pick a canned response: type to search (title, category, body), filter by language,
preview, insert into the composer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.canned import CannedResponseInfo
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.banner import describe_failure
from deskapp.ui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex


class CannedResponsesModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CannedResponseInfo] = []

    def set_responses(self, rows: Sequence[CannedResponseInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def response(self, row: int) -> CannedResponseInfo:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.title}  [{row.category or row.language}]"
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.body
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


class CannedResponseDialog(QDialog):
    response_chosen = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cannedResponseDialog")
        self.setWindowTitle(self.tr("Canned responses"))
        self._services = services
        self._actor = actor
        self._runner = runner
        self.search = QLineEdit(self)
        self.search.setObjectName("cannedSearch")
        self.search.setPlaceholderText(self.tr("Search title or text…"))
        self.search.setClearButtonEnabled(True)
        self.language = QComboBox(self)
        self.language.setObjectName("cannedLanguage")
        self.language.addItem(self.tr("All languages"), None)
        self.language.addItem(self.tr("Persian"), "fa")
        self.language.addItem(self.tr("English"), "en")
        if language:
            found = self.language.findData(language)
            self.language.setCurrentIndex(max(found, 0))
        self.model = CannedResponsesModel(self)
        self.list = QListView(self)
        self.list.setObjectName("cannedList")
        self.list.setModel(self.model)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.status = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Insert"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._connect_signals()
        self.resize(520, 480)
        self.reload()

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._debounce.start)
        self.language.currentIndexChanged.connect(self.reload)
        self._debounce.timeout.connect(self.reload)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.list.doubleClicked.connect(self._on_buttons_accepted)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    @Slot()
    def reload(self) -> None:
        query = self.search.text()
        language = self.language.currentData()
        self._runner.submit(
            lambda: self._services.canned.search(self._actor, query, language=language),
            on_done=self._on_searched,
            on_error=lambda exc: self.status.setText(describe_failure(exc)),
            key=f"canned-search-{id(self)}",
        )

    def _on_searched(self, rows: list[CannedResponseInfo]) -> None:
        self.model.set_responses(rows)
        self.status.setText(
            self.tr("No canned response matches.") if not rows else ""
        )
        if rows:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.preview.setPlainText(self.model.response(current.row()).body if current.isValid() else "")

    @Slot()
    def _on_buttons_accepted(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        self.response_chosen.emit(self.model.response(index.row()).body)
        self.accept()
