"""Field checks shared by the services; messages name the field and the limit.

Every text a service stores passes :func:`text` (or :func:`line`) once, so both databases
get the same answer: a value of the wrong type, a NUL or another control character
(tab and newline are fine; a carriage return becomes a newline) or a lone surrogate is
refused with a coded ValidationFailed naming the field, before any database sees it
(PostgreSQL cannot store NUL; SQLite would store it and truncate it on display).
Identifiers (:func:`identifier`) must be UUIDs, not strings, on both databases.
"""

from __future__ import annotations

import enum
import re
import uuid
from typing import Any, TypeVar

from deskapp.services.errors import ValidationFailed
from deskapp.services.text import collapse_spaces

E = TypeVar("E", bound=enum.Enum)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# C0 controls but tab and newline, DEL, C1 controls, and lone UTF-16 surrogates (which
# no UTF-8 database can store).
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _type_name(value: object) -> str:
    return type(value).__name__


def wrong_type(value: object, field: str, expected: str) -> ValidationFailed:
    return ValidationFailed(
        f"{field} must be {expected}, not {_type_name(value)} ({str(value)[:40]!r}).",
        field, code="validation.type", expected=expected, got=_type_name(value),
    )


def plain_text(value: Any, field: str) -> str:
    """``value`` as storable text: a str (None is empty), line breaks unified, no
    control characters but tab and newline."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise wrong_type(value, field, "text")
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    bad = _FORBIDDEN.search(value)
    if bad is not None:
        char = bad.group()
        name = "NUL" if char == "\x00" else f"U+{ord(char):04X}"
        raise ValidationFailed(
            f"{field} contains a control character ({name}) at position {bad.start() + 1}; "
            "remove it (only tab and line breaks are allowed).",
            field, code="validation.control_char", char=name, position=bad.start() + 1,
        )
    return value


def text(value: str | None, field: str, max_len: int, *, required: bool = True) -> str:
    cleaned = plain_text(value, field).strip()
    if required and not cleaned:
        raise ValidationFailed(f"{field} is required.", field, code="validation.required")
    if len(cleaned) > max_len:
        raise ValidationFailed(
            f"{field} is {len(cleaned)} characters long; the limit is {max_len}.", field,
            code="validation.too_long", length=len(cleaned), limit=max_len,
        )
    return cleaned


def line(value: str | None, field: str, max_len: int, *, required: bool = True) -> str:
    """A single-line field: inner runs of white space collapse to one space."""
    return text(collapse_spaces(plain_text(value, field)), field, max_len, required=required)


def identifier(value: Any, field: str, *, required: bool = True) -> uuid.UUID | None:
    """A record id: a UUID (the same refusal on SQLite and PostgreSQL for a string)."""
    if value is None and not required:
        return None
    if not isinstance(value, uuid.UUID):
        raise wrong_type(value, field, "an id (UUID)")
    return value


def integer(value: Any, field: str, *, low: int | None = None, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise wrong_type(value, field, "a whole number")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValidationFailed(
            f"{field} {value} is not between {low} and {high}.", field,
            code="validation.range", value=value, low=low, high=high,
        )
    return value


def email(value: str | None, field: str = "Email") -> str | None:
    cleaned = text(value, field, 254, required=False)
    if not cleaned:
        return None
    if not _EMAIL.match(cleaned):
        raise ValidationFailed(f"{field} {cleaned!r} is not an email address.", field,
                               code="validation.email")
    return cleaned.lower()


def choice(value: E | str, enum_cls: type[E], field: str) -> E:
    if not isinstance(value, (str, enum.Enum)):
        raise wrong_type(value, field, "one of: " + ", ".join(str(m.value) for m in enum_cls))
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in enum_cls)
        raise ValidationFailed(
            f"{field} {value!r} is not one of: {allowed}.", field,
            code="validation.choice", allowed=allowed,
        ) from None
