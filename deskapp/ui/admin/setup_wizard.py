"""Set up a new desk on an empty database (no user yet): sites with their time zones,
the business calendar the SLA policies count in, the teams, the first users (an
administrator among them). Nothing is written until Finish; then everything is
written in one transaction (services.setup), and a refusal is shown on the last page
with the reason, the pages keeping what was typed."""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from deskapp.models.enums import Role
from deskapp.services.facade import Services
from deskapp.services.setup import (
    CALENDAR_IRAN,
    CALENDAR_WEEKDAYS,
    SetupPlan,
    SetupResult,
    SiteSpec,
    TeamSpec,
    UserSpec,
)
from deskapp.ui.admin.messages import describe
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.labels import label
from deskapp.ui.tasks import TaskRunner


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    return table


def _cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text().strip() if item is not None else ""


def set_row(table: QTableWidget, row: int, values: list[str]) -> None:
    if row >= table.rowCount():
        table.setRowCount(row + 1)
    for col, value in enumerate(values):
        if table.cellWidget(row, col) is not None:
            widget = table.cellWidget(row, col)
            if isinstance(widget, QComboBox):
                index = widget.findData(value)
                widget.setCurrentIndex(max(0, index))
        else:
            table.setItem(row, col, QTableWidgetItem(value))


def _rows_page(page: QWizardPage, table: QTableWidget, add_text: str, remove_text: str
               ) -> tuple[QPushButton, QPushButton]:
    add = QPushButton(add_text, page)
    remove = QPushButton(remove_text, page)
    buttons = QHBoxLayout()
    buttons.addWidget(add)
    buttons.addWidget(remove)
    buttons.addStretch(1)
    layout = page.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.addWidget(table)
    layout.addLayout(buttons)
    remove.clicked.connect(lambda: table.removeRow(table.currentRow()))
    return add, remove


class SitesPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sites"))
        self.setSubTitle(self.tr(
            "This database is empty: set up your desk (nothing is saved until Finish). "
            "Each site numbers its own tickets (HQ-000001, TBZ-000001). The time zone is "
            "the one its staff work in."))
        QVBoxLayout(self)
        self.table = _table(self, "setupSites",
                            [self.tr("Code"), self.tr("Name"), self.tr("Time zone")])
        self.zones = sorted(zoneinfo.available_timezones())
        add, _remove = _rows_page(self, self.table, self.tr("Add site"), self.tr("Remove site"))
        add.clicked.connect(lambda: self.add_site("", "", "Asia/Tehran"))
        self.add_site("HQ", self.tr("Head office"), "Asia/Tehran")

    def add_site(self, code: str, name: str, timezone: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(code))
        self.table.setItem(row, 1, QTableWidgetItem(name))
        combo = QComboBox(self.table)
        combo.setEditable(True)
        combo.addItems(self.zones)
        combo.setCurrentText(timezone)
        self.table.setCellWidget(row, 2, combo)

    def sites(self) -> list[SiteSpec]:
        out = []
        for r in range(self.table.rowCount()):
            combo = self.table.cellWidget(r, 2)
            zone = combo.currentText() if isinstance(combo, QComboBox) else _cell(self.table, r, 2)
            if _cell(self.table, r, 0) or _cell(self.table, r, 1):
                out.append(SiteSpec(_cell(self.table, r, 0), _cell(self.table, r, 1), zone))
        return out


class CalendarPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Business hours"))
        self.setSubTitle(self.tr("SLA targets count only business time. Choose the working "
                                 "week; managers can edit calendars and holidays later."))
        self.iran = QRadioButton(self.tr(
            "Iranian week: Saturday to Wednesday 08:00-16:00, Thursday 08:00-13:00, "
            "Iranian public holidays (Asia/Tehran)"), self)
        self.iran.setObjectName("setupCalendarIran")
        self.weekdays = QRadioButton(self.tr(
            "Monday to Friday 09:00-17:00 in the first site's time zone, no holidays"), self)
        self.weekdays.setObjectName("setupCalendarWeekdays")
        self.iran.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.iran)
        layout.addWidget(self.weekdays)
        layout.addStretch(1)

    def calendar(self) -> str:
        return CALENDAR_IRAN if self.iran.isChecked() else CALENDAR_WEEKDAYS


class TeamsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Teams"))
        self.setSubTitle(self.tr(
            "Teams take functional escalations by skill (billing, network…). Skills are "
            "short codes, separated by commas."))
        QVBoxLayout(self)
        self.table = _table(self, "setupTeams",
                            [self.tr("Team name"), self.tr("Skills"), self.tr("Tier")])
        add, _remove = _rows_page(self, self.table, self.tr("Add team"), self.tr("Remove team"))
        add.clicked.connect(lambda: set_row(self.table, self.table.rowCount(), ["", "", "1"]))
        set_row(self.table, 0, [self.tr("Front desk"), "general", "1"])

    def teams(self) -> list[TeamSpec]:
        out = []
        for r in range(self.table.rowCount()):
            name = _cell(self.table, r, 0)
            if not name:
                continue
            skills = [s for s in _cell(self.table, r, 1).replace("،", ",").split(",")
                      if s.strip()]
            tier_text = _cell(self.table, r, 2) or "1"
            tier = int(tier_text) if tier_text.isdigit() else 0
            out.append(TeamSpec(name, skills, tier=tier))
        return out


class UsersPage(QWizardPage):
    ROLES = (Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.SPECIALIST, Role.AGENT)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("First users"))
        self.setSubTitle(self.tr(
            "At least one administrator. Teams: names from the previous page, separated by "
            "commas. A team's first supervisor becomes its supervisor."))
        QVBoxLayout(self)
        self.table = _table(self, "setupUsers", [
            self.tr("Username"), self.tr("Name"), self.tr("Role"), self.tr("Teams"),
            self.tr("Password")])
        add, _remove = _rows_page(self, self.table, self.tr("Add user"), self.tr("Remove user"))
        add.clicked.connect(lambda: self.add_user("", "", Role.AGENT, "", ""))
        self.error = error_label(self, "setupError")
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.error)
        self.add_user("admin", self.tr("Administrator"), Role.ADMIN, "", "")

    def add_user(self, username: str, name: str, role: Role, teams: str, password: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox(self.table)
        for r in self.ROLES:
            combo.addItem(label(r), r.value)
        combo.setCurrentIndex(combo.findData(role.value))
        self.table.setCellWidget(row, 2, combo)
        for col, value in ((0, username), (1, name), (3, teams), (4, password)):
            self.table.setItem(row, col, QTableWidgetItem(value))

    def users(self) -> list[UserSpec]:
        out = []
        for r in range(self.table.rowCount()):
            username = _cell(self.table, r, 0)
            if not username:
                continue
            combo = self.table.cellWidget(r, 2)
            role = combo.currentData() if isinstance(combo, QComboBox) else "agent"
            teams = [t for t in _cell(self.table, r, 3).replace("،", ",").split(",")
                     if t.strip()]
            out.append(UserSpec(username, _cell(self.table, r, 1), role,
                                _cell(self.table, r, 4), teams))
        return out


class SetupWizard(QWizard):
    """Finish runs the setup in the background; the wizard closes only on success."""

    finished_setup = Signal(object)  # SetupResult

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up a new desk"))
        self._services = services
        self._runner = runner
        self.result_info: SetupResult | None = None
        self.sites_page = SitesPage(self)
        self.calendar_page = CalendarPage(self)
        self.teams_page = TeamsPage(self)
        self.users_page = UsersPage(self)
        for page in (self.sites_page, self.calendar_page, self.teams_page, self.users_page):
            self.addPage(page)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(820, 520)
        self._busy = False

    def plan(self) -> SetupPlan:
        return SetupPlan(self.sites_page.sites(), self.calendar_page.calendar(),
                         self.teams_page.teams(), self.users_page.users())

    def accept(self) -> None:  # Finish
        if self._busy:
            return
        self._busy = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.users_page.error.hide()
        plan, services = self.plan(), self._services
        self._runner.submit(lambda: services.setup.first_setup(plan), on_done=self._on_done,
                            on_error=self._on_failed, key="setup", owner=self)

    def _on_done(self, result: SetupResult) -> None:
        self._busy = False
        self.result_info = result
        self.finished_setup.emit(result)
        super().accept()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.users_page.error.setText(describe(exc))
        self.users_page.error.show()
