"""Log a call: find the caller while typing (phone or name), or create them inline;
then channel, category, priority, subject, notes. Creates the ticket with its first
interaction. Service validation errors appear next to their fields; nothing typed is lost."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.models.enums import Channel, Priority, Segment
from deskapp.services.calls import CallInfo
from deskapp.services.customers import NewCustomer
from deskapp.services.dto import CustomerInfo, TicketDetail
from deskapp.services.errors import DeskError, ValidationFailed
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.services.tickets import NewCall
from deskapp.ui.banner import describe_failure
from deskapp.ui.formatting import formatter, isolate
from deskapp.ui.labels import label
from deskapp.ui.tasks import TaskRunner

LOOKUP_DELAY_MS = 250


def _error_label(parent: QWidget, field: str) -> QLabel:
    error = QLabel(parent)
    error.setObjectName(f"error_{field}")
    error.setStyleSheet("color: #c62828;")
    error.setWordWrap(True)
    error.hide()
    return error


def _enum_combo(parent: QWidget, name: str, members: list, current: object) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for member in members:
        combo.addItem(label(member), member.value)
    combo.setCurrentIndex(combo.findData(getattr(current, "value", current)))
    return combo


class LogCallDialog(QDialog):
    ticket_logged = Signal(object)  # TicketDetail

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("logCallDialog")
        self.setWindowTitle(self.tr("Log a call"))
        self._services = services
        self._actor = actor
        self._runner = runner
        self._key = f"caller-lookup-{id(self)}"
        self.customer: CustomerInfo | None = None
        self.logged: TicketDetail | None = None
        # The telephone call being logged (telephony screen-pop), linked to the ticket.
        self.call_record: CallInfo | None = None
        self._preferred_customer: uuid.UUID | None = None
        self._errors: dict[str, QLabel] = {}
        self._build()
        self._connect_signals()
        self.resize(560, 720)

    # -- building -----------------------------------------------------------
    def _with_error(self, form: QFormLayout, caption: str, widget: QWidget, field: str) -> None:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        error = _error_label(box, field)
        layout.addWidget(error)
        self._errors[field] = error
        form.addRow(caption, box)

    def _build(self) -> None:
        caller = QGroupBox(self.tr("Caller"), self)
        self.lookup = QLineEdit(caller)
        self.lookup.setObjectName("callerLookup")
        self.lookup.setPlaceholderText(self.tr("Phone number, name or email…"))
        self.lookup.setClearButtonEnabled(True)
        self.results = QListWidget(caller)
        self.results.setObjectName("callerResults")
        self.results.setMaximumHeight(150)
        self.lookup_status = QLabel(caller)
        self.lookup_status.setObjectName("lookupStatus")
        self.lookup_status.setStyleSheet("color: #616161;")
        caller_layout = QVBoxLayout(caller)
        caller_layout.addWidget(self.lookup)
        caller_layout.addWidget(self.results)
        caller_layout.addWidget(self.lookup_status)
        customer_error = _error_label(caller, "customer")
        self._errors["customer"] = customer_error
        caller_layout.addWidget(customer_error)

        self.new_group = QGroupBox(self.tr("New customer"), self)
        self.new_group.setObjectName("newCustomerGroup")
        self.new_group.setCheckable(True)
        self.new_group.setChecked(False)
        self.new_name = QLineEdit(self.new_group)
        self.new_name.setObjectName("newCustomerName")
        self.new_phones = QLineEdit(self.new_group)
        self.new_phones.setObjectName("newCustomerPhones")
        self.new_phones.setPlaceholderText(self.tr("one or more, separated by commas"))
        self.new_email = QLineEdit(self.new_group)
        self.new_email.setObjectName("newCustomerEmail")
        self.new_segment = _enum_combo(self.new_group, "newCustomerSegment", list(Segment),
                                       Segment.STANDARD)
        new_form = QFormLayout(self.new_group)
        self._with_error(new_form, self.tr("Name:"), self.new_name, "name")
        self._with_error(new_form, self.tr("Phones:"), self.new_phones, "phones")
        self._with_error(new_form, self.tr("Email:"), self.new_email, "email")
        self._with_error(new_form, self.tr("Segment:"), self.new_segment, "segment")

        ticket = QGroupBox(self.tr("Ticket"), self)
        self.channel = _enum_combo(ticket, "callChannel", list(Channel), Channel.PHONE)
        self.category = QLineEdit(ticket)
        self.category.setObjectName("callCategory")
        self.priority = _enum_combo(ticket, "callPriority", list(Priority), Priority.NORMAL)
        self.subject = QLineEdit(ticket)
        self.subject.setObjectName("callSubject")
        self.notes = QPlainTextEdit(ticket)
        self.notes.setObjectName("callNotes")
        self.notes.setTabChangesFocus(True)
        self.resolved = QCheckBox(self.tr("Resolved on this call"), ticket)
        self.resolved.setObjectName("callResolved")
        form = QFormLayout(ticket)
        self._with_error(form, self.tr("Channel:"), self.channel, "channel")
        self._with_error(form, self.tr("Category:"), self.category, "category")
        self._with_error(form, self.tr("Priority:"), self.priority, "priority")
        self._with_error(form, self.tr("Subject:"), self.subject, "subject")
        self._with_error(form, self.tr("Notes:"), self.notes, "notes")
        form.addRow("", self.resolved)

        self.general_error = _error_label(self, "general")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create ticket"))
        self.ok_button.setObjectName("createTicketButton")
        self.call_label = QLabel(self)
        self.call_label.setObjectName("callTimes")
        self.call_label.setStyleSheet("color: #0d47a1;")
        self.call_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.call_label)
        layout.addWidget(caller)
        layout.addWidget(self.new_group)
        layout.addWidget(ticket, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(LOOKUP_DELAY_MS)
        self.lookup.setFocus()

    def _connect_signals(self) -> None:
        self.lookup.textChanged.connect(self._on_lookup_text_changed)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.results.currentItemChanged.connect(self._on_results_current_item_changed)
        self.new_group.toggled.connect(self._on_new_group_toggled)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    # -- the telephone call --------------------------------------------------
    def attach_call(self, call: CallInfo) -> None:
        """Log this telephone call: its number looked up, its customer chosen when
        known, its times shown; the new ticket is linked to the call (once)."""
        self.call_record = call
        self._preferred_customer = call.customer_id
        index = self.channel.findData(Channel.PHONE)
        if index >= 0:
            self.channel.setCurrentIndex(index)
        self.update_call(call)
        self.lookup.setText(call.number or call.raw_number)
        self._debounce.stop()
        self._on_debounce_timeout()
        self.subject.setFocus()

    def update_call(self, call: CallInfo) -> None:
        """The call went on (answered, ended): show its times and length."""
        from deskapp.ui.telephony.call_bar import call_length

        if self.call_record is not None and call.id != self.call_record.id:
            return
        self.call_record = call
        f = formatter()
        parts = [
            (self.tr("Call from %1") if call.incoming else self.tr("Call to %1")).replace(
                "%1", isolate(f.digits(call.number) or call.raw_number)),
            self.tr("rang %1").replace("%1", f.time(call.rang_at)),
        ]
        if call.answered_at is not None:
            parts.append(self.tr("answered %1").replace("%1", f.time(call.answered_at)))
        if call.duration is not None:
            parts.append(self.tr("length %1").replace("%1", call_length(call.duration)))
        elif call.answered_at is not None:
            parts.append(self.tr("in progress"))
        self.call_label.setText("☎ " + " · ".join(parts))
        self.call_label.show()

    # -- caller look-up -----------------------------------------------------
    @Slot(str)
    def _on_lookup_text_changed(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def _on_debounce_timeout(self) -> None:
        query = self.lookup.text().strip()
        if not query:
            self._runner.cancel(self._key)
            self.results.clear()
            self.lookup_status.clear()
            return
        self.lookup_status.setText(self.tr("Searching…"))
        self._runner.submit(
            lambda: self._services.customers.lookup(self._actor, query),
            on_done=self._on_lookup_done,
            on_error=lambda exc: self.lookup_status.setText(describe_failure(exc)),
            key=self._key,
        )

    def _on_lookup_done(self, customers: list[CustomerInfo]) -> None:
        self.results.clear()
        for customer in customers:
            details = [isolate(customer.name), ", ".join(customer.phones), label(customer.segment)]
            if customer.warning_note:
                details.append(self.tr("has a warning note"))
            item = QListWidgetItem(" · ".join(d for d in details if d))
            item.setData(Qt.ItemDataRole.UserRole, customer)
            self.results.addItem(item)
        if customers:
            self.lookup_status.setText(self.tr("Pick the caller, or tick New customer."))
        else:
            self.lookup_status.setText(self.tr("No customer found; tick New customer below."))
        preferred = next((n for n, c in enumerate(customers)
                          if c.id == self._preferred_customer), None)
        if preferred is not None:  # the caller the telephone identified
            self.results.setCurrentRow(preferred)
        elif self.call_record is not None and not customers:
            self.new_group.setChecked(True)  # an unknown caller: a new customer, number filled

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_results_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self.customer = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if self.customer is not None:
            self.new_group.setChecked(False)
            self.lookup_status.setText(self.tr("Caller: %1").replace("%1", self.customer.name))
            self._errors["customer"].hide()

    @Slot(bool)
    def _on_new_group_toggled(self, on: bool) -> None:
        if not on:
            return
        self.results.setCurrentItem(None)
        self.customer = None
        query = self.lookup.text().strip()
        if query and not self.new_name.text() and not self.new_phones.text():
            is_phone = sum(ch.isdigit() for ch in query) >= max(3, len(query) // 2)
            (self.new_phones if is_phone else self.new_name).setText(query)
            (self.new_name if is_phone else self.new_phones).setFocus()

    # -- creating -----------------------------------------------------------
    def call(self) -> NewCall:
        new_customer = None
        if self.new_group.isChecked():
            new_customer = NewCustomer(
                name=self.new_name.text(),
                phones=[p for p in self.new_phones.text().split(",") if p.strip()],
                email=self.new_email.text() or None,
                segment=self.new_segment.currentData(),
            )
        return NewCall(
            subject=self.subject.text(),
            notes=self.notes.toPlainText(),
            customer_id=self.customer.id if self.customer and not new_customer else None,
            new_customer=new_customer,
            channel=self.channel.currentData(),
            category=self.category.text(),
            priority=self.priority.currentData(),
            resolved_on_contact=self.resolved.isChecked(),
            call_record_id=self.call_record.id if self.call_record is not None else None,
        )

    @Slot()
    def _on_buttons_accepted(self) -> None:
        for error in self._errors.values():
            error.hide()
        self.general_error.hide()
        call = self.call()
        self.ok_button.setEnabled(False)
        self._runner.submit(
            lambda: self._services.tickets.log_call(self._actor, call),
            on_done=self._on_logged,
            on_error=self._on_log_failed,
        )

    def _on_logged(self, detail: TicketDetail) -> None:
        self.ok_button.setEnabled(True)
        self.logged = detail
        self.ticket_logged.emit(detail)
        self.accept()

    def _on_log_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        field = (getattr(exc, "field", None) or "").lower()
        if isinstance(exc, ValidationFailed) and field in self._errors:
            self._errors[field].setText(describe_failure(exc))  # the reader's language
            self._errors[field].show()
        elif isinstance(exc, DeskError):
            self.general_error.setText(describe_failure(exc))
            self.general_error.show()
        else:
            self.general_error.setText(describe_failure(exc))
            self.general_error.show()

    def error_text(self, field: str) -> str:
        error = self._errors.get(field, self.general_error)
        return "" if error.isHidden() else error.text()
