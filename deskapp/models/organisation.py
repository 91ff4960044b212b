"""Sites, staff and teams."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, String, Table, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from deskapp.models.base import Base, MutableMixin
from deskapp.models.enums import Presence, Role
from deskapp.models.types import EnumText

team_members = Table(
    "team_members",
    Base.metadata,
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class Site(MutableMixin, Base):
    """A place that numbers its own tickets: the centre (HQ) or a branch office."""

    __tablename__ = "sites"

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    # Last ticket number handed out at this site; bumped with UPDATE ... RETURNING.
    last_ticket_number: Mapped[int] = mapped_column(Integer, default=0)
    # A branch office numbers its own tickets on its own database: the centre never
    # hands out this site's numbers while it is set (deskapp.services.sync).
    is_branch: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class User(MutableMixin, Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    role: Mapped[Role] = mapped_column(EnumText(Role))
    tier: Mapped[int] = mapped_column(Integer, default=1)
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    presence: Mapped[Presence] = mapped_column(EnumText(Presence), default=Presence.OFFLINE)
    presence_at: Mapped[datetime | None] = mapped_column(default=None)
    # Set by a password reset: the login asks for a new password before anything else.
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    last_login_at: Mapped[datetime | None] = mapped_column(default=None)
    site_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"))

    teams: Mapped[list[Team]] = relationship(
        secondary=team_members, back_populates="members", lazy="selectin"
    )
    # The workstation's last heartbeat (services.presence); written there only.
    heartbeat: Mapped[PresenceHeartbeat | None] = relationship(
        lazy="selectin", viewonly=True, uselist=False
    )


class PresenceHeartbeat(Base):
    """The last sign of life of a user's workstation, every 30 seconds. A table of its
    own, keyed by the user, so a heartbeat is not a change of the user: no version bump,
    not in the change feed (which covers tables keyed by ``id``), not synced to branches.
    A presence older than the timeout without a beat reads as Offline everywhere."""

    __tablename__ = "presence_heartbeats"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    beat_at: Mapped[datetime] = mapped_column()
    host: Mapped[str] = mapped_column(String(255), default="")


class Team(MutableMixin, Base):
    __tablename__ = "teams"

    name: Mapped[str] = mapped_column(String(80), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    # Skills the team covers ("billing", "network"...): functional escalation targets.
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Display names of the skills per language: {"billing": {"en": "Billing", "fa": "..."}}.
    skill_labels: Mapped[dict[str, dict[str, str]]] = mapped_column(JSON, default=dict)
    tier: Mapped[int] = mapped_column(Integer, default=1)
    supervisor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    # Auto-assignment of new unassigned tickets: "off", "least_loaded" or "round_robin".
    auto_assign: Mapped[str] = mapped_column(String(16), default="off")
    last_auto_assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))

    members: Mapped[list[User]] = relationship(
        secondary=team_members, back_populates="teams", lazy="selectin"
    )
    supervisor: Mapped[User | None] = relationship(foreign_keys=[supervisor_id])
