"""Search the audit log (managers and administrators): by user, ticket number, date
range and action; newest first, at most 1,000 rows. Dates are picked in the user's
calendar (Jalali under Persian) and searched as whole local days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, QTimeZone, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.audit_log import AuditRow
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor
from deskapp.ui.admin.messages import describe
from deskapp.ui.admin.ticket_history import audit_table, fill_audit_table
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.formatting import formatter
from deskapp.ui.tasks import TaskRunner


def _local_midnight_utc(day: QDate) -> datetime:
    local = day.startOfDay(QTimeZone.systemTimeZone())
    return datetime.fromtimestamp(local.toSecsSinceEpoch(), UTC)


class AuditLogDialog(QDialog):
    loaded = Signal()

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditLogDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self._services = services
        self._actor = actor
        self._runner = runner
        self.rows: list[AuditRow] = []
        self.user = QLineEdit(self)
        self.user.setObjectName("auditUser")
        self.user.setPlaceholderText(self.tr("username"))
        self.ticket = QLineEdit(self)
        self.ticket.setObjectName("auditTicket")
        self.ticket.setPlaceholderText(self.tr("e.g. HQ-000123"))
        self.action = QLineEdit(self)
        self.action.setObjectName("auditAction")
        self.action.setPlaceholderText(self.tr("e.g. ticket. or user.disabled"))
        calendar = formatter().calendar  # Jalali under Persian
        today = QDate.currentDate()
        self.use_dates = QCheckBox(self.tr("Only from"), self)
        self.use_dates.setObjectName("auditUseDates")
        self.date_from = QDateEdit(today.addDays(-7), self)
        self.date_to = QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setCalendar(calendar)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to"), self))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setObjectName("auditSearchButton")
        self.search_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Ticket:"), self.ticket)
        form.addRow(self.tr("&Action:"), self.action)
        form.addRow(self.tr("Dates:"), dates)
        self.error = error_label(self, "auditError")
        self.count = QLabel(self)
        self.table = audit_table(self, "auditTable", [
            self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Record"),
            self.tr("Details"), self.tr("Workstation")])
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self.resize(1000, 600)
        self.search_button.clicked.connect(self._on_search_button_clicked)
        self.search()

    def criteria(self) -> dict:
        since = until = None
        if self.use_dates.isChecked():
            since = _local_midnight_utc(self.date_from.date())
            until = _local_midnight_utc(self.date_to.date()) + timedelta(days=1)
        return dict(username=self.user.text(), ticket_reference=self.ticket.text(),
                    action=self.action.text(), since=since, until=until)

    @Slot()
    def _on_search_button_clicked(self) -> None:
        self.search()

    def search(self) -> None:
        services, actor, criteria = self._services, self._actor, self.criteria()
        self.error.hide()
        self._runner.submit(lambda: services.audit_log.search(actor, **criteria),
                            on_done=self._on_loaded, on_error=self._on_failed,
                            key="audit-search", owner=self)

    def _on_loaded(self, rows: list[AuditRow]) -> None:
        self.rows = rows
        fill_audit_table(self.table, rows, with_entity=True)
        self.count.setText(self.tr("%1 entries (newest first)").replace(
            "%1", formatter().number(len(rows))))
        self.loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.error.setText(describe(exc))
        self.error.show()
