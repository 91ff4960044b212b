"""The whole report as one printable document: PDF (QPdfWriter) and printing (QPrinter).

The document is HTML in a QTextDocument, laid out right to left under Persian with
the range in the title in the Jalali calendar and Persian digits. Needs a
QGuiApplication (the command line starts one on the offscreen platform).
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, Qt
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from deskapp.services.reports import Report
from deskapp.services.reports.tables import Table, report_tables
from deskapp.ui.formatting import Formatter
from deskapp.ui.reports.labels import table_words


def day_text(fmt: Formatter, d: date) -> str:
    qd = QDate(d.year, d.month, d.day)
    if fmt.locale.language() == QLocale.Language.Persian:
        ymd = fmt.calendar.partsFromDate(qd)
        return fmt.digits(f"{ymd.year:04d}/{ymd.month:02d}/{ymd.day:02d}")
    return fmt.locale.toString(qd, "yyyy-MM-dd")


def cell_text(fmt: Formatter, value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return fmt.number(value)
    if isinstance(value, float):
        return fmt.number(value, 2 if abs(value) < 10 and value != int(value) else 1)
    return str(value)


def localized_tables(report: Report, fmt: Formatter | None = None) -> list[Table]:
    fmt = fmt or Formatter(QLocale())
    return report_tables(report, table_words(), lambda d: day_text(fmt, d))


def title(report: Report, fmt: Formatter | None = None) -> str:
    fmt = fmt or Formatter(QLocale())
    q = report.query
    text = (
        QCoreApplication.translate("ReportDocument", "Desk report %1 to %2")
        .replace("%1", day_text(fmt, q.start))
        .replace("%2", day_text(fmt, q.end))
    )
    if report.team_names:
        text += " — " + ("، " if _rtl(fmt) else ", ").join(report.team_names)
    return text


def _rtl(fmt: Formatter) -> bool:
    return fmt.locale.textDirection() == Qt.LayoutDirection.RightToLeft


def report_html(report: Report, fmt: Formatter | None = None) -> str:
    fmt = fmt or Formatter(QLocale())
    rtl = _rtl(fmt)
    align = "right" if rtl else "left"
    parts = [
        f'<html><body dir="{"rtl" if rtl else "ltr"}">',
        f'<h1 align="{align}">{html.escape(title(report, fmt))}</h1>',
        f'<p align="{align}">'
        + html.escape(
            QCoreApplication.translate("ReportDocument", "Generated %1; times are business time of each ticket's calendar.").replace(
                "%1", fmt.datetime(report.generated_at)
            )
        )
        + "</p>",
    ]
    for t in localized_tables(report, fmt):
        parts.append(f'<h3 align="{align}">{html.escape(t.title)}</h3>')
        parts.append('<table border="1" cellspacing="0" cellpadding="3" width="100%">')
        parts.append(
            "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in t.headers) + "</tr>"
        )
        for row in t.rows:
            parts.append(
                "<tr>"
                + "".join(f'<td align="{align}">{html.escape(cell_text(fmt, v))}</td>' for v in row)
                + "</tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def build_document(report: Report, fmt: Formatter | None = None) -> QTextDocument:
    fmt = fmt or Formatter(QLocale())
    doc = QTextDocument()
    option = QTextOption()
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if _rtl(fmt) else Qt.LayoutDirection.LeftToRight
    )
    doc.setDefaultTextOption(option)
    font = doc.defaultFont()
    font.setPointSize(8)
    doc.setDefaultFont(font)
    doc.setHtml(report_html(report, fmt))
    return doc


def write_pdf(report: Report, path: str, fmt: Formatter | None = None) -> None:
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title(report, fmt))
    writer.setCreator("deskapp")
    doc = build_document(report, fmt)
    doc.print_(writer)


def print_report(report: Report, printer: QPagedPaintDevice, fmt: Formatter | None = None) -> None:
    build_document(report, fmt).print_(printer)


__all__ = ["print_report", "report_html", "write_pdf"]
