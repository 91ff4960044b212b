"""Setting up a branch office from the workstation: what the branch set-up dialog
(deskapp.ui.dialogs.branch_setup_dialog) runs in the background, with every failure a
coded DeskError the UI words in the reader's language.

    sites = centre_sites(url)                   # the centre's sites, which are branches
    report = make_branch(url, target, "TBZ", central_profile="hq", cancelled=flag.is_set)
    name = activate_branch_profile("TBZ", report.path)   # the workstation's next start

The copy itself is ``clone.clone_branch`` (also behind `deskapp branch init`). A
connection the centre refuses or loses becomes ``CentreConnectionError`` with the code
``connection.<problem>`` (connection_check.Problem: auth_failed, password_required,
refused, connection_dropped...). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError

from deskapp.config import Profile, data_dir, load_profiles, save_profiles
from deskapp.models import Site
from deskapp.models.database import make_engine, normalize_url
from deskapp.services.connection_check import Problem, classify_error, describe_problem
from deskapp.services.errors import DeskError
from deskapp.services.sync.clone import CloneReport, Progress, clone_branch


class CentreConnectionError(DeskError):
    """The centre refused the connection or lost it; ``code`` names the problem."""

    default_code = "connection"


@dataclass(frozen=True)
class CentreSite:
    code: str
    name: str
    is_branch: bool  # already a branch: its database is somewhere else


def default_branch_path(site_code: str) -> Path:
    """Where a branch database goes unless chosen: beside the local database, in this
    computer's data directory."""
    return data_dir() / f"branch-{site_code.strip().lower()}.sqlite3"


def centre_error(exc: BaseException, url: URL | str) -> CentreConnectionError:
    """A driver's connection error as a coded error (the driver's words kept as
    ``detail`` for an unrecognised problem)."""
    problem = classify_error(exc)
    u = normalize_url(url)
    orig = getattr(exc, "orig", None) or exc
    detail = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return CentreConnectionError(
        describe_problem(problem, u, detail),
        code=f"connection.{problem.value}" if problem is not Problem.UNKNOWN else "connection",
        host=u.host or "localhost", port=str(u.port or 5432), user=u.username or "",
        database=u.database or "", detail=detail,
    )


def is_connection_error(exc: BaseException) -> bool:
    """SQLAlchemy's wrapper, or the driver's own error: the clone reads the centre on the
    raw DBAPI cursor, so a dropped link arrives as psycopg.OperationalError."""
    if isinstance(exc, OperationalError | DBAPIError):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover - the PostgreSQL driver is a dependency
        return False
    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)


def _engine(url: URL | str) -> Engine:
    return make_engine(url)  # connect_timeout 5 s: a silent centre is said so, not waited for


def centre_sites(url: URL | str) -> list[CentreSite]:
    """The centre's sites by code (connects once; CentreConnectionError when refused)."""
    engine = _engine(url)
    sites = Site.__table__
    flag = sites.c.get("is_branch")
    try:
        with engine.connect() as conn:
            cols = [sites.c.code, sites.c.name] + ([flag] if flag is not None else [])
            rows = conn.execute(select(*cols).order_by(sites.c.code)).all()
    except (OperationalError, DBAPIError) as exc:
        raise centre_error(exc, url) from None
    finally:
        engine.dispose()
    return [CentreSite(r[0], r[1], bool(r[2]) if len(r) > 2 else False) for r in rows]


def make_branch(
    url: URL | str,
    target: str | Path,
    site_code: str,
    *,
    central_profile: str,
    since_days: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    central_url_hint: str | None = None,
) -> CloneReport:
    """``clone_branch`` from the centre at ``url`` into the new file ``target``; a lost
    or refused connection as CentreConnectionError."""
    engine = _engine(url)
    try:
        return clone_branch(
            engine, f"sqlite:///{Path(target).expanduser()}", site_code,
            central_profile=central_profile, since_days=since_days, progress=progress,
            central_url_hint=central_url_hint, cancelled=cancelled,
        )
    except Exception as exc:
        if is_connection_error(exc):
            raise centre_error(exc, url) from None
        raise
    finally:
        engine.dispose()


def activate_branch_profile(site_code: str, path: str | Path) -> str:
    """Save the local profile ``branch-<site>`` on ``path`` and make it the active one
    (deskapp opens it from its next start); its name. ProfileError/OSError when the
    profile book cannot be written."""
    name = f"branch-{site_code.strip().lower()}"
    book = load_profiles()
    book.add(Profile(name, "sqlite", path=str(path)).validated(), replace_existing=True)
    book.use(name)
    save_profiles(book)
    return name


__all__ = [
    "CentreConnectionError",
    "CentreSite",
    "activate_branch_profile",
    "centre_error",
    "centre_sites",
    "is_connection_error",
    "default_branch_path",
    "make_branch",
]
