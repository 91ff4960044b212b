"""One table makes the actions and the Help → Keyboard shortcuts dialog."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from deskapp.ui.actions import ACTIONS, shortcut_text
from deskapp.ui.dialogs.shortcuts_dialog import ShortcutsDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_issue_shortcuts_are_bound(window):
    expected = {
        "logCallAction": ["Ctrl+N"],
        "escalateAction": ["Ctrl+E"],
        "refreshAction": ["F5"],
        "searchAction": ["Ctrl+F"],
        "replyAction": ["R"],
        "noteAction": ["N"],
        "nextTicketAction": ["J", "Down"],
        "previousTicketAction": ["K", "Up"],
    }
    for name, keys in expected.items():
        action = window.actions_by_name[name]
        assert action.objectName() == name
        assert [s.toString(QKeySequence.SequenceFormat.PortableText) for s in action.shortcuts()] == keys


def test_dialog_lists_every_action_shortcut(qtbot, window):
    dialog = window.show_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    listed = dict(dialog.rows())
    actions_with_keys = [a for a in window.actions() if a.shortcuts()]
    assert len(actions_with_keys) == len(listed) >= 10
    for action in actions_with_keys:
        native = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        assert listed[action.text().rstrip("…")] == native
    assert {shortcut_text(s) for s in ACTIONS if s.keys} == set(listed.values())
    dialog.close()


def test_every_action_is_in_a_menu(window):
    in_menus = {a.objectName() for menu in window.menus.values() for a in menu.actions()}
    assert in_menus == {s.name for s in ACTIONS}
