"""The roll-up-backed report equals the direct computation (the definition), on SQLite
and PostgreSQL: on the hand-built desk of desk.py, after a first report built the
roll-up, and again after changes to days already rolled (a reopen, a late CSAT, a new
ticket, an escalation, a resolution whose strict FCR is not decided yet) and after time
moved on (more days rolled, the FCR decided, a ticket whose clock was running when its
day was built now breached)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from deskapp.models.database import make_engine
from deskapp.models.report_rollup import rollup_days, rollup_live, rollup_months, rollup_state
from deskapp.services.customers import NewCustomer
from deskapp.services.reports import ReportQuery, ReportService
from deskapp.services.tickets import NewCall
from tests.helpers.databases import copy_sqlite, truncate_all
from tests.unit.reports.desk import NOW_H, RANGE, ReportDesk, build


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def rd(request: pytest.FixtureRequest, sqlite_template, tmp_path):
    if request.param == "sqlite":
        url = copy_sqlite(sqlite_template, tmp_path)
    else:
        url = request.getfixturevalue("pg_session_url")
        engine = make_engine(url)
        truncate_all(engine)
        engine.dispose()
    rd = build(url)
    yield rd
    rd.services.dispose()


def queries(rd: ReportDesk) -> list[ReportQuery]:
    base = ReportQuery(*RANGE)
    team = next(iter(rd.teams.values()))
    return [
        base,
        replace(base, timezone="Asia/Tehran"),  # UTC+3:30: other local days
        ReportQuery(date(2026, 11, 18), date(2026, 12, 20), timezone="America/New_York"),
        replace(base, team_ids=(team,)),
        replace(base, agent_id=rd.desk.agent.user_id),
        replace(base, start=date(2026, 11, 25), end=date(2026, 12, 6)),  # rolled + live days
        # November whole (from the month rows once it is rolled), and days around it
        ReportQuery(date(2026, 10, 20), date(2026, 12, 31), timezone="Asia/Tehran"),
    ]


def assert_same(rd: ReportDesk) -> None:
    services = rd.services
    direct = ReportService(services.reports._uow, clock=rd.clock, rollup=False)
    for q in queries(rd):
        got = services.reports.report(rd.desk.manager, q)
        want = direct.report(rd.desk.manager, q)
        assert got == want, q


def rolled(rd: ReportDesk) -> tuple[int, int]:
    with rd.services.reports._uow(read_only=True) as uow:
        s = uow.session
        return (s.scalar(select(func.count()).select_from(rollup_days)) or 0,
                s.scalar(select(func.count()).select_from(rollup_live)
                         .where(rollup_live.c.zone == "UTC")) or 0)


def test_rolled_report_equals_direct_before_and_after_changes(rd: ReportDesk):
    assert_same(rd)
    with rd.services.reports._uow(read_only=True) as uow:
        zones = dict(uow.session.execute(
            select(rollup_state.c.zone, rollup_state.c.built_until)).all())
    # Rolled up to yesterday (now is 7 December, 09:00).
    assert zones["UTC"] == date(2026, 12, 7)
    assert rolled(rd)[0] > 0

    tk, ali, sara = rd.services.tickets, rd.desk.agent, rd.desk.other_agent

    def version(name: str) -> int:
        return tk.get(ali, rd.tickets[name]).ticket.version

    # A late CSAT on T11 (resolved 24 November, a rolled day), and a changed one on T12
    # (26 November: no other change touches that day).
    tk.set_csat(ali, rd.tickets["T11"], version("T11"), 2)
    tk.set_csat(sara, rd.tickets["T12"], tk.get(sara, rd.tickets["T12"]).ticket.version, 2)
    # T1 (created and resolved 23 November) reopened and resolved again now.
    tk.change_status(ali, rd.tickets["T1"], version("T1"), "open")
    tk.change_status(ali, rd.tickets["T1"], version("T1"), "resolved", csat=3)
    # T3 (24 November) reopened and left open: its clock runs again.
    tk.change_status(ali, rd.tickets["T3"], version("T3"), "open")
    # A ticket logged on 24 November (as branch sync delivers one late), resolved then.
    rd.clock.set(hours=30)
    late = tk.log_call(sara, NewCall(subject="Late arrival", channel="chat",
                                     new_customer=NewCustomer("Late", phones=["0912 999 0001"])))
    rd.clock.set(hours=31)
    tk.change_status(sara, late.ticket.id, late.ticket.version, "resolved", csat=5)
    # A phone call answered and resolved yesterday: first contact so far, not decided
    # (its 7 days run), on a day already rolled.
    rd.clock.set(hours=NOW_H - 20)
    fresh = tk.log_call(ali, NewCall(subject="Quick one", channel="phone",
                                     new_customer=NewCustomer("Quick", phones=["0912 999 0002"])))
    rd.clock.set(hours=NOW_H - 19)
    tk.change_status(ali, fresh.ticket.id, fresh.ticket.version, "resolved", csat=4)
    # An escalation of T7 (created 28 November, pending a third party) made now.
    rd.clock.set(hours=NOW_H)
    reason = rd.services.escalations.reasons()[0].code
    rd.services.escalations.escalate_functional(
        ali, rd.tickets["T7"], version("T7"), to_team_id=rd.teams["Billing"],
        reason=reason, note="Later look.",
    )
    assert_same(rd)
    assert rolled(rd)[1] == 1  # T3 counted live while its clock runs

    # Ten days on: T1's second resolution is decided (its day rebuilt), T3's clock is
    # past due (breached), so its day is rebuilt with it.
    rd.clock.set(hours=NOW_H + 240)
    assert_same(rd)
    assert rolled(rd)[1] == 0
    with rd.services.reports._uow(read_only=True) as uow:  # November as a month row
        assert uow.session.scalar(select(func.count()).select_from(rollup_months).where(
            rollup_months.c.zone == "UTC", rollup_months.c.month == date(2026, 11, 1)))
    with rd.services.reports._uow(read_only=True) as uow:
        assert uow.session.scalar(
            select(rollup_state.c.built_until).where(rollup_state.c.zone == "UTC")
        ) == date(2026, 12, 17)


@pytest.mark.postgres
def test_concurrent_first_reports_build_one_rollup(pg_url):
    """Two workstations open the Reports tab at once on PostgreSQL: the builds are
    serialized (advisory lock), neither fails, and both read the direct figures."""
    from concurrent.futures import ThreadPoolExecutor

    rd = build(pg_url)
    try:
        q = ReportQuery(*RANGE, timezone="Asia/Tehran")
        with ThreadPoolExecutor(2) as pool:
            got = list(pool.map(lambda _i: rd.services.reports.report(rd.desk.manager, q),
                                range(2)))
        direct = ReportService(rd.services.reports._uow, clock=rd.clock, rollup=False)
        assert got[0] == got[1] == direct.report(rd.desk.manager, q)
    finally:
        rd.services.dispose()
