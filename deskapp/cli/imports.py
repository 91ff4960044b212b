"""``deskapp import customers FILE.csv [--skip-invalid]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deskapp.cli.context import CliContext, CliError
from deskapp.cli.progress import ProgressBar
from deskapp.services.customer_import import COLUMNS, CustomerImportService, ImportReport
from deskapp.services.errors import DeskError
from deskapp.services.permissions import SYSTEM

MAX_LISTED = 50
PROGRESS_FROM_BYTES = 256 * 1024  # a progress bar for files that take a while


def register(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help="import data from files")
    isub = imp.add_subparsers(dest="import_command", metavar="WHAT", required=True)
    cust = isub.add_parser(
        "customers",
        help="import customers from a CSV file",
        description="Import customers from a UTF-8 CSV file with a header row. Columns "
        f"(any order, case-insensitive): {', '.join(COLUMNS)}; only 'name' is required; "
        "several phone numbers are separated by ';'. Every row is checked first; when any "
        "row is invalid nothing is imported, unless --skip-invalid is given.",
    )
    cust.add_argument("file", metavar="FILE.csv")
    cust.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the valid rows and list the invalid ones, instead of importing nothing",
    )
    cust.set_defaults(handler=_customers)


def _customers(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ctx.services()
    service = CustomerImportService(svc.uow)
    bar = ProgressBar("importing")
    path = Path(args.file)
    large = path.is_file() and path.stat().st_size > PROGRESS_FROM_BYTES
    try:
        report = service.import_file(
            SYSTEM, path, skip_invalid=args.skip_invalid, progress=bar if large else None
        )
    except DeskError as exc:
        raise CliError(str(exc)) from None
    finally:
        bar.finish()
    return print_report(report, args.file)


def print_report(report: ImportReport, name: str) -> int:
    err = sys.stderr
    for warning in report.warnings:
        err.write(f"deskapp: warning: {warning}\n")
    for error in report.errors[:MAX_LISTED]:
        err.write(f"{error}\n")
    if len(report.errors) > MAX_LISTED:
        err.write(f"... and {len(report.errors) - MAX_LISTED} more.\n")
    if report.refused:
        err.write(
            f"deskapp: {len(report.errors)} of {report.rows} rows in {name} are invalid; "
            "nothing was imported. Fix them, or import the valid rows with --skip-invalid.\n"
        )
        return 1
    skipped = f", skipped {len(report.errors)} invalid" if report.errors else ""
    print(f"imported {report.imported} customers from {name}{skipped}.")
    return 0
