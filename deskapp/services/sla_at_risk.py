"""What is already at risk when someone logs in: the SLA clocks of their open tickets
(supervisors and up: of their teams' open tickets too) that have already reached a
warning stage or their breach.

The SLA scanner notifies the assignee at the moment a stage is reached. Whoever was not
that person then — the ticket changed hands, the stage was recorded while nobody was
logged in, the demo generator recorded it — would open an empty notification centre
over breached tickets. ``notify_at_risk`` stores, for the person logging in, one
notification per clock at its latest stage, with the scanner's own dedupe key
(``sla:<ticket>:<clock>:<stage>:<recipient>``): whichever of the two writes it first,
it exists once, so logging in again, or again after a reconnect, adds nothing.
"""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from deskapp.models import SlaStageEvent, Team, Ticket, User
from deskapp.models.enums import OPEN_STATUSES, NotificationKind, Role, SlaClock
from deskapp.models.organisation import team_members
from deskapp.services.notifications import notify
from deskapp.services.permissions import Actor
from deskapp.services.sla import BREACH_PERCENT, stage_percent
from deskapp.services.unit_of_work import UnitOfWork

SUPERVISING_ROLES = frozenset({Role.SUPERVISOR, Role.MANAGER, Role.ADMIN})
CLOCK_LABELS = {SlaClock.FIRST_RESPONSE: "first response", SlaClock.RESOLUTION: "resolution"}
MAX_CLOCKS = 500  # a summary, not an export: the longest overdue first


def _coded() -> bool:
    return "code" in inspect.signature(notify).parameters


def message(reference: str, subject: str, clock: SlaClock, percent: int,
            due_at: datetime) -> tuple[str, str]:
    """Title and body in the SLA scanner's words (the log's and the CLI's language)."""
    label = CLOCK_LABELS[clock]
    if percent >= BREACH_PERCENT:
        title = f"{reference}: {label} target breached"
    else:
        title = f"{reference}: {percent}% of the {label} time used"
    return title, f"{subject} — {label} due {due_at:%Y-%m-%d %H:%M} UTC"


@dataclass(frozen=True)
class _Stage:
    ticket_id: uuid.UUID
    reference: str
    subject: str
    assignee_id: uuid.UUID | None
    team_id: uuid.UUID | None
    clock: SlaClock
    stage: str
    percent: int
    due_at: datetime


def _latest_stages(s: Session, *where: ColumnElement[bool]) -> list[_Stage]:
    """The latest recorded stage of every running clock of the open tickets ``where``
    selects (a stage of an answered first-response clock is over)."""
    rows = s.execute(
        select(Ticket.id, Ticket.reference, Ticket.subject, Ticket.assignee_id,
               Ticket.team_id, Ticket.first_response_at,
               SlaStageEvent.clock, SlaStageEvent.stage, SlaStageEvent.due_at)
        .join(SlaStageEvent, SlaStageEvent.ticket_id == Ticket.id)
        .where(*where, Ticket.status.in_(OPEN_STATUSES), Ticket.deleted_at.is_(None))
    ).all()
    latest: dict[tuple[uuid.UUID, str], _Stage] = {}
    for tid, ref, subject, assignee, team, responded, clock, stage, due_at in rows:
        percent = stage_percent(stage)
        if percent is None or clock not in {c.value for c in SlaClock}:
            continue
        if clock == SlaClock.FIRST_RESPONSE.value and responded is not None:
            continue
        key = (tid, clock)
        if key not in latest or percent > latest[key].percent:
            latest[key] = _Stage(tid, ref, subject, assignee, team, SlaClock(clock), stage,
                                 percent, due_at)
    return sorted(latest.values(), key=lambda st: st.due_at)


def _store(s: Session, recipient: uuid.UUID, st: _Stage, coded: bool) -> bool:
    breach = st.percent >= BREACH_PERCENT
    title, body = message(st.reference, st.subject, st.clock, st.percent, st.due_at)
    extra: dict[str, object] = {}
    if coded:  # the UI words coded notifications in the reader's language
        extra = {
            "code": "sla.breach" if breach else "sla.warning",
            "params": {"reference": st.reference, "subject": st.subject,
                       "clock": st.clock.value, "percent": st.percent,
                       "due_at": st.due_at.isoformat()},
        }
    ticket = SimpleNamespace(id=st.ticket_id)  # notify() reads only the id
    return notify(
        s, recipient, ticket,  # type: ignore[arg-type]
        NotificationKind.SLA_BREACH if breach else NotificationKind.SLA_WARNING,
        title=title, body=body,
        dedupe_key=f"sla:{st.ticket_id}:{st.clock.value}:{st.stage}:{recipient}",
        stage=st.stage, urgency="critical" if breach else "normal",
        **extra,  # type: ignore[arg-type]
    )


def notify_at_risk(uow_factory: Callable[[], UnitOfWork], actor: Actor) -> int:
    """Store the missing at-risk notifications for ``actor``; returns how many are new."""
    if actor.user_id is None:
        return 0
    me = actor.user_id
    with uow_factory() as uow:
        s = uow.session
        who: ColumnElement[bool] = Ticket.assignee_id == me
        if actor.role in SUPERVISING_ROLES:
            teams = [Ticket.team_id.in_(select(Team.id).where(Team.supervisor_id == me))]
            if actor.team_ids:
                teams.append(Ticket.team_id.in_(actor.team_ids))
            who = or_(who, *teams)
        stages = _latest_stages(s, who)[:MAX_CLOCKS]
        coded = _coded()
        added = sum(_store(s, me, st, coded) for st in stages)
        uow.commit()
    return added


def notify_recorded_stages(s: Session) -> int:
    """For data written without the scanner (the demo generator): the notifications its
    recorded stages imply, to whom the scanner would have sent them (the assignee;
    when unassigned, the active members of the team). Returns how many were stored."""
    stages = _latest_stages(s, Ticket.id.is_not(None))
    members: dict[uuid.UUID, list[uuid.UUID]] = {}
    for team_id, user_id in s.execute(
        select(team_members.c.team_id, team_members.c.user_id)
        .join(User, User.id == team_members.c.user_id)
        .where(User.active.is_(True), User.deleted_at.is_(None))
    ):
        members.setdefault(team_id, []).append(user_id)
    coded = _coded()
    added = 0
    for st in stages:
        if st.assignee_id is not None:
            recipients = [st.assignee_id]
        else:
            recipients = sorted(members.get(st.team_id, [])) if st.team_id else []
        added += sum(_store(s, r, st, coded) for r in recipients)
    return added
