"""``deskapp user edit|disable|enable|reset-password`` (added to the ``user`` group of
cli/users.py)."""

from __future__ import annotations

import argparse

from deskapp.cli.context import CliContext, CliError
from deskapp.models.enums import Role
from deskapp.services.errors import DeskError
from deskapp.services.permissions import SYSTEM


def register_actions(usub: argparse._SubParsersAction) -> None:
    edit = usub.add_parser("edit", help="change a user's name, role, tier, teams, language")
    edit.add_argument("username")
    edit.add_argument("--name", dest="display_name")
    edit.add_argument("--email")
    edit.add_argument("--role", help="one of: " + ", ".join(r.value for r in Role))
    edit.add_argument("--tier", type=int)
    edit.add_argument("--team", action="append", dest="teams", metavar="TEAM",
                      help="team name (repeatable): replaces the user's teams")
    edit.add_argument("--no-teams", action="store_true", help="take the user out of every team")
    edit.add_argument("--language", help="en or fa")
    edit.set_defaults(handler=_edit)

    dis = usub.add_parser("disable", help="disable an account: no login, no new work")
    dis.add_argument("username")
    dis.set_defaults(handler=_disable)

    en = usub.add_parser("enable", help="enable a disabled account again")
    en.add_argument("username")
    en.set_defaults(handler=_enable)

    reset = usub.add_parser(
        "reset-password", help="set a temporary password; the user must change it at login"
    )
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true",
                       help="read the temporary password from standard input")
    reset.set_defaults(handler=_reset)


def _edit(args: argparse.Namespace, ctx: CliContext) -> int:
    teams = [] if args.no_teams else args.teams
    try:
        info = ctx.services().staff_admin.edit_user(
            SYSTEM, args.username, display_name=args.display_name, email=args.email,
            role=args.role.lower() if args.role else None, tier=args.tier, team_names=teams,
            language=args.language,
        )
    except DeskError as exc:
        raise CliError(str(exc)) from None
    print(f"{info.username}: {info.role.value}, tier {info.tier}, "
          f"teams {', '.join(info.team_names) or '-'}, language {info.language}")
    return 0


def _disable(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        result = ctx.services().staff_admin.disable_user(SYSTEM, args.username)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    print(f"disabled {result.user.username}: cannot log in, gets no new work.")
    if result.open_tickets:
        print(f"{len(result.open_tickets)} open tickets to reassign:")
        for t in result.open_tickets:
            print(f"  {t.reference}  {t.status.value:20} {t.subject}")
    else:
        print("no open tickets.")
    return 0


def _enable(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        info = ctx.services().staff_admin.enable_user(SYSTEM, args.username)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    print(f"enabled {info.username}")
    return 0


def _reset(args: argparse.Namespace, ctx: CliContext) -> int:
    from deskapp.cli.users import read_password

    password = read_password(args.password_stdin)
    try:
        ctx.services().staff_admin.reset_password(SYSTEM, args.username, password)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    print(f"password of {args.username} reset; they must choose a new one at next login.")
    return 0
