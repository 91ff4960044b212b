"""Settings and connection profiles.

Where the database is, by precedence: ``--db`` on the command line, then
``$DESKAPP_DATABASE_URL``, then the active connection profile, then the local SQLite
file in the platform's user data directory.

Profiles live in ``profiles.json`` in the platform's config directory
(``$DESKAPP_CONFIG_DIR`` overrides it, ``$DESKAPP_DATA_DIR`` the data directory).
A profile never holds a password: that lives in the OS keyring (deskapp.credentials).
Qt-free: the CLI and the GUI share it.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy.engine import URL

from deskapp.models.database import MAX_OVERFLOW, POOL_SIZE, POOLERS

APP_NAME = "deskapp"
PROFILES_FILE = "profiles.json"
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


def data_dir() -> Path:
    override = os.environ.get("DESKAPP_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    override = os.environ.get("DESKAPP_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_sqlite_path() -> Path:
    return data_dir() / "deskapp.sqlite3"


class ProfileError(ValueError):
    """A profile that cannot be saved or used; the message names the field."""


@dataclass(frozen=True)
class Profile:
    """Where one database is. ``kind`` is "sqlite" or "postgresql"; never a password."""

    name: str
    kind: str = "sqlite"
    path: str = ""  # sqlite
    host: str = ""  # postgresql
    port: int = 5432
    database: str = ""
    user: str = ""
    sslmode: str = "prefer"
    # The connection budget (deskapp.models.database.PoolPlan): connections this
    # workstation keeps open at most, and "pgbouncer" when host:port is a PgBouncer in
    # transaction mode (no session state; live updates follow the change feed).
    pool_size: int = POOL_SIZE
    max_overflow: int = MAX_OVERFLOW
    pooler: str = ""

    @property
    def is_postgresql(self) -> bool:
        return self.kind == "postgresql"

    def url(self, password: str | None = None) -> URL:
        """The SQLAlchemy URL. With a password it is for connecting only: render it
        with ``hide_password=True`` (``str(url)`` already does) before showing it."""
        if not self.is_postgresql:
            return URL.create("sqlite", database=str(Path(self.path).expanduser()))
        query = {"sslmode": self.sslmode}
        if self.pool_size != POOL_SIZE:
            query["pool_size"] = str(self.pool_size)
        if self.max_overflow != MAX_OVERFLOW:
            query["max_overflow"] = str(self.max_overflow)
        if self.pooler:
            query["pooler"] = self.pooler
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
            query=query,
        )

    def label(self) -> str:
        """For a status bar or a list: never includes a password."""
        if not self.is_postgresql:
            return f"SQLite {Path(self.path).expanduser()}"
        via = f", via {self.pooler}" if self.pooler else ""
        return (
            f"PostgreSQL {self.user}@{self.host}:{self.port}/{self.database} "
            f"(ssl {self.sslmode}{via})"
        )

    def validated(self) -> Profile:
        """This profile, tidied; ProfileError naming the first bad field."""
        name = self.name.strip()
        if not _NAME.match(name):
            raise ProfileError(
                f"profile name {self.name!r}: use 1-40 letters, digits, '.', '_' or '-'."
            )
        if self.kind == "sqlite":
            path = self.path.strip()
            if not path:
                raise ProfileError("a local profile needs the database file path.")
            return Profile(name, "sqlite", path=str(Path(path).expanduser().absolute()))
        if self.kind != "postgresql":
            raise ProfileError(f"unknown kind {self.kind!r}: sqlite or postgresql.")
        host, database, user = self.host.strip(), self.database.strip(), self.user.strip()
        if not host:
            raise ProfileError("a shared profile needs the server's host name.")
        if not isinstance(self.port, int) or not 1 <= self.port <= 65535:
            raise ProfileError(f"port {self.port!r}: a number from 1 to 65535.")
        if not database:
            raise ProfileError("a shared profile needs the database name.")
        if not user:
            raise ProfileError("a shared profile needs the database user name.")
        if self.sslmode not in SSL_MODES:
            raise ProfileError(
                f"SSL mode {self.sslmode!r}: one of {', '.join(SSL_MODES)}."
            )
        for key, low in (("pool_size", 1), ("max_overflow", 0)):
            value = getattr(self, key)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= 100:
                raise ProfileError(f"{key} {value!r}: a number from {low} to 100.")
        pooler = (self.pooler or "").strip().lower()
        if pooler not in POOLERS:
            raise ProfileError(f"pooler {self.pooler!r}: 'pgbouncer' or empty.")
        return Profile(
            name, "postgresql", "", host, self.port, database, user, self.sslmode,
            self.pool_size, self.max_overflow, pooler,
        )


@dataclass
class ProfileBook:
    """The saved profiles and which one is active (``active`` None: the local default)."""

    profiles: dict[str, Profile] = field(default_factory=dict)
    active: str | None = None

    def active_profile(self) -> Profile | None:
        return self.profiles.get(self.active) if self.active else None

    def add(self, profile: Profile, *, replace_existing: bool = False) -> Profile:
        profile = profile.validated()
        if profile.name in self.profiles and not replace_existing:
            raise ProfileError(f"there is already a profile {profile.name!r}.")
        self.profiles[profile.name] = profile
        return profile

    def use(self, name: str | None) -> None:
        if name is not None and name not in self.profiles:
            raise ProfileError(f"there is no profile {name!r}; see `deskapp profile list`.")
        self.active = name

    def remove(self, name: str) -> Profile:
        try:
            profile = self.profiles.pop(name)
        except KeyError:
            raise ProfileError(f"there is no profile {name!r}.") from None
        if self.active == name:
            self.active = None
        return profile


def profiles_path() -> Path:
    return config_dir() / PROFILES_FILE


def load_profiles(path: Path | None = None) -> ProfileBook:
    path = path or profiles_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ProfileBook()
    except (OSError, ValueError) as exc:
        raise ProfileError(f"cannot read the profiles in {path}: {exc}") from None
    book = ProfileBook()
    known = set(Profile.__dataclass_fields__)
    for item in raw.get("profiles", []):
        try:
            profile = Profile(**{k: v for k, v in item.items() if k in known}).validated()
        except (TypeError, ProfileError) as exc:
            raise ProfileError(f"{path}: a broken profile entry ({exc}).") from None
        book.profiles[profile.name] = profile
    active = raw.get("active")
    book.active = active if active in book.profiles else None
    return book


def save_profiles(book: ProfileBook, path: Path | None = None) -> Path:
    """Write atomically (a crash leaves the old file or the new one, never half)."""
    path = path or profiles_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": 1,
        "active": book.active,
        "profiles": [_public_fields(p) for p in sorted(book.profiles.values(), key=_key)],
    }
    fd, tmp = tempfile.mkstemp(prefix=".profiles-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2, ensure_ascii=False)
            out.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _key(p: Profile) -> str:
    return p.name.lower()


def _public_fields(p: Profile) -> dict[str, Any]:
    fields = asdict(p)
    if p.is_postgresql:
        fields.pop("path")
    else:
        for k in ("host", "port", "database", "user", "sslmode", "pool_size", "max_overflow",
                  "pooler"):
            fields.pop(k)
    return fields


@dataclass(frozen=True)
class Settings:
    database_url: str  # never holds a profile's password: safe to show
    site_code: str = "HQ"
    # True when nothing was configured: the local demo database.
    is_default_database: bool = False
    profile: Profile | None = None  # the active profile this came from, if any

    def connect_url(self, password_for: Callable[[Profile], str | None] | None = None) -> URL:
        """The URL to open an engine with: the active profile's password is looked up
        (keyring, or asked once per run) by ``password_for``, default
        ``deskapp.credentials.password_for_profile`` without a prompt."""
        if self.profile is None:
            from deskapp.models.database import normalize_url

            return normalize_url(self.database_url)
        if not self.profile.is_postgresql:
            return self.profile.url()
        if password_for is None:
            from deskapp.credentials import password_for_profile

            password = password_for_profile(self.profile)
        else:
            password = password_for(self.profile)
        return self.profile.url(password)


def load_settings(database_url: str | None = None) -> Settings:
    site = os.environ.get("DESKAPP_SITE", "HQ").upper()
    if database_url:
        return Settings(database_url, site)
    env = os.environ.get("DESKAPP_DATABASE_URL")
    if env:
        return Settings(env, site)
    profile = load_profiles().active_profile()
    if profile is not None:
        url = profile.url().render_as_string(hide_password=True)
        return Settings(url, site, profile=profile)
    return Settings(f"sqlite:///{default_sqlite_path()}", site, is_default_database=True)

