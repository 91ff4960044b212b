"""Moving a ticket between people and teams: the one writer of assignment history.

``record_move`` writes the Assignment row, the audit entry, the timeline note and the
notifications; permission checks live with the callers (``tickets.move_ticket`` for
people, auto-assignment for the system). Optimistic-locking helpers sit here too so
every service reports a stale ticket the same way: "changed by X at T".
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from deskapp.models import Assignment, Team, Ticket, User
from deskapp.models.enums import NotificationKind
from deskapp.services import audit, timeline_notes, validation
from deskapp.services.errors import NotFound, StaleUpdate
from deskapp.services.notifications import notify
from deskapp.services.permissions import Actor
from deskapp.services.staff import user_names
from deskapp.services.watchers import notify_informed


def load_ticket(s: Session, ticket_id: uuid.UUID) -> Ticket:
    validation.identifier(ticket_id, "ticket_id")
    t = s.get(Ticket, ticket_id)
    if t is None or t.deleted_at is not None:
        raise NotFound("That ticket does not exist (any more).", code="ticket.not_found")
    return t


def check_version(s: Session, t: Ticket, expected_version: int) -> None:
    validation.integer(expected_version, "expected_version")
    if t.version != expected_version:
        raise stale_error(s, t)


def stale(s: Session, ticket_id: uuid.UUID) -> StaleUpdate:
    """The error for a flush that found the row changed: re-read who changed it."""
    t = s.get(Ticket, ticket_id, populate_existing=True)
    if t is None:
        return StaleUpdate("The ticket", None, None, -1)
    return stale_error(s, t)


@contextmanager
def stale_guard(s: Session, ticket_id: uuid.UUID) -> Iterator[None]:
    """Turn a lost optimistic-locking race (the UPDATE ... WHERE version = n found no
    row, at any flush, autoflush included) into a StaleUpdate naming who won."""
    try:
        yield
    except StaleDataError:
        s.rollback()
        raise stale(s, ticket_id) from None


def stale_error(s: Session, t: Ticket) -> StaleUpdate:
    who = user_names(s, [t.updated_by_id]).get(t.updated_by_id) if t.updated_by_id else None
    return StaleUpdate(f"Ticket {t.reference}", who, t.updated_at, t.version)


def active_user(s: Session, user_id: uuid.UUID) -> User:
    user = s.get(User, user_id)
    if user is None or not user.active or user.deleted_at is not None:
        raise NotFound("That agent does not exist or is disabled.", code="user.not_found")
    return user


def existing_team(s: Session, team_id: uuid.UUID) -> Team:
    team = s.get(Team, team_id)
    if team is None or team.deleted_at is not None:
        raise NotFound("That team does not exist (any more).", code="team.not_found")
    return team


def record_move(
    s: Session,
    actor: Actor,
    t: Ticket,
    assignee_id: uuid.UUID | None,
    team_id: uuid.UUID | None,
    *,
    reason: str,
    now: datetime,
    audit_action: str = "ticket.assigned",
    timeline: bool = True,
) -> bool:
    """Give ``t`` to ``assignee_id`` in ``team_id``; False (and nothing written) when it
    is already there. The caller has checked permissions and the expected version."""
    if assignee_id == t.assignee_id and team_id == t.team_id:
        return False
    names = user_names(s, [t.assignee_id, assignee_id])
    team_names = {tm.id: tm.name for tm in (s.get(Team, i) for i in (t.team_id, team_id) if i)
                  if tm is not None}
    s.add(
        Assignment(
            ticket_id=t.id,
            from_user_id=t.assignee_id,
            to_user_id=assignee_id,
            from_team_id=t.team_id,
            to_team_id=team_id,
            by_user_id=actor.user_id,
            reason=reason,
            created_at=now,
        )
    )
    audit.record(
        s, actor, audit_action, "ticket", t.id,
        reference=t.reference,
        from_user=t.assignee_id, to_user=assignee_id,
        from_team=t.team_id, to_team=team_id, reason=reason,
    )
    target = names.get(assignee_id) if assignee_id else None
    where = team_names.get(team_id) if team_id else None
    to_text = target or (f"the {where} pool" if where else "the shared pool")
    if target and where and team_id != t.team_id:
        to_text = f"{target} ({where})"
    if timeline:
        s.add(timeline_notes.system_note(
            t.id, actor.user_id, now, timeline_notes.REASSIGNED,
            f"Reassigned by {actor.display_name} to {to_text}" + (f": {reason}" if reason else "."),
            by=actor.display_name, to_user=target or "", to_team=where or "",
            team_changed=bool(target and where and team_id != t.team_id), reason=reason or ""))
    t.assignee_id = assignee_id
    t.team_id = team_id
    t.updated_by_id = actor.user_id
    t.last_activity_at = now
    if assignee_id is not None and assignee_id != actor.user_id:
        notify(
            s, assignee_id, t, NotificationKind.ASSIGNMENT,
            title=f"{t.reference} assigned to you",
            body=f"{actor.display_name}: {t.subject}" + (f" — {reason}" if reason else ""),
            dedupe_key=f"assign:{t.id}:{t.version + 1}",
        )
    notify_informed(
        s, t,
        title=f"{t.reference} moved to {to_text}",
        body=f"{actor.display_name}: {t.subject}" + (f" — {reason}" if reason else ""),
        event=f"assign:{t.version + 1}",
        exclude={actor.user_id, assignee_id},
    )
    return True
