"""One table makes the actions and the Help → Keyboard shortcuts dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from deskapp.ui.actions import ACTIONS, shortcut_text
from deskapp.ui.dialogs.shortcuts_dialog import ShortcutsDialog


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
    assert {s.name for s in ACTIONS} <= in_menus  # parts add their own entries too


def test_typing_letters_and_arrows_in_the_composer_stays_in_the_composer(
    qtbot, window, floor, monkeypatch
):
    calls = []
    for name in ("select_next", "select_previous"):
        monkeypatch.setattr(window.queue, name, lambda name=name: calls.append(name))
    window.show()
    window.open_ticket(floor.first.ticket.id)
    qtbot.waitUntil(lambda: window.ticket_view.detail is not None)
    editor = window.ticket_view.composer.editor
    window.actions_by_name["replyAction"].trigger()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "jkrn")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "second")
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClicks(editor, "!")
    assert editor.toPlainText() == "jkrn!\nsecond"
    assert calls == []
    # outside a text field, the same keys move through the queue
    window.ticket_view.timeline.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    window.ticket_view.timeline.setFocus()
    qtbot.waitUntil(window.ticket_view.timeline.hasFocus)
    qtbot.keyClick(window.ticket_view.timeline, Qt.Key.Key_J)
    qtbot.keyClick(window.ticket_view.timeline, Qt.Key.Key_Down)
    qtbot.keyClick(window.ticket_view.timeline, Qt.Key.Key_K)
    assert calls == ["select_next", "select_next", "select_previous"]
