"""From call events to what the agent sees: the screen-pop, Log a call with the call's
times, click to call, On a call presence and the missed-calls count.

Events from the softphone link and the local hook arrive here (``handle``); each is
recorded in the call log off the GUI thread, one at a time in arrival order, and the
result drives the window:

- ringing: the customer's history is on screen (one match), a choice of customers
  (several), or Log a call with the number filled in (none) — but when the agent is
  typing in a form, nothing takes the focus: the call bar above the workstation says
  who is calling and offers the same actions, and the taskbar entry flashes;
- answered: On a call; Log a call opens for that customer with the call's times
  (or the open dialog for this call is updated);
- ended: presence back; the duration shows in the dialog; an unanswered incoming call
  joins the missed calls.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
)

from deskapp.services.calls import CallInfo
from deskapp.services.dto import CustomerInfo
from deskapp.services.telephony.events import CallEvent, CallPhase
from deskapp.ui.banner import describe_failure
from deskapp.ui.dialogs.caller_choice_dialog import CallerChoiceDialog
from deskapp.ui.dialogs.missed_calls_dialog import MissedCallsDialog
from deskapp.ui.formatting import formatter
from deskapp.ui.telephony.call_bar import CallBar

if TYPE_CHECKING:
    from deskapp.ui.dialogs.log_call_dialog import LogCallDialog
    from deskapp.ui.main_window import MainWindow
    from deskapp.ui.telephony.call_hook import CallHookServer
    from deskapp.ui.telephony.softphone_link import SoftphoneLink

log = logging.getLogger(__name__)

ENDED_BAR_MSECS = 8_000  # how long the bar shows a finished call


class CallController(QObject):
    screen_popped = Signal(object)  # CallInfo of a ringing call, once it is on screen
    call_changed = Signal(object)  # CallInfo after every event
    missed_count_changed = Signal(int)
    presence_set = Signal(object)  # Presence the call put the agent in (On a call, back)

    def __init__(
        self,
        window: MainWindow,
        *,
        link: SoftphoneLink | None = None,
        hook: CallHookServer | None = None,
        dial_pattern: str = "{number}",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.services, self.actor, self.runner = window.services, window.actor, window.runner
        self.link = link
        self.hook = hook
        self.dial_pattern = dial_pattern or "{number}"
        self.current: CallInfo | None = None
        self.matches: list[CustomerInfo] = []
        self.log_dialog: LogCallDialog | None = None
        self.choice_dialog: CallerChoiceDialog | None = None
        self._queue: list[CallEvent] = []
        self._working = False
        self.bar = CallBar(window)
        window.add_top_bar(self.bar)
        self.missed_button = QPushButton(window)
        self.missed_button.setObjectName("missedCallsButton")
        self.missed_button.setFlat(True)
        self.missed_button.hide()
        window.add_status_widget(self.missed_button)
        self._hide_bar = QTimer(self)
        self._hide_bar.setSingleShot(True)
        self._hide_bar.setInterval(ENDED_BAR_MSECS)
        self._connect_signals()
        window.history.set_phones_clickable(link is not None)

    def _connect_signals(self) -> None:
        if self.link is not None:
            self.link.call_event_received.connect(self.handle)
            self.link.command_failed.connect(self._on_link_command_failed)
        if self.hook is not None:
            self.hook.call_event_received.connect(self.handle)
        self.bar.show_requested.connect(self._on_bar_show_requested)
        self.bar.choose_requested.connect(self._on_bar_choose_requested)
        self.bar.log_requested.connect(self._on_bar_log_requested)
        self.bar.answer_requested.connect(self._on_bar_answer_requested)
        self.bar.hangup_requested.connect(self._on_bar_hangup_requested)
        self.missed_button.clicked.connect(self.show_missed_calls)
        self.window.history.phone_clicked.connect(self.dial)
        self._hide_bar.timeout.connect(self.bar.hide)

    # -- events -----------------------------------------------------------------
    @Slot(object)
    def handle(self, event: CallEvent) -> None:
        """Record ``event`` (in arrival order, off the GUI thread), then react."""
        self._queue.append(event)
        self._next()

    def _next(self) -> None:
        if self._working or not self._queue:
            return
        event = self._queue.pop(0)
        self._working = True
        self.runner.submit(
            lambda: self._record(event),
            on_done=lambda result: self._on_recorded(event, result),
            on_error=self._on_record_failed,
            owner=self,
        )

    def _record(self, event: CallEvent) -> tuple[CallInfo, list[CustomerInfo] | None, object]:
        """Runs on a worker thread: the call log, the caller look-up, presence."""
        info = self.services.calls.record(self.actor, event)
        matches = None
        if event.phase in (CallPhase.RINGING, CallPhase.DIALLING) and info.number:
            matches = self.services.calls.identify(self.actor, info.number)
        presence = None
        try:
            if event.phase is CallPhase.ANSWERED:
                presence = self.services.presence.set_on_call(self.actor, True).presence
            elif event.phase is CallPhase.ENDED and info.answered_at is not None:
                presence = self.services.presence.set_on_call(self.actor, False).presence
        except Exception:  # presence is a courtesy; the call itself is recorded
            log.exception("could not update presence for a call")
        return info, matches, presence

    def _on_record_failed(self, exc: BaseException) -> None:
        self._working = False
        log.warning("call event not recorded: %s", exc)
        self.window.statusBar().showMessage(describe_failure(exc), 10_000)
        self._next()

    def _on_recorded(self, event: CallEvent,
                     result: tuple[CallInfo, list[CustomerInfo] | None, object]) -> None:
        self._working = False
        info, matches, presence = result
        if presence is not None:
            self.presence_set.emit(presence)
        if matches is not None:
            self.matches = matches
        elif self.current is None or self.current.id != info.id:
            self.matches = []
        self.current = info
        self._hide_bar.stop()
        self.bar.show_call(info, self.matches, can_control=self._can_control(info))
        if self.log_dialog is not None:
            self.log_dialog.update_call(info)
        if event.phase is CallPhase.RINGING:
            self._screen_pop(info)
        elif event.phase is CallPhase.ANSWERED:
            self._on_answered(info)
        elif event.phase is CallPhase.ENDED:
            self._hide_bar.start()
            if info.missed:
                self.refresh_missed()
        self.call_changed.emit(info)
        self._next()

    def _can_control(self, info: CallInfo) -> bool:
        return self.link is not None and self.link.connected and info.source == "baresip"

    # -- reactions ----------------------------------------------------------------
    def agent_is_busy(self) -> bool:
        """Typing in a form (a dialog open, or text being written): never take the
        keyboard focus then."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return False
        if app.activeModalWidget() is not None:
            return True
        focus = app.focusWidget()
        if isinstance(focus, QLineEdit):
            return bool(focus.text()) or isinstance(focus.window(), QDialog)
        if isinstance(focus, QPlainTextEdit | QTextEdit):
            return not focus.isReadOnly() and (
                bool(focus.toPlainText()) or isinstance(focus.window(), QDialog))
        return False

    def _screen_pop(self, info: CallInfo) -> None:
        if self.agent_is_busy():
            QApplication.alert(self.window)  # the taskbar entry flashes; the bar tells who
            self.screen_popped.emit(info)
            return
        self._bring_to_front()
        if info.customer_id is not None:
            self.window.history.show_customer(info.customer_id)
        elif len(self.matches) > 1:
            self._choose_customer(info)
        else:
            self.log_call(info)
        self.screen_popped.emit(info)

    def _on_answered(self, info: CallInfo) -> None:
        if info.ticket_id is not None:
            return  # already logged (a repeated event)
        if self.log_dialog is not None and self.log_dialog.call_record is not None \
                and self.log_dialog.call_record.id == info.id:
            return  # the dialog for this call is open: update_call did it
        if self.agent_is_busy():
            return  # the bar offers "Log this call…"
        self.log_call(info)

    def _bring_to_front(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    def _choose_customer(self, info: CallInfo) -> CallerChoiceDialog:
        """Who of the customers sharing the number is on the line (window-modal, no
        nested event loop: the call goes on while the agent chooses)."""
        dialog = CallerChoiceDialog(info.number, self.matches, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_customer_chosen(info, dialog.chosen()))
        self.choice_dialog = dialog
        dialog.open()
        return dialog

    def _on_customer_chosen(self, info: CallInfo, chosen: CustomerInfo | None) -> None:
        if chosen is None:
            return
        self.window.history.show_customer(chosen.id)
        self.runner.submit(
            lambda: self.services.calls.set_customer(self.actor, info.id, chosen.id),
            on_done=self._on_customer_set, on_error=self._on_record_failed, owner=self)

    def _on_customer_set(self, info: CallInfo) -> None:
        if self.current is not None and self.current.id == info.id:
            self.current = info
            self.bar.show_call(info, self.matches, can_control=self._can_control(info))

    def log_call(self, info: CallInfo | None = None) -> LogCallDialog:
        """Log a call for ``info`` (default: the current call)."""
        info = info or self.current
        dialog = self.window.log_call()
        if info is not None:
            dialog.attach_call(info)
        self.log_dialog = dialog
        dialog.ticket_logged.connect(self._on_log_dialog_ticket_logged)
        dialog.destroyed.connect(self._on_log_dialog_destroyed)
        return dialog

    @Slot(object)
    def _on_log_dialog_ticket_logged(self, _detail: object) -> None:
        if self.current is not None:  # the call is logged now: refresh what the bar says
            call_id = self.current.id
            self.runner.submit(lambda: self.services.calls.get(self.actor, call_id),
                               on_done=self._on_customer_set, owner=self)

    @Slot()
    def _on_log_dialog_destroyed(self) -> None:
        self.log_dialog = None

    # -- click to call ------------------------------------------------------------
    @Slot(str)
    def dial(self, number: str) -> bool:
        """Dial ``number`` through the softphone; the call is recorded from its
        events (outgoing, with the customer matched by the number)."""
        if self.link is None or not self.link.connected:
            self.window.statusBar().showMessage(
                self.tr("The softphone is not connected; cannot call %1.").replace(
                    "%1", formatter().digits(number)), 10_000)
            return False
        digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
        return self.link.dial(self.dial_pattern.replace("{number}", digits))

    def dial_open_customer(self) -> bool:
        """Ctrl+D: call the open ticket's customer (first number)."""
        detail = self.window.ticket_view.detail
        if detail is None or not detail.customer.phones:
            self.window.statusBar().showMessage(
                self.tr("The open ticket's customer has no phone number."), 8_000)
            return False
        return self.dial(detail.customer.phones[0])

    # -- the bar's buttons ----------------------------------------------------------
    @Slot()
    def _on_bar_show_requested(self) -> None:
        if self.current is not None and self.current.customer_id is not None:
            self.window.history.show_customer(self.current.customer_id)

    @Slot()
    def _on_bar_choose_requested(self) -> None:
        if self.current is not None:
            self._choose_customer(self.current)

    @Slot()
    def _on_bar_log_requested(self) -> None:
        if self.log_dialog is not None:
            self.log_dialog.raise_()
            self.log_dialog.activateWindow()
        else:
            self.log_call()

    @Slot()
    def _on_bar_answer_requested(self) -> None:
        if self.link is not None:
            self.link.accept()

    @Slot()
    def _on_bar_hangup_requested(self) -> None:
        if self.link is not None:
            self.link.hangup()

    @Slot(str, str)
    def _on_link_command_failed(self, command: str, why: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("The softphone refused %1: %2").replace("%1", command).replace("%2", why),
            10_000)

    # -- missed calls ----------------------------------------------------------------
    def refresh_missed(self) -> None:
        self.runner.submit(lambda: self.services.calls.missed(self.actor),
                           on_done=lambda calls: self._show_missed_count(len(calls)),
                           on_error=lambda exc: log.warning("missed calls: %s", exc),
                           key="missed-calls", owner=self)

    def _show_missed_count(self, count: int) -> None:
        self.missed_button.setText(
            self.tr("Missed calls: %1").replace("%1", formatter().number(count)))
        self.missed_button.setVisible(count > 0)
        self.missed_count_changed.emit(count)

    def show_missed_calls(self) -> MissedCallsDialog:
        dialog = MissedCallsDialog(self.services, self.actor, self.runner, self.window,
                                   can_dial=self.link is not None)
        dialog.call_back_requested.connect(lambda call: self.dial(call.number))
        dialog.customer_requested.connect(self._on_missed_customer_requested)
        dialog.changed.connect(self._show_missed_count)
        dialog.open()
        return dialog

    @Slot(object)
    def _on_missed_customer_requested(self, customer_id: uuid.UUID) -> None:
        self.window.history.show_customer(customer_id)

    def stop(self) -> None:
        if self.link is not None:
            self.link.stop()
        if self.hook is not None:
            self.hook.close()
