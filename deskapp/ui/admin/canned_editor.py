"""Canned answers editor (supervisors and managers): find an answer with the same
search the agents' picker uses (every word, Persian-normalised, optional language),
edit its title, category, language and text, create new ones, retire old ones (out of
the picker, kept for history). Agents use the answers; they suggest changes to their
supervisor, who answers for what the desk tells customers."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.canned import CannedResponseInfo
from deskapp.services.errors import ValidationFailed
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.admin.messages import describe
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.tasks import TaskRunner


class CannedEditor(QDialog):
    loaded = Signal()
    saved = Signal(object)  # CannedResponseInfo

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cannedEditor")
        self.setWindowTitle(self.tr("Canned answers"))
        self._services = services
        self._actor = actor
        self._runner = runner
        self.current: CannedResponseInfo | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("cannedSearch")
        self.search.setPlaceholderText(self.tr("Search title, category and text"))
        self.search.setClearButtonEnabled(True)
        self.filter_language = QComboBox(self)
        self.filter_language.setObjectName("cannedFilterLanguage")
        self.filter_language.addItem(self.tr("All languages"), "")
        self.filter_language.addItem(self.tr("Persian"), "fa")
        self.filter_language.addItem(self.tr("English"), "en")
        self.list = QListWidget(self)
        self.list.setObjectName("cannedList")
        self.new_button = QPushButton(self.tr("New answer"), self)
        self.new_button.setObjectName("newCannedButton")

        self.title = QLineEdit(self)
        self.title.setObjectName("cannedTitle")
        self.category = QComboBox(self)
        self.category.setObjectName("cannedCategory")
        self.category.setEditable(True)
        self.language = QComboBox(self)
        self.language.setObjectName("cannedLanguage")
        self.language.addItem(self.tr("Persian"), "fa")
        self.language.addItem(self.tr("English"), "en")
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("cannedBody")
        self.errors = {k: error_label(self, f"cannedError_{k}") for k in ("title", "body")}
        self.error = error_label(self, "cannedError")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveCannedButton")
        self.retire_button = QPushButton(self.tr("Retire"), self)
        self.retire_button.setObjectName("retireCannedButton")
        rule = QLabel(self.tr("Supervisors and managers edit the answers; agents use them "
                              "from the ticket and suggest changes to their supervisor."), self)
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #616161;")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.filter_language)
        left = QVBoxLayout()
        left.addLayout(filters)
        left.addWidget(self.list)
        left.addWidget(self.new_button)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow("", self.errors["title"])
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Te&xt:"), self.body)
        form.addRow("", self.errors["body"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.retire_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.error)
        right.addLayout(buttons)
        left_w, right_w = QWidget(self), QWidget(self)
        left_w.setLayout(left)
        right_w.setLayout(right)
        split = QSplitter(self)
        split.addWidget(left_w)
        split.addWidget(right_w)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(rule)
        self.resize(900, 560)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._connect_signals()
        self._show(None)
        self.reload()

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.filter_language.currentIndexChanged.connect(lambda _i: self.reload())
        self._debounce.timeout.connect(self.reload)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.retire_button.clicked.connect(self._on_retire_button_clicked)

    @Slot()
    def reload(self) -> None:
        services, actor = self._services, self._actor
        query, language = self.search.text(), self.filter_language.currentData() or None

        def load():
            return (services.canned.search(actor, query, language=language, limit=500),
                    services.canned.categories(actor))

        self._runner.submit(load, on_done=self._on_loaded, on_error=self._on_failed,
                            key="canned-editor-load", owner=self)

    def _on_loaded(self, result) -> None:
        answers, categories = result
        keep = self.current.id if self.current else None
        self.list.blockSignals(True)
        self.list.clear()
        for a in answers:
            text = f"{a.title} · {a.category}" if a.category else a.title
            item = QListWidgetItem(f"[{a.language}] {text}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, a)
            if a.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        typed = self.category.currentText()
        self.category.clear()
        self.category.addItems(categories)
        self.category.setCurrentText(typed)
        self.loaded.emit()

    def _show(self, answer: CannedResponseInfo | None) -> None:
        self.current = answer
        for lab in (*self.errors.values(), self.error):
            lab.hide()
        self.title.setText(answer.title if answer else "")
        self.category.setCurrentText(answer.category if answer else "")
        self.language.setCurrentIndex(max(0, self.language.findData(
            answer.language if answer else "fa")))
        self.body.setPlainText(answer.body if answer else "")
        self.retire_button.setEnabled(answer is not None)

    @Slot()
    def _on_list_current_item_changed(self) -> None:
        item = self.list.currentItem()
        self._show(item.data(Qt.ItemDataRole.UserRole) if item else None)

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.list.setCurrentRow(-1)
        self._show(None)
        self.title.setFocus()

    @Slot()
    def _on_save_button_clicked(self) -> None:
        services, actor, current = self._services, self._actor, self.current
        title, body = self.title.text(), self.body.toPlainText()
        category, language = self.category.currentText(), self.language.currentData()
        if current is None:
            def op():
                return services.canned.create(actor, title, body, category=category,
                                              language=language)
        else:
            def op():
                return services.canned.update(actor, current.id, current.version, title, body,
                                              category=category, language=language)
        self.save_button.setEnabled(False)
        self._runner.submit(op, on_done=self._on_saved, on_error=self._on_failed,
                            key="canned-editor-save", owner=self)

    def _on_saved(self, info: CannedResponseInfo) -> None:
        self.save_button.setEnabled(True)
        self.current = info
        self.saved.emit(info)
        self.reload()

    @Slot()
    def _on_retire_button_clicked(self) -> None:
        current = self.current
        if current is None:
            return
        if QMessageBox.question(
            self, self.tr("Retire answer"),
            self.tr("Retire “%1”? Agents will no longer find it.").replace("%1", current.title)
        ) != QMessageBox.StandardButton.Yes:
            return
        self.retire(current)

    def retire(self, current: CannedResponseInfo) -> None:
        services, actor = self._services, self._actor
        self._runner.submit(lambda: services.canned.retire(actor, current.id),
                            on_done=self._on_retired, on_error=self._on_failed,
                            key="canned-editor-retire", owner=self)

    def _on_retired(self, _result: object) -> None:
        self._show(None)
        self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        field = (exc.field or "").lower() if isinstance(exc, ValidationFailed) else ""
        target = self.errors.get(field, self.error)
        target.setText(describe(exc))
        target.show()
