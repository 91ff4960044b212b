"""Column values in and out of JSON (conflict inbox, field clocks), by column type."""

from __future__ import annotations

import enum
import json
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Table

from deskapp.models import Base


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def dumps(value: Any) -> str:
    if isinstance(value, dict):
        value = {k: _plain(v) for k, v in value.items()}
    return json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, default=str)


def column(table: str | Table, name: str) -> Column:
    t = Base.metadata.tables[table] if isinstance(table, str) else table
    return t.c[name]


def to_python(col: Column, value: Any) -> Any:
    """The Python value of ``value`` (a JSON-decoded plain value) for ``col``."""
    if value is None:
        return None
    py: type | None
    type_ = getattr(col.type, "impl_instance", col.type)  # a TypeDecorator's own type
    try:
        py = type_.python_type
    except NotImplementedError:
        py = None
    if py is uuid.UUID:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    if py is datetime:
        return value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if py is Decimal:
        return Decimal(str(value))
    enum_cls = getattr(col.type, "enum_cls", None)
    if enum_cls is not None:
        return enum_cls(value)
    return value


def loads(col: Column, text: str | None) -> Any:
    return None if text is None else to_python(col, json.loads(text))


def same(a: Any, b: Any) -> bool:
    if a is b or (type(a) is type(b) and a == b):
        return True
    return _plain(a) == _plain(b)


def loads_plain(text: str) -> Any:
    return json.loads(text)
