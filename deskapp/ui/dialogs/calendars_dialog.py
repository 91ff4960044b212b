"""Business calendars, for managers: time zone, weekly hours per weekday, the country
whose public holidays close the desk, the desk's own closed days and half days, and
changes of schedule from an effective date (summer hours, a new shift pattern).

The service validates (at least one working hour a week, real time zone, known
country...) and enforces the permission; its messages appear next to the field they
are about. Saving recomputes the due times of the open tickets the calendar affects."""

from __future__ import annotations

import uuid
import zoneinfo
from datetime import date

from PySide6.QtCore import QLocale, Qt, QTimeZone, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.errors import PermissionDenied, ValidationFailed
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor, Permission
from deskapp.services.sla_admin import (
    CalendarDraft,
    CalendarInfo,
    CountryInfo,
    CustomDay,
    ScheduleDraft,
    holiday_countries,
)
from deskapp.services.sla_presets import PRESETS, CalendarPreset
from deskapp.ui.dialogs.calendar_parts import (
    CustomDaysTable,
    WeeklyHoursEditor,
    date_edit,
    hours_text,
    parse_hours_text,
    to_date,
)
from deskapp.ui.dialogs.form_errors import FieldErrors, error_label
from deskapp.ui.tasks import TaskRunner

_ID = Qt.ItemDataRole.UserRole
ALWAYS = date(1970, 1, 1)  # the first schedule of a calendar is in force "always"
_WEEKDAYS_9_TO_5 = ["09:00-17:00"] * 5 + ["", ""]


class CalendarsDialog(QDialog):
    calendar_saved = Signal(object)  # CalendarInfo
    loaded = Signal()

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendarsDialog")
        self.setWindowTitle(self.tr("Business calendars"))
        self._services = services
        self._actor = actor
        self._runner = runner
        self._calendars: list[CalendarInfo] = []
        self._countries: dict[str, tuple[str, ...]] = {}
        self._current: CalendarInfo | None = None  # None: a new calendar
        self._schedules: dict[date, list[str]] = {}  # effective from -> 7 day texts
        self._shown_schedule: date | None = None
        self._notice = ""
        self._build()
        self._connect_signals()
        self.resize(940, 680)
        if not actor.can(Permission.MANAGE_SLA):
            self._errors.show(PermissionDenied(self.tr("Only managers edit business calendars.")))
            self.form_box.setEnabled(False)
            self.new_button.setEnabled(False)
        else:
            self.reload()

    # -- building -----------------------------------------------------------
    def _build(self) -> None:
        self.calendar_list = QListWidget(self)
        self.calendar_list.setObjectName("calendarList")
        self.new_button = QToolButton(self)
        self.new_button.setObjectName("newCalendarButton")
        self.new_button.setText(self.tr("New calendar"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.new_button)
        for preset in PRESETS:
            action = QAction(self.tr("From preset: %1").replace("%1", preset.name), menu)
            action.setData(preset)
            menu.addAction(action)
        self.new_button.setMenu(menu)
        left = QVBoxLayout()
        left.addWidget(self.calendar_list, 1)
        left.addWidget(self.new_button)

        self.form_box = QWidget(self)
        self.general_error = error_label(self, "errorLabel")
        self._errors = FieldErrors(self.general_error)
        self.name = QLineEdit(self.form_box)
        self.name.setObjectName("calendarName")
        self.name.setMaxLength(80)
        self.timezone = QComboBox(self.form_box)
        self.timezone.setObjectName("timezoneCombo")
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(zoneinfo.available_timezones()))
        self.country = QComboBox(self.form_box)
        self.country.setObjectName("holidayCountryCombo")
        self.country.setEditable(True)
        self.subdivision = QComboBox(self.form_box)
        self.subdivision.setObjectName("holidaySubdivisionCombo")
        self.subdivision.setEditable(True)

        self.schedule_combo = QComboBox(self.form_box)
        self.schedule_combo.setObjectName("scheduleCombo")
        self.change_date = date_edit(self.form_box, date.today())
        self.change_date.setObjectName("scheduleChangeDate")
        self.add_change = QPushButton(self.tr("Add change from this date"), self.form_box)
        self.add_change.setObjectName("addScheduleChangeButton")
        self.remove_change = QPushButton(self.tr("Remove this schedule"), self.form_box)
        self.remove_change.setObjectName("removeScheduleButton")
        schedule_row = QHBoxLayout()
        schedule_row.addWidget(self.schedule_combo, 1)
        schedule_row.addWidget(self.remove_change)
        change_row = QHBoxLayout()
        change_row.addWidget(self.change_date)
        change_row.addWidget(self.add_change)
        change_row.addStretch(1)
        self.week = WeeklyHoursEditor(self.form_box)

        self.custom_days = CustomDaysTable(self.form_box)
        self.custom_days.setObjectName("customDaysTable")
        self.add_day = QPushButton(self.tr("Add day"), self.form_box)
        self.add_day.setObjectName("addCustomDayButton")
        self.remove_day = QPushButton(self.tr("Remove day"), self.form_box)
        self.remove_day.setObjectName("removeCustomDayButton")
        day_buttons = QHBoxLayout()
        day_buttons.addWidget(self.add_day)
        day_buttons.addWidget(self.remove_day)
        day_buttons.addStretch(1)
        self.used_by = QLabel(self.form_box)
        self.used_by.setObjectName("usedByLabel")
        self.used_by.setWordWrap(True)

        form = QFormLayout(self.form_box)
        rows = [
            ("name", self.tr("Name:"), self.name),
            ("timezone", self.tr("Time zone:"), self.timezone),
            ("holiday_country", self.tr("Public holidays of:"), self.country),
            ("holiday_subdivision", self.tr("Region:"), self.subdivision),
        ]
        for field, text, widget in rows:
            form.addRow(text, widget)
            form.addRow("", self._errors.add(field, error_label(self.form_box, f"{field}Error")))
        form.addRow(self.tr("Weekly hours:"), schedule_row)
        form.addRow("", change_row)
        form.addRow("", self.week)
        form.addRow("", self._errors.add("schedules", error_label(self.form_box, "schedulesError")))
        form.addRow(self.tr("Own days:"), self.custom_days)
        form.addRow("", day_buttons)
        form.addRow("", self._errors.add("custom_days", error_label(self.form_box, "customDaysError")))
        form.addRow("", self.used_by)

        self.status = QLabel(self)
        self.status.setObjectName("statusLabel")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.addButton(
            self.tr("Save calendar"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.save_button.setObjectName("saveButton")
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(self.form_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.calendar_list.currentItemChanged.connect(self._on_calendar_list_current_item_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.new_button.menu().triggered.connect(self._on_new_menu_triggered)
        self.country.currentTextChanged.connect(self._on_country_current_text_changed)
        self.schedule_combo.currentIndexChanged.connect(self._on_schedule_combo_current_index_changed)
        self.add_change.clicked.connect(self._on_add_change_clicked)
        self.remove_change.clicked.connect(self._on_remove_change_clicked)
        self.add_day.clicked.connect(self._on_add_day_clicked)
        self.remove_day.clicked.connect(self.custom_days.remove_selected)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.buttons.rejected.connect(self.reject)

    # -- loading ------------------------------------------------------------
    def reload(self, select: uuid.UUID | None = None) -> None:
        admin, actor = self._services.sla_admin, self._actor
        self.status.setText(self.tr("Loading…"))
        self._runner.submit(
            lambda: (admin.list_calendars(actor), holiday_countries()),
            on_done=lambda result: self._on_loaded(result, select),
            on_error=self._on_failed,
            key=f"calendars-{id(self)}",
        )

    def _on_loaded(self, result: tuple[list[CalendarInfo], list[CountryInfo]], select) -> None:
        self._calendars, countries = result
        self.status.setText(self._notice)
        self._notice = ""
        if not self._countries:
            self._countries = {c.code: c.subdivisions for c in countries}
            self.country.blockSignals(True)
            self.country.addItem("")
            self.country.addItems(list(self._countries))
            self.country.blockSignals(False)
        self.calendar_list.blockSignals(True)
        self.calendar_list.clear()
        for cal in self._calendars:
            QListWidgetItem(cal.name, self.calendar_list).setData(_ID, cal.id)
        self.calendar_list.blockSignals(False)
        wanted = select or (self._current.id if self._current else None)
        row = next((i for i, c in enumerate(self._calendars) if c.id == wanted), 0)
        if self._calendars:
            self.calendar_list.setCurrentRow(row)
            self._show(self._calendars[row])
        else:
            self._show_new(None)
        self.loaded.emit()

    def _show(self, cal: CalendarInfo) -> None:
        self._current = cal
        schedules = {
            s.effective_from: [hours_text(day) for day in s.days] for s in cal.schedules
        }
        self._fill(cal.name, cal.timezone, cal.holiday_country, cal.holiday_subdivision,
                   schedules, cal.custom_days)
        names = ", ".join(cal.policy_names) or self.tr("no policy yet")
        self.used_by.setText(self.tr("Used by: %1").replace("%1", names))

    def _show_new(self, preset: CalendarPreset | None) -> None:
        self._current = None
        self.calendar_list.blockSignals(True)
        self.calendar_list.setCurrentItem(None)
        self.calendar_list.blockSignals(False)
        if preset is None:
            zone = bytes(QTimeZone.systemTimeZoneId()).decode() or "UTC"
            self._fill("", zone, "", "", {ALWAYS: list(_WEEKDAYS_9_TO_5)}, ())
        else:
            texts = [hours_text(preset.weekly_hours.get(str(d), [])) for d in range(7)]
            self._fill(preset.name, preset.timezone, preset.holiday_country, "",
                       {ALWAYS: texts}, ())
        self.used_by.setText(self.tr("A new calendar: save it, then choose it in a policy."))
        self.name.setFocus()

    def _fill(self, name, zone, country, subdivision, schedules, custom_days) -> None:
        self._errors.clear()
        self.name.setText(name)
        self.timezone.setCurrentText(zone)
        self.country.setCurrentText(country)
        self._on_country_current_text_changed(country)
        self.subdivision.setCurrentText(subdivision)
        self._schedules = dict(schedules)
        self._shown_schedule = None
        self._fill_schedule_combo(min(self._schedules) if self._schedules else None)
        self.custom_days.set_days(custom_days)

    def _fill_schedule_combo(self, select: date | None) -> None:
        self.schedule_combo.blockSignals(True)
        self.schedule_combo.clear()
        for effective in sorted(self._schedules):
            text = (self.tr("Always (the first schedule)") if effective == ALWAYS
                    else self.tr("From %1").replace("%1", effective.isoformat()))
            self.schedule_combo.addItem(text, effective)
        self.schedule_combo.blockSignals(False)
        index = self.schedule_combo.findData(select) if select else 0
        self.schedule_combo.setCurrentIndex(max(0, index))
        self._on_schedule_combo_current_index_changed(self.schedule_combo.currentIndex())
        self.remove_change.setEnabled(len(self._schedules) > 1)

    # -- editing ------------------------------------------------------------
    def _keep_shown_schedule(self) -> None:
        if self._shown_schedule is not None and self._shown_schedule in self._schedules:
            self._schedules[self._shown_schedule] = self.week.texts()

    @Slot(int)
    def _on_schedule_combo_current_index_changed(self, index: int) -> None:
        self._keep_shown_schedule()
        effective = self.schedule_combo.itemData(index) if index >= 0 else None
        self._shown_schedule = effective
        self.week.set_texts(self._schedules.get(effective, [""] * 7))

    @Slot()
    def _on_add_change_clicked(self) -> None:
        self._keep_shown_schedule()
        effective = to_date(self.change_date.date())
        if effective not in self._schedules:
            # Start from the hours in force just before, the usual edit is small.
            earlier = [d for d in self._schedules if d <= effective]
            base = self._schedules[max(earlier)] if earlier else [""] * 7
            self._schedules[effective] = list(base)
        self._shown_schedule = None
        self._fill_schedule_combo(effective)

    @Slot()
    def _on_remove_change_clicked(self) -> None:
        if len(self._schedules) > 1 and self._shown_schedule in self._schedules:
            del self._schedules[self._shown_schedule]
            self._shown_schedule = None
            self._fill_schedule_combo(None)

    @Slot()
    def _on_add_day_clicked(self) -> None:
        row = self.custom_days.add_day(CustomDay(date.today(), "", None))
        self.custom_days.setCurrentCell(row, 1)

    @Slot(str)
    def _on_country_current_text_changed(self, code: str) -> None:
        keep = self.subdivision.currentText()
        self.subdivision.clear()
        self.subdivision.addItem("")
        self.subdivision.addItems(list(self._countries.get(code.strip().upper(), ())))
        self.subdivision.setCurrentText(keep)

    # -- saving -------------------------------------------------------------
    def draft(self) -> CalendarDraft:
        """What the form says, as the service takes it (may raise ValidationFailed)."""
        self._keep_shown_schedule()
        schedules = []
        for effective, texts in sorted(self._schedules.items()):
            hours = {}
            for weekday, text in enumerate(texts):
                pairs = parse_hours_text(text, _day_label(weekday, effective), "schedules")
                if pairs:
                    hours[weekday] = pairs
            schedules.append(ScheduleDraft(effective, hours))
        return CalendarDraft(
            name=self.name.text(),
            timezone=self.timezone.currentText().strip(),
            schedules=schedules,
            holiday_country=self.country.currentText(),
            holiday_subdivision=self.subdivision.currentText(),
            custom_days=self.custom_days.days(),
        )

    @Slot()
    def _on_save_button_clicked(self) -> None:
        try:
            draft = self.draft()
        except ValidationFailed as exc:
            self._errors.show(exc)
            return
        self._errors.clear()
        admin, actor, current = self._services.sla_admin, self._actor, self._current
        if current is None:
            work = lambda: admin.create_calendar(actor, draft)  # noqa: E731
        else:
            work = lambda: admin.update_calendar(actor, current.id, current.version, draft)  # noqa: E731
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving… (open tickets' due times are recomputed)"))
        self._runner.submit(work, on_done=self._on_saved, on_error=self._on_failed)

    def _on_saved(self, info: CalendarInfo) -> None:
        self.save_button.setEnabled(True)
        self._notice = self.tr("Saved \u201c%1\u201d.").replace("%1", info.name)
        self._current = info
        self.calendar_saved.emit(info)
        self.reload(select=info.id)

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.clear()
        self._errors.show(exc)

    # -- list ---------------------------------------------------------------
    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_calendar_list_current_item_changed(self, item: QListWidgetItem | None, _prev) -> None:
        if item is None:
            return
        cal = next((c for c in self._calendars if c.id == item.data(_ID)), None)
        if cal is not None:
            self._show(cal)

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self._show_new(None)

    @Slot(QAction)
    def _on_new_menu_triggered(self, action: QAction) -> None:
        self._show_new(action.data())


def _day_label(weekday: int, effective: date) -> str:
    name = QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)
    return name if effective == ALWAYS else f"{name} ({effective.isoformat()})"
