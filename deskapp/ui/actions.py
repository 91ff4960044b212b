"""The one table of the workstation's actions: it creates the QActions with their
shortcuts and feeds the Help → Keyboard shortcuts dialog, so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

CONTEXT = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    name: str  # the QAction's objectName
    text: str  # untranslated; translated in the "Actions" context
    keys: tuple[str, ...]  # portable key sequences, e.g. "Ctrl+N"
    menu: str  # "file", "ticket", "view" or "help"
    slot: str  # name of the MainWindow method it triggers
    enabled: bool = True

    def translated_text(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.text)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("logCallAction", QT_TRANSLATE_NOOP("Actions", "Log a call…"), ("Ctrl+N",),
               "file", "log_call"),
    ActionSpec("quitAction", QT_TRANSLATE_NOOP("Actions", "Quit"), ("Ctrl+Q",), "file", "close"),
    ActionSpec("replyAction", QT_TRANSLATE_NOOP("Actions", "Reply"), ("R",), "ticket",
               "start_reply"),
    ActionSpec("noteAction", QT_TRANSLATE_NOOP("Actions", "Add internal note"), ("N",),
               "ticket", "start_note"),
    ActionSpec("cannedResponseAction", QT_TRANSLATE_NOOP("Actions", "Insert canned response…"),
               ("Ctrl+Shift+C",), "ticket", "pick_canned_response"),
    # Wired by the escalation issue: see MainWindow.set_escalation_handler().
    ActionSpec("escalateAction", QT_TRANSLATE_NOOP("Actions", "Escalate…"), ("Ctrl+E",),
               "ticket", "escalate_current_ticket", enabled=False),
    # Wired by telephony: see MainWindow.set_telephony().
    ActionSpec("callCustomerAction", QT_TRANSLATE_NOOP("Actions", "Call the customer"),
               ("Ctrl+D",), "ticket", "call_customer", enabled=False),
    ActionSpec("missedCallsAction", QT_TRANSLATE_NOOP("Actions", "Missed calls…"), (),
               "view", "show_missed_calls", enabled=False),
    ActionSpec("nextTicketAction", QT_TRANSLATE_NOOP("Actions", "Next ticket"), ("J", "Down"),
               "view", "select_next_ticket"),
    ActionSpec("previousTicketAction", QT_TRANSLATE_NOOP("Actions", "Previous ticket"),
               ("K", "Up"), "view", "select_previous_ticket"),
    ActionSpec("searchAction", QT_TRANSLATE_NOOP("Actions", "Search tickets"), ("Ctrl+F",),
               "view", "focus_search"),
    ActionSpec("refreshAction", QT_TRANSLATE_NOOP("Actions", "Refresh"), ("F5",), "view",
               "refresh_all"),
    ActionSpec("shortcutsAction", QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts"), ("F1",),
               "help", "show_shortcuts"),
    ActionSpec("aboutAction", QT_TRANSLATE_NOOP("Actions", "About deskapp"), (), "help",
               "show_about"),
)


def create_actions(window: QWidget, specs: tuple[ActionSpec, ...] = ACTIONS) -> dict[str, QAction]:
    """One QAction per spec, parented to ``window``, triggering ``window.<slot>()``."""
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = QAction(spec.translated_text(), window)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setEnabled(spec.enabled)
        slot = getattr(window, spec.slot)
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        window.addAction(action)
        actions[spec.name] = action
    return actions


def shortcut_text(spec: ActionSpec) -> str:
    """The keys as the user's platform writes them: 'Ctrl+N', 'J, Down'."""
    return ", ".join(
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in spec.keys
    )
