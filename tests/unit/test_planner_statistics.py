"""SQLite's planner statistics are taken when a desk is large enough and they are
missing, incomplete (an index a migration added) or from a desk half or twice the size,
and not otherwise."""

from __future__ import annotations

from deskapp.services import planner_statistics
from tests.helpers.bulk import bulk_tickets


def _stat_rows(engine) -> int:
    with engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'tickets'").scalar()


def test_statistics_follow_the_desk(desk, monkeypatch):
    monkeypatch.setattr(planner_statistics, "MIN_TICKETS", 200)
    engine = desk.services.engine
    people = [desk.agent.user_id, desk.other_agent.user_id]
    teams = [t.id for t in desk.services.staff.list_teams()]
    bulk_tickets(engine, 150, assignee_ids=people, team_ids=teams, seed=1)
    assert not planner_statistics.refresh_if_stale(engine)  # small: plans do not matter
    bulk_tickets(engine, 150, assignee_ids=people, team_ids=teams, seed=2)
    assert planner_statistics.refresh_if_stale(engine)  # none yet
    assert _stat_rows(engine) > 5
    assert not planner_statistics.refresh_if_stale(engine)  # current
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE INDEX ix_tickets_test_new ON tickets (subject)")
    assert planner_statistics.refresh_if_stale(engine)  # an index without statistics
    bulk_tickets(engine, 400, assignee_ids=people, team_ids=teams, seed=3)
    assert planner_statistics.refresh_if_stale(engine)  # the desk more than doubled
    assert not planner_statistics.refresh_if_stale(engine)
