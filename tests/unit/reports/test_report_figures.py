"""Every figure of a report over the hand-built desk of desk.py, worked out by hand,
on SQLite and PostgreSQL (the desk is built once per database)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from deskapp.models.database import make_engine
from deskapp.services.errors import PermissionDenied, ValidationFailed
from deskapp.services.reports import ReportQuery
from tests.helpers.databases import copy_sqlite, truncate_all
from tests.unit.reports.desk import RANGE, ReportDesk, build

H = 3600


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def rd(request: pytest.FixtureRequest, sqlite_template, tmp_path_factory):
    """Built once per database for the whole module (the tests only read; the one that
    adds a team cleans up after itself)."""
    if request.param == "sqlite":
        url = copy_sqlite(sqlite_template, tmp_path_factory.mktemp("reports"))
    else:
        url = request.getfixturevalue("pg_session_url")
        engine = make_engine(url)
        truncate_all(engine)
        engine.dispose()
    rd = build(url)
    yield rd
    rd.services.dispose()


def run(rd: ReportDesk, actor=None, **kw):
    return rd.services.reports.report(actor or rd.desk.manager, ReportQuery(*RANGE, **kw))


def test_sla_compliance_per_policy_and_clock(rd: ReportDesk):
    r = run(rd)
    got = {(s.policy_name, s.clock): (s.met, s.breached, s.running) for s in r.sla}
    assert got == {
        # Default: T1 T2 T3 T5 T6 T9 T12 answered and resolved in time; T8 never answered.
        ("Default", "first_response"): (7, 1, 0),
        ("Default", "resolution"): (7, 1, 0),
        # VIP: T4 answered after 2 business hours (target 1 h), resolved after 6 of 8;
        # T7 answered at once by chat, pending a third party since before its due time.
        ("VIP", "first_response"): (1, 1, 0),
        ("VIP", "resolution"): (1, 0, 1),
    }
    pct = {(s.policy_name, s.clock): s.percent for s in r.sla}
    assert pct[("Default", "first_response")] == pytest.approx(87.5)
    assert pct[("VIP", "resolution")] == 100.0


def test_business_durations_median_and_p90(rd: ReportDesk):
    r = run(rd)
    # First response, created in the range: T1 T3 T5 T7 T9 by phone or chat = 0,
    # T6 T12 = 1 h, T2 = 2 h, T4 = Monday 16-17 + Tuesday 9-10 = 2 business hours.
    assert (r.first_response.count, r.first_response.median_s, r.first_response.p90_s) == (
        9, 0, 2 * H,
    )
    # Resolution, resolved in the range: T1 T9 1 h, T3 T12 2 h, T5 3 h, T2 4 h,
    # T6 15 h less 10 h resolved before the reopen = 5 h,
    # T4 12 office hours less 6 pending = 6 h, T11 (created before) 96 h.
    assert (r.resolution.count, r.resolution.median_s, r.resolution.p90_s) == (
        9, 3 * H, 96 * H,
    )


def test_strict_first_contact_resolution(rd: ReportDesk):
    r = run(rd)
    # Of nine resolved: T1, T3, T11. Not: T2 (its customer opened T3 within 7 days),
    # T4 (a second inbound contact), T5 (escalated), T6 (reopened), T9 (T10 within
    # 7 days), T12 (the customer wrote again after resolution).
    assert (r.fcr.resolved, r.fcr.first_contact) == (9, 3)
    assert r.fcr.rate == pytest.approx(100 / 3)


def test_csat(rd: ReportDesk):
    c = run(rd).csat
    assert c.distribution == (1, 1, 1, 2, 2)  # T6 1, T4 2, T3 3, T2 T12 4, T1 T9 5
    assert c.resolved == 9 and c.responses == 7
    assert c.average == pytest.approx(24 / 7)
    assert c.response_rate == pytest.approx(700 / 9)


def test_backlog_now_and_trend(rd: ReportDesk):
    b = run(rd).backlog
    assert dict(b.by_status) == {
        "new": 0, "open": 2, "pending_customer": 0, "pending_third_party": 1,
    }
    # Now (7 Dec 09:00): T10 is 6 days old, T7 and T8 are 8.9 and 7.6 days old.
    assert dict(b.by_age) == {
        "< 1 day": 0, "1-3 days": 0, "3-7 days": 1, "7-30 days": 2, "> 30 days": 0,
    }
    # T11 open before; Mon +T1 T2 T5 T4 -T1 T2 T5; Tue +T3 T6 -T11 T3;
    # Wed +T9 -T6 T9 T4; Thu +T12 -T12; Sat +T7; Sun +T8.
    assert [n for _d, n in b.trend] == [2, 2, 0, 0, 0, 1, 2]
    assert b.trend[0][0] == date(2026, 11, 23)


def test_escalations_and_reopens(rd: ReportDesk):
    e = run(rd).escalations
    assert (e.created, e.escalated) == (10, 1)
    assert e.by_kind == (("functional", 1),)
    assert sum(n for _r, n in e.by_reason) == 1
    assert (e.automatic, e.manual) == (0, 1)
    # Resolved at least once: all created in the range but T7 and T8; reopened: T6.
    assert (e.resolved_once, e.reopened) == (8, 1)
    assert e.reopen_rate == pytest.approx(12.5)


def test_volume_by_channel_day_and_hour(rd: ReportDesk):
    v = run(rd).volume
    assert v.total == 10
    assert dict(v.by_channel) == {"email": 5, "phone": 4, "chat": 1}
    assert [n for _d, n in v.by_day] == [4, 2, 1, 1, 0, 1, 1]
    cells = {(d, h): n for d, row in enumerate(v.heat) for h, n in enumerate(row) if n}
    assert cells == {
        (0, 9): 1, (0, 10): 1, (0, 12): 1, (0, 16): 1,
        (1, 9): 1, (1, 12): 1, (2, 9): 1, (3, 9): 1, (5, 10): 1, (6, 20): 1,
    }


def test_per_agent(rd: ReportDesk):
    rows = {a.name or "(unassigned)": a for a in run(rd).agents}
    ali, sara, pool = rows["Ali Rezaei"], rows["Sara Ahmadi"], rows["(unassigned)"]
    assert (ali.handled, ali.resolved, ali.first_contact, ali.breaches) == (6, 6, 3, 0)
    assert (ali.csat_count, ali.csat_sum, ali.median_first_response_s) == (5, 18, 0)
    assert (sara.handled, sara.resolved, sara.first_contact, sara.breaches) == (3, 2, 0, 2)
    assert (sara.csat_count, sara.csat_sum, sara.median_first_response_s) == (2, 6, H)
    # T5 went to the front desk's pool when it was escalated.
    assert (pool.handled, pool.resolved, pool.breaches) == (1, 1, 0)


def test_filters_narrow_every_figure(rd: ReportDesk):
    front = run(rd, team_ids=(rd.teams["Front desk"],))
    assert front.volume.total == 7  # ali's six and T5
    assert front.fcr.resolved == 7  # T1 T2 T3 T5 T6 T9 T11
    assert run(rd, channel="email").volume.total == 5
    vip = run(rd, segment="vip")
    assert vip.volume.total == 2 and {s.policy_name for s in vip.sla} == {"VIP"}
    assert run(rd, agent_id=rd.desk.other_agent.user_id).volume.total == 3
    assert run(rd, category="nothing like this").volume.total == 0


def test_a_later_timezone_moves_hours_and_days(rd: ReportDesk):
    # Asia/Tehran is UTC+03:30: T8 (Sunday 20:00 UTC) is Sunday 23:30 there.
    v = run(rd, timezone="Asia/Tehran").volume
    assert v.heat[6][23] == 1
    assert v.heat[0][12] == 1  # T1, Monday 09:00 UTC


def test_permissions(rd: ReportDesk):
    with pytest.raises(PermissionDenied):
        run(rd, rd.desk.agent)
    # The supervisor supervises both teams: everything they lead, nothing else.
    mine = run(rd, rd.desk.supervisor)
    assert mine.volume.total == 10
    field_team = uuid.uuid4()  # any team they do not lead
    with pytest.raises(PermissionDenied) as denied:
        run(rd, rd.desk.supervisor, team_ids=(field_team,))
    assert denied.value.code == "reports.foreign_team"
    with pytest.raises(PermissionDenied):
        run(rd, rd.desk.supervisor, team_ids=(rd.teams["Front desk"], field_team))
    assert run(rd, rd.desk.supervisor, team_ids=(rd.teams["Billing"],)).volume.total == 3
    assert run(rd, rd.desk.admin).volume.total == 10


def test_reversed_range_is_refused(rd: ReportDesk):
    with pytest.raises(ValidationFailed):
        rd.services.reports.report(rd.desk.manager, ReportQuery(date(2026, 2, 1), date(2026, 1, 1)))


def test_drill_down_gives_the_tickets_behind_a_cell(rd: ReportDesk):
    t = rd.tickets
    svc, q = rd.services.reports, ReportQuery(*RANGE)

    def ids(figure, key):
        return set(svc.ticket_ids(rd.desk.manager, q, figure, key))

    assert ids("volume_hour", (0, 9)) == {t["T1"]}
    assert ids("volume_hour", (6, 20)) == {t["T8"]}
    assert ids("volume_channel", "chat") == {t["T7"]}
    assert ids("volume_day", date(2026, 11, 24)) == {t["T3"], t["T6"]}
    assert ids("backlog_status", "open") == {t["T8"], t["T10"]}
    assert ids("backlog_age", 2) == {t["T10"]}
    assert ids("csat", 4) == {t["T2"], t["T12"]}
    assert ids("agent", None) == {t["T5"]}
    vip = next(s.policy_id for s in run(rd).sla if s.policy_name == "VIP")
    assert ids("sla_breached", (vip, "first_response")) == {t["T4"]}
    tehran = ReportQuery(*RANGE, timezone="Asia/Tehran")
    assert set(svc.ticket_ids(rd.desk.manager, tehran, "volume_hour", (6, 23))) == {t["T8"]}
    with pytest.raises(PermissionDenied):
        svc.ticket_ids(rd.desk.agent, q, "csat", 4)
