"""``deskapp profile add | list | use | remove | test``: where the database is.

Profiles are stored without passwords; a shared profile's password goes to the OS
keyring (or, with no keyring, lives only for this run and is asked again).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from deskapp.cli.context import CliContext, CliError
from deskapp.cli.users import read_password
from deskapp.config import (
    SSL_MODES,
    Profile,
    ProfileError,
    default_sqlite_path,
    load_profiles,
    profiles_path,
    save_profiles,
)
from deskapp.models.database import MAX_OVERFLOW, POOL_SIZE

if TYPE_CHECKING:
    from deskapp.credentials import SecretStore


def default_store() -> SecretStore:
    """The keyring loads when a profile command needs it, not with every ``deskapp``."""
    from deskapp.credentials import default_store as store

    return store()


def register(sub: argparse._SubParsersAction) -> None:
    prof = sub.add_parser("profile", help="manage connection profiles (local or shared database)")
    psub = prof.add_subparsers(dest="profile_command", metavar="ACTION", required=True)

    add = psub.add_parser("add", help="save a connection profile")
    add.add_argument("name")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--sqlite", metavar="PATH", help="a local SQLite database file")
    where.add_argument("--host", help="PostgreSQL server host name or address")
    add.add_argument("--port", type=int, default=5432)
    add.add_argument("--database", help="PostgreSQL database name")
    add.add_argument("--user", help="PostgreSQL user name")
    add.add_argument("--sslmode", default="prefer", choices=SSL_MODES)
    add.add_argument(
        "--pool-size", type=int, default=POOL_SIZE,
        help=f"connections this workstation keeps open (default {POOL_SIZE})",
    )
    add.add_argument(
        "--max-overflow", type=int, default=MAX_OVERFLOW,
        help=f"extra connections it may open under load (default {MAX_OVERFLOW})",
    )
    add.add_argument(
        "--pooler", choices=("pgbouncer",), default="",
        help="the host is a PgBouncer in transaction mode (see docs/shared-database.md)",
    )
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the PostgreSQL password from standard input (stored in the OS keyring)",
    )
    add.add_argument("--use", action="store_true", help="make it the active profile")
    add.add_argument("--replace", action="store_true", help="overwrite a profile of that name")
    add.set_defaults(handler=_add)

    ls = psub.add_parser("list", help="list the profiles (the active one marked *)")
    ls.set_defaults(handler=_list)

    use = psub.add_parser("use", help="make a profile the default for every command and the GUI")
    use.add_argument("name", help="profile name, or 'local' for the built-in local database")
    use.set_defaults(handler=_use)

    rm = psub.add_parser("remove", help="delete a profile and its stored password")
    rm.add_argument("name")
    rm.set_defaults(handler=_remove)

    test = psub.add_parser("test", help="test a profile's connection and schema")
    test.add_argument("name", nargs="?", help="profile name (default: the active one)")
    test.set_defaults(handler=_test)


def _book():
    try:
        return load_profiles()
    except ProfileError as exc:
        raise CliError(str(exc)) from None


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.sqlite is not None:
        if args.password_stdin:
            raise CliError("a local SQLite profile has no password.")
        profile = Profile(args.name, "sqlite", path=args.sqlite)
    else:
        missing = [f"--{f}" for f in ("database", "user") if not getattr(args, f)]
        if missing:
            raise CliError(f"a shared profile needs {' and '.join(missing)}.")
        profile = Profile(
            args.name, "postgresql", host=args.host, port=args.port,
            database=args.database, user=args.user, sslmode=args.sslmode,
            pool_size=args.pool_size, max_overflow=args.max_overflow, pooler=args.pooler,
        )
    if args.name == "local":
        raise CliError("'local' is the built-in local database; choose another name.")
    book = _book()
    try:
        profile = book.add(profile, replace_existing=args.replace)
        if args.use:
            book.use(profile.name)
    except ProfileError as exc:
        raise CliError(str(exc)) from None
    password = read_password(True) if args.password_stdin else None
    save_profiles(book)
    print(f"saved profile {profile.name}: {profile.label()}")
    if password is not None:
        result = default_store().set(profile.name, password)
        if result.persistent:
            print("password stored in the OS keyring.")
        else:
            from deskapp.credentials import NO_KEYRING_NOTE

            print(f"note: {NO_KEYRING_NOTE} This command cannot keep it: deskapp will ask "
                  "for it when it connects.")
    if args.use:
        print(f"{profile.name} is now the active profile.")
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    book = _book()
    store = default_store()
    print(f"{'*' if book.active is None else ' '} {'local':16} "
          f"{Profile('local', path=str(default_sqlite_path())).label()} (built in)")
    for name in sorted(book.profiles, key=str.lower):
        p = book.profiles[name]
        mark = "*" if book.active == name else " "
        extra = ""
        if p.is_postgresql:
            if not store.persistent:
                extra = "  [password: asked each run, no keyring]"
            elif store.get(name) is not None:
                extra = "  [password: in keyring]"
            else:
                extra = "  [no password stored]"
        print(f"{mark} {name:16} {p.label()}{extra}")
    print(f"(profiles file: {profiles_path()})")
    return 0


def _use(args: argparse.Namespace, ctx: CliContext) -> int:
    book = _book()
    try:
        book.use(None if args.name == "local" else args.name)
    except ProfileError as exc:
        raise CliError(str(exc)) from None
    save_profiles(book)
    print(f"{args.name} is now the active profile.")
    return 0


def _remove(args: argparse.Namespace, ctx: CliContext) -> int:
    book = _book()
    try:
        profile = book.remove(args.name)
    except ProfileError as exc:
        raise CliError(str(exc)) from None
    save_profiles(book)
    if profile.is_postgresql:
        default_store().forget(profile.name)
    print(f"removed profile {profile.name}"
          + (" (the local database is active again)." if book.active is None else "."))
    return 0


def _test(args: argparse.Namespace, ctx: CliContext) -> int:
    from deskapp.cli.context import ask_password
    from deskapp.services.connection_check import Problem, check_connection

    book = _book()
    name = args.name or book.active
    if name is None or name == "local":
        profile = Profile("local", path=str(default_sqlite_path()))
    elif name in book.profiles:
        profile = book.profiles[name]
    else:
        raise CliError(f"there is no profile {name!r}.")
    password = default_store().get(profile.name) if profile.is_postgresql else None
    report = check_connection(profile.url(password))
    if report.problem in (Problem.PASSWORD_REQUIRED, Problem.AUTH_FAILED) and password is None:
        password = ask_password(profile)
        if password is not None:
            report = check_connection(profile.url(password))
    print(f"{profile.name}: {profile.label()}")
    if not report.connected:
        print(f"FAILED ({report.problem.value}): {report.message}")
        return 2
    print(f"connected to {report.server}. {report.message}")
    return 0 if report.ok else 3
