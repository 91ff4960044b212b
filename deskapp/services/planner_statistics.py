"""SQLite's planner statistics, kept current.

SQLite chooses between walking the queue's sort index (stop after a page) and reading
every row of a filter and sorting them by what ``ANALYZE`` recorded; deskapp never ran
it, so a large desk's plans rested on guesses. At 1,000,000 tickets the "All open"
page took 100-117 ms without statistics and 7-8 ms with them (the whole ``ANALYZE``:
3.3 s). PostgreSQL's autovacuum keeps its own statistics; this is SQLite only.

``refresh_if_stale`` runs ``ANALYZE`` when the ticket table is large enough for plans
to matter and its statistics are missing (a desk that never had them, or an index a
migration added) or were taken at less than half or more than twice today's size: a
few times in a desk's life, each a few seconds of a write transaction at start-up.
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect

# Below this many tickets every plan reads little; no ANALYZE.
MIN_TICKETS = 10_000


def _stale(conn) -> bool:
    tickets = conn.exec_driver_sql("SELECT max(rowid) FROM tickets").scalar() or 0
    if tickets < MIN_TICKETS:
        return False
    if not inspect(conn).has_table("sqlite_stat1"):
        return True
    rows = dict(conn.exec_driver_sql(
        "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'tickets'").all())
    # Full indexes only: a partial one may hold no row, and then has no statistics.
    full = {r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' "
        "AND (sql IS NULL OR sql NOT LIKE '% WHERE %')")}
    if not rows or full - set(rows):
        return True
    measured = max(int(str(rows[name]).split()[0]) for name in full)
    return not measured / 2 <= tickets <= measured * 2


def refresh_if_stale(engine: Engine) -> bool:
    """``ANALYZE`` a SQLite database whose statistics are missing or out of date;
    whether it ran."""
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect() as conn:
        if not inspect(conn).has_table("tickets") or not _stale(conn):
            return False
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    return True
