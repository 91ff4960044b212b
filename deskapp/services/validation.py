"""Field checks shared by the services; messages name the field and the limit."""

from __future__ import annotations

import enum
import re
from typing import TypeVar

from deskapp.services.errors import ValidationFailed
from deskapp.services.text import collapse_spaces

E = TypeVar("E", bound=enum.Enum)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def text(value: str | None, field: str, max_len: int, *, required: bool = True) -> str:
    cleaned = (value or "").strip()
    if required and not cleaned:
        raise ValidationFailed(f"{field} is required.", field)
    if len(cleaned) > max_len:
        raise ValidationFailed(
            f"{field} is {len(cleaned)} characters long; the limit is {max_len}.", field
        )
    return cleaned


def line(value: str | None, field: str, max_len: int, *, required: bool = True) -> str:
    """A single-line field: inner runs of white space collapse to one space."""
    return text(collapse_spaces(value or ""), field, max_len, required=required)


def email(value: str | None, field: str = "Email") -> str | None:
    cleaned = text(value, field, 254, required=False)
    if not cleaned:
        return None
    if not _EMAIL.match(cleaned):
        raise ValidationFailed(f"{field} {cleaned!r} is not an email address.", field)
    return cleaned.lower()


def choice(value: E | str, enum_cls: type[E], field: str) -> E:
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in enum_cls)
        raise ValidationFailed(
            f"{field} {value!r} is not one of: {allowed}.", field
        ) from None
