"""Issue 9, point 3: the bell tells the truth on login. The clocks of my tickets
(supervisors: my teams') already warned or breached are in the centre after login and
after a reconnect, once; the empty centre says what would be there; the demo data
stores the notifications its recorded stages imply."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from deskapp.models import Notification, SlaStageEvent, Ticket, utcnow
from deskapp.services.customers import NewCustomer
from deskapp.services.sla_at_risk import notify_at_risk
from deskapp.services.tickets import NewCall

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _ticket(desk, actor, subject):
    call = NewCall(subject=subject, new_customer=NewCustomer("Zahra Kazemi",
                                                             phones=["0912 345 6789"]))
    return desk.services.tickets.log_call(actor, call).ticket.id


def _recorded(desk, ticket_id, clock, *stages):
    """Stages recorded without notifications (as the demo did, or before a hand-over)."""
    with desk.services.uow() as uow:
        for stage in stages:
            uow.session.add(SlaStageEvent(ticket_id=ticket_id, clock=clock, stage=stage,
                                          due_at=utcnow() - timedelta(hours=2)))
        uow.commit()


def _notifications(desk, actor) -> list[tuple[str, str]]:
    with desk.services.uow() as uow:
        return sorted(uow.session.execute(
            select(Notification.title, Notification.stage)
            .where(Notification.recipient_id == actor.user_id)).all())


@pytest.fixture
def at_risk(desk):
    mine = _ticket(desk, desk.agent, "Router keeps rebooting")
    _recorded(desk, mine, "resolution", "warning_75", "breach")
    theirs = _ticket(desk, desk.other_agent, "Refund not received")  # Billing, Sara's
    _recorded(desk, theirs, "resolution", "warning_75")
    return mine, theirs


def test_login_summary_is_stored_once_per_clock(desk, at_risk):
    uow = desk.services.uow
    assert notify_at_risk(uow, desk.agent) == 1  # the latest stage of my clock
    assert notify_at_risk(uow, desk.agent) == 0  # logging in again adds nothing
    titles = _notifications(desk, desk.agent)
    assert len(titles) == 1 and "resolution target breached" in titles[0][0]
    assert titles[0][1] == "breach"
    # the supervisor of both teams sees both; the other agent only hers
    assert notify_at_risk(uow, desk.supervisor) == 2
    assert notify_at_risk(uow, desk.supervisor) == 0
    assert notify_at_risk(uow, desk.other_agent) == 1


def test_the_centre_shows_what_is_at_risk_after_login_and_reconnect(qtbot, desk, sqlite_url,
                                                                    at_risk):
    from deskapp.app import build_workstation

    window = build_workstation(sqlite_url, "maryam")
    qtbot.addWidget(window)
    parts = window.parts
    centre = parts.centre
    panel = centre.bell.panel
    # nothing yet: the empty state says what would be here
    with qtbot.waitSignal(centre.refreshed, timeout=5_000):
        centre.refresh()
    assert centre.model.rowCount() == 0
    assert not panel.empty.isHidden() and "SLA" in panel.empty.text()
    assert panel.view.isHidden()

    with qtbot.waitSignal(parts.notifications.catch_up.finished, timeout=5_000) as done:
        parts.notifications.catch_up.run()  # what login runs
    assert done.args == [2]
    qtbot.waitUntil(lambda: centre.model.rowCount() == 2, timeout=5_000)
    assert centre.unread == 2
    assert panel.empty.isHidden() and not panel.view.isHidden()

    # after a reconnect it runs again, and adds no second copy
    with qtbot.waitSignal(parts.notifications.catch_up.finished, timeout=5_000) as again:
        parts.live.feed.connection_restored.emit()
    assert again.args == [0]
    with qtbot.waitSignal(centre.refreshed, timeout=5_000):
        centre.refresh()
    assert centre.model.rowCount() == 2
    window.close()
    window.runner.wait(10_000)


def test_demo_data_stores_the_notifications_its_stages_imply(services):
    from deskapp.services.demo import generate_demo

    report = generate_demo(services, tickets=300, customers=60, seed=5)
    assert report.sla_stage_events > 0
    with services.uow() as uow:
        s = uow.session
        open_with_stages = s.scalar(
            select(func.count(func.distinct(SlaStageEvent.ticket_id)))
            .join(Ticket, Ticket.id == SlaStageEvent.ticket_id)
            .where(Ticket.status.in_(("new", "open")), Ticket.assignee_id.is_not(None))
        )
        notified = s.scalar(select(func.count(func.distinct(Notification.ticket_id)))
                            .where(Notification.kind.in_(("sla_warning", "sla_breach"))))
    assert open_with_stages > 0
    assert notified >= open_with_stages
