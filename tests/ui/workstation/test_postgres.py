"""The workstation on the shared PostgreSQL: open a ticket, its customer's history fills,
a stale status change is reported and the typed text kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from deskapp.app import build_workstation
from deskapp.models.enums import Status
from deskapp.services.customers import NewCustomer
from deskapp.services.facade import build_services
from deskapp.services.tickets import NewCall
from tests.helpers.staff import make_desk

pytestmark = [
    pytest.mark.postgres,
]


def test_workstation_on_postgresql(qtbot, pg_url):
    services = build_services(pg_url)
    try:
        desk = make_desk(services)
        first = services.tickets.log_call(
            desk.agent,
            NewCall(subject="No dial tone", new_customer=NewCustomer(name="Kaveh Amini",
                                                                      phones=["09121112233"])),
        )
        services.tickets.log_call(
            desk.agent, NewCall(subject="Bill question", customer_id=first.customer.id)
        )
        window = build_workstation(pg_url, "ali")
        qtbot.addWidget(window)
        window.open_ticket(first.ticket.id)
        qtbot.waitUntil(
            lambda: window.history.history is not None
            and window.history.tickets_model.rowCount() == 2
        )
        view = window.ticket_view
        view.composer.editor.setPlainText("typed on PostgreSQL")
        loaded = view.detail.ticket
        assert loaded.status is Status.OPEN
        services.tickets.change_status(
            desk.supervisor, loaded.id, loaded.version, Status.PENDING_CUSTOMER
        )
        qtbot.mouseClick(view.status_controls.buttons[Status.RESOLVED], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not view.conflict.isHidden())
        assert "Maryam Hosseini" in view.conflict.message
        assert view.composer.text() == "typed on PostgreSQL"
        window.runner.wait()
    finally:
        services.dispose()
