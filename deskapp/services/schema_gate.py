"""The schema check at start-up: open, or say what has to happen first.

- empty database: offer to create the schema (and the first administrator, since a
  new shared database has no one who could log in);
- older schema: an administrator may upgrade it (checked with their deskapp password),
  everyone else is told to ask one;
- newer schema: refuse — upgrade the app;
- someone else's tables: refuse.

The local default database is created and upgraded without asking (it belongs to
whoever runs the app). Qt-free; deskapp.ui.dialogs.schema_dialog shows it.
"""

from __future__ import annotations

import socket

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.orm import Session

from deskapp.models import User, utcnow
from deskapp.models.enums import Role
from deskapp.services import login_guard, schema
from deskapp.services.connection_check import NextStep, schema_step, verify_admin
from deskapp.services.errors import DeskError, PermissionDenied, ValidationFailed
from deskapp.services.facade import Services
from deskapp.services.permissions import SYSTEM


class SchemaAttention(DeskError):
    """The database cannot be used as it is; ``step`` says what may be done."""

    def __init__(self, status: schema.SchemaStatus, step: NextStep, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.step = step

    @property
    def can_continue(self) -> bool:
        """Whether someone at this workstation could fix it (create or upgrade)."""
        return self.step in (NextStep.CREATE_SCHEMA, NextStep.ASK_ADMIN, NextStep.UPGRADE_SCHEMA)


def check_at_start(engine: Engine, *, owner: bool = False) -> schema.SchemaStatus:
    """The schema status if the app can open the database now; SchemaAttention if not.
    ``owner``: the local default database, created and upgraded silently."""
    status = schema.schema_status(engine)
    if owner and status.state in (schema.SchemaState.EMPTY, schema.SchemaState.OLDER):
        schema.upgrade(engine)
        status = schema.schema_status(engine)
    if status.state is schema.SchemaState.CURRENT:
        return status
    step, message = schema_step(status, may_upgrade=None)
    raise SchemaAttention(status, step, message)


def create_schema(
    services: Services, admin_username: str, admin_name: str, admin_password: str
) -> None:
    """Create the schema in an empty database and its first administrator."""
    if len(admin_password) < 8:
        raise ValidationFailed("The administrator's password needs at least 8 characters.",
                               "password")
    status = schema.schema_status(services.engine)
    if status.state is not schema.SchemaState.EMPTY:
        raise DeskError("The database is no longer empty; someone else created it. Reconnect.")
    schema.upgrade(services.engine)
    with services.uow() as uow:
        users = uow.session.scalar(select(func.count()).select_from(User))
    if not users:
        services.staff.create_user(
            SYSTEM, admin_username, admin_name or admin_username, Role.ADMIN, admin_password
        )


def upgrade_as_admin(engine: Engine, username: str, password: str) -> schema.SchemaStatus:
    """Upgrade an older schema, for an administrator only (plain-SQL password check, so it
    works on the old schema). Failures count towards the same back-off as logging in
    (services.login_guard) once the schema has its table (0011 on), so this check is no
    cheaper a way to guess an administrator's password than the login window."""
    host = socket.gethostname()
    now = utcnow()
    guarded = inspect(engine).has_table("login_throttles")
    if guarded:
        with Session(engine) as session:
            login_guard.check(session, username, host, now)
    if not verify_admin(engine, username, password):
        if guarded:
            with Session(engine) as session, session.begin():
                login_guard.failed(session, username, host, now)
        raise PermissionDenied(
            "Only an administrator may upgrade the database: wrong username or password, "
            "or not an administrator."
        )
    if guarded:
        with Session(engine) as session, session.begin():
            login_guard.succeeded(session, username, host)
    status = schema.schema_status(engine)
    if status.state is schema.SchemaState.OLDER:
        schema.upgrade(engine)
        status = schema.schema_status(engine)
    return status
