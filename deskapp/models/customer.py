"""Customers and their phone numbers."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from deskapp.models.base import Base, MutableMixin
from deskapp.models.enums import Segment
from deskapp.models.types import EnumText


class Customer(MutableMixin, Base):
    __tablename__ = "customers"

    name: Mapped[str] = mapped_column(String(160))
    # Persian-normalised, case-folded name for look-ups (see services.text).
    search_name: Mapped[str] = mapped_column(String(160), index=True)
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    organisation: Mapped[str | None] = mapped_column(String(160))
    segment: Mapped[Segment] = mapped_column(EnumText(Segment), default=Segment.STANDARD)
    preferred_language: Mapped[str] = mapped_column(String(8), default="fa")
    # Shown prominently to every agent who opens the customer ("abusive on calls"...).
    warning_note: Mapped[str] = mapped_column(Text, default="")
    updated_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    # A merged-away customer is a tombstone (deleted_at set) pointing at the kept one.
    # No foreign key: a branch may receive the tombstone before the record it names.
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(default=None)

    phones: Mapped[list[CustomerPhone]] = relationship(
        back_populates="customer",
        lazy="selectin",
        cascade="all, delete-orphan",
        order_by="CustomerPhone.position",
    )


def _reversed_number(context: Any) -> str | None:
    number = context.get_current_parameters().get("number")
    return None if number is None else str(number)[::-1]


class CustomerPhone(MutableMixin, Base):
    __tablename__ = "customer_phones"

    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    # Canonical digits (see services.text.normalize_phone), indexed for caller look-up.
    number: Mapped[str] = mapped_column(String(32), index=True)
    # The number back to front, indexed: search by the last digits (services.search).
    # Set with the number (validator below; Core inserts: the column default).
    number_reversed: Mapped[str | None] = mapped_column(
        String(32), index=True, default=_reversed_number
    )
    label: Mapped[str] = mapped_column(String(32), default="mobile")
    position: Mapped[int] = mapped_column(default=0)

    customer: Mapped[Customer] = relationship(back_populates="phones")

    @validates("number")
    def _keep_reversed(self, key: str, number: str) -> str:
        self.number_reversed = None if number is None else number[::-1]
        return number
