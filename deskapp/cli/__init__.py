"""The ``deskapp`` command: the workstation by default, admin sub-commands otherwise.

Each command group lives in its own module with a ``register(subparsers)`` that adds
its sub-parser and sets ``handler`` to a function ``(args, context) -> int``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from deskapp import __version__
from deskapp.cli import (
    branch,
    call,
    database,
    demo,
    desk_rules,
    imports,
    profiles,
    reports,
    sla,
    sync,
    teams,
    users,
)
from deskapp.cli.context import CliContext, CliError

COMMAND_MODULES = [database, users, teams, profiles, sla, demo, imports, desk_rules,
                   branch, sync, call, reports]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deskapp",
        description="Support-desk workstation. With no command, starts the workstation.",
    )
    parser.add_argument("--version", action="version", version=f"deskapp {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (sqlite:///FILE or postgresql://USER@HOST/DB); default: "
        "$DESKAPP_DATABASE_URL, else the active profile (`deskapp profile`), else the "
        "local SQLite file",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    context = CliContext(args.db)
    try:
        if args.command is None:
            from deskapp.app import run_gui

            return run_gui(context.settings)
        return int(args.handler(args, context) or 0)
    except CliError as exc:
        print(f"deskapp: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("deskapp: interrupted; nothing was written by the unfinished step.", file=sys.stderr)
        return 130
    finally:
        context.close()


if __name__ == "__main__":
    sys.exit(main())
