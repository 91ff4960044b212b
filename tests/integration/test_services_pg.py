"""The key services on the real PostgreSQL, and what only a real server shows:
two people saving the same ticket at the same moment, and ticket numbers handed
out to many workstations at once."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest
from sqlalchemy import func, select

from deskapp.models import Customer, Interaction, Site, Ticket, User, utcnow
from deskapp.models.enums import Channel, Direction, InteractionKind, Role, Status
from deskapp.services.customer_import import CustomerImportService, parse
from deskapp.services.customers import NewCustomer
from deskapp.services.demo import generate_demo
from deskapp.services.errors import AuthenticationFailed, PermissionDenied, StaleUpdate
from deskapp.services.facade import Services, build_services
from deskapp.services.permissions import SYSTEM
from deskapp.services.search import match_condition
from deskapp.services.tickets import NewCall
from tests.helpers.staff import PASSWORD, Desk, make_desk

pytestmark = [pytest.mark.postgres, pytest.mark.pg_routes]  # also through PgBouncer


@pytest.fixture
def pg_services(pg_url: str):
    svc = build_services(pg_url)
    yield svc
    svc.dispose()


@pytest.fixture
def pg_desk(pg_services: Services) -> Desk:
    return make_desk(pg_services)


def _log(desk: Desk, actor=None, **kw):
    return desk.services.tickets.log_call(
        actor or desk.agent,
        NewCall(
            subject=kw.pop("subject", "Internet drops every evening"),
            new_customer=kw.pop(
                "new_customer", NewCustomer("زهرا کاظمی", phones=["0912 345 6789"],
                                         email="zahra@example.com")
            ),
            **kw,
        ),
    )


def test_log_call_lifecycle_and_history(pg_desk: Desk):
    tickets = pg_desk.services.tickets
    agent = pg_desk.agent
    detail = _log(pg_desk, channel=Channel.EMAIL)
    t = detail.ticket
    assert t.reference == "HQ-000001" and t.status is Status.OPEN
    assert detail.first_response_at is None
    tickets.add_interaction(agent, t.id, InteractionKind.EMAIL, "Please restart the modem.")
    t = tickets.get(agent, t.id).ticket
    t = tickets.change_status(agent, t.id, t.version, Status.PENDING_CUSTOMER)
    tickets.add_interaction(agent, t.id, InteractionKind.EMAIL, "Still down.", Direction.INBOUND)
    t = tickets.get(agent, t.id).ticket
    assert t.status is Status.OPEN  # the customer answered
    t = tickets.change_status(agent, t.id, t.version, Status.RESOLVED, csat=4)
    t = tickets.change_status(agent, t.id, t.version, Status.CLOSED)
    second = _log(pg_desk, new_customer=None, customer_id=detail.customer.id,
                  resolved_on_contact=True)
    assert second.ticket.reference == "HQ-000002"
    assert second.first_contact_resolution is True

    history = pg_desk.services.customers.history(agent, detail.customer.id)
    assert [x.reference for x in history.tickets] == ["HQ-000002", "HQ-000001"]
    assert (history.total_count, history.open_count, history.last_90_days_count) == (2, 0, 2)
    assert history.fcr_rate == pytest.approx(0.5)
    assert history.average_csat == pytest.approx(4.0)
    detail = tickets.get(agent, t.id)
    assert [i.direction for i in detail.interactions] == [
        Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND,
    ]


def test_lookup_with_persian_variants_and_phone_formats(pg_desk: Desk):
    _log(pg_desk, new_customer=NewCustomer("علي كاظمي", phones=["+98 912 345 6789"],
                                           email="Ali@Example.com"))
    lookup = pg_desk.services.customers.lookup
    agent = pg_desk.agent
    for query in ("۰۹۱۲۳۴۵۶۷۸۹", "0098 912 345 6789", "345 67", "علی", "کاظمی", "ali@ex"):
        assert [c.name for c in lookup(agent, query)] == ["علي كاظمي"], query
    assert lookup(agent, "%") == []


def test_permissions_and_authentication(pg_desk: Desk):
    t = _log(pg_desk).ticket
    with pytest.raises(PermissionDenied, match="belongs to another agent or team"):
        pg_desk.services.tickets.change_status(pg_desk.other_agent, t.id, t.version,
                                               Status.RESOLVED)
    with pytest.raises(PermissionDenied):
        pg_desk.services.tickets.log_call(
            pg_desk.admin, NewCall(subject="x", new_customer=NewCustomer("X")))
    staff = pg_desk.services.staff
    assert staff.authenticate("ali", PASSWORD).role is Role.AGENT
    with pytest.raises(AuthenticationFailed, match="Wrong username or password"):
        staff.authenticate("ali", "nope nope")


def test_stale_update_between_two_sessions_names_the_other_person(pg_url: str, pg_desk: Desk):
    """Both load version 1 and pass the version check; the row's version decides at
    the UPDATE, and the one who loses is told who won."""
    t = _log(pg_desk).ticket
    both_checked = threading.Barrier(2)

    def clock() -> datetime:  # TicketService reads the clock after its version check
        both_checked.wait(timeout=30)
        return utcnow()

    outcomes: dict[str, object] = {}

    def save(actor, status: Status) -> None:
        services = build_services(pg_url, clock=clock)  # its own engine and sessions
        try:
            outcomes[actor.username] = services.tickets.change_status(
                actor, t.id, t.version, status)
        except StaleUpdate as exc:
            outcomes[actor.username] = exc
        finally:
            services.dispose()

    threads = [
        threading.Thread(target=save, args=(pg_desk.agent, Status.PENDING_CUSTOMER)),
        threading.Thread(target=save, args=(pg_desk.supervisor, Status.PENDING_THIRD_PARTY)),
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    errors = [o for o in outcomes.values() if isinstance(o, StaleUpdate)]
    saved = [o for o in outcomes.values() if not isinstance(o, StaleUpdate)]
    assert len(errors) == 1 and len(saved) == 1, outcomes
    winner = saved[0]
    winner_name = "Ali Rezaei" if winner.status is Status.PENDING_CUSTOMER else "Maryam Hosseini"
    assert f"Ticket HQ-000001 was changed by {winner_name}" in str(errors[0])
    assert "reload it" in str(errors[0])
    current = pg_desk.services.tickets.get(pg_desk.agent, t.id).ticket
    assert current.status is winner.status and current.version == t.version + 1


def test_concurrent_ticket_creation_gives_unique_consecutive_numbers(pg_url: str,
                                                                      pg_desk: Desk):
    first = _log(pg_desk).ticket
    customer_id = pg_desk.services.tickets.get(pg_desk.agent, first.id).customer.id
    workers, per_worker = 8, 15
    start = threading.Barrier(workers)

    def create(n: int) -> list[str]:
        services = build_services(pg_url)  # one workstation
        try:
            start.wait(timeout=30)
            return [
                services.tickets.log_call(
                    pg_desk.agent,
                    NewCall(subject=f"worker {n} ticket {i}", customer_id=customer_id),
                ).ticket.reference
                for i in range(per_worker)
            ]
        finally:
            services.dispose()

    with ThreadPoolExecutor(workers) as pool:
        references = [r for refs in pool.map(create, range(workers)) for r in refs]
    total = workers * per_worker + 1
    assert len(set(references)) == len(references) == total - 1
    with pg_desk.services.engine.connect() as conn:
        numbers = sorted(conn.scalars(select(Ticket.number)))
        last = conn.scalar(select(Site.last_ticket_number).where(Site.code == "HQ"))
    assert numbers == list(range(1, total + 1))
    assert last == total


def test_customer_import_on_postgresql(pg_desk: Desk):
    importer = CustomerImportService(pg_desk.services.uow)
    text = ("name,phone,email\nکریم یزدانی,0912 111 2233;021 2222 3333,karim@example.com\n"
            "Bad,0912 111 2233,\n")
    report = importer.import_parsed(SYSTEM, parse(text, "c.csv"))
    assert report.refused and [str(e) for e in report.errors] == [
        "line 3: Phone 09121112233 is already on line 2."
    ]
    with pg_desk.services.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Customer)) == 0
    report = importer.import_parsed(SYSTEM, parse(text, "c.csv"), skip_invalid=True)
    assert report.imported == 1
    found = pg_desk.services.customers.lookup(pg_desk.agent, "كريم")
    assert [c.phones for c in found] == [("09121112233", "02122223333")]


def test_demo_on_postgresql(pg_services: Services):
    report = generate_demo(pg_services, tickets=200, customers=40, seed=5)
    with pg_services.engine.connect() as conn:
        statuses = Counter(conn.scalars(select(Ticket.status)))
        assert sum(statuses.values()) == 200 and set(statuses) == set(Status)
        assert conn.scalar(select(func.count()).select_from(User)) == len(report.logins)
        assert conn.scalar(select(func.count()).select_from(Interaction)) == report.interactions
        reference = conn.scalar(select(Ticket.reference).order_by(Ticket.number).limit(1))
        hits = conn.scalars(
            select(Ticket.reference).where(match_condition("postgresql", reference))
        ).all()
        assert hits == [reference]
        open_without_policy = conn.scalar(
            select(func.count()).select_from(Ticket)
            .where(Ticket.status.in_([Status.NEW, Status.OPEN]), Ticket.sla_policy_id.is_(None))
        )
        assert open_without_policy == 0
    login = next(x for x in report.logins if x.role is Role.SUPERVISOR)
    assert pg_services.staff.authenticate(login.username, login.password).role is Role.SUPERVISOR
