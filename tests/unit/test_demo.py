"""Demo data: it covers the whole vocabulary, its numbers and histories hold together,
and it only goes into an empty database."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from deskapp.models import (
    Assignment,
    CannedResponse,
    Customer,
    CustomerPhone,
    Escalation,
    Interaction,
    Site,
    Team,
    Ticket,
    User,
    team_members,
)
from deskapp.models.enums import Channel, Direction, Priority, Role, Segment, Status
from deskapp.services.demo import DEMO_PASSWORDS, DemoRefused, generate_demo
from deskapp.services.facade import Services, build_services
from deskapp.services.search import match_condition
from deskapp.services.text import search_key

TICKETS = 300
CUSTOMERS = 80


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, sqlite_template) -> Services:
    import shutil

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    svc = build_services(f"sqlite:///{path}")
    calls: list[tuple[int, int]] = []
    report = generate_demo(
        svc, tickets=TICKETS, customers=CUSTOMERS, seed=7,
        progress=lambda done, total: calls.append((done, total)),
    )
    svc.report = report  # type: ignore[attr-defined]
    svc.progress_calls = calls  # type: ignore[attr-defined]
    yield svc
    svc.dispose()


def _all(svc: Services, stmt):
    with svc.engine.connect() as conn:
        return conn.execute(stmt).all()


def _objs(svc: Services, stmt):
    with Session(svc.engine) as session:
        return session.scalars(stmt).all()


def test_every_status_priority_channel_and_role_is_there(demo: Services):
    tickets = _all(demo, select(Ticket.status, Ticket.priority, Ticket.channel))
    assert len(tickets) == TICKETS
    assert {t.status for t in tickets} == set(Status)
    assert {t.priority for t in tickets} == set(Priority)
    assert {t.channel for t in tickets} == set(Channel)
    roles = {r for (r,) in _all(demo, select(User.role))}
    assert roles == set(Role)
    segments = Counter(s for (s,) in _all(demo, select(Customer.segment)))
    assert segments[Segment.STANDARD] > segments[Segment.VIP]


def test_ticket_numbers_are_consecutive_per_site_and_match_the_site_counter(demo: Services):
    sites = {s.id: s for s in _objs(demo, select(Site))}
    assert {s.code for s in sites.values()} == {"HQ", "TBZ"}
    rows = _all(demo, select(Ticket.site_id, Ticket.number, Ticket.reference, Ticket.created_at)
                .order_by(Ticket.site_id, Ticket.number))
    by_site: dict = {}
    for r in rows:
        by_site.setdefault(r.site_id, []).append(r)
    for site_id, tickets in by_site.items():
        site = sites[site_id]
        assert [t.number for t in tickets] == list(range(1, len(tickets) + 1))
        assert site.last_ticket_number == len(tickets)
        assert all(t.reference == f"{site.code}-{t.number:06d}" for t in tickets)
        # Numbers follow time, as a desk hands them out.
        assert [t.created_at for t in tickets] == sorted(t.created_at for t in tickets)


def test_every_ticket_has_its_first_contact_and_replies(demo: Services):
    first = {}
    for tid, direction, _created in _all(
        demo, select(Interaction.ticket_id, Interaction.direction, Interaction.created_at)
        .order_by(Interaction.created_at, Interaction.id)
    ):
        first.setdefault(tid, direction)
    ids = {tid for (tid,) in _all(demo, select(Ticket.id))}
    assert set(first) == ids
    assert set(first.values()) == {Direction.INBOUND}
    directions = {d for (d,) in _all(demo, select(Interaction.direction).distinct())}
    assert directions == set(Direction)


def test_assignment_history_ends_where_the_ticket_is(demo: Services):
    last = {}
    for a in _objs(demo, select(Assignment).order_by(Assignment.created_at, Assignment.id)):
        last[a.ticket_id] = a
    tickets = _all(demo, select(Ticket.id, Ticket.assignee_id, Ticket.team_id, Ticket.status))
    for t in tickets:
        a = last[t.id]
        assert (a.to_user_id, a.to_team_id) == (t.assignee_id, t.team_id)
        if t.status in (Status.RESOLVED, Status.CLOSED):
            assert t.assignee_id is not None


def test_resolved_tickets_have_times_and_mostly_csat(demo: Services):
    rows = _objs(demo, select(Ticket).where(Ticket.status.in_([Status.RESOLVED, Status.CLOSED])))
    assert rows
    for t in rows:
        assert t.resolved_at is not None and t.resolved_at >= t.created_at
        assert t.first_contact_resolution is not None
        if t.status is Status.CLOSED:
            assert t.closed_at is not None and t.closed_at >= t.resolved_at
    with_csat = sum(1 for t in rows if t.csat is not None)
    assert with_csat > len(rows) / 2


def test_open_tickets_carry_sla_clocks(demo: Services):
    rows = _objs(demo, select(Ticket).where(Ticket.status.in_([Status.NEW, Status.OPEN])))
    assert rows
    for t in rows:
        assert t.sla_policy_id is not None  # the SLA engine took over
        assert t.resolution_due is not None and t.first_response_due is not None
    pending = _objs(demo, select(Ticket).where(Ticket.status == Status.PENDING_CUSTOMER))
    assert pending and all(t.sla_paused_since is not None for t in pending)


def test_teams_staff_customers_and_canned_responses(demo: Services):
    teams = _objs(demo, select(Team))
    assert {t.name for t in teams} >= {"Front desk", "Billing", "Network", "Field service",
                                       "VIP care"}
    assert all(t.supervisor_id is not None and t.skills for t in teams)
    members = _all(demo, select(team_members.c.team_id).distinct())
    assert len(members) == len(teams)
    phones = _all(demo, select(CustomerPhone.number))
    assert all(p.number.startswith("0") and p.number.isdigit() for p in phones)
    assert len({p.number for p in phones}) == len(phones)
    assert _all(demo, select(func.count()).select_from(Customer))[0][0] == CUSTOMERS
    canned = _objs(demo, select(CannedResponse))
    assert {c.language for c in canned} == {"fa", "en"}
    assert all(c.search_text == search_key(f"{c.title} {c.category} {c.body}") for c in canned)
    escalations = _all(demo, select(Escalation.kind).distinct())
    assert len(escalations) == 2


def test_demo_logins_work(demo: Services):
    report = demo.report  # type: ignore[attr-defined]
    assert {login.role for login in report.logins} == set(Role)
    for _username, role, password in report.logins:
        assert password == DEMO_PASSWORDS[role]
    agent = next(login for login in report.logins if login.role is Role.AGENT)
    actor = demo.staff.authenticate(agent.username, agent.password)
    assert actor.role is Role.AGENT and actor.team_ids


def test_tickets_are_searchable(demo: Services):
    (reference, subject) = _all(demo, select(Ticket.reference, Ticket.subject).limit(1))[0]
    with demo.engine.connect() as conn:
        hits = conn.execute(
            select(Ticket.reference).where(match_condition("sqlite", reference))
        ).all()
    assert [h.reference for h in hits] == [reference]


def test_tickets_sort_by_their_customers_name(demo: Services):
    """The queue sorts by customer through tickets.customer_sort_name."""
    mismatched = _all(
        demo,
        select(func.count())
        .select_from(Ticket)
        .join(Customer, Customer.id == Ticket.customer_id)
        .where(Ticket.customer_sort_name != Customer.name),
    )
    assert mismatched[0][0] == 0


def test_progress_reaches_the_total(demo: Services):
    calls = demo.progress_calls  # type: ignore[attr-defined]
    total = TICKETS + CUSTOMERS + TICKETS // 10  # the search index rebuild on SQLite
    assert calls[-1] == (total, total)
    assert [d for d, _t in calls] == sorted(d for d, _t in calls)


def test_refuses_a_database_with_tickets(demo: Services):
    with pytest.raises(DemoRefused, match="already holds 300 tickets"):
        generate_demo(demo, tickets=10, customers=5, seed=1)
    count = _all(demo, select(func.count()).select_from(Ticket))[0][0]
    assert count == TICKETS


def test_refuses_clashing_usernames_and_writes_nothing(services: Services, desk):
    # The test desk already has "ali" and "maryam".
    with pytest.raises(DemoRefused, match="ali"):
        generate_demo(services, tickets=10, customers=5, seed=1)
    with services.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Customer)) == 0


def test_same_seed_same_data(sqlite_url: str, tmp_path):
    import shutil

    other = tmp_path / "other.sqlite3"
    shutil.copyfile(sqlite_url.removeprefix("sqlite:///"), other)
    subjects = []
    for url in (sqlite_url, f"sqlite:///{other}"):
        svc = build_services(url)
        generate_demo(svc, tickets=40, customers=10, seed=11)
        subjects.append(_all(svc, select(Ticket.reference, Ticket.subject, Ticket.status)
                             .order_by(Ticket.reference)))
        svc.dispose()
    assert subjects[0] == subjects[1]


def test_readme_lists_the_demo_logins():
    """README.md's "Demo logins" table says what `deskapp demo` creates."""
    import re
    from pathlib import Path

    from deskapp.services.demo import DEMO_STAFF

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Demo logins", 1)[1].split("\n## ", 1)[0]
    listed = {}
    for row in section.splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`"):
            for username in re.findall(r"`([a-z]+)`", cells[0]):
                listed[username] = (cells[1], cells[2].strip("`"))
    expected = {u: (role.value, DEMO_PASSWORDS[role]) for u, _n, role, *_ in DEMO_STAFF}
    assert listed == expected


def test_a_failure_half_way_leaves_nothing_behind(services: Services, monkeypatch):
    """One transaction: customers, staff and the first batches of tickets all go, and
    the search triggers dropped for the bulk load are back."""
    from deskapp.services import demo as demo_module

    def triggers() -> set[str]:
        with services.engine.connect() as conn:
            return set(conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars())

    before = triggers()
    assert before  # the FTS triggers of the search migration
    real_insert = demo_module._insert
    written = Counter()

    def failing_insert(conn, table, rows):
        written[table.name] += 1
        if table.name == "tickets" and written["tickets"] == 2:
            raise RuntimeError("disk full")
        real_insert(conn, table, rows)

    monkeypatch.setattr(demo_module, "_insert", failing_insert)
    with pytest.raises(RuntimeError, match="disk full"):
        generate_demo(services, tickets=demo_module.CHUNK + 10, customers=20, seed=1)
    with services.engine.connect() as conn:
        for model in (Ticket, Interaction, Customer, User, Team, CannedResponse):
            assert conn.scalar(select(func.count()).select_from(model)) == 0, model
        assert conn.scalar(select(Site.last_ticket_number).where(Site.code == "HQ")) in (0, None)
    assert triggers() == before


def test_canned_responses_are_found_by_the_canned_service(demo: Services):
    agent = demo.staff.actor("ali")
    english = demo.canned.search(agent, "modem", language="en")
    persian = demo.canned.search(agent, "مودم", language="fa")
    assert english and all(c.language == "en" for c in english)
    assert persian and all(c.language == "fa" for c in persian)
