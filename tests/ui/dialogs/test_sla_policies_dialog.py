"""Managers edit SLA policies: the service's validation messages land next to the
field, what was typed stays, non-managers get nothing to edit."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from deskapp.models.enums import Channel, Priority, Segment
from deskapp.services.errors import PermissionDenied
from deskapp.ui.dialogs.sla_policies_dialog import SlaPoliciesDialog, parse_stages
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
    dlg = SlaPoliciesDialog(sla_desk.services, sla_desk.desk.manager, runner)
    qtbot.addWidget(dlg)
    qtbot.waitSignal(dlg.loaded).wait()  # loading is in the background
    yield dlg
    runner.wait()


def _select(dlg, name):
    row = next(i for i in range(dlg.policy_list.count())
               if dlg.policy_list.item(i).text().startswith(name))
    dlg.policy_list.setCurrentRow(row)


def _save(qtbot, dlg, signal=None):
    with qtbot.waitSignal(signal or dlg.loaded, timeout=10_000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)


def test_lists_policies_and_shows_one(qtbot, dialog):
    names = [dialog.policy_list.item(i).text() for i in range(dialog.policy_list.count())]
    assert names[0] == "Default (default)"
    assert sorted(names[1:]) == ["Normal", "Urgent", "VIP"]
    _select(dialog, "VIP")
    assert dialog.segment.currentData() == Segment.VIP
    assert dialog.priority.currentData() is None  # any
    assert dialog.first_response.minutes() == 60
    assert dialog.resolution.hours.value() == 8
    assert dialog.stages.text() == "50, 75, 90"
    assert dialog.calendar.currentText() == "24/7 UTC"


def test_service_messages_appear_next_to_their_field_and_typing_is_kept(qtbot, dialog, sla_desk):
    _select(dialog, "Urgent")
    dialog.first_response.set_minutes(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog._errors.message("first_response_minutes") != "")
    assert "more than 0 minutes" in dialog._errors.message("first_response_minutes")
    assert dialog.first_response.minutes() == 0  # kept

    dialog.first_response.set_minutes(30)
    dialog.stages.setText("90, 75")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog._errors.message("warning_stages") != "")
    assert "must go up" in dialog._errors.message("warning_stages")
    assert dialog._errors.message("first_response_minutes") == ""

    dialog.stages.setText("75, soon")  # refused before any database call
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "whole percentages" in dialog._errors.message("warning_stages")

    # Nothing was written by the refused saves.
    urgent = next(p for p in sla_desk.services.sla_admin.list_policies(sla_desk.desk.manager)
                  if p.name == "Urgent")
    assert (urgent.first_response_minutes, urgent.warning_stages) == (30, (75, 90))


def test_same_criteria_as_another_active_policy_is_refused_at_the_priority(qtbot, dialog):
    _select(dialog, "Normal")
    dialog.priority.setCurrentIndex(dialog.priority.findData(Priority.URGENT))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog._errors.message("priority") != "")
    assert "'Urgent' already covers" in dialog._errors.message("priority")


def test_create_a_policy(qtbot, dialog, sla_desk):
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.name.text() == ""
    dialog.name.setText("Gold VIP phone")
    dialog.segment.setCurrentIndex(dialog.segment.findData(Segment.VIP))
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.PHONE))
    dialog.first_response.hours.setValue(0)
    dialog.first_response.mins.setValue(15)
    dialog.resolution.hours.setValue(4)
    dialog.stages.setText("50, 80")
    with qtbot.waitSignal(dialog.policy_saved) as saved:
        _save(qtbot, dialog)
    info = saved.args[0]
    assert (info.name, info.segment, info.channel) == ("Gold VIP phone", Segment.VIP, Channel.PHONE)
    assert (info.first_response_minutes, info.resolution_minutes) == (15, 240)
    assert info.warning_stages == (50, 80)
    assert dialog.policy_list.currentItem().text() == "Gold VIP phone"
    assert "Saved" in dialog.status.text()


def test_an_agent_gets_no_form_and_the_service_refuses_anyway(qtbot, sla_desk):
    runner = TaskRunner()
    dlg = SlaPoliciesDialog(sla_desk.services, sla_desk.desk.agent, runner)
    qtbot.addWidget(dlg)
    assert not dlg.form_box.isEnabled() and not dlg.new_button.isEnabled()
    assert "Only managers" in dlg.general_error.text()
    assert dlg.policy_list.count() == 0
    with pytest.raises(PermissionDenied):
        sla_desk.services.sla_admin.list_policies(sla_desk.desk.agent)


def test_parse_stages():
    assert parse_stages(" 75, 90% ") == [75, 90]
    assert parse_stages("50 75،90") == [50, 75, 90]
    assert parse_stages("") == []


def test_a_stale_edit_says_who_changed_it_and_keeps_the_form(qtbot, dialog, sla_desk):
    _select(dialog, "Normal")
    admin, manager = sla_desk.services.sla_admin, sla_desk.desk.manager
    normal = next(p for p in admin.list_policies(manager) if p.name == "Normal")
    admin.update_policy(manager, normal.id, normal.version,
                        dataclasses.replace(normal.draft(), resolution_minutes=1500))
    dialog.name.setText("Normal (weekdays)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.general_error.text() != "")
    assert "changed by Nima Moradi" in dialog.general_error.text()
    assert dialog.name.text() == "Normal (weekdays)"
