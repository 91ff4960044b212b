"""Desk rules kept as data so managers can change them: escalation reasons and
the delegated authority of each role."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from deskapp.models.base import Base, MutableMixin


class EscalationReason(MutableMixin, Base):
    """One entry of the escalate dialog's reason list. Retired reasons stay (inactive)
    so history that names them still reads right."""

    __tablename__ = "escalation_reasons"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AuthorityLimit(MutableMixin, Base):
    """How large a goodwill credit or warranty decision a role may grant on its own.
    ``max_amount`` NULL means unlimited; a role without a row may grant nothing."""

    __tablename__ = "authority_limits"

    role: Mapped[str] = mapped_column(String(32), unique=True)
    max_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
