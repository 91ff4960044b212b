"""qtmodeltester on every model of the workstation, filled with real service data."""

from __future__ import annotations

from deskapp.ui.customer.history_model import TICKET_ID_ROLE, CustomerTicketsModel
from deskapp.ui.dialogs.canned_response_dialog import CannedResponsesModel
from deskapp.ui.ticket.timeline import TimelineModel


def test_timeline_model(qapp, qtmodeltester, floor):
    desk = floor.desk
    desk.services.tickets.add_interaction(desk.agent, floor.first.ticket.id, "internal_note", "x")
    detail = desk.services.tickets.get(desk.agent, floor.first.ticket.id)
    model = TimelineModel(show_reference=True)
    qtmodeltester.check(model)
    model.set_interactions(detail.interactions)
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    assert floor.first.ticket.reference in model.index(0, 0).data()


def test_customer_tickets_model(qapp, qtmodeltester, floor):
    desk = floor.desk
    history = desk.services.customers.history(desk.agent, floor.first.customer.id)
    model = CustomerTicketsModel()
    qtmodeltester.check(model)
    model.set_tickets(history.tickets)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 4
    assert model.index(0, 0).data(TICKET_ID_ROLE) == floor.second.ticket.id


def test_canned_responses_model(qapp, qtmodeltester, desk):
    desk.services.canned.create(desk.supervisor, "Reset password", "Settings → Security.")
    desk.services.canned.create(desk.supervisor, "Refund", "Five working days.")
    model = CannedResponsesModel()
    qtmodeltester.check(model)
    model.set_responses(desk.services.canned.search(desk.agent, ""))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
