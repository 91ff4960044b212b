"""Test a connection and say exactly what failed, then what to do about the schema.

``check_connection(url)`` opens one short-lived connection, reads the schema version
and returns a ``ConnectionReport``: which ``Problem`` stopped it (host unreachable,
connection refused, DNS, timeout, wrong password, no such role or database, SSL...)
or, once connected, the ``NextStep`` for the schema (open, create, upgrade, ask an
admin, upgrade the app, not a deskapp database).

libpq reports connection failures as text without an SQLSTATE (psycopg's
``sqlstate`` is None before a session exists), so both are used: the SQLSTATE when
there is one (28P01 invalid_password, 3D000 invalid_catalog_name, ...), else the
message. Messages never contain the password. Qt-free.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import NullPool

from deskapp.models.database import make_engine, normalize_url
from deskapp.services import schema
from deskapp.services.passwords import verify_password


class Problem(enum.StrEnum):
    NONE = "none"
    DNS = "dns"  # the host name does not resolve
    REFUSED = "refused"  # nothing listens on that host and port
    UNREACHABLE = "unreachable"  # no route / network down
    TIMEOUT = "timeout"  # no answer in time (firewall dropping packets, server hung)
    NOT_POSTGRES = "not_postgres"  # something answered, but not PostgreSQL
    PASSWORD_REQUIRED = "password_required"
    AUTH_FAILED = "auth_failed"  # wrong password (or user) for password auth
    ROLE_MISSING = "role_missing"
    DATABASE_MISSING = "database_missing"
    NOT_ALLOWED = "not_allowed"  # pg_hba.conf or CONNECT privilege refuses this user/host
    SSL_REQUIRED = "ssl_required"  # the server accepts only SSL; the profile disabled it
    SSL_UNAVAILABLE = "ssl_unavailable"  # the profile requires SSL; the server has none
    SSL_FAILED = "ssl_failed"  # certificate or handshake problem
    SERVER_UNAVAILABLE = "server_unavailable"  # starting up, shutting down, recovering
    TOO_MANY = "too_many_connections"
    CONNECTION_DROPPED = "connection_dropped"
    FILE = "file"  # SQLite file cannot be opened or is not a database
    UNKNOWN = "unknown"


class NextStep(enum.StrEnum):
    OPEN = "open"  # schema is current: go ahead
    CREATE_SCHEMA = "create_schema"  # empty database: offer to create
    UPGRADE_SCHEMA = "upgrade_schema"  # older, and this person may upgrade
    ASK_ADMIN = "ask_admin"  # older; only an administrator may upgrade
    UPGRADE_APP = "upgrade_app"  # newer than this deskapp: refuse
    FOREIGN = "foreign"  # someone else's tables: refuse
    FIX_CONNECTION = "fix_connection"  # could not connect at all


_SQLSTATES: dict[str, Problem] = {
    "28P01": Problem.AUTH_FAILED,  # invalid_password
    "28000": Problem.NOT_ALLOWED,  # invalid_authorization_specification (hba, no role)
    "3D000": Problem.DATABASE_MISSING,  # invalid_catalog_name
    "42501": Problem.NOT_ALLOWED,  # insufficient_privilege (no CONNECT on the database)
    "57P03": Problem.SERVER_UNAVAILABLE,  # cannot_connect_now
    "53300": Problem.TOO_MANY,  # too_many_connections
    "57P01": Problem.CONNECTION_DROPPED,  # admin_shutdown
    "08001": Problem.UNREACHABLE,  # sqlclient_unable_to_establish_sqlconnection
    "08004": Problem.NOT_ALLOWED,  # sqlserver_rejected_establishment_of_sqlconnection
    "08006": Problem.CONNECTION_DROPPED,  # connection_failure
}

# Checked in order: the more specific first. English libpq/server texts (the server's
# lc_messages may translate its part; the SQLSTATE above wins when present).
_PATTERNS: list[tuple[str, Problem]] = [
    (r"failed to resolve host|could not translate host name|name or service not known|"
     r"nodename nor servname|temporary failure in name resolution", Problem.DNS),
    (r"connection refused", Problem.REFUSED),
    (r"no route to host|network is unreachable|host is unreachable", Problem.UNREACHABLE),
    (r"timeout expired|timed out", Problem.TIMEOUT),
    (r"no password supplied|password is required", Problem.PASSWORD_REQUIRED),
    (r"password authentication failed|authentication failed for user", Problem.AUTH_FAILED),
    (r'role "[^"]*" does not exist', Problem.ROLE_MISSING),
    (r'database "[^"]*" does not exist', Problem.DATABASE_MISSING),
    (r"server does not support ssl", Problem.SSL_UNAVAILABLE),
    (r"no pg_hba\.conf entry.*no encryption", Problem.SSL_REQUIRED),
    (r"ssl error|certificate|sslmode value .* invalid when ssl support", Problem.SSL_FAILED),
    (r"no pg_hba\.conf entry|permission denied for database|not permitted to log in",
     Problem.NOT_ALLOWED),
    (r"received invalid response to ssl negotiation|expected authentication request|"
     r"invalid response|protocol", Problem.NOT_POSTGRES),
    (r"starting up|shutting down|in recovery mode|not yet accepting", Problem.SERVER_UNAVAILABLE),
    (r"too many clients|remaining connection slots", Problem.TOO_MANY),
    (r"server closed the connection unexpectedly|terminating connection|"
     r"consuming input failed|eof detected|the connection is lost|connection is closed",
     Problem.CONNECTION_DROPPED),  # (the last two: psycopg's own words for a dead link)
    (r"unable to open database file|file is not a database|disk i/o error|"
     r"readonly database|permission denied", Problem.FILE),
]

_ADVICE: dict[Problem, str] = {
    Problem.DNS: "The host name {host} is not known (DNS). Check the spelling, or use the "
    "server's IP address.",
    Problem.REFUSED: "The server {host} refused the connection on port {port}: PostgreSQL is "
    "not running there, or listens on another port or address.",
    Problem.UNREACHABLE: "The server {host} cannot be reached from this computer (no route): "
    "check the network or VPN.",
    Problem.TIMEOUT: "The server {host} did not answer in time: a firewall may be dropping "
    "the connection, or the server is overloaded.",
    Problem.NOT_POSTGRES: "Something answered on {host}:{port}, but it is not PostgreSQL. "
    "Check the port.",
    Problem.PASSWORD_REQUIRED: "The server needs a password for {user}; enter it.",
    Problem.AUTH_FAILED: "Wrong password for the database user {user} (authentication "
    "failed).",
    Problem.ROLE_MISSING: "There is no database user {user} on the server; ask the database "
    "administrator to create it.",
    Problem.DATABASE_MISSING: "There is no database {database} on the server; check the name "
    "or ask the database administrator to create it.",
    Problem.NOT_ALLOWED: "The server does not let {user} connect to {database} from this "
    "computer (pg_hba.conf or CONNECT privilege); ask the database administrator.",
    Problem.SSL_REQUIRED: "The server accepts only encrypted (SSL) connections; choose SSL "
    "mode \"require\" or stronger.",
    Problem.SSL_UNAVAILABLE: "This profile requires SSL, but the server does not offer it; "
    "choose SSL mode \"prefer\" or \"disable\", or enable SSL on the server.",
    Problem.SSL_FAILED: "The SSL connection failed (certificate or handshake); check the "
    "SSL mode and the server's certificate.",
    Problem.SERVER_UNAVAILABLE: "The server is starting up, shutting down or recovering; try "
    "again in a minute.",
    Problem.TOO_MANY: "The server has no free connection slots; try again later or ask the "
    "database administrator.",
    Problem.CONNECTION_DROPPED: "The server closed the connection unexpectedly.",
    Problem.FILE: "The database file {database} cannot be opened: check the path and that "
    "you may write there.",
    Problem.UNKNOWN: "The connection failed.",
}


def classify_error(exc: BaseException) -> Problem:
    """Which ``Problem`` an exception from connecting (psycopg, sqlite3 or SQLAlchemy's
    wrapper) stands for."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    text_ = str(orig).lower()
    if state:
        problem = _SQLSTATES.get(state)
        if state == "28000" and re.search(r'role "[^"]*" does not exist', text_):
            return Problem.ROLE_MISSING
        if problem is not None:
            return problem
    for pattern, problem in _PATTERNS:
        if re.search(pattern, text_):
            return problem
    return Problem.UNKNOWN


def describe_problem(problem: Problem, url: URL | str, detail: str = "") -> str:
    """One or two sentences for a person; ``detail`` (the driver's own words) is
    appended only when the problem is not recognised."""
    u = normalize_url(url)
    message = _ADVICE.get(problem, _ADVICE[Problem.UNKNOWN]).format(
        host=u.host or "localhost",
        port=u.port or 5432,
        user=u.username or "(none)",
        database=u.database or "",
    )
    if problem is Problem.UNKNOWN and detail:
        message = f"{message} {detail}"
    return message


def _scrub(detail: str, url: URL) -> str:
    """The driver's message, first lines only, the password (if any) blanked out."""
    lines = [ln.strip() for ln in detail.strip().splitlines() if ln.strip()]
    out = " ".join(lines[:2])
    if url.password:
        out = out.replace(str(url.password), "***")
    return out


@dataclass(frozen=True)
class ConnectionReport:
    connected: bool
    problem: Problem
    message: str  # for a person; never the password
    detail: str  # the driver's words, scrubbed
    schema: schema.SchemaStatus | None
    next_step: NextStep
    server: str = ""  # e.g. "PostgreSQL 15.20"

    @property
    def ok(self) -> bool:
        """Connected, and the schema can be used (now or after create/upgrade)."""
        return self.connected and self.next_step in (
            NextStep.OPEN, NextStep.CREATE_SCHEMA, NextStep.UPGRADE_SCHEMA
        )


def schema_step(status: schema.SchemaStatus, *, may_upgrade: bool | None) -> tuple[NextStep, str]:
    """What to do about the schema. ``may_upgrade``: True for an administrator (or the
    owner of a local file), False for anyone else, None when nobody signed in yet."""
    state = status.state
    if state is schema.SchemaState.CURRENT:
        return NextStep.OPEN, "The database is ready."
    if state is schema.SchemaState.EMPTY:
        return NextStep.CREATE_SCHEMA, (
            "The database is empty. deskapp can create its tables in it."
        )
    if state is schema.SchemaState.OLDER:
        base = (
            f"The database schema ({status.database_revision}) is older than this deskapp "
            f"({status.app_revision})."
        )
        if may_upgrade:
            return NextStep.UPGRADE_SCHEMA, (
                f"{base} Upgrade it now? Back up the database first; every workstation "
                "must then run this version of deskapp."
            )
        return NextStep.ASK_ADMIN, (
            f"{base} Ask an administrator to upgrade it (sign in as an administrator, or "
            "run `deskapp db upgrade`)."
        )
    if state is schema.SchemaState.NEWER:
        return NextStep.UPGRADE_APP, (
            f"The database was upgraded by a newer deskapp (schema "
            f"{status.database_revision}); this deskapp knows only up to "
            f"{status.app_revision}. Upgrade deskapp on this computer."
        )
    return NextStep.FOREIGN, (
        "That database holds tables that are not deskapp's; choose another database."
    )


def check_connection(
    url: URL | str, *, may_upgrade: bool | None = None, timeout: int = 5
) -> ConnectionReport:
    """Connect once (``timeout`` seconds at most for PostgreSQL) and report."""
    parsed = normalize_url(url)
    engine = _probe_engine(parsed, timeout)
    try:
        with engine.connect() as conn:
            server = _server_label(engine, conn)
        status = schema.schema_status(engine)
    except Exception as exc:
        problem = classify_error(exc)
        detail = _scrub(str(getattr(exc, "orig", None) or exc), parsed)
        return ConnectionReport(
            False, problem, describe_problem(problem, parsed, detail), detail, None,
            NextStep.FIX_CONNECTION,
        )
    finally:
        engine.dispose()
    step, message = schema_step(status, may_upgrade=may_upgrade)
    return ConnectionReport(True, Problem.NONE, message, "", status, step, server)


def _probe_engine(url: URL, timeout: int) -> Engine:
    if url.get_backend_name() == "sqlite":
        return make_engine(url, poolclass=NullPool)
    return make_engine(
        url,
        poolclass=NullPool,
        pool_pre_ping=False,
        connect_args={"connect_timeout": max(2, int(timeout)), "application_name": "deskapp-check"},
    )


def _server_label(engine: Engine, conn) -> str:  # noqa: ANN001
    if engine.dialect.name == "sqlite":
        version = conn.execute(text("select sqlite_version()")).scalar()
        return f"SQLite {version}"
    info = engine.dialect.server_version_info or ()
    return "PostgreSQL " + ".".join(str(p) for p in info)


def verify_admin(engine: Engine, username: str, password: str) -> bool:
    """Whether ``username``/``password`` is an active administrator, read with plain SQL
    so it works on an older schema than the models describe (before an upgrade)."""
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "select password_hash, role, active from users "
                "where username = :u and deleted_at is null"
            ),
            {"u": username.strip().lower()},
        ).first()
    if row is None or not row.active or row.role != "admin":
        return False
    return verify_password(password, row.password_hash)
