"""Edit a customer from the customer-history pane: name, phones, email, organisation,
segment, preferred language, warning note. The service validates exactly as for Log a
call (services.customers), refuses a phone that belongs to another customer, checks
the version the dialog loaded (someone else's change is said, the typed text stays)
and audits the change. Nothing is written until the service accepts the whole form."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.models.enums import Segment
from deskapp.services.customers import CustomerChanges
from deskapp.services.dto import CustomerInfo
from deskapp.services.errors import StaleUpdate, ValidationFailed
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.admin.messages import describe
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.labels import label
from deskapp.ui.tasks import TaskRunner

_FIELDS = ("name", "phones", "email", "organisation", "segment", "language", "warning_note")


def field_key(field: str | None) -> str:
    key = (field or "").strip().lower().replace(" ", "_")
    return "language" if key == "preferred_language" else key


class CustomerEditDialog(QDialog):
    saved = Signal(object)  # CustomerInfo

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        customer: CustomerInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerEditDialog")
        self.setWindowTitle(self.tr("Edit customer — %1").replace("%1", customer.name))
        self._services = services
        self._actor = actor
        self._runner = runner
        self.customer = customer
        self._errors: dict[str, QLabel] = {}

        self.name = QLineEdit(customer.name, self)
        self.name.setObjectName("customerEditName")
        self.phones = QLineEdit(", ".join(customer.phones), self)
        self.phones.setObjectName("customerEditPhones")
        self.phones.setPlaceholderText(self.tr("one or more, separated by commas"))
        self.email = QLineEdit(customer.email or "", self)
        self.email.setObjectName("customerEditEmail")
        self.organisation = QLineEdit(customer.organisation or "", self)
        self.organisation.setObjectName("customerEditOrganisation")
        self.segment = QComboBox(self)
        self.segment.setObjectName("customerEditSegment")
        for s in Segment:
            self.segment.addItem(label(s), s.value)
        self.segment.setCurrentIndex(self.segment.findData(customer.segment.value))
        self.language = QComboBox(self)
        self.language.setObjectName("customerEditLanguage")
        self.language.addItem(self.tr("Persian"), "fa")
        self.language.addItem(self.tr("English"), "en")
        index = self.language.findData(customer.preferred_language)
        if index < 0:
            self.language.addItem(customer.preferred_language, customer.preferred_language)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)
        self.warning_note = QPlainTextEdit(customer.warning_note, self)
        self.warning_note.setObjectName("customerEditWarning")
        self.warning_note.setPlaceholderText(
            self.tr("Shown in red to every agent who opens this customer"))
        self.warning_note.setMaximumHeight(80)

        form = QFormLayout()
        for caption, widget, key in (
            (self.tr("&Name:"), self.name, "name"),
            (self.tr("&Phones:"), self.phones, "phones"),
            (self.tr("&Email:"), self.email, "email"),
            (self.tr("&Organisation:"), self.organisation, "organisation"),
            (self.tr("&Segment:"), self.segment, "segment"),
            (self.tr("Preferred &language:"), self.language, "language"),
            (self.tr("&Warning note:"), self.warning_note, "warning_note"),
        ):
            box = QWidget(self)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(1)
            inner.addWidget(widget)
            self._errors[key] = error_label(box, f"customerEditError_{key}")
            inner.addWidget(self._errors[key])
            form.addRow(caption, box)
        self.error_label = error_label(self, "customerEditError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def changes(self) -> CustomerChanges:
        return CustomerChanges(
            name=self.name.text(),
            phones=[p for p in self.phones.text().replace("،", ",").split(",") if p.strip()],
            email=self.email.text(),
            organisation=self.organisation.text(),
            segment=self.segment.currentData(),
            preferred_language=self.language.currentData(),
            warning_note=self.warning_note.toPlainText(),
        )

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self._clear_errors()
        self.buttons.setEnabled(False)
        services, actor, c, changes = self._services, self._actor, self.customer, self.changes()
        self._runner.submit(
            lambda: services.customers.update(actor, c.id, c.version, changes),
            on_done=self._on_saved, on_error=self._on_failed, key="customer-edit", owner=self,
        )

    def _on_saved(self, info: CustomerInfo) -> None:
        self.buttons.setEnabled(True)
        self.customer = info
        self.saved.emit(info)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        target = self.error_label
        if isinstance(exc, ValidationFailed) and field_key(exc.field) in self._errors:
            target = self._errors[field_key(exc.field)]
        text = describe(exc)
        if isinstance(exc, StaleUpdate):
            text += " " + self.tr("What you typed is kept; reopen the editor to start from "
                                  "the current record.")
        target.setText(text)
        target.show()

    def _clear_errors(self) -> None:
        for lab in (*self._errors.values(), self.error_label):
            lab.clear()
            lab.hide()
