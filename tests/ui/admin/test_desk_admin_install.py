"""The composed workstation carries the desk-administration parts: the presence switch
for everyone; Edit… for whoever edits customers, Merge… for supervisors; the Desk
menu for those who run staff and teams. Closing the window sets Offline."""

from __future__ import annotations

from deskapp.app import build_workstation
from deskapp.models.enums import Presence
from deskapp.services.customers import NewCustomer
from deskapp.services.tickets import NewCall
from deskapp.ui.dialogs.customer_edit_dialog import CustomerEditDialog


def _menus(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_agent_gets_presence_and_edit_but_no_merge_or_desk_menu(qtbot, desk, sqlite_url):
    window = build_workstation(sqlite_url, "ali")
    qtbot.addWidget(window)
    admin = window.desk_admin
    assert admin.presence.isVisibleTo(window) or admin.presence.parent() is not None
    assert admin.edit_customer_button is not None
    assert admin.merge_customer_button is None
    assert admin.menu is None and "&Desk" not in _menus(window)


def test_supervisor_edits_a_customer_from_the_history_pane(qtbot, desk, sqlite_url):
    detail = desk.services.tickets.log_call(
        desk.agent, NewCall(subject="Slow", new_customer=NewCustomer("Omid", phones=["0912"
                                                                                   "1234567"])))
    window = build_workstation(sqlite_url, "maryam")
    qtbot.addWidget(window)
    admin = window.desk_admin
    assert admin.merge_customer_button is not None and "&Desk" in _menus(window)
    window.history.show_customer(detail.customer.id)
    qtbot.waitUntil(lambda: window.history.history is not None, timeout=10_000)
    dialog = admin.edit_customer_button.click() or admin.dialog
    assert isinstance(dialog, CustomerEditDialog)
    dialog.name.setText("Omid Farahani")
    with qtbot.waitSignal(window.history.history_loaded, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert window.history.name.text() == "Omid Farahani"


def test_closing_the_window_sets_offline(qtbot, desk, sqlite_url):
    actor = desk.services.staff.authenticate("ali", "correct horse")
    window = build_workstation(sqlite_url, "ali")
    qtbot.addWidget(window)
    window.close()
    window.runner.wait()
    assert desk.services.presence.current(actor).stored is Presence.OFFLINE
