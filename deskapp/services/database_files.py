"""Local SQLite files: which exist, which are SQLite at all, and opening them read-only.

Only the commands that make a database (``db upgrade``, ``demo``) and the workstation's
own default database may create a file; everything else is told the file does not
exist. A file that is not SQLite is named as such (not "check the path and that you may
write there"), and read-only work opens the file with ``mode=ro`` so that looking at a
foreign or damaged file never changes it (no journal-mode switch, no -wal file).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL

from deskapp.models.database import normalize_url
from deskapp.services.errors import DeskError

SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseFileProblem(DeskError):
    default_code = "database.file"


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a SQLite URL; None for PostgreSQL, memory and ``file:`` URIs."""
    parsed = normalize_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def check_sqlite_file(url: str | URL, *, may_create: bool) -> bool:
    """Raise for a missing file (unless ``may_create``) or a file that is not SQLite.
    Whether the file exists (a PostgreSQL URL: True)."""
    path = sqlite_path(url)
    if path is None:
        return True
    if not path.exists():
        if may_create:
            return False
        raise DatabaseFileProblem(
            f"the database file {path} does not exist; create it with `deskapp db upgrade` "
            "(or `deskapp demo`), or check the path.",
            code="database.missing", path=str(path))
    if path.is_dir():
        raise DatabaseFileProblem(f"{path} is a folder, not a database file.",
                                  code="database.not_sqlite", path=str(path))
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseFileProblem(f"cannot read {path}: {exc.strerror or exc}.",
                                  code="database.unreadable", path=str(path)) from None
    if head and head != SQLITE_MAGIC:
        raise DatabaseFileProblem(
            f"{path} is not a SQLite database (so not a deskapp database); check the path.",
            code="database.not_sqlite", path=str(path))
    return True


def read_only_url(url: str | URL) -> URL:
    """The URL opening the same SQLite file read-only (``mode=ro``); others unchanged."""
    parsed = normalize_url(url)
    path = sqlite_path(parsed)
    if path is None:
        return parsed
    return parsed.set(database=f"file:{path.resolve().as_posix()}?mode=ro",
                      query={**parsed.query, "uri": "true"})
