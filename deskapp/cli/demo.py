"""``deskapp demo``: fill an empty database with a realistic desk to try deskapp on."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from sqlalchemy.engine import URL

from deskapp.cli.context import CliContext, CliError, describe_connection_error
from deskapp.cli.progress import ProgressBar
from deskapp.models.database import make_engine
from deskapp.services import schema
from deskapp.services.errors import DeskError

if TYPE_CHECKING:  # the demo generator loads when the command runs, not with `deskapp`
    from deskapp.services.demo import DemoReport


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser(
        "demo",
        help="fill an empty database with demo data (staff, customers, tickets)",
        description="Fill an EMPTY database with a realistic desk: sites HQ and TBZ, teams, "
        "staff of every role with demo passwords, customers, a year of tickets with their "
        "conversation, escalations and SLA clocks, canned responses. Prints the logins.",
    )
    demo.add_argument("--tickets", type=_count, default=5000, metavar="N",
                      help="number of tickets (default 5000)")
    demo.add_argument("--customers", type=_count, metavar="M",
                      help="number of customers (default: a fifth of the tickets)")
    demo.add_argument("--seed", type=int, default=1, metavar="S",
                      help="random seed: the same seed gives the same data (default 1)")
    demo.set_defaults(handler=_demo)


def _count(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative")
    return value


def _schema_is_empty(url: URL) -> bool:
    engine = make_engine(url)
    try:
        return schema.schema_status(engine).state is schema.SchemaState.EMPTY
    except Exception as exc:
        raise CliError(describe_connection_error(exc, url)) from None
    finally:
        engine.dispose()


def _demo(args: argparse.Namespace, ctx: CliContext) -> int:
    customers = args.customers if args.customers is not None else max(1, args.tickets // 5)
    # A brand-new database gets its schema: the demo is the first thing one does with it.
    ctx.preflight(create=True)  # never opens a foreign or non-SQLite file for writing
    empty = _schema_is_empty(ctx.settings.connect_url())
    svc = ctx.services(upgrade=empty)
    bar = ProgressBar("demo data")
    try:
        from deskapp.services.demo import generate_demo

        report = generate_demo(
            svc, tickets=args.tickets, customers=customers, seed=args.seed, progress=bar
        )
    except DeskError as exc:
        raise CliError(str(exc)) from None
    finally:
        bar.finish()
    print_report(report, svc.database_label)
    return 0


def print_report(report: DemoReport, where: str, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    out.write(
        f"{where}: {report.tickets:,} tickets, {report.customers:,} customers, "
        f"{report.interactions:,} interactions, {report.escalations:,} escalations "
        f"in {report.seconds:.1f} s.\n\nDemo logins:\n"
    )
    rows = [("username", "role", "password", "name", "teams")]
    for login in report.logins:
        name, teams = report.staff.get(login.username, ("", ()))
        rows.append((login.username, login.role.value, login.password, name,
                     ", ".join(teams) or "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for n, row in enumerate(rows):
        cells = [row[i].ljust(widths[i]) for i in range(4)] + [row[4]]
        out.write("  " + "  ".join(cells) + "\n")
        if n == 0:
            out.write("  " + "  ".join("-" * w for w in widths) + "  -----\n")
