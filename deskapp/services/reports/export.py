"""Tables to CSV and XLSX, safe against formula injection.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula
(a customer named ``=HYPERLINK(...)`` would). XLSX cells are written with
XlsxWriter's ``write_string`` (a text cell, never a formula) and numbers with
``write_number``; in CSV, which has no cell types, such text gets a leading
apostrophe (the OWASP advice), which spreadsheets show as text. Numbers are never
altered.

XlsxWriter (not openpyxl) writes: it is a write-only, pure-Python, actively kept
library with a constant-memory mode, so exporting a queue view of many thousand rows
does not hold the workbook in memory; openpyxl is only needed by the tests, to read
the files back.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from deskapp.services.reports.tables import Cell, Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Cell) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(tables: Sequence[Table], path: str | Path) -> None:
    """One table: headers and rows. Several: each under its title, a blank line between.
    UTF-8 with a byte-order mark, so spreadsheets read Persian right."""
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        for i, t in enumerate(tables):
            if len(tables) > 1:
                if i:
                    w.writerow([])
                w.writerow([csv_cell(t.title)])
            w.writerow([csv_cell(h) for h in t.headers])
            for row in t.rows:
                w.writerow([csv_cell(v) for v in row])


def write_rows_csv(headers: Sequence[str], rows: Iterable[Sequence[Cell]], path: str | Path) -> int:
    """A stream of rows (a queue view) to CSV; returns how many rows."""
    n = 0
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow([csv_cell(h) for h in headers])
        for row in rows:
            w.writerow([csv_cell(v) for v in row])
            n += 1
    return n


def _sheet_name(title: str, used: set[str]) -> str:
    base = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "Sheet"
    name, i = base, 2
    while name.casefold() in used:
        suffix = f" ({i})"
        name, i = base[: 31 - len(suffix)] + suffix, i + 1
    used.add(name.casefold())
    return name


def _write(ws, r: int, values: Sequence[Cell], fmt=None) -> None:
    for c, v in enumerate(values):
        if v is None:
            continue
        if isinstance(v, bool):
            ws.write_boolean(r, c, v)
        elif isinstance(v, int | float):
            ws.write_number(r, c, v)
        else:
            ws.write_string(r, c, str(v), fmt) if fmt else ws.write_string(r, c, str(v))


def write_xlsx(
    tables: Sequence[Table], path: str | Path, *, right_to_left: bool = False
) -> None:
    """One worksheet per table, headers in bold."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
    try:
        bold = wb.add_format({"bold": True})
        used: set[str] = set()
        for t in tables:
            ws = wb.add_worksheet(_sheet_name(t.title, used))
            if right_to_left:
                ws.right_to_left()
            _write(ws, 0, t.headers, bold)
            for i, row in enumerate(t.rows, start=1):
                _write(ws, i, row)
            ws.set_column(0, 0, max([len(str(t.headers[0]))] + [len(str(r[0])) for r in t.rows]) + 2)
    finally:
        wb.close()


def write_rows_xlsx(
    title: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]], path: str | Path,
    *, right_to_left: bool = False,
) -> int:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
    n = 0
    try:
        ws = wb.add_worksheet(_sheet_name(title, set()))
        if right_to_left:
            ws.right_to_left()
        _write(ws, 0, headers, wb.add_format({"bold": True}))
        for n, row in enumerate(rows, start=1):  # noqa: B007
            _write(ws, n, row)
    finally:
        wb.close()
    return n
