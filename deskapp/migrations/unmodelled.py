"""Database objects the models cannot describe, hidden from autogenerate comparisons.

Migration 0003 makes dialect-specific search objects: the FTS5 table and its shadow
tables on SQLite, a GIN expression index on PostgreSQL. ``include_object`` keeps them
out of ``alembic`` autogenerate and of the models-equal-migrations test.
"""

from __future__ import annotations

from typing import Any

TABLE_PREFIXES = ("tickets_fts",)
INDEXES = frozenset({"ix_tickets_search_text_fts"})


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    if type_ == "table" and name and name.startswith(TABLE_PREFIXES):
        return False
    return not (type_ == "index" and name in INDEXES)
