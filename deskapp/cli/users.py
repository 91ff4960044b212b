"""``deskapp user add`` and ``deskapp user list``."""

from __future__ import annotations

import argparse
import getpass
import sys

from deskapp.cli.context import CliContext, CliError
from deskapp.models.enums import Role
from deskapp.services.errors import DeskError
from deskapp.services.permissions import SYSTEM


def register(sub: argparse._SubParsersAction) -> None:
    user = sub.add_parser("user", help="manage staff accounts")
    usub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    from deskapp.cli import user_admin  # edit, disable, enable, reset-password

    user_admin.register_actions(usub)
    add = usub.add_parser("add", help="create a staff account")
    add.add_argument("username")
    add.add_argument("--role", required=True, help="one of: " + ", ".join(r.value for r in Role))
    add.add_argument("--team", action="append", default=[], help="team name (repeatable)")
    add.add_argument("--name", dest="display_name", help="display name (default: username)")
    add.add_argument("--tier", type=int, help="support tier 1-3 (default from the role)")
    add.add_argument("--email")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    add.set_defaults(handler=_add)
    ls = usub.add_parser("list", help="list staff accounts")
    ls.set_defaults(handler=_list)
    unlock = usub.add_parser(
        "unlock", help="lift the login lock after repeated failed logins (a user or --host)"
    )
    unlock.add_argument("username", nargs="?")
    unlock.add_argument("--host", help="unlock a workstation instead of a user")
    unlock.set_defaults(handler=_unlock)


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError("no password on standard input.")
        return password
    if not sys.stdin.isatty():
        raise CliError("no terminal to ask for a password; use --password-stdin.")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        raise CliError("the two passwords differ; nothing was created.")
    return first


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        role = Role(args.role.lower())
    except ValueError:
        raise CliError(
            f"unknown role {args.role!r}; choose one of: {', '.join(r.value for r in Role)}."
        ) from None
    password = read_password(args.password_stdin)
    svc = ctx.services()
    try:
        info = svc.staff.create_user(
            SYSTEM,
            args.username,
            args.display_name or args.username,
            role,
            password,
            tier=args.tier,
            team_names=args.team,
            email=args.email,
        )
    except DeskError as exc:
        raise CliError(str(exc)) from None
    teams = ", ".join(info.team_names) or "no team"
    print(f"created {info.username} ({info.role.value}, tier {info.tier}, {teams})")
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    for u in ctx.services().staff.list_users(active_only=False):
        state = "" if u.active else " (disabled)"
        print(f"{u.username:16} {u.role.value:11} tier {u.tier}  {u.display_name}{state}")
    return 0


def _unlock(args: argparse.Namespace, ctx: CliContext) -> int:
    if (args.username is None) == (args.host is None):
        raise CliError("name a user, or a workstation with --host.")
    try:
        cleared = ctx.services().staff.unlock(SYSTEM, args.username, host=args.host)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    what = args.username or f"workstation {args.host}"
    print(f"unlocked {what}" if cleared else f"{what} was not locked")
    return 0
