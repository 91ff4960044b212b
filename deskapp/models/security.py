"""Login throttling: failed attempts counted per username and per workstation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from deskapp.models.base import Base, IdMixin
from deskapp.models.ticket import Ticket


class LoginThrottle(IdMixin, Base):
    """Consecutive failed logins of one username (``scope='user'``) or from one
    workstation (``scope='host'``); a successful login or an admin's unlock clears it.
    Keyed by the name typed, so unknown usernames are throttled like real ones."""

    __tablename__ = "login_throttles"
    __table_args__ = (UniqueConstraint("scope", "key"),)

    scope: Mapped[str] = mapped_column(String(8))
    key: Mapped[str] = mapped_column(String(255))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime | None] = mapped_column()
    locked_until: Mapped[datetime | None] = mapped_column()


# The queue of an agent or supervisor carries the team-boundary condition of
# services.visibility (team, assignee, id); this index lets its COUNT read only the
# index instead of every row (benchmarks/queue_visibility.py).
Index(
    "ix_tickets_q_scope",
    Ticket.status, Ticket.deleted_at, Ticket.team_id, Ticket.assignee_id, Ticket.id,
)
