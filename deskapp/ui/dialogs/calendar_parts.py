"""Parts of the business-calendar dialog: the weekly hours of one schedule (a line of
ranges per weekday) and the table of the desk's own closed days and half days."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCalendar, QDate, QLocale, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from deskapp.services.business_time import format_hhmm, parse_ranges
from deskapp.services.errors import ValidationFailed
from deskapp.services.sla_admin import CustomDay, TimePair

_RANGE = re.compile(r"^\s*(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})\s*$")


def parse_hours_text(text: str, what: str, field: str) -> list[TimePair]:
    """ "08:00-12:00, 13:00-16:00" -> [("08:00", "12:00"), ("13:00", "16:00")];
    empty -> [] (closed). The service checks the times themselves."""
    pairs: list[TimePair] = []
    for part in (p for p in re.split(r"[,،;]", text) if p.strip()):
        match = _RANGE.match(part)
        if match is None:
            raise ValidationFailed(
                f"{what}: write hours as 08:00-16:00, several separated by commas "
                f"(not {part.strip()!r}).",
                field,
            )
        pairs.append((match.group(1), match.group(2)))
    return pairs


def hours_text(pairs: Sequence[TimePair] | None) -> str:
    return ", ".join(f"{a}-{b}" for a, b in pairs or ())


def calendar_for_locale(locale: QLocale | None = None) -> QCalendar:
    """Jalali under the Persian locale (storage stays Gregorian)."""
    persian = (locale or QLocale()).language() == QLocale.Language.Persian
    return QCalendar(QCalendar.System.Jalali if persian else QCalendar.System.Gregorian)


def date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendar(calendar_for_locale())
    edit.setCalendarPopup(True)
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class WeeklyHoursEditor(QWidget):
    """Seven lines, in the locale's week order; weekday 0 is Monday as stored."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[int, QLineEdit] = {}
        locale = QLocale()
        first = locale.firstDayOfWeek().value  # Qt: 1=Monday .. 7=Sunday
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for offset in range(7):
            weekday = (first - 1 + offset) % 7
            edit = QLineEdit(self)
            edit.setObjectName(f"hoursDay{weekday}")
            edit.setPlaceholderText(self.tr("closed"))
            edit.textChanged.connect(self._on_edit_text_changed)
            self.edits[weekday] = edit
            form.addRow(locale.dayName(weekday + 1, QLocale.FormatType.LongFormat) + ":", edit)
        self.total = QLabel(self)
        self.total.setObjectName("weeklyTotal")
        form.addRow("", self.total)
        self._on_edit_text_changed()

    def texts(self) -> list[str]:
        return [self.edits[d].text() for d in range(7)]

    def set_texts(self, texts: Sequence[str]) -> None:
        for weekday, text in enumerate(texts):
            self.edits[weekday].blockSignals(True)
            self.edits[weekday].setText(text)
            self.edits[weekday].blockSignals(False)
        self._on_edit_text_changed()

    @Slot()
    def _on_edit_text_changed(self) -> None:
        minutes = weekly_minutes(self.texts())
        if minutes is None:
            self.total.setText(self.tr("Hours a week: —"))
        else:
            self.total.setText(self.tr("Hours a week: %1").replace("%1", format_hhmm(minutes)))
        self.changed.emit()


def weekly_minutes(texts: Sequence[str]) -> int | None:
    """Working minutes in a week of these day texts; None when one does not parse."""
    total = 0
    for text in texts:
        try:
            ranges = parse_ranges(parse_hours_text(text, "", "schedules"))
        except (ValidationFailed, ValueError):
            return None
        total += sum(end - start for start, end in ranges)
    return total


class CustomDaysTable(QTableWidget):
    """Date | name | hours (empty: closed all day)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Name"), self.tr("Hours (empty: closed)")]
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

    def set_days(self, days: Sequence[CustomDay]) -> None:
        self.setRowCount(0)
        for day in days:
            self.add_day(day)

    def add_day(self, day: CustomDay) -> int:
        row = self.rowCount()
        self.insertRow(row)
        self.setCellWidget(row, 0, date_edit(self, day.day))
        self.setItem(row, 1, QTableWidgetItem(day.name))
        self.setItem(row, 2, QTableWidgetItem(hours_text(day.hours)))
        return row

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def days(self) -> list[CustomDay]:
        out = []
        for row in range(self.rowCount()):
            editor: QDateEdit = self.cellWidget(row, 0)  # type: ignore[assignment]
            day = to_date(editor.date())
            name = self.item(row, 1).text() if self.item(row, 1) else ""
            text = self.item(row, 2).text() if self.item(row, 2) else ""
            pairs = parse_hours_text(text, day.isoformat(), "custom_days")
            out.append(CustomDay(day, name, tuple(pairs) if pairs else None))
        return out
