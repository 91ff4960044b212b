"""Round-robin auto-assignment racing on PostgreSQL: the team row lock (SELECT ... FOR
UPDATE) makes concurrent escalations take strict turns - nobody gets two in a row
because two workstations read the same "last assignee"."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from sqlalchemy import select

from deskapp.models import Assignment, Team
from deskapp.models.enums import Presence
from deskapp.services.facade import build_services
from tests.helpers.staff import make_desk
from tests.integration.test_reassign_concurrency import _tickets

pytestmark = pytest.mark.postgres

PER_THREAD = 10


def test_concurrent_escalations_take_strict_turns(pg_url: str):
    desk = make_desk(build_services(pg_url))
    services = desk.services
    billing = next(t.id for t in services.staff.list_teams() if t.name == "Billing")
    for a in (desk.other_agent, desk.specialist):
        services.staff.set_presence(a, Presence.AVAILABLE)
    services.auto_assign.set_mode(desk.manager, billing, "round_robin")
    tickets = _tickets(desk, 2 * PER_THREAD)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def escalate(batch) -> None:
        own = build_services(pg_url)  # a workstation of its own
        try:
            start.wait(timeout=20)
            for t in batch:
                own.escalations.escalate_functional(
                    desk.agent, t.id, t.version, to_team_id=billing,
                    reason="needs_specialist", note="race")
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=escalate, args=(tickets[i::2],)) for i in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert errors == []
    with services.uow() as uow:
        s = uow.session
        order = list(s.scalars(
            select(Assignment.to_user_id)
            .where(Assignment.reason == "auto-assigned (round-robin)")
            # Lock order, not clock order: created_at is read before the team lock is
            # taken, but the (time-ordered, per-process monotonic) UUIDv7 is made at the
            # INSERT, under the lock.
            .order_by(Assignment.id)))
        last = s.scalar(select(Team.last_auto_assignee_id).where(Team.id == billing))
    assert len(order) == 2 * PER_THREAD
    assert Counter(order) == {desk.other_agent.user_id: PER_THREAD,
                              desk.specialist.user_id: PER_THREAD}
    assert all(a != b for a, b in zip(order, order[1:], strict=False))  # strict turns
    assert last == order[-1]
    services.dispose()
