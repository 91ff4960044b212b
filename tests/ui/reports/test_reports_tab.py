"""The Reports tab: figures and tables of the hand-built desk, filters, charts, a
click on a chart cell opening its tickets in the queue; agents have no tab."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import select

from deskapp.models import Ticket
from deskapp.services.facade import build_services
from deskapp.ui.reports.view import ReportsView
from deskapp.ui.tasks import TaskRunner
from tests.helpers.databases import copy_sqlite
from tests.helpers.sla import FakeClock
from tests.helpers.staff import Desk
from tests.unit.reports.desk import NOW_H, RANGE, ReportDesk, build


@pytest.fixture(scope="module")
def desk_url(sqlite_template, tmp_path_factory) -> str:
    url = copy_sqlite(sqlite_template, tmp_path_factory.mktemp("reports-ui"))
    rd = build(url)
    rd.services.dispose()
    return url


@pytest.fixture
def rd(desk_url) -> Iterator[ReportDesk]:
    """The module's desk, seen at the hour the report tests are worked out for."""
    clock = FakeClock()
    clock.set(hours=NOW_H)
    services = build_services(desk_url, clock=clock)
    with services.uow(read_only=True) as uow:
        ids = {s.split()[0]: i for i, s in uow.session.execute(select(Ticket.id, Ticket.subject))}
    actor = services.staff.actor
    desk = Desk(services, *(actor(n) for n in ("ali", "sara", "reza", "maryam", "nima", "root")))
    yield ReportDesk(services, desk, clock, ids)
    services.dispose()


def _view(qtbot, rd: ReportDesk, actor=None) -> ReportsView:
    runner = TaskRunner()
    view = ReportsView(rd.services, actor or rd.desk.manager, runner, timezone="UTC")
    runner.setParent(view)
    qtbot.addWidget(view)
    view.date_from.setDate(QDate(RANGE[0].year, RANGE[0].month, RANGE[0].day))
    view.date_to.setDate(QDate(RANGE[1].year, RANGE[1].month, RANGE[1].day))
    qtbot.waitUntil(lambda: view.team.count() > 1)
    return view


def _run(qtbot, view: ReportsView):
    with qtbot.waitSignal(view.report_loaded, timeout=20_000) as blocker:
        view.run_button.click()
    return blocker.args[0]


def test_figures_tables_and_definitions(qtbot, rd):
    view = _view(qtbot, rd)
    report = _run(qtbot, view)
    assert report.volume.total == 10
    assert view.cards["volume"].text() == "10"
    assert view.cards["backlog"].text() == "3"
    assert view.cards["fcr"].text() == "33%"
    assert "7 days" in view.cards["fcr"].toolTip()
    assert view.tables.count() == 11
    summary = view.tables.widget(0).model()
    texts = {summary.index(r, 0).data(): summary.index(r, 1).data()
             for r in range(summary.rowCount())}
    assert texts["Tickets resolved"] == "9"
    assert view.progress.isHidden()
    assert all(b.isEnabled() for b in view._export_buttons)


def test_models_pass_the_model_tester(qtbot, qtmodeltester, rd):
    view = _view(qtbot, rd)
    _run(qtbot, view)
    for i in range(view.tables.count()):
        qtmodeltester.check(view.tables.widget(i).model())


def test_filters_narrow_the_report(qtbot, rd):
    view = _view(qtbot, rd)
    view.channel.setCurrentIndex(view.channel.findText("Email"))
    assert _run(qtbot, view).volume.total == 5
    view.channel.setCurrentIndex(0)
    view.team.setCurrentIndex(view.team.findText("Billing"))
    assert _run(qtbot, view).volume.total == 3
    view.team.setCurrentIndex(0)
    view.agent.setCurrentIndex(view.agent.findText("Ali Rezaei"))
    assert _run(qtbot, view).volume.total == 6


def test_supervisor_sees_their_teams_and_a_reversed_range_is_refused(qtbot, rd):
    view = _view(qtbot, rd, rd.desk.supervisor)
    assert sorted(view.team.itemText(i) for i in range(1, view.team.count())) == [
        "Billing", "Front desk"]
    view.date_to.setDate(QDate(2026, 11, 1))
    with qtbot.waitSignal(view.load_failed, timeout=20_000):
        view.run_button.click()
    assert view.run_button.isEnabled()


def test_a_heat_map_cell_asks_for_its_tickets(qtbot, rd):
    view = _view(qtbot, rd)
    view.show()
    assert view.charts is not None  # built when shown
    _run(qtbot, view)
    with qtbot.waitSignal(view.tickets_requested, timeout=20_000) as blocker:
        assert view.charts.click_at(view.charts.heat, 9.5, 0.5)  # Monday 09:00
    ids, title = blocker.args
    assert ids == [rd.tickets["T1"]] and "09:00" in title
    with qtbot.waitSignal(view.tickets_requested, timeout=20_000) as blocker:
        assert view.charts.click_at(view.charts.channels,
                                    view.charts._channels.index("chat"), 0.5)
    assert blocker.args[0] == [rd.tickets["T7"]]
    # The stacked SLA bar: only its breached part opens tickets.
    vip_fr = next(i for i, s in enumerate(view.report.sla)
                  if s.policy_name == "VIP" and s.clock == "first_response")
    assert not view.charts.click_at(view.charts.sla, vip_fr, 0.5)  # met
    with qtbot.waitSignal(view.tickets_requested, timeout=20_000) as blocker:
        assert view.charts.click_at(view.charts.sla, vip_fr, 1.5)  # breached
    assert blocker.args[0] == [rd.tickets["T4"]]


def test_click_through_opens_the_tickets_in_the_queue(qtbot, desk_url, rd):
    from deskapp.app import build_workstation

    win = build_workstation(desk_url, "nima")
    qtbot.addWidget(win)
    view = win.reports_view
    assert view is not None
    tab = win.tabs.indexOf(view)
    assert win.tabs.tabText(tab) == "Reports"
    win.tabs.setCurrentIndex(tab)
    view.date_from.setDate(QDate(2026, 11, 23))
    view.date_to.setDate(QDate(2026, 11, 29))
    view._timezone = "UTC"
    qtbot.waitUntil(lambda: view.team.count() > 1)
    _run(qtbot, view)
    view.open_tickets("volume_channel", "email", "Email")
    qtbot.waitUntil(lambda: win.tabs.currentIndex() == 0, timeout=20_000)
    qtbot.waitUntil(lambda: win.queue.model.rowCount() == 5, timeout=20_000)
    assert win.queue.current_view_id() == "report"
    assert win.queue.views.currentItem().text() == "Report: Email"
    win.runner.wait(10_000)


@pytest.mark.parametrize("username", ["ali", "reza"])
def test_agents_have_no_reports_tab(qtbot, desk_url, username):
    from deskapp.app import build_workstation

    win = build_workstation(desk_url, username)
    qtbot.addWidget(win)
    assert win.reports_view is None
    assert "Reports" not in [win.tabs.tabText(i) for i in range(win.tabs.count())]
    win.runner.wait(10_000)


def test_queue_view_exports(qtbot, desk_url, tmp_path):
    import openpyxl

    from deskapp.app import build_workstation

    win = build_workstation(desk_url, "nima")
    qtbot.addWidget(win)
    win.queue.show_view("all_open")
    with qtbot.waitSignal(win.queue.exported, timeout=20_000) as blocker:
        win.queue.export_view(str(tmp_path / "q.xlsx"))
    path, n = blocker.args
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert n == len(rows) - 1 == 3  # T7, T8, T10 are open
    win.runner.wait(10_000)


def test_persian_dates_use_the_jalali_calendar(qtbot, rd):
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    try:
        view = _view(qtbot, rd)
        assert view.date_from.calendar().name() == "Jalali"
        assert view.date_from.text() == "۱۴۰۵/۰۹/۰۲"  # 23 November 2026
    finally:
        QLocale.setDefault(before)
    assert _view(qtbot, rd).date_from.calendar().name() == "Gregorian"


def test_printing_and_pdf_from_the_tab(qtbot, rd, tmp_path):
    import pypdf
    from PySide6.QtPrintSupport import QPrinter

    from deskapp.ui.reports.document import print_report

    view = _view(qtbot, rd)
    report = _run(qtbot, view)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_report(report, printer)
    view._on_export_pdf_clicked(path=str(tmp_path / "saved.pdf"))
    for name in ("printed.pdf", "saved.pdf"):
        text = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / name).pages)
        assert "Tickets created" in " ".join(text.split())


def test_site_filter_appears_with_a_second_site(qtbot, rd):
    from deskapp.services.facade import ensure_site

    view = _view(qtbot, rd)
    assert view.site.isHidden()  # one site: nothing to choose
    ensure_site(rd.services, "TBZ", "Tabriz")
    view = _view(qtbot, rd)
    view.show()
    assert not view.site.isHidden() and view.site.count() == 3
    view.site.setCurrentIndex(view.site.findText("TBZ — Tabriz"))
    assert _run(qtbot, view).volume.total == 0
    view.site.setCurrentIndex(view.site.findText("HQ — Head office"))
    assert _run(qtbot, view).volume.total == 10
