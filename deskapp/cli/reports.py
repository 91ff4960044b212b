"""``deskapp report``: the report of a date range as CSV, XLSX or PDF, for a manager's
weekly mail (cron). The same figures as the Reports tab (services.reports)."""

from __future__ import annotations

import argparse
import os
from datetime import date

from sqlalchemy import select

from deskapp.cli.context import CliContext, CliError
from deskapp.models import Site, Team
from deskapp.services.errors import DeskError
from deskapp.services.permissions import SYSTEM
from deskapp.services.reports import ReportQuery
from deskapp.services.reports.export import write_csv, write_xlsx
from deskapp.services.reports.tables import report_tables


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="write the desk report of a date range as CSV, XLSX or PDF",
        description="The desk report (SLA compliance, response times, first-contact "
        "resolution, CSAT, backlog, escalations, volume, per agent) of the days FROM to "
        "TO inclusive.",
    )
    p.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
    p.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
    p.add_argument("--team", action="append", default=[], metavar="NAME",
                   help="only this team (repeat for several)")
    p.add_argument("--format", choices=("csv", "xlsx", "pdf"), required=True)
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--timezone", metavar="ZONE",
                   help="days and hours in this time zone (default: the first site's)")
    p.add_argument("--lang", choices=("en", "fa"), default=None,
                   help="language of the PDF (default: $DESKAPP_LANG, else English)")
    p.set_defaults(handler=_report)


def _report(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ctx.services()
    with svc.uow(read_only=True) as uow:
        s = uow.session
        zone = args.timezone or s.scalar(
            select(Site.timezone).where(Site.deleted_at.is_(None)).order_by(Site.created_at)
        ) or "UTC"
        team_ids = []
        for name in args.team:
            tid = s.scalar(select(Team.id).where(Team.name == name, Team.deleted_at.is_(None)))
            if tid is None:
                raise CliError(f"no team named {name!r}")
            team_ids.append(tid)
    query = ReportQuery(args.start, args.end, timezone=zone, team_ids=tuple(team_ids))
    try:
        report = svc.reports.report(SYSTEM, query)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    if args.format == "csv":
        write_csv(report_tables(report), args.out)
    elif args.format == "xlsx":
        write_xlsx(report_tables(report), args.out)
    else:
        _pdf(report, args.out, args.lang or os.environ.get("DESKAPP_LANG", "en"))
    print(f"wrote {args.out}")
    return 0


def _pdf(report, path: str, language: str) -> None:
    """PDF needs Qt's text layout: a QGuiApplication on the offscreen platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QGuiApplication

    from deskapp.ui.formatting import Formatter
    from deskapp.ui.i18n import apply_language
    from deskapp.ui.reports.document import write_pdf

    app = QGuiApplication.instance() or QGuiApplication([])
    if language != "en":
        apply_language(app, language)  # type: ignore[arg-type]
    write_pdf(report, path, Formatter(QLocale(language)))
