"""What every command shares: settings, a lazily opened database, clear errors."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError

from deskapp.config import Settings, load_settings
from deskapp.models.database import normalize_url
from deskapp.services import schema
from deskapp.services.errors import DeskError
from deskapp.services.facade import Services, build_services, ensure_site


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def describe_connection_error(exc: BaseException, url: str) -> str:
    """One line naming what failed, never the password."""
    safe = normalize_url(url).render_as_string(hide_password=True)
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()
    first = detail[0] if detail else type(exc).__name__
    return f"cannot open the database {safe}: {first}"


class CliContext:
    def __init__(self, database_url: str | None) -> None:
        try:
            self.settings: Settings = load_settings(database_url)
            normalize_url(self.settings.database_url)
        except Exception as exc:  # a malformed URL
            raise SystemExit(f"deskapp: {exc}") from None
        self._services: Services | None = None

    def services(self, *, upgrade: bool = False) -> Services:
        """The services on a database at this app's schema (upgraded when asked or when
        it is the local default database)."""
        if self._services is None:
            url = self.settings.database_url
            try:
                svc = build_services(url, site_code=self.settings.site_code)
                status = schema.schema_status(svc.engine)
                if upgrade or (
                    self.settings.is_default_database
                    and status.state in (schema.SchemaState.EMPTY, schema.SchemaState.OLDER)
                ):
                    schema.upgrade(svc.engine)
                    status = schema.schema_status(svc.engine)
            except (OperationalError, DBAPIError) as exc:
                raise CliError(describe_connection_error(exc, url)) from None
            check_schema(status)
            ensure_site(svc, self.settings.site_code, "Head office")
            self._services = svc
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.dispose()
            self._services = None


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
