"""notify() tells a new notification from a duplicate on both databases."""

from __future__ import annotations

from deskapp.models.enums import NotificationKind
from deskapp.services.facade import build_services
from deskapp.services.notifications import notify
from tests.helpers.staff import make_desk


def test_notify_reports_new_and_duplicate(db_url):
    services = build_services(db_url)
    try:
        desk = make_desk(services)
        with services.uow() as uow:
            first = notify(uow.session, desk.agent.user_id, None, NotificationKind.INFO,
                           title="t", body="b", dedupe_key="k1")
            again = notify(uow.session, desk.agent.user_id, None, NotificationKind.INFO,
                           title="t", body="b", dedupe_key="k1")
            uow.commit()
        assert (first, again) == (True, False)
        assert services.notifications.unread_count(desk.agent) == 1
    finally:
        services.dispose()
