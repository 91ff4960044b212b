"""The daily report roll-up (migration 0018; services.reports.rollup fills and reads it).

Per report time zone, per *local* day and per (site, team, assignee): the counts every
report figure adds up, so a report reads a few hundred rows per month instead of every
ticket. The roll-up is a cache: ``services.reports.service`` (the direct queries) stays
the definition, and everything here can be dropped and rebuilt.

* ``report_rollup_days`` — one wide row per (zone, day, site, team, agent): tickets
  *created* that day (count, per local hour, per channel, escalated, resolved once,
  reopened, with a clock breached, first-response histogram) and tickets *resolved* that
  day (count, strict FCR, CSAT 1..5, resolved-and-stopped, resolution histogram).
* ``report_rollup_months`` — the same per whole month (a year reads twelve rows per
  agent, not 365), with the heat map cells instead of the per-day hours; written from
  the day rows whenever a month is complete or one of its days was rebuilt.
* ``report_rollup_sla`` — per policy: SLA clock states of the tickets created that day.
* ``report_rollup_esc`` — escalation records made that day by kind, reason, automatic.
* ``report_rollup_live`` — tickets of a rolled day left out of it because one of their
  SLA clocks still depended on the time at build (counted live by every report until a
  later refresh finds them decided and rebuilds their day).
* ``report_rollup_state`` — per zone: days before ``built_until`` are rolled.
* ``report_rollup_dirty`` — UTC instants whose days must be rebuilt, appended by
  triggers on tickets and escalations (0018, 0022) while any roll-up exists: a
  ticket change marks only the days whose rows read the changed columns.

A missing team or assignee is stored as ``NO_ID`` (the zero UUID) so the key needs no
NULL. Durations are bucketed by ``DURATION_EDGES`` (seconds); the report finds the
bucket of the median and 90th percentile here and reads the exact value from the
tickets of that one bucket (services.reports.rollup), so percentiles stay exact.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, Column, Date, Index, Integer, String, Table, Uuid, text

from deskapp.models.base import Base
from deskapp.models.enums import Channel
from deskapp.models.ticket import Ticket
from deskapp.models.types import UTCDateTime

NO_ID = uuid.UUID(int=0)
# Bucket i holds [EDGES[i], EDGES[i+1]) seconds; the last is open above.
DURATION_EDGES: tuple[int, ...] = (
    0, 60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10800, 14400,
    21600, 28800, 43200, 64800, 86400, 129600, 172800, 259200, 432000, 604800,
    1209600, 2592000,
)
CHANNELS: tuple[str, ...] = tuple(c.value for c in Channel)

COUNT_COLUMNS: tuple[str, ...] = (
    # tickets created on the day
    "created", "escalated", "resolved_once", "reopened", "breached",
    *(f"h{h:02d}" for h in range(24)),
    *(f"ch_{c}" for c in CHANNELS),
    *(f"fr{i:02d}" for i in range(len(DURATION_EDGES))),
    # tickets resolved on the day
    "resolved", "fcr", *(f"csat{i}" for i in range(1, 6)), "done",
    *(f"res{i:02d}" for i in range(len(DURATION_EDGES))),
)
# Whole months (``report_rollup_months``): the same counts without the per-day hours,
# and the hour-of-day x weekday cells of the heat map instead (w0 = Monday).
MONTH_COLUMNS: tuple[str, ...] = tuple(c for c in COUNT_COLUMNS if not c.startswith("h"))
HEAT_COLUMNS: tuple[str, ...] = tuple(f"w{d}h{h:02d}" for d in range(7) for h in range(24))
SLA_COLUMNS: tuple[str, ...] = (
    "fr_met", "fr_breached", "fr_running", "res_met", "res_breached", "res_running",
)


def _key() -> list[Column]:
    return [
        Column("zone", String(64), primary_key=True),
        Column("day", Date, primary_key=True),
        Column("site_id", Uuid, primary_key=True),
        Column("team_id", Uuid, primary_key=True),
        Column("agent_id", Uuid, primary_key=True),
    ]


rollup_days = Table(
    "report_rollup_days",
    Base.metadata,
    *_key(),
    *(Column(c, Integer, nullable=False, server_default="0") for c in COUNT_COLUMNS),
)
rollup_months = Table(
    "report_rollup_months",
    Base.metadata,
    Column("zone", String(64), primary_key=True),
    Column("month", Date, primary_key=True),  # its first day
    Column("site_id", Uuid, primary_key=True),
    Column("team_id", Uuid, primary_key=True),
    Column("agent_id", Uuid, primary_key=True),
    *(Column(c, Integer, nullable=False, server_default="0")
      for c in (*MONTH_COLUMNS, *HEAT_COLUMNS)),
)
# ``grain``: "d" rows for a day, "m" rows for a whole month (``day`` its first day).
rollup_sla = Table(
    "report_rollup_sla",
    Base.metadata,
    *_key(),
    Column("grain", String(1), primary_key=True),
    Column("policy_id", Uuid, primary_key=True),
    *(Column(c, Integer, nullable=False, server_default="0") for c in SLA_COLUMNS),
)
rollup_esc = Table(
    "report_rollup_esc",
    Base.metadata,
    *_key(),
    Column("grain", String(1), primary_key=True),
    Column("kind", String(32), primary_key=True),
    Column("reason", String(80), primary_key=True),
    Column("automatic", Boolean, primary_key=True),
    Column("n", Integer, nullable=False),
)
rollup_live = Table(
    "report_rollup_live",
    Base.metadata,
    Column("zone", String(64), primary_key=True),
    Column("ticket_id", Uuid, primary_key=True),
    Column("day", Date, nullable=False),
    Index("ix_report_rollup_live_zone_day", "zone", "day"),
)
rollup_state = Table(
    "report_rollup_state",
    Base.metadata,
    Column("zone", String(64), primary_key=True),
    Column("built_until", Date, nullable=True),
    Column("built_at", UTCDateTime(), nullable=True),
)
rollup_dirty = Table(
    "report_rollup_dirty",
    Base.metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime(), nullable=False),
)

# The exact percentile read from one histogram bucket (services.reports.rollup).
_t = Ticket
Index("ix_tickets_rpt_fr_value", _t.first_response_business_s, _t.created_at, _t.deleted_at,
      _t.site_id, _t.team_id, _t.assignee_id)
Index("ix_tickets_rpt_res_value", _t.resolution_business_s, _t.resolved_at, _t.deleted_at,
      _t.site_id, _t.team_id, _t.assignee_id)
# The open backlog (status, age) of a report, from the index alone (migrations 0021,
# 0024). Partial, on a predicate only the report states (``OPEN_NOW_SQL``, literally:
# SQLite matches a partial index's WHERE by its terms): as a full index leading with
# status it drew SQLite's planner away from walking the queue's sort index for the
# open views (All open: 7 -> 170 ms a page at 1,000,000 tickets).
OPEN_NOW_SQL = "deleted_at IS NULL AND status NOT IN ('resolved', 'closed')"
Index("ix_tickets_rpt_open", _t.status, _t.created_at, _t.site_id, _t.team_id, _t.assignee_id,
      sqlite_where=text(OPEN_NOW_SQL), postgresql_where=text(OPEN_NOW_SQL))
Index("ix_tickets_rpt_agent_fr", _t.assignee_id, _t.first_response_business_s, _t.created_at,
      _t.deleted_at, _t.site_id, _t.team_id)

__all__ = [
    "CHANNELS",
    "COUNT_COLUMNS",
    "DURATION_EDGES",
    "HEAT_COLUMNS",
    "MONTH_COLUMNS",
    "NO_ID",
    "SLA_COLUMNS",
    "rollup_days",
    "rollup_dirty",
    "rollup_esc",
    "rollup_live",
    "rollup_months",
    "rollup_sla",
    "rollup_state",
]
