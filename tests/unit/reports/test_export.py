"""Exports read back: CSV, XLSX (openpyxl) and PDF text (pypdf) carry the figures of
the report; text that a spreadsheet would run as a formula is written as text."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pypdf
import pytest

from deskapp.cli import main
from deskapp.services.facade import build_services
from deskapp.services.permissions import SYSTEM
from deskapp.services.queue import QueueFilter, QueueQuery, View
from deskapp.services.reports import ReportQuery
from deskapp.services.reports.export import csv_cell, write_xlsx
from deskapp.services.reports.queue_export import QUEUE_HEADERS, export_queue
from deskapp.services.reports.tables import Table, report_tables
from tests.helpers.databases import copy_sqlite
from tests.unit.reports.desk import RANGE, build

EVIL_POLICY = '=HYPERLINK("http://evil.example","VIP")'
EVIL_NAME = "=cmd|' /C calc'!A0"
ARGS = ["report", "--from", "2026-11-23", "--to", "2026-11-29", "--timezone", "UTC"]


@pytest.fixture(scope="module")
def desk_url(sqlite_template, tmp_path_factory):
    url = copy_sqlite(sqlite_template, tmp_path_factory.mktemp("export"))
    rd = build(url, customer_name=EVIL_NAME, vip_policy=EVIL_POLICY)
    rd.services.dispose()
    return url


@pytest.fixture(scope="module")
def expected(desk_url):
    """The tables as the service computes them now (the CLI runs on the real clock)."""
    svc = build_services(desk_url)
    try:
        return report_tables(svc.reports.report(SYSTEM, ReportQuery(*RANGE)))
    finally:
        svc.dispose()


def _cell(v) -> str:
    return "" if v is None else str(v)


def test_csv_has_every_table_and_figure(desk_url, expected, tmp_path: Path):
    out = tmp_path / "r.csv"
    assert main(["--db", desk_url, *ARGS, "--format", "csv", "--out", str(out)]) == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        lines = list(csv.reader(f))
    for t in expected:
        at = lines.index([t.title])
        assert lines[at + 1] == list(t.headers)
        body = lines[at + 2 : at + 2 + len(t.rows)]
        assert body == [[str(csv_cell(v)) for v in row] for row in t.rows]
    sla = [row for row in lines if row and row[0].startswith("'=HYPERLINK")]
    assert len(sla) == 2  # both clocks of the policy, as text with an apostrophe
    summary = {row[0]: row[1] for row in lines if len(row) == 2}
    assert summary["Tickets created"] == "10" and summary["Tickets resolved"] == "9"


def test_xlsx_has_a_sheet_per_table_and_no_formulas(desk_url, expected, tmp_path: Path):
    out = tmp_path / "r.xlsx"
    assert main(["--db", desk_url, *ARGS, "--format", "xlsx", "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [t.title for t in expected]
    for t in expected:
        ws = wb[t.title]
        got = [[c for c in row] for row in ws.iter_rows(values_only=True)]
        assert got[0] == list(t.headers)
        width = len(t.headers)
        assert [list(r) + [None] * (width - len(r)) for r in got[1:]] == [list(r) for r in t.rows]
    cells = [c for row in wb["SLA compliance"].iter_rows() for c in row if c.value == EVIL_POLICY]
    assert len(cells) == 2 and all(c.data_type == "s" for c in cells)


def test_a_single_table_writes_formula_like_text_as_text(tmp_path: Path):
    out = tmp_path / "t.xlsx"
    write_xlsx([Table("t", "T", ("Name", "n"), (("@SUM(1)", -3), ("+1", 2.5)))], out)
    ws = openpyxl.load_workbook(out)["T"]
    assert [(c.value, c.data_type) for c in ws["A"]][1:] == [("@SUM(1)", "s"), ("+1", "s")]
    assert ws["B2"].value == -3 and ws["B2"].data_type == "n"
    assert csv_cell(-3) == -3 and csv_cell("-3") == "'-3"


def test_queue_view_exports_with_the_customer_name_as_text(desk_url, tmp_path: Path):
    svc = build_services(desk_url)
    try:
        q = QueueQuery(view=View.CUSTOM, filter=QueueFilter())
        n = export_queue(svc.queue, SYSTEM, q, tmp_path / "q.xlsx", "xlsx")
        m = export_queue(svc.queue, SYSTEM, q, tmp_path / "q.csv", "csv")
    finally:
        svc.dispose()
    assert n == m == 12
    ws = openpyxl.load_workbook(tmp_path / "q.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == QUEUE_HEADERS
    customer = QUEUE_HEADERS.index("Customer")
    names = [r[customer] for r in rows[1:]]
    assert all(name.startswith(EVIL_NAME) for name in names)
    assert all(c.data_type == "s" for c in list(ws.columns)[customer])
    text = (tmp_path / "q.csv").read_text(encoding="utf-8-sig")
    assert text.count(f"'{EVIL_NAME}") == 12


def _pdf(desk_url: str, out: Path, lang: str) -> tuple[str, str]:
    """The text of the PDF (whitespace collapsed) and its title (logical order: the
    page text of right-to-left lines comes out in visual order)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DESKAPP_LANG=lang)
    done = subprocess.run(
        [sys.executable, "-m", "deskapp.cli", "--db", desk_url, *ARGS, "--format", "pdf",
         "--out", str(out)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    reader = pypdf.PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), reader.metadata.title


def test_pdf_in_english_has_the_figures(desk_url, expected, tmp_path: Path):
    text, title = _pdf(desk_url, tmp_path / "r.pdf", "en")
    assert title == "Desk report 2026-11-23 to 2026-11-29"
    assert title in text
    for t in expected:
        assert t.title in text
    summary = dict(expected[0].rows)
    assert "Tickets created" in text and "First-contact resolution %" in text
    assert f"{summary['First-contact resolution %']}" in text  # 33.3


def test_pdf_in_persian_has_the_jalali_range(desk_url, tmp_path: Path):
    text, title = _pdf(desk_url, tmp_path / "r.pdf", "fa")
    # 23 and 29 November 2026 are 2 and 8 Azar 1405, in Persian digits.
    assert title == "گزارش میز خدمت از ۱۴۰۵/۰۹/۰۲ تا ۱۴۰۵/۰۹/۰۸"
    # The figures in Persian digits: Ali handled 6 and resolved 6, FCR 50.0 %.
    assert "Ali Rezaei ۶ ۶ ۵۰٫۰" in text
