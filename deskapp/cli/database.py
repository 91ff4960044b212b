"""``deskapp db upgrade`` and ``deskapp db status``."""

from __future__ import annotations

import argparse

from deskapp.cli.context import CliContext
from deskapp.services import schema


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="create or upgrade the database schema")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbsub.add_parser("upgrade", help="create the schema or bring it up to date")
    up.set_defaults(handler=_upgrade)
    st = dbsub.add_parser("status", help="show the schema version of the database")
    st.set_defaults(handler=_status)


def _upgrade(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ctx.services(upgrade=True)
    status = schema.schema_status(svc.engine)
    print(f"{svc.database_label}: schema at {status.database_revision} (current).")
    return 0


def _status(args: argparse.Namespace, ctx: CliContext) -> int:
    """Read-only: a SQLite file is opened with mode=ro and never created or changed."""
    from deskapp.cli.context import CliError, describe_connection_error
    from deskapp.models.database import make_engine
    from deskapp.services import database_files

    try:
        database_files.check_sqlite_file(ctx.settings.database_url, may_create=False)
    except database_files.DatabaseFileProblem as exc:
        raise CliError(str(exc)) from None
    url = ctx.settings.connect_url()
    engine = make_engine(database_files.read_only_url(url))
    try:
        status = schema.schema_status(engine)
    except Exception as exc:
        raise CliError(describe_connection_error(exc, ctx.settings.database_url)) from None
    finally:
        engine.dispose()
    print(f"schema: {status.state.value} (database {status.database_revision or '-'}, "
          f"this deskapp {status.app_revision})")
    return 0
