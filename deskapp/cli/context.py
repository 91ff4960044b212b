"""What every command shares: settings, a lazily opened database, clear errors."""

from __future__ import annotations

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError

from deskapp.config import Profile, Settings, load_settings
from deskapp.models.database import normalize_url
from deskapp.services import database_files, schema
from deskapp.services.errors import DeskError
from deskapp.services.facade import Services, build_services, ensure_site
from deskapp.services.sla_presets import ensure_sla_defaults


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def describe_connection_error(exc: BaseException, url: str | URL) -> str:
    """One line naming what failed, never the password."""
    from deskapp.services.connection_check import Problem, classify_error, describe_problem

    parsed = normalize_url(url)
    safe = parsed.render_as_string(hide_password=True)
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()
    first = detail[0] if detail else type(exc).__name__
    if parsed.password:
        first = first.replace(str(parsed.password), "***")
    problem = classify_error(exc)
    if problem is not Problem.UNKNOWN:
        first = describe_problem(problem, parsed)
    return f"cannot open the database {safe}: {first}"


def ask_password(profile: Profile) -> str | None:
    """Ask for a shared profile's password on the terminal, once per run (kept in
    memory only); None without a terminal."""
    import getpass
    import sys

    from deskapp.credentials import NO_KEYRING_NOTE, default_store

    if not sys.stdin.isatty():
        return None
    store = default_store()
    if not store.persistent:
        print(f"deskapp: {NO_KEYRING_NOTE}", file=sys.stderr)
    password = getpass.getpass(f"Password for {profile.user}@{profile.host} ({profile.name}): ")
    if not password:
        return None
    store.remember_for_session(profile.name, password)
    return password


class CliContext:
    def __init__(self, database_url: str | None) -> None:
        try:
            self.settings: Settings = load_settings(database_url)
            normalize_url(self.settings.database_url)
        except Exception as exc:  # a malformed URL
            raise SystemExit(f"deskapp: {exc}") from None
        self._services: Services | None = None

    def preflight(self, *, create: bool = False) -> None:
        """Before anything opens a local SQLite file for writing: refuse a missing file
        (unless ``create``, or the workstation's own default database), a file that is
        not SQLite, and -- looked at read-only, so it stays unchanged -- another
        application's database or one from a newer deskapp."""
        url = self.settings.database_url
        may_create = create or self.settings.is_default_database
        try:
            exists = database_files.check_sqlite_file(url, may_create=may_create)
        except DeskError as exc:
            raise CliError(str(exc)) from None
        if not exists or database_files.sqlite_path(url) is None:
            return
        status = read_only_status(url)
        if status.state in (schema.SchemaState.FOREIGN, schema.SchemaState.NEWER):
            check_schema(status)

    def services(self, *, upgrade: bool = False, create: bool | None = None) -> Services:
        """The services on a database at this app's schema (upgraded when asked or when
        it is the local default database). Only an upgrade creates a missing SQLite
        file; a foreign database or a newer schema is refused, never changed."""
        if self._services is None:
            url = self.settings.database_url
            self.preflight(create=upgrade if create is None else create)
            try:
                svc = self._open(self.settings.connect_url())
                status = schema.schema_status(svc.engine)
                if status.state in (schema.SchemaState.EMPTY, schema.SchemaState.OLDER) and (
                    upgrade or self.settings.is_default_database
                ):
                    schema.upgrade(svc.engine)
                    status = schema.schema_status(svc.engine)
            except (OperationalError, DBAPIError) as exc:
                raise CliError(describe_connection_error(exc, url)) from None
            check_schema(status)
            ensure_site(svc, self.settings.site_code, "Head office")
            ensure_sla_defaults(svc.uow)
            self._services = svc
        return self._services

    def _open(self, connect_url: URL) -> Services:
        """Services on ``connect_url``; a shared profile without a stored password is
        asked for one on the terminal when the server wants it."""
        svc = build_services(connect_url, site_code=self.settings.site_code)
        profile = self.settings.profile
        if profile is None or not profile.is_postgresql or connect_url.password:
            return svc
        try:
            with svc.engine.connect():
                return svc
        except (OperationalError, DBAPIError) as exc:
            from deskapp.services.connection_check import Problem, classify_error

            svc.dispose()
            if classify_error(exc) not in (Problem.PASSWORD_REQUIRED, Problem.AUTH_FAILED):
                raise
            password = ask_password(profile)
            if password is None:
                raise
            return build_services(profile.url(password), site_code=self.settings.site_code)

    def close(self) -> None:
        if self._services is not None:
            self._services.dispose()
            self._services = None


def read_only_status(url: str) -> schema.SchemaStatus:
    """The schema state of a database, a SQLite file opened read-only (never changed)."""
    from deskapp.models.database import make_engine

    engine = make_engine(database_files.read_only_url(url))
    try:
        return schema.schema_status(engine)
    except (OperationalError, DBAPIError) as exc:
        raise CliError(describe_connection_error(exc, url)) from None
    finally:
        engine.dispose()


def check_schema(status: schema.SchemaStatus) -> None:
    state = status.state
    if state is schema.SchemaState.EMPTY:
        raise CliError("the database is empty; create the schema with `deskapp db upgrade`.")
    if state is schema.SchemaState.OLDER:
        raise CliError(
            f"the database schema ({status.database_revision}) is older than this deskapp "
            f"({status.app_revision}); run `deskapp db upgrade`."
        )
    if state is schema.SchemaState.NEWER:
        raise CliError(
            f"the database was upgraded by a newer deskapp (schema {status.database_revision}); "
            "upgrade deskapp on this machine."
        )
    if state is schema.SchemaState.FOREIGN:
        raise CliError("that database holds tables that are not deskapp's; choose another one.")


__all__ = ["CliContext", "CliError", "DeskError", "check_schema"]
