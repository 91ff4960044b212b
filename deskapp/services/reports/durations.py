"""Business durations measured once per ticket, so reports aggregate integers in SQL.

``first_response_business_s``: business time from creation to the first response;
``resolution_business_s``: from creation to the moment the resolution clock last
stopped for the resolution, minus the paused time the SLA engine recorded
(``sla_paused_seconds``). Both in the calendar of the ticket's SLA policy, or
wall-clock time when the ticket has no policy. A reopened ticket loses its
``resolved_at``; when it is resolved again, ``business_measured_for`` no longer
equals ``resolved_at`` and the resolution is measured again.

The SLA engine already records everything needed (due times, the pause sum, the
stop time in ``sla_paused_since``); only the business length of one interval per
clock is computed here, once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from deskapp.models import Ticket
from deskapp.models.ticket import UNMEASURED
from deskapp.services.business_time import WorkCalendar, business_time_between
from deskapp.services.sla import SlaEngine

_t = Ticket.__table__


def pending_condition():
    """Missing or stale figures: the predicate of the partial index
    ``ix_tickets_rpt_unmeasured`` (models.ticket), written once."""
    return UNMEASURED


_UPDATE = (
    update(_t)
    .where(_t.c.id == bindparam("w_id"))
    .values(
        first_response_business_s=bindparam("v_fr"),
        resolution_business_s=bindparam("v_res"),
        business_measured_for=bindparam("v_for"),
        fcr_strict=None,  # a new resolution: decided again after its own window
        updated_at=_t.c.updated_at,  # bookkeeping, not an edit: no onupdate stamp
    )
)


def _between(calendar: WorkCalendar | None, start: datetime, end: datetime) -> int:
    if end <= start:
        return 0
    if calendar is None:
        return round((end - start).total_seconds())
    return round(business_time_between(calendar, start, end).total_seconds())


def resolution_seconds(
    calendar: WorkCalendar | None,
    created_at: datetime,
    resolved_at: datetime,
    paused_since: datetime | None,
    paused_seconds: int,
) -> int:
    """Business seconds the resolution clock ran: it stopped at ``paused_since`` (set
    when the ticket went pending and then straight to resolved) or at resolution."""
    stop = paused_since if paused_since is not None and paused_since <= resolved_at else resolved_at
    return max(0, _between(calendar, created_at, stop) - (paused_seconds or 0))


def measure_pending(session: Session, engine: SlaEngine | None = None, batch: int = 2000) -> int:
    """Measure every ticket whose figures are missing or stale; returns how many.
    The caller commits."""
    engine = engine or SlaEngine()
    catalog = engine.catalog(session)
    calendars = {r.id: catalog.calendars.get(r.calendar_id) for r in catalog.rules}
    cols = (
        Ticket.id,
        Ticket.created_at,
        Ticket.first_response_at,
        Ticket.first_response_business_s,
        Ticket.resolved_at,
        Ticket.sla_paused_since,
        Ticket.sla_paused_seconds,
        Ticket.sla_policy_id,
        Ticket.resolution_business_s,
    )
    done = 0
    last_id = None
    while True:
        q = select(*cols).where(pending_condition()).order_by(Ticket.id).limit(batch)
        if last_id is not None:
            q = q.where(Ticket.id > last_id)
        rows = session.execute(q).all()
        if not rows:
            return done
        params = []
        for tid, created, fr_at, fr_s, res_at, p_since, p_sec, policy_id, res_s in rows:
            cal = calendars.get(policy_id) if policy_id is not None else None
            if fr_at is not None and fr_s is None:
                fr_s = _between(cal, created, fr_at)
            if res_at is not None:
                res_s = resolution_seconds(cal, created, res_at, p_since, p_sec)
            params.append({"w_id": tid, "v_fr": fr_s, "v_res": res_s, "v_for": res_at})
        session.execute(_UPDATE, params)
        done += len(rows)
        last_id = rows[-1][0]


__all__ = ["measure_pending", "resolution_seconds"]
