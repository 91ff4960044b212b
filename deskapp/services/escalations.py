"""Escalation as a record: who handed the ticket to whom, why, and when it was seen.

``apply_escalation`` is the one place that writes an escalation, used by the manual
escalate dialog and by the SLA scanner's automatic escalation on breach alike.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from deskapp.models import (
    Assignment,
    AuditEntry,
    Escalation,
    EscalationReason,
    Team,
    Ticket,
    User,
    utcnow,
)
from deskapp.models.enums import (
    OPEN_STATUSES,
    EscalationKind,
    NotificationKind,
    Role,
)
from deskapp.services import audit, timeline_notes, validation, visibility
from deskapp.services.auto_assign import auto_assign, available_agents
from deskapp.services.dto import TicketSummary
from deskapp.services.errors import (
    AlreadyExists,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    StaleUpdate,
    ValidationFailed,
)
from deskapp.services.notifications import notify
from deskapp.services.permissions import ROLE_PERMISSIONS, Actor, Permission
from deskapp.services.staff import user_names
from deskapp.services.ticket_moves import (
    active_user,
    check_version,
    existing_team,
    load_ticket,
    stale_guard,
)
from deskapp.services.ticket_queries import ticket_summaries
from deskapp.services.unit_of_work import UnitOfWork, UnitOfWorkFactory
from deskapp.services.watchers import notify_informed


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
    auto_assign_team: bool = True,
    code: str = "",
    params: dict[str, Any] | None = None,
) -> Escalation:
    """Write the escalation record and move the ticket; caller checks permissions and
    commits. Hierarchical escalations raise the level by one unless told otherwise;
    a functional one keeps the level and changes the team.

    Also written here, so manual and automatic escalations leave the same trail: an
    audit entry, notifications to whoever asked to be kept informed, and (unless
    ``auto_assign_team`` is False) auto-assignment when the ticket lands unassigned
    in a team whose switch is on."""
    if to_level is None:
        to_level = ticket.escalation_level + (1 if kind is EscalationKind.HIERARCHICAL else 0)
    target_team = session.get(Team, to_team_id) if to_team_id else None
    if to_team_id is not None and target_team is None:
        raise NotFound("That team does not exist (any more).", code="team.not_found")
    target_user = session.get(User, to_user_id) if to_user_id else None
    if to_user_id is not None and target_user is None:
        raise NotFound("That person does not exist (any more).", code="user.not_found")
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
        code=code,
        params=dict(params or {}),
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
    worded: dict[str, Any] = {"by": by_name, "target": target, "reason": reason, "note": note}
    if code:  # an automatic escalation's reason, worded like its record
        worded |= {"reason_code": code, "reason_params": dict(params or {})}
    if not is_deescalation:
        worded["kind"] = kind.value
    session.add(timeline_notes.system_note(
        ticket.id, by_user_id, now,
        timeline_notes.DEESCALATED if is_deescalation else timeline_notes.ESCALATED,
        summary + (f"\n\n{note}" if note else ""), **worded))
    session.add(
        AuditEntry(
            actor_id=by_user_id,
            action="ticket.deescalated" if is_deescalation else "ticket.escalated",
            entity="ticket",
            entity_id=ticket.id,
            details={
                "reference": ticket.reference, "kind": kind.value, "reason": reason,
                "automatic": automatic,
                "from_team": str(escalation.from_team_id) if escalation.from_team_id else None,
                "to_team": str(new_team) if new_team else None,
                "to_user": str(to_user_id) if to_user_id else None,
                "from_level": escalation.from_level, "to_level": to_level,
            },
        )
    )
    session.flush()
    notify_informed(
        session, ticket,
        title=f"{ticket.reference}: {what.lower()}" + (f" to {target}" if target else ""),
        body=f"{summary} — {ticket.subject}",
        event=f"escalation:{escalation.id}",
        exclude={by_user_id, to_user_id},
    )
    if auto_assign_team and new_assignee is None:
        auto_assign(session, ticket, now)
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
            code="escalation.returned" if is_deescalation else "escalation.to_you",
            params={"reference": ticket.reference, "subject": ticket.subject,
                    "tier": to_level + 1, "by": by_name, "reason": reason},
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


# ---------------------------------------------------------------------------
# The escalation service: what the escalate dialog, the ticket view's escalation
# history and the queue's "escalated to you, not yet acknowledged" marker use.
# ---------------------------------------------------------------------------

# The reasons a desk starts with (the same rows migration 0002 seeds). Used when the
# escalation_reasons table is empty: a desk that never configured its list still works.
DEFAULT_REASONS: tuple[tuple[str, str], ...] = (
    ("customer_insists", "Customer insists"),
    ("beyond_authority", "Beyond my authority"),
    ("needs_specialist", "Needs specialist skill"),
    ("sla_at_risk", "SLA at risk"),
    ("sla_breached", "SLA breached"),
    ("other", "Other (see note)"),
)

MAX_NOTE = 4000
_CODE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class EscalationReasonInfo:
    id: uuid.UUID | None  # None: a built-in default (the table is empty)
    code: str
    label: str
    position: int
    active: bool
    version: int


@dataclass(frozen=True)
class TeamTarget:
    """A team a ticket can be handed to (functional escalation)."""

    id: uuid.UUID
    name: str
    skills: tuple[str, ...]
    tier: int
    open_load: int  # open tickets of the team now
    available_agents: int
    supervisor_name: str | None
    is_current: bool  # the ticket's own team
    # Display names of the skills by language ({skill: {"en": ..., "fa": ...}}) and how
    # many members take work at all, so "0 available" can say "nobody available now".
    skill_labels: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)
    members: int = 0


@dataclass(frozen=True)
class HierarchicalTarget:
    """Up the hierarchy: the team's supervisor, or a team of a higher tier."""

    kind: str  # "supervisor" or "tier"
    label: str
    user_id: uuid.UUID | None
    team_id: uuid.UUID | None
    to_level: int


@dataclass(frozen=True)
class EscalationInfo:
    id: uuid.UUID
    ticket_id: uuid.UUID
    ticket_reference: str
    ticket_subject: str
    kind: EscalationKind
    from_user_name: str | None
    from_team_name: str | None
    from_level: int
    to_user_id: uuid.UUID | None
    to_user_name: str | None
    to_team_id: uuid.UUID | None
    to_team_name: str | None
    to_level: int
    reason: str
    note: str
    automatic: bool
    keep_informed: bool
    is_deescalation: bool
    created_by_name: str | None
    created_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by_name: str | None
    may_acknowledge: bool  # the asking actor may acknowledge it now
    # An automatic escalation's note as a code and parameters (the UI words it).
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class EscalationOutcome:
    escalation: EscalationInfo
    ticket: TicketSummary


class EscalationService:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._uow = uow_factory
        self._now = clock

    # -- the reason list (data; managers edit it) ---------------------------
    def reasons(self, *, include_inactive: bool = False) -> list[EscalationReasonInfo]:
        with self._uow() as uow:
            return _reasons(uow.session, include_inactive)

    def add_reason(self, actor: Actor, label: str, *, code: str | None = None
                   ) -> EscalationReasonInfo:
        _require_manager(actor, "edit the escalation reasons")
        label = validation.line(label, "Reason", 80)
        code = _CODE.sub("_", (code or label).strip().lower()).strip("_")[:40]
        if not code:
            raise ValidationFailed("The reason needs a code of letters or digits.", "code",
                                   code="escalation.reason_code")
        with self._uow() as uow:
            s = uow.session
            if s.scalar(select(EscalationReason.id).where(EscalationReason.code == code)):
                raise AlreadyExists(f"A reason with code {code!r} already exists.",
                                    code="escalation.reason_exists", reason=code)
            position = (s.scalar(select(func.max(EscalationReason.position))) or 0) + 1
            row = EscalationReason(code=code, label=label, position=position, active=True)
            s.add(row)
            s.flush()
            audit.record(s, actor, "escalation_reason.created", "escalation_reason", row.id,
                         code=code, label=label)
            info = _reason_info(row)
            uow.commit()
            return info

    def update_reason(
        self,
        actor: Actor,
        reason_id: uuid.UUID,
        expected_version: int,
        *,
        label: str | None = None,
        active: bool | None = None,
        position: int | None = None,
    ) -> EscalationReasonInfo:
        _require_manager(actor, "edit the escalation reasons")
        with self._uow() as uow:
            s = uow.session
            row = s.get(EscalationReason, reason_id)
            if row is None:
                raise NotFound("That escalation reason does not exist (any more).",
                               code="escalation.reason_not_found")
            if row.version != expected_version:
                raise StaleUpdate(f"Reason {row.label!r}", None, row.updated_at, row.version)
            if label is not None:
                row.label = validation.line(label, "Reason", 80)
            if active is not None:
                row.active = bool(active)
            if position is not None:
                row.position = int(position)
            audit.record(s, actor, "escalation_reason.updated", "escalation_reason", row.id,
                         label=row.label, active=row.active, position=row.position)
            try:
                s.flush()
            except StaleDataError:
                raise StaleUpdate(f"Reason {row.label!r}", None, None, -1) from None
            info = _reason_info(row)
            uow.commit()
            return info

    # -- where a ticket can go ---------------------------------------------
    def functional_targets(
        self, actor: Actor, ticket_id: uuid.UUID | None = None, *, skill: str = ""
    ) -> list[TeamTarget]:
        """Teams with their skills and open load; ``skill`` filters (substring, any case).
        Sorted: skill matches first, then by load."""
        actor.require(Permission.WORK_TICKETS)
        wanted = skill.strip().casefold()
        with self._uow() as uow:
            s = uow.session
            current = load_ticket(s, ticket_id).team_id if ticket_id else None
            teams = list(s.scalars(select(Team).where(Team.deleted_at.is_(None))))
            loads = dict(
                s.execute(
                    select(Ticket.team_id, func.count())
                    .where(Ticket.status.in_(OPEN_STATUSES), Ticket.deleted_at.is_(None),
                           Ticket.team_id.is_not(None))
                    .group_by(Ticket.team_id)
                ).all()
            )
            out = []
            for team in teams:
                if wanted and not any(wanted in k.casefold() for k in team.skills) \
                        and wanted not in team.name.casefold():
                    continue
                out.append(
                    TeamTarget(
                        id=team.id,
                        name=team.name,
                        skills=tuple(team.skills),
                        tier=team.tier,
                        open_load=loads.get(team.id, 0),
                        available_agents=len(available_agents(s, team)),
                        supervisor_name=team.supervisor.display_name if team.supervisor else None,
                        is_current=team.id == current,
                        skill_labels=dict(team.skill_labels or {}),
                        members=sum(1 for m in team.members
                                    if m.active and m.deleted_at is None),
                    )
                )
            out.sort(key=lambda t: (t.is_current, t.open_load, t.name.casefold()))
            return out

    def hierarchical_targets(self, actor: Actor, ticket_id: uuid.UUID) -> list[HierarchicalTarget]:
        """The ticket team's supervisor (if that is not the actor) and the teams of the
        next tier up."""
        actor.require(Permission.WORK_TICKETS)
        with self._uow() as uow:
            s = uow.session
            t = load_ticket(s, ticket_id)
            team = s.get(Team, t.team_id) if t.team_id else None
            level = t.escalation_level + 1
            out: list[HierarchicalTarget] = []
            supervisors: list[tuple[User, Team]] = []
            if team is not None and team.supervisor is not None:
                supervisors.append((team.supervisor, team))
            elif team is None:
                for tid in sorted(actor.team_ids):
                    own = s.get(Team, tid)
                    if own is not None and own.supervisor is not None:
                        supervisors.append((own.supervisor, own))
            seen: set[uuid.UUID] = set()
            for sup, sup_team in supervisors:
                if sup.id == actor.user_id or sup.id in seen or not sup.active:
                    continue
                seen.add(sup.id)
                out.append(HierarchicalTarget(
                    "supervisor", f"{sup.display_name} (supervisor, {sup_team.name})",
                    sup.id, t.team_id, level))
            tier = team.tier if team is not None else 1
            higher = list(s.scalars(
                select(Team).where(Team.deleted_at.is_(None), Team.tier > tier)
                .order_by(Team.tier, Team.name)
            ))
            if higher:
                next_tier = higher[0].tier
                for h in higher:
                    if h.tier == next_tier:
                        out.append(HierarchicalTarget(
                            "tier", f"{h.name} (tier {h.tier})", None, h.id, level))
            return out

    # -- escalating ---------------------------------------------------------
    def escalate_functional(
        self,
        actor: Actor,
        ticket_id: uuid.UUID,
        expected_version: int,
        *,
        to_team_id: uuid.UUID,
        reason: str,
        note: str,
        keep_informed: bool = False,
    ) -> EscalationOutcome:
        """Hand the ticket to another team that has the skill; the level stays."""
        note = validation.text(note, "Note", MAX_NOTE)

        def target(s: Session, t: Ticket) -> dict:
            if to_team_id == t.team_id:
                raise ValidationFailed(
                    f"{t.reference} is already with that team; choose another team.", "team",
                    code="escalation.same_team", reference=t.reference)
            existing_team(s, to_team_id)
            return {"to_team_id": to_team_id}

        return self._escalate(actor, ticket_id, expected_version, EscalationKind.FUNCTIONAL,
                              reason, note, keep_informed, target)

    def escalate_hierarchical(
        self,
        actor: Actor,
        ticket_id: uuid.UUID,
        expected_version: int,
        *,
        reason: str,
        note: str,
        to_user_id: uuid.UUID | None = None,
        to_team_id: uuid.UUID | None = None,
        keep_informed: bool = False,
    ) -> EscalationOutcome:
        """Hand the ticket up: to a supervisor (``to_user_id``) or to a team of a higher
        tier (``to_team_id``). Raises the escalation level by one."""
        note = validation.text(note, "Note", MAX_NOTE)
        if (to_user_id is None) == (to_team_id is None):
            raise ValidationFailed(
                "Choose a supervisor or a higher-tier team to escalate to.", "target",
                code="escalation.target_required")

        def target(s: Session, t: Ticket) -> dict:
            if to_user_id is not None:
                if to_user_id == actor.user_id:
                    raise ValidationFailed("You cannot escalate a ticket to yourself.", "target",
                                           code="escalation.to_self")
                user = active_user(s, to_user_id)
                if Permission.TAKE_HIERARCHICAL not in ROLE_PERMISSIONS[user.role]:
                    raise ValidationFailed(
                        f"{user.display_name} is {_a(user.role.value)}; hierarchical "
                        "escalations go to a supervisor or a manager.", "target",
                        code="escalation.target_role", name=user.display_name,
                        role=user.role.value)
                return {"to_user_id": to_user_id, "to_team_id": t.team_id}
            assert to_team_id is not None
            team = existing_team(s, to_team_id)
            current = s.get(Team, t.team_id) if t.team_id else None
            tier = current.tier if current is not None else 1
            if team.tier <= tier:
                raise ValidationFailed(
                    f"{team.name} is tier {team.tier}; escalating up needs a team above tier "
                    f"{tier}. To hand the ticket to a team at the same tier, escalate "
                    "functionally.", "target", code="escalation.target_tier", team=team.name,
                    tier=team.tier, needed=tier)
            return {"to_team_id": to_team_id}

        return self._escalate(actor, ticket_id, expected_version, EscalationKind.HIERARCHICAL,
                              reason, note, keep_informed, target)

    def deescalate(
        self, actor: Actor, ticket_id: uuid.UUID, expected_version: int, *, note: str
    ) -> EscalationOutcome:
        """Return the ticket to tier 1: to the team (and, if still active, the agent)
        it was escalated from, at level 0."""
        note = validation.text(note, "Note", MAX_NOTE)
        with self._uow() as uow:
            s = uow.session
            t = load_ticket(s, ticket_id)
            actor.require(Permission.WORK_TICKETS)
            actor.require_ticket(t.reference, t.assignee_id, t.team_id)
            check_version(s, t, expected_version)
            origin = _origin(s, t.id)
            if origin is None or (t.escalation_level == 0 and t.team_id == origin.from_team_id):
                raise InvalidTransition(f"{t.reference} is not escalated; nothing to return.",
                                        code="escalation.not_escalated", reference=t.reference)
            back_to = origin.from_user_id
            if back_to is not None:
                user = s.get(User, back_to)
                if user is None or not user.active or user.deleted_at is not None:
                    back_to = None
            now = self._now()
            with stale_guard(s, t.id):
                esc = apply_escalation(
                    s, t, kind=origin.kind, reason="Returned to tier 1", now=now,
                    by_user_id=actor.user_id, by_name=actor.display_name, note=note,
                    to_team_id=origin.from_team_id, to_user_id=back_to, to_level=0,
                    is_deescalation=True,
                )
                return self._commit_outcome(uow, actor, t, esc)

    def _escalate(
        self,
        actor: Actor,
        ticket_id: uuid.UUID,
        expected_version: int,
        kind: EscalationKind,
        reason: str,
        note: str,
        keep_informed: bool,
        target: Callable[[Session, Ticket], dict],
    ) -> EscalationOutcome:
        actor.require(Permission.WORK_TICKETS)
        with self._uow() as uow:
            s = uow.session
            t = load_ticket(s, ticket_id)
            actor.require_ticket(t.reference, t.assignee_id, t.team_id)
            check_version(s, t, expected_version)
            if not t.status.is_open:
                raise InvalidTransition(
                    f"{t.reference} is {t.status.value}; reopen it before escalating.",
                    code="escalation.ticket_closed", reference=t.reference,
                    status=t.status.value)
            label = _reason_label(s, reason)
            where = target(s, t)
            with stale_guard(s, t.id):
                esc = apply_escalation(
                    s, t, kind=kind, reason=label, now=self._now(),
                    by_user_id=actor.user_id, by_name=actor.display_name, note=note,
                    keep_informed=bool(keep_informed), **where,
                )
                return self._commit_outcome(uow, actor, t, esc)

    def _commit_outcome(self, uow: UnitOfWork, actor: Actor, t: Ticket, esc: Escalation
                        ) -> EscalationOutcome:
        s = uow.session
        with stale_guard(s, t.id):
            s.flush()
            info = _infos(s, actor, [esc])[0]
            (summary,) = ticket_summaries(s, select(Ticket).where(Ticket.id == t.id))
            uow.commit()
        return EscalationOutcome(info, summary)

    # -- acknowledging ------------------------------------------------------
    def acknowledge(self, actor: Actor, escalation_id: uuid.UUID) -> EscalationInfo:
        """The receiver (or their supervisor) confirms they have seen the escalation."""
        with self._uow() as uow:
            s = uow.session
            esc = s.get(Escalation, escalation_id)
            if esc is None:
                raise NotFound("That escalation does not exist.",
                               code="escalation.not_found")
            t = load_ticket(s, esc.ticket_id)
            if not may_acknowledge(s, actor, esc, done_too=True):
                raise PermissionDenied(
                    f"Only the receiver of the escalation of {t.reference} or their "
                    f"supervisor may acknowledge it, not {actor.display_name}.",
                    code="escalation.acknowledge_denied", reference=t.reference)
            now = self._now()
            # Conditional update: two receivers clicking at once, one wins cleanly.
            done = s.execute(
                update(Escalation)
                .where(Escalation.id == esc.id, Escalation.acknowledged_at.is_(None))
                .values(acknowledged_at=now, acknowledged_by_id=actor.user_id)
            ).rowcount
            s.refresh(esc)
            if done == 0:
                who = user_names(s, [esc.acknowledged_by_id]).get(esc.acknowledged_by_id)
                when = f" at {esc.acknowledged_at:%Y-%m-%d %H:%M} UTC" if esc.acknowledged_at \
                    else ""
                raise InvalidTransition(
                    f"The escalation of {t.reference} was already acknowledged by "
                    f"{who or 'someone'}{when}.",
                    code="escalation.already_acknowledged", reference=t.reference,
                    by=who or "")
            audit.record(s, actor, "escalation.acknowledged", "ticket", t.id,
                         reference=t.reference, escalation=esc.id)
            notify_informed(
                s, t, title=f"{t.reference}: escalation acknowledged by {actor.display_name}",
                body=t.subject, event=f"ack:{esc.id}", exclude={actor.user_id})
            info = _infos(s, actor, [esc])[0]
            uow.commit()
            return info

    def unacknowledged(self, actor: Actor) -> list[EscalationInfo]:
        """Open tickets whose latest escalation went to the actor (or their team, or a
        team they supervise) and that nobody acknowledged yet, oldest first."""
        with self._uow() as uow:
            s = uow.session
            return _infos(s, actor, _unacknowledged(s, actor))

    def unacknowledged_ticket_ids(self, actor: Actor) -> frozenset[uuid.UUID]:
        """For the queue: the ids of tickets to mark "escalated to you, not acknowledged"."""
        with self._uow() as uow:
            return frozenset(e.ticket_id for e in _unacknowledged(uow.session, actor))

    # -- history ------------------------------------------------------------
    def history(self, actor: Actor, ticket_id: uuid.UUID) -> list[EscalationInfo]:
        actor.require(Permission.VIEW_CUSTOMERS)
        with self._uow() as uow:
            s = uow.session
            # Someone serving the customer reads no internal records, except the
            # escalations they made themselves (and so the ticket's escalation trail).
            if not visibility.internal_records_visible(s, actor, load_ticket(s, ticket_id)) \
                    and not s.scalar(select(Escalation.id).where(
                        Escalation.ticket_id == ticket_id,
                        Escalation.created_by_id == actor.user_id).limit(1)):
                return []
            rows = list(s.scalars(
                select(Escalation).where(Escalation.ticket_id == ticket_id)
                .order_by(Escalation.created_at, Escalation.id)
            ))
            return _infos(s, actor, rows)


# -- helpers ----------------------------------------------------------------
def _require_manager(actor: Actor, what: str) -> None:
    if not actor.can(Permission.MANAGE_SLA):
        raise PermissionDenied(
            f"{actor.display_name} ({actor.role.value}) may not {what}; ask a manager.",
            code="permission.denied", action="edit_escalation_reasons", role=actor.role.value)


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def _reason_info(r: EscalationReason) -> EscalationReasonInfo:
    return EscalationReasonInfo(r.id, r.code, r.label, r.position, r.active, r.version)


def _reasons(s: Session, include_inactive: bool) -> list[EscalationReasonInfo]:
    q = select(EscalationReason).where(EscalationReason.deleted_at.is_(None))
    rows = list(s.scalars(q.order_by(EscalationReason.position, EscalationReason.label)))
    if not rows:
        return [EscalationReasonInfo(None, c, label, n, True, 0)
                for n, (c, label) in enumerate(DEFAULT_REASONS)]
    return [_reason_info(r) for r in rows if include_inactive or r.active]


def _reason_label(s: Session, reason: str) -> str:
    """The label to record for a reason given by code (or by its label)."""
    wanted = (reason or "").strip()
    if not wanted:
        raise ValidationFailed("Choose a reason for the escalation.", "reason",
                               code="escalation.reason_required")
    for r in _reasons(s, include_inactive=False):
        if wanted in (r.code, r.label):
            return r.label
    raise ValidationFailed(
        f"{wanted!r} is not one of the desk's escalation reasons; choose one from the list.",
        "reason", code="escalation.reason_unknown", reason=wanted)


def _origin(s: Session, ticket_id: uuid.UUID) -> Escalation | None:
    """The first escalation since the ticket last came back to tier 1."""
    rows = list(s.scalars(
        select(Escalation).where(Escalation.ticket_id == ticket_id)
        .order_by(Escalation.created_at, Escalation.id)
    ))
    origin = None
    for e in rows:
        if e.is_deescalation:
            origin = None
        elif origin is None:
            origin = e
    return origin


def _receiver_ids(s: Session, esc: Escalation) -> set[uuid.UUID]:
    if esc.to_user_id is not None:
        return {esc.to_user_id}
    team = s.get(Team, esc.to_team_id) if esc.to_team_id else None
    if team is None:
        return set()
    ids = {m.id for m in team.members if m.active}
    if team.supervisor_id:
        ids.add(team.supervisor_id)
    return ids


def may_acknowledge(s: Session, actor: Actor, esc: Escalation, *, done_too: bool = False) -> bool:
    """The receiver, or a supervisor of the receiver's team; managers always.
    ``done_too``: answer for an escalation already acknowledged as well."""
    if (esc.acknowledged_at is not None and not done_too) or esc.is_deescalation \
            or actor.user_id is None:
        return False
    if actor.role is Role.MANAGER:
        return True
    if actor.user_id in _receiver_ids(s, esc):
        return True
    if not actor.can(Permission.TAKE_HIERARCHICAL):
        return False
    team_ids = {esc.to_team_id} if esc.to_team_id else set()
    if esc.to_user_id is not None:
        user = s.get(User, esc.to_user_id)
        if user is not None:
            team_ids |= {t.id for t in user.teams}
    return any(
        (team := s.get(Team, tid)) is not None and team.supervisor_id == actor.user_id
        for tid in team_ids
    )


# Built once: the first use of an alias's columns adapts them (about 10 ms for the two),
# and the queue builds this condition for every page it reads (issue 16).
_LATER = aliased(Escalation, name="later_escalation")
_TO_ME = aliased(Escalation, name="escalation_to_me")


def _awaiting(actor: Actor, esc: type[Escalation] | Any) -> ColumnElement[bool]:
    """Conditions on ``esc`` (the Escalation entity or an alias): the latest escalation of
    its ticket, unacknowledged, not a return to tier 1, and sent to the actor, to a team
    of theirs, or to a team they supervise."""
    later = _LATER
    supervised = select(Team.id).where(Team.supervisor_id == actor.user_id)
    teams = list(actor.team_ids) or [uuid.UUID(int=0)]
    return and_(
        esc.acknowledged_at.is_(None),
        esc.is_deescalation.is_(False),
        or_(
            esc.to_user_id == actor.user_id,
            and_(esc.to_user_id.is_(None),
                 or_(esc.to_team_id.in_(teams), esc.to_team_id.in_(supervised))),
        ),
        ~exists().where(
            later.ticket_id == esc.ticket_id,
            or_(later.created_at > esc.created_at,
                and_(later.created_at == esc.created_at, later.id > esc.id)),
        ),
    )


def awaiting_acknowledgement(actor: Actor) -> ColumnElement[bool]:
    """For the queue, as a column of a ``select(... Ticket ...)``: True when the ticket
    was escalated to ``actor`` (in person, to their team, or to a team they supervise)
    and nobody acknowledged it yet. Correlated on ``Ticket.id``::

        select(Ticket.id, awaiting_acknowledgement(actor).label("escalated_to_me"))
    """
    if actor.user_id is None:
        return false()
    esc = _TO_ME
    return exists().where(esc.ticket_id == Ticket.id, _awaiting(actor, esc))


def _unacknowledged(s: Session, actor: Actor) -> list[Escalation]:
    if actor.user_id is None:
        return []
    q = (
        select(Escalation)
        .join(Ticket, Ticket.id == Escalation.ticket_id)
        .where(
            Ticket.status.in_(OPEN_STATUSES),
            Ticket.deleted_at.is_(None),
            _awaiting(actor, Escalation),
        )
        .order_by(Escalation.created_at, Escalation.id)
    )
    return list(s.scalars(q))


def _infos(s: Session, actor: Actor, rows: list[Escalation]) -> list[EscalationInfo]:
    if not rows:
        return []
    names = user_names(s, [i for e in rows for i in (
        e.from_user_id, e.to_user_id, e.created_by_id, e.acknowledged_by_id)])
    team_ids = {i for e in rows for i in (e.from_team_id, e.to_team_id) if i}
    teams = dict(s.execute(select(Team.id, Team.name).where(Team.id.in_(team_ids))).all()) \
        if team_ids else {}
    tickets = {r.id: r for r in s.execute(
        select(Ticket.id, Ticket.reference, Ticket.subject)
        .where(Ticket.id.in_({e.ticket_id for e in rows})))}
    return [
        EscalationInfo(
            id=e.id,
            ticket_id=e.ticket_id,
            ticket_reference=tickets[e.ticket_id].reference,
            ticket_subject=tickets[e.ticket_id].subject,
            kind=e.kind,
            from_user_name=names.get(e.from_user_id) if e.from_user_id else None,
            from_team_name=teams.get(e.from_team_id) if e.from_team_id else None,
            from_level=e.from_level,
            to_user_id=e.to_user_id,
            to_user_name=names.get(e.to_user_id) if e.to_user_id else None,
            to_team_id=e.to_team_id,
            to_team_name=teams.get(e.to_team_id) if e.to_team_id else None,
            to_level=e.to_level,
            reason=e.reason,
            note=e.note,
            automatic=e.automatic,
            keep_informed=e.keep_informed,
            is_deescalation=e.is_deescalation,
            created_by_name=names.get(e.created_by_id) if e.created_by_id else None,
            created_at=e.created_at,
            acknowledged_at=e.acknowledged_at,
            acknowledged_by_name=names.get(e.acknowledged_by_id) if e.acknowledged_by_id
            else None,
            may_acknowledge=may_acknowledge(s, actor, e),
            code=e.code or "",
            params=dict(e.params or {}),
        )
        for e in rows
    ]
