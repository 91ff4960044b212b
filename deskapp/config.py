"""Settings: where the database is, which site this workstation numbers tickets for.

Precedence: ``--db`` on the command line, then ``DESKAPP_DATABASE_URL``, then the
local SQLite file in the platform's user data directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "deskapp"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_sqlite_path() -> Path:
    return data_dir() / "deskapp.sqlite3"


@dataclass(frozen=True)
class Settings:
    database_url: str
    site_code: str = "HQ"
    # True when nothing was configured: the local demo database.
    is_default_database: bool = False


def load_settings(database_url: str | None = None) -> Settings:
    site = os.environ.get("DESKAPP_SITE", "HQ").upper()
    if database_url:
        return Settings(database_url, site)
    env = os.environ.get("DESKAPP_DATABASE_URL")
    if env:
        return Settings(env, site)
    return Settings(f"sqlite:///{default_sqlite_path()}", site, is_default_database=True)
