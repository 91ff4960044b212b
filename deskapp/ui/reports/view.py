"""The Reports tab: filters, figures with their definitions on hover, charts, tables,
export (CSV/XLSX per table, the whole report to XLSX and PDF) and printing.

A self-contained widget taking its parts explicitly (``services``, ``actor``,
``runner``); the composition root adds it for supervisors, managers and
administrators and connects ``tickets_requested(ids, title)`` to the queue. The
report runs on the TaskRunner (never on the GUI thread), reporting its progress;
charts (pyqtgraph) are imported the first time the tab is shown.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCalendar, QDate, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from deskapp.models.enums import Channel, Priority, Segment
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor, Permission
from deskapp.services.reports import Report, ReportQuery
from deskapp.services.reports.export import write_csv, write_xlsx
from deskapp.ui.error_text import describe
from deskapp.ui.formatting import Formatter, formatter
from deskapp.ui.reports.definitions import definitions
from deskapp.ui.reports.document import localized_tables, print_report, write_pdf
from deskapp.ui.reports.table_model import ReportTableModel
from deskapp.ui.tasks import TaskRunner


def may_see_reports(actor: Actor) -> bool:
    return actor.can(Permission.VIEW_REPORTS)


def _describe(exc: BaseException) -> str:
    return describe(exc)


class _Progress(QObject):
    """Lives on the GUI thread; the worker emits, the bar updates (queued)."""

    progressed = Signal(int, int)


class ReportsView(QWidget):
    tickets_requested = Signal(object, str)  # list[uuid.UUID], a title for the queue view
    report_loaded = Signal(object)  # Report
    load_failed = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        timezone: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsView")
        self._services = services
        self._actor = actor
        self._runner = runner
        self._fmt: Formatter = formatter()
        self._timezone = timezone or _local_zone()
        self._today = today or date.today()
        self.report: Report | None = None
        self.charts: Any = None  # ReportCharts, built when first shown
        self._progress = _Progress(self)
        self._defs = definitions()
        self._build()
        self._connect_signals()
        self._load_choices()

    # -- building -----------------------------------------------------------
    def _build(self) -> None:
        persian = QLocale().language() == QLocale.Language.Persian
        cal = QCalendar(QCalendar.System.Jalali if persian else QCalendar.System.Gregorian)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setCalendar(cal)
            edit.setDisplayFormat("yyyy/MM/dd")
        start = self._today - timedelta(days=29)
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(self._today.year, self._today.month, self._today.day))
        self.team = self._combo(self.tr("All my teams") if not self._sees_all() else self.tr("All teams"))
        self.site = self._combo(self.tr("All sites"))
        self.agent = self._combo(self.tr("All agents"))
        self.channel = self._combo(self.tr("All channels"), [
            (self.tr("Phone"), Channel.PHONE), (self.tr("Email"), Channel.EMAIL),
            (self.tr("Chat"), Channel.CHAT), (self.tr("Social"), Channel.SOCIAL),
            (self.tr("Walk-in"), Channel.WALK_IN), (self.tr("Web"), Channel.WEB)])
        self.segment = self._combo(self.tr("All segments"), [
            (self.tr("Standard"), Segment.STANDARD), (self.tr("Priority"), Segment.PRIORITY),
            (self.tr("VIP"), Segment.VIP)])
        self.priority = self._combo(self.tr("All priorities"), [
            (self.tr("Low"), Priority.LOW), (self.tr("Normal"), Priority.NORMAL),
            (self.tr("High"), Priority.HIGH), (self.tr("Urgent"), Priority.URGENT)])
        self.category = QLineEdit(self)
        self.category.setPlaceholderText(self.tr("Any category"))
        self.run_button = QPushButton(self.tr("Show report"), self)
        self.run_button.setDefault(True)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        filters = QFormLayout()
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to"), self))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        filters.addRow(self.tr("Dates"), dates)
        row = QHBoxLayout()
        for w in (self.site, self.team, self.agent, self.channel, self.segment, self.priority,
                  self.category):
            row.addWidget(w)
        filters.addRow(self.tr("Filters"), row)

        actions = QHBoxLayout()
        actions.addWidget(self.run_button)
        actions.addWidget(self.progress)
        actions.addWidget(self.status, 1)
        self.export_table_csv = QPushButton(self.tr("Table to CSV…"), self)
        self.export_table_xlsx = QPushButton(self.tr("Table to XLSX…"), self)
        self.export_xlsx = QPushButton(self.tr("Report to XLSX…"), self)
        self.export_pdf = QPushButton(self.tr("Report to PDF…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self._export_buttons = (self.export_table_csv, self.export_table_xlsx, self.export_xlsx,
                                self.export_pdf, self.print_button)
        for b in self._export_buttons:
            b.setEnabled(False)
            actions.addWidget(b)

        # Figures: value cards with a one-line definition on hover.
        self.cards: dict[str, QLabel] = {}
        cards = QGridLayout()
        specs = [
            ("sla", self.tr("SLA compliance")),
            ("first_response", self.tr("First response (median / 90%)")),
            ("resolution", self.tr("Resolution (median / 90%)")),
            ("fcr", self.tr("First-contact resolution")),
            ("csat", self.tr("CSAT")),
            ("backlog", self.tr("Open backlog")),
            ("escalations", self.tr("Escalated / reopened")),
            ("volume", self.tr("Tickets created")),
        ]
        for i, (key, caption) in enumerate(specs):
            box = QWidget(self)
            box.setObjectName(f"card_{key}")
            box.setToolTip(self._defs[key])
            v = QVBoxLayout(box)
            v.setContentsMargins(8, 6, 8, 6)
            title = QLabel(caption, box)
            title.setToolTip(self._defs[key])
            value = QLabel("—", box)
            value.setObjectName(f"value_{key}")
            value.setToolTip(self._defs[key])
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.5)
            font.setBold(True)
            value.setFont(font)
            v.addWidget(title)
            v.addWidget(value)
            box.setStyleSheet(
                f"#{box.objectName()} {{ border: 1px solid palette(mid); border-radius: 4px; }}"
            )
            cards.addWidget(box, i // 4, i % 4)
            self.cards[key] = value

        self.tables = QTabWidget(self)
        self.tables.setDocumentMode(True)
        self.chart_area = QWidget(self)
        QVBoxLayout(self.chart_area).setContentsMargins(0, 0, 0, 0)

        body = QWidget(self)
        bl = QVBoxLayout(body)
        bl.addLayout(cards)
        bl.addWidget(self.chart_area, 3)
        bl.addWidget(self.tables, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(scroll, 1)

    def _combo(self, any_text: str, items: list[tuple[str, Any]] = ()) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(any_text, None)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def _sees_all(self) -> bool:
        return self._actor.is_system or self._actor.role.value in ("manager", "admin")

    def _connect_signals(self) -> None:
        self.run_button.clicked.connect(self.run_report)
        self._progress.progressed.connect(self._on_progress_progressed)
        self.export_table_csv.clicked.connect(lambda: self._export_table("csv"))
        self.export_table_xlsx.clicked.connect(lambda: self._export_table("xlsx"))
        self.export_xlsx.clicked.connect(self._on_export_xlsx_clicked)
        self.export_pdf.clicked.connect(self._on_export_pdf_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.ensure_charts()

    def ensure_charts(self) -> None:
        """Import pyqtgraph and build the charts (once, when the tab is first shown)."""
        if self.charts is not None:
            return
        from deskapp.ui.reports.charts import ReportCharts

        self.charts = ReportCharts(self.chart_area, self._fmt)
        self.chart_area.layout().addWidget(self.charts)
        self.charts.cell_clicked.connect(self._on_charts_cell_clicked)
        if self.report is not None:
            self.charts.show_report(self.report)

    # -- choices ------------------------------------------------------------
    def _load_choices(self) -> None:
        svc, actor = self._services, self._actor

        def load():
            teams = svc.reports.team_choices(actor)
            users = svc.staff.list_users()
            return teams, users, svc.reports.site_choices(actor)

        self._runner.submit(load, self._on_choices_loaded, self._on_failed,
                            key="reports-choices", owner=self)

    def _on_choices_loaded(self, result) -> None:
        teams, users, sites = result
        for sid, name in sites:
            self.site.addItem(name, sid)
        self.site.setVisible(len(sites) > 1)  # one site: nothing to choose
        for tid, name in teams:
            self.team.addItem(name, tid)
        team_ids = {tid for tid, _n in teams}
        for u in users:  # a supervisor picks among the people of their teams
            if self._sees_all() or set(u.team_ids) & team_ids:
                self.agent.addItem(u.display_name, u.id)

    # -- running ------------------------------------------------------------
    def query(self) -> ReportQuery:
        def d(edit: QDateEdit) -> date:
            q = edit.date()
            return date(q.year(), q.month(), q.day())

        def one(combo: QComboBox):
            v = combo.currentData()
            return None if v is None else v

        team = one(self.team)
        return ReportQuery(
            start=d(self.date_from),
            end=d(self.date_to),
            timezone=self._timezone,
            site_id=one(self.site),
            team_ids=(team,) if team is not None else (),
            agent_id=one(self.agent),
            channel=_value(one(self.channel)),
            segment=_value(one(self.segment)),
            priority=_value(one(self.priority)),
            category=self.category.text().strip() or None,
        )

    @Slot()
    def run_report(self) -> None:
        query = self.query()
        svc, actor, progress = self._services, self._actor, self._progress
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Counting…"))
        self._runner.submit(
            lambda: svc.reports.report(actor, query, progress=progress.progressed.emit),
            self._on_report_done, self._on_failed, key="report", owner=self,
        )

    def _on_progress_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_report_done(self, report: Report) -> None:
        self.report = report
        self.run_button.setEnabled(True)
        self.progress.setVisible(False)
        self.status.setText(self.tr("Report of %1 to %2, as of %3.")
                            .replace("%1", self._fmt.date(report.range_start))
                            .replace("%2", _day(self._fmt, report.query.end))
                            .replace("%3", self._fmt.datetime(report.generated_at)))
        self._show_figures(report)
        self._show_tables(report)
        if self.charts is not None:
            self.charts.show_report(report)
        for b in self._export_buttons:
            b.setEnabled(True)
        self.report_loaded.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.progress.setVisible(False)
        text = self._error_text(exc)
        self.status.setText(text)
        self.load_failed.emit(text)

    def _error_text(self, exc: BaseException) -> str:
        """The report's own refusals worded here; anything else by the shared table."""
        own = {
            "reports.range_reversed": self.tr("The report ends before it starts."),
            "reports.range_too_long": self.tr("A report covers at most three years."),
            "reports.no_team": self.tr("You supervise no team to report on."),
            "reports.foreign_team": self.tr("You may report only on your own teams."),
            "reports.timezone": self.tr("Unknown time zone."),
        }
        return own.get(getattr(exc, "code", ""), "") or _describe(exc)

    def _show_figures(self, r: Report) -> None:
        f = self._fmt
        met = sum(s.met for s in r.sla)
        decided = met + sum(s.breached for s in r.sla)

        def pct(v: float | None) -> str:
            return "—" if v is None else f.percent(v / 100)

        def dur(s: int | None) -> str:
            return "—" if s is None else f.duration(timedelta(seconds=s))

        self.cards["sla"].setText(pct(100 * met / decided if decided else None))
        self.cards["first_response"].setText(
            f"{dur(r.first_response.median_s)} / {dur(r.first_response.p90_s)}")
        self.cards["resolution"].setText(f"{dur(r.resolution.median_s)} / {dur(r.resolution.p90_s)}")
        self.cards["fcr"].setText(pct(r.fcr.rate))
        avg = r.csat.average
        self.cards["csat"].setText(
            ("—" if avg is None else f.number(avg, 2)) + f"  ({pct(r.csat.response_rate)})")
        self.cards["backlog"].setText(f.number(r.backlog.total))
        self.cards["escalations"].setText(
            f"{pct(r.escalations.rate)} / {pct(r.escalations.reopen_rate)}")
        self.cards["volume"].setText(f.number(r.volume.total))

    def _show_tables(self, r: Report) -> None:
        current = self.tables.currentIndex()
        self.tables.clear()
        for t in localized_tables(r, self._fmt):
            view = QTableView(self.tables)
            view.setObjectName(f"table_{t.key}")
            view.setModel(ReportTableModel(t, self._fmt, view))
            view.verticalHeader().setVisible(False)
            view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            view.resizeColumnsToContents()
            view.doubleClicked.connect(lambda index, key=t.key: self._on_table_double_clicked(key, index.row()))
            self.tables.addTab(view, t.title)
        if 0 <= current < self.tables.count():
            self.tables.setCurrentIndex(current)

    # -- drill-down ---------------------------------------------------------
    def _on_charts_cell_clicked(self, figure: str, key: object, title: str) -> None:
        self.open_tickets(figure, key, title)

    def _on_table_double_clicked(self, table_key: str, row: int) -> None:
        r = self.report
        if r is None:
            return
        pick = {
            "volume_channel": lambda: ("volume_channel", r.volume.by_channel[row][0]),
            "volume_day": lambda: ("volume_day", r.volume.by_day[row][0]),
            "backlog_status": lambda: ("backlog_status", r.backlog.by_status[row][0]),
            "backlog_age": lambda: ("backlog_age", row),
            "csat": lambda: ("csat", row + 1),
            "agents": lambda: ("agent", r.agents[row].user_id),
        }.get(table_key)
        if pick is None:
            return
        figure, key = pick()
        title = self.tables.tabText(self.tables.currentIndex())
        self.open_tickets(figure, key, title)

    def open_tickets(self, figure: str, key: object, title: str) -> None:
        """Find the tickets behind a bar or cell (in the background), then ask for the
        queue to show them."""
        if self.report is None:
            return
        svc, actor, query = self._services, self._actor, self.report.query

        def done(ids: list[uuid.UUID]) -> None:
            self.tickets_requested.emit(ids, self.tr("Report: %1").replace("%1", title))

        self._runner.submit(lambda: svc.reports.ticket_ids(actor, query, figure, key),
                            done, self._on_failed, key="report-drill", owner=self)

    # -- export and print ---------------------------------------------------
    def _current_table(self):
        view = self.tables.currentWidget()
        return view.model().table if isinstance(view, QTableView) else None

    def _save_name(self, suffix: str, kind: str) -> str | None:
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export"), f"report.{suffix}", f"{kind} (*.{suffix})")
        return path or None

    def _rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _export_table(self, fmt: str, path: str | None = None) -> None:
        table = self._current_table()
        if table is None:
            return
        path = path or self._save_name(fmt, fmt.upper())
        if not path:
            return
        if fmt == "csv":
            write_csv([table], path)
        else:
            write_xlsx([table], path, right_to_left=self._rtl())
        self.status.setText(self.tr("Saved %1").replace("%1", path))

    def _on_export_xlsx_clicked(self, _checked: bool = False, path: str | None = None) -> None:
        if self.report is None:
            return
        path = path or self._save_name("xlsx", "XLSX")
        if path:
            write_xlsx(localized_tables(self.report, self._fmt), path, right_to_left=self._rtl())
            self.status.setText(self.tr("Saved %1").replace("%1", path))

    def _on_export_pdf_clicked(self, _checked: bool = False, path: str | None = None) -> None:
        if self.report is None:
            return
        path = path or self._save_name("pdf", "PDF")
        if path:
            write_pdf(self.report, path, self._fmt)
            self.status.setText(self.tr("Saved %1").replace("%1", path))

    def _on_print_button_clicked(self) -> None:
        if self.report is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_report(self.report, printer, self._fmt)


def _value(v: Any) -> str | None:
    return None if v is None else str(getattr(v, "value", v))


def _day(fmt: Formatter, d: date) -> str:
    from deskapp.ui.reports.document import day_text

    return day_text(fmt, d)


def _local_zone() -> str:
    from PySide6.QtCore import QTimeZone

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(name)
    except Exception:  # noqa: BLE001 — an unknown system zone: report in UTC
        return "UTC"
    return name


__all__ = ["ReportsView", "may_see_reports"]
