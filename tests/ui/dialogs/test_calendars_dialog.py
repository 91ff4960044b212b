"""Managers edit business calendars: weekly hours, time zone, holidays, own days,
schedule changes; validation messages next to their field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from deskapp.services.sla_admin import CustomDay
from deskapp.ui.dialogs.calendar_parts import parse_hours_text, weekly_minutes
from deskapp.ui.dialogs.calendars_dialog import CalendarsDialog
from deskapp.ui.tasks import TaskRunner
from tests.helpers.sla import make_sla_desk


@pytest.fixture
def sla_desk(sqlite_url):
    sd = make_sla_desk(sqlite_url)
    yield sd
    sd.services.dispose()


@pytest.fixture
def dialog(qtbot, sla_desk):
    runner = TaskRunner()
    dlg = CalendarsDialog(sla_desk.services, sla_desk.desk.manager, runner)
    qtbot.addWidget(dlg)
    qtbot.waitSignal(dlg.loaded).wait()
    yield dlg
    runner.wait()


def _save(qtbot, dlg):
    with qtbot.waitSignal(dlg.calendar_saved, timeout=10_000) as saved, \
            qtbot.waitSignal(dlg.loaded, timeout=10_000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    return saved.args[0]


def _refused(qtbot, dlg, field):
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg._errors.message(field) != "")
    return dlg._errors.message(field)


def test_shows_the_calendar(qtbot, dialog):
    assert dialog.calendar_list.count() == 1
    assert dialog.name.text() == "24/7 UTC"
    assert dialog.timezone.currentText() == "UTC"
    assert dialog.week.texts() == ["00:00-24:00"] * 7
    assert dialog.week.total.text().endswith("168:00")
    assert "Default" in dialog.used_by.text() and "VIP" in dialog.used_by.text()


def test_new_from_the_iran_preset(qtbot, dialog, sla_desk):
    iran = next(a for a in dialog.new_button.menu().actions() if "Iran" in a.text())
    iran.trigger()
    assert dialog.timezone.currentText() == "Asia/Tehran"
    assert dialog.country.currentText() == "IR"
    assert dialog.week.texts()[4] == ""  # Friday off
    assert dialog.week.texts()[3] == "08:00-13:00"  # Thursday half day
    assert dialog.week.total.text().endswith("45:00")
    info = _save(qtbot, dialog)
    assert (info.name, info.timezone, info.holiday_country) == ("Iran (Tehran)", "Asia/Tehran", "IR")
    assert info.schedules[0].weekly_minutes == 45 * 60
    assert dialog.calendar_list.currentItem().text() == "Iran (Tehran)"


def test_validation_messages_sit_next_to_their_fields(qtbot, dialog, sla_desk):
    for weekday in range(7):
        dialog.week.edits[weekday].setText("")
    assert "at least one working hour" in _refused(qtbot, dialog, "schedules")

    dialog.week.edits[0].setText("8 to 4")  # refused before the service is asked
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "08:00-16:00" in dialog._errors.message("schedules")
    assert dialog.week.total.text().endswith("—")

    dialog.week.edits[0].setText("08:00-16:00")
    dialog.timezone.setCurrentText("Mars/Olympus_Mons")
    assert _refused(qtbot, dialog, "timezone")
    assert dialog._errors.message("schedules") == ""

    dialog.timezone.setCurrentText("Asia/Tehran")
    dialog.country.setCurrentText("XX")
    assert "not known" in _refused(qtbot, dialog, "holiday_country")
    assert dialog.week.edits[0].text() == "08:00-16:00"  # kept
    cal = sla_desk.services.sla_admin.list_calendars(sla_desk.desk.manager)[0]
    assert cal.timezone == "UTC"  # nothing written


def test_schedule_change_and_a_half_day(qtbot, dialog, sla_desk):
    dialog.change_date.setDate(QDate(2026, 6, 21))
    qtbot.mouseClick(dialog.add_change, Qt.MouseButton.LeftButton)
    assert dialog.schedule_combo.count() == 2
    assert dialog.week.texts() == ["00:00-24:00"] * 7  # starts as a copy
    for weekday in range(7):
        dialog.week.edits[weekday].setText("07:00-15:00" if weekday < 5 else "")
    dialog.schedule_combo.setCurrentIndex(0)  # the edit is kept while browsing
    assert dialog.week.texts() == ["00:00-24:00"] * 7
    dialog.schedule_combo.setCurrentIndex(1)
    assert dialog.week.texts()[0] == "07:00-15:00"

    row = dialog.custom_days.add_day(CustomDay(date(2026, 3, 18), "Early close", None))
    dialog.custom_days.item(row, 2).setText("08:00-12:00")
    dialog.custom_days.add_day(CustomDay(date(2026, 3, 19), "Company day off", None))

    info = _save(qtbot, dialog)
    assert [s.effective_from for s in info.schedules] == [date(1970, 1, 1), date(2026, 6, 21)]
    assert info.schedules[1].weekly_minutes == 5 * 8 * 60
    assert info.custom_days == (
        CustomDay(date(2026, 3, 18), "Early close", (("08:00", "12:00"),)),
        CustomDay(date(2026, 3, 19), "Company day off", None),
    )


def test_an_agent_gets_no_form(qtbot, sla_desk):
    runner = TaskRunner()
    dlg = CalendarsDialog(sla_desk.services, sla_desk.desk.agent, runner)
    qtbot.addWidget(dlg)
    assert not dlg.form_box.isEnabled()
    assert "Only managers" in dlg.general_error.text()


def test_hours_text_parsing():
    assert parse_hours_text("08:00-12:00, 13:00–16:00", "Mon", "schedules") == [
        ("08:00", "12:00"), ("13:00", "16:00")
    ]
    assert parse_hours_text("  ", "Mon", "schedules") == []
    assert weekly_minutes(["08:00-16:00"] * 5 + ["", ""]) == 40 * 60
    assert weekly_minutes(["16:00-08:00"]) is None
