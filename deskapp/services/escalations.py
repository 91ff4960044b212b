"""Escalation as a record: who handed the ticket to whom, why, and when it was seen.

``apply_escalation`` is the one place that writes an escalation, used by the manual
escalate dialog and by the SLA scanner's automatic escalation on breach alike.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from deskapp.models import Assignment, Escalation, Interaction, Team, Ticket, User
from deskapp.models.enums import Direction, EscalationKind, InteractionKind, NotificationKind
from deskapp.services.errors import NotFound
from deskapp.services.notifications import notify


def apply_escalation(
    session: Session,
    ticket: Ticket,
    *,
    kind: EscalationKind,
    reason: str,
    now: datetime,
    by_user_id: uuid.UUID | None,
    by_name: str,
    note: str = "",
    to_team_id: uuid.UUID | None = None,
    to_user_id: uuid.UUID | None = None,
    to_level: int | None = None,
    automatic: bool = False,
    keep_informed: bool = False,
    is_deescalation: bool = False,
) -> Escalation:
    """Write the escalation record and move the ticket; caller checks permissions and
    commits. Hierarchical escalations raise the level by one unless told otherwise;
    a functional one keeps the level and changes the team."""
    if to_level is None:
        to_level = ticket.escalation_level + (1 if kind is EscalationKind.HIERARCHICAL else 0)
    target_team = session.get(Team, to_team_id) if to_team_id else None
    if to_team_id is not None and target_team is None:
        raise NotFound("That team does not exist (any more).")
    target_user = session.get(User, to_user_id) if to_user_id else None
    if to_user_id is not None and target_user is None:
        raise NotFound("That person does not exist (any more).")
    escalation = Escalation(
        ticket_id=ticket.id,
        kind=kind,
        from_user_id=ticket.assignee_id,
        from_team_id=ticket.team_id,
        from_level=ticket.escalation_level,
        to_user_id=to_user_id,
        to_team_id=to_team_id if to_team_id is not None else ticket.team_id,
        to_level=to_level,
        reason=reason,
        note=note,
        automatic=automatic,
        keep_informed=keep_informed,
        is_deescalation=is_deescalation,
        created_by_id=by_user_id,
        created_at=now,
    )
    session.add(escalation)
    new_team = escalation.to_team_id
    # A new team picks its own assignee unless a person was named.
    new_assignee = to_user_id if to_user_id else (None if new_team != ticket.team_id else
                                                   ticket.assignee_id)
    if (new_team, new_assignee) != (ticket.team_id, ticket.assignee_id):
        session.add(
            Assignment(
                ticket_id=ticket.id,
                from_user_id=ticket.assignee_id,
                to_user_id=new_assignee,
                from_team_id=ticket.team_id,
                to_team_id=new_team,
                by_user_id=by_user_id,
                reason=f"escalation: {reason}",
                created_at=now,
            )
        )
    ticket.team_id = new_team
    ticket.assignee_id = new_assignee
    ticket.escalation_level = to_level
    ticket.updated_by_id = by_user_id
    ticket.last_activity_at = now
    what = "De-escalated" if is_deescalation else f"Escalated ({kind.value})"
    target = target_user.display_name if target_user else (target_team.name if target_team else "")
    summary = f"{what} by {by_name}" + (f" to {target}" if target else "") + f": {reason}"
    session.add(
        Interaction(
            ticket_id=ticket.id,
            kind=InteractionKind.INTERNAL_NOTE,
            direction=Direction.INTERNAL,
            author_id=by_user_id,
            body=summary + (f"\n\n{note}" if note else ""),
            created_at=now,
        )
    )
    session.flush()
    for recipient in _receivers(session, kind, target_user, new_team):
        if recipient == by_user_id:
            continue
        notify(
            session,
            recipient,
            ticket,
            NotificationKind.ESCALATION,
            title=f"{ticket.reference} escalated to you" if not is_deescalation
            else f"{ticket.reference} returned to tier {to_level + 1}",
            body=f"{summary} — {ticket.subject}",
            dedupe_key=f"escalation:{escalation.id}:{recipient}",
            stage="automatic" if automatic else "manual",
            urgency="critical" if automatic else "normal",
        )
    return escalation


def _receivers(
    session: Session, kind: EscalationKind, user: User | None, team_id: uuid.UUID | None
) -> list[uuid.UUID]:
    if user is not None:
        return [user.id]
    team = session.get(Team, team_id) if team_id else None
    if team is None:
        return []
    if kind is EscalationKind.HIERARCHICAL:
        return [team.supervisor_id] if team.supervisor_id else []
    members = [m.id for m in team.members if m.active]
    if team.supervisor_id and team.supervisor_id not in members:
        members.append(team.supervisor_id)
    return members
