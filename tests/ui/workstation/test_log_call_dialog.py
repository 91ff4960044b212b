"""Log a call end to end: look the caller up, or create them inline; the ticket opens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from deskapp.models import Customer, CustomerPhone, Interaction, Ticket
from deskapp.ui.dialogs.log_call_dialog import LogCallDialog


def _count(services, model, *where):
    with services.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(model).where(*where))


def test_new_caller_creates_customer_ticket_and_interaction(qtbot, window, floor):
    services = floor.desk.services
    dialog = window.log_call()
    assert isinstance(dialog, LogCallDialog)
    qtbot.keyClicks(dialog.lookup, "0935 111 2233")
    qtbot.waitUntil(lambda: "No customer found" in dialog.lookup_status.text())
    assert dialog.results.count() == 0
    dialog.new_group.setChecked(True)
    assert dialog.new_phones.text() == "0935 111 2233"  # carried over from the look-up
    qtbot.keyClicks(dialog.new_name, "Leila Sadeghi")
    qtbot.keyClicks(dialog.new_email, "leila@example.com")
    dialog.new_segment.setCurrentIndex(dialog.new_segment.findData("vip"))
    dialog.priority.setCurrentIndex(dialog.priority.findData("high"))
    qtbot.keyClicks(dialog.category, "billing")
    qtbot.keyClicks(dialog.subject, "Card charged but no top-up")
    qtbot.keyClicks(dialog.notes, "Paid 500,000 rials at 10:05; balance unchanged.")
    with qtbot.waitSignal(dialog.ticket_logged, timeout=10_000) as logged:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    detail = logged.args[0]
    assert detail.ticket.subject == "Card charged but no top-up"
    assert detail.customer.name == "Leila Sadeghi"
    assert detail.customer.phones == ("09351112233",)
    assert detail.customer.segment.value == "vip"
    assert _count(services, Customer, Customer.name == "Leila Sadeghi") == 1
    assert _count(services, Ticket, Ticket.id == detail.ticket.id) == 1
    assert _count(services, Interaction, Interaction.ticket_id == detail.ticket.id) == 1
    # the window opens it, with the new customer's history beside it
    qtbot.waitUntil(
        lambda: window.ticket_view.detail is not None
        and window.ticket_view.detail.ticket.id == detail.ticket.id
        and window.history.history is not None
        and window.history.history.customer.name == "Leila Sadeghi"
    )


def test_existing_caller_found_by_phone_while_typing(qtbot, window, floor):
    dialog = window.log_call()
    qtbot.keyClicks(dialog.lookup, "345 67")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert "Parisa Kamali" in dialog.results.item(0).text()
    dialog.results.setCurrentRow(0)
    assert dialog.customer is not None and dialog.customer.name == "Parisa Kamali"
    qtbot.keyClicks(dialog.subject, "Still no internet")
    dialog.resolved.setChecked(True)
    with qtbot.waitSignal(dialog.ticket_logged, timeout=10_000) as logged:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    detail = logged.args[0]
    assert detail.customer.id == floor.first.customer.id
    assert detail.ticket.status.value == "resolved"
    assert _count(floor.desk.services, CustomerPhone) == 2  # no customer was added


def test_validation_errors_show_next_to_fields_and_keep_input(qtbot, window, floor):
    dialog = window.log_call()
    dialog.new_group.setChecked(True)
    qtbot.keyClicks(dialog.new_name, "Bad Phone")
    qtbot.keyClicks(dialog.new_phones, "12")
    qtbot.keyClicks(dialog.subject, "Something")
    qtbot.keyClicks(dialog.notes, "Long story the agent typed")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_text("phones") != "")
    assert "not a phone number" in dialog.error_text("phones")
    assert dialog.isVisible()
    assert dialog.notes.toPlainText() == "Long story the agent typed"

    dialog.new_phones.setText("0912 000 1111")
    dialog.subject.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_text("subject") != "")
    assert "Subject is required" in dialog.error_text("subject")
    assert dialog.error_text("phones") == ""
    assert _count(floor.desk.services, Customer, Customer.name == "Bad Phone") == 0


def test_no_caller_chosen_says_so(qtbot, window):
    dialog = window.log_call()
    qtbot.keyClicks(dialog.subject, "Something")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_text("customer") != "")
    assert "customer" in dialog.error_text("customer")
