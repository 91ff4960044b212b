"""File → Set up this computer as a branch office…: make this computer's branch
database from the central PostgreSQL, with progress, and offer to switch to it.

The person chooses the centre (a saved shared connection profile; its password from
the keyring, or typed here and then kept there, as the connection dialog does), the
branch's site (read from the centre), the new local database file, and how much closed
history to copy. The copy (``branch_setup.make_branch``, the code behind `deskapp branch
init`) runs on a worker thread; its phase and rows arrive through a queued signal. Cancel
stops it between two batches (or inside SQLite's index build): the half-made file is
removed and the centre's branch mark taken back. At the end, *Switch to the branch
database* saves the local profile ``branch-<site>`` as the active one and emits
``switch_requested`` (the window offers the restart, as File → Connection… does).

    dialog = BranchSetupDialog(runner, parent=window)
    dialog.switch_requested.connect(...)       # the profile name
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskapp.config import Profile, ProfileBook, ProfileError, load_profiles
from deskapp.credentials import SecretStore, default_store
from deskapp.services.connection_check import Problem
from deskapp.services.errors import DeskError
from deskapp.services.sync import branch_setup
from deskapp.services.sync.branch_setup import CentreSite
from deskapp.services.sync.clone import CloneReport
from deskapp.ui.error_text import describe, text_for
from deskapp.ui.formatting import formatter, isolate
from deskapp.ui.tasks import TaskRunner

# The clone's table -> the phase shown (tables not named: staff and desk settings).
_CUSTOMER_TABLES = frozenset({"customers", "customer_phones", "duplicate_customers"})
_HISTORY_TABLES = frozenset({"approvals", "assignments", "escalations", "notifications",
                             "sla_stage_events", "calls"})
# Parameters that are Latin text (a path, a host, the driver's words): isolated, so that
# in a Persian sentence "/tmp/x" keeps its slash in front.
_LTR_PARAMS = frozenset({"path", "host", "user", "database", "detail", "port", "site",
                         "known", "central", "app"})
PASSWORD_PROBLEMS = (f"connection.{Problem.PASSWORD_REQUIRED.value}",
                     f"connection.{Problem.AUTH_FAILED.value}")

Sites = Callable[[Any], list[CentreSite]]
Maker = Callable[..., CloneReport]


class _Bridge(QObject):
    """Lives on the GUI thread; the worker emits, the dialog receives (queued)."""

    progressed = Signal(str, int, int)


class BranchSetupDialog(QDialog):
    sites_loaded = Signal(object)  # list[CentreSite]
    setup_finished = Signal(object)  # the CloneReport, or the exception
    switch_requested = Signal(str)  # the branch profile, now the active one

    def __init__(
        self,
        runner: TaskRunner,
        *,
        store: SecretStore | None = None,
        sites: Sites = branch_setup.centre_sites,
        maker: Maker = branch_setup.make_branch,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("branchSetupDialog")
        self.setWindowTitle(self.tr("Set up this computer as a branch office"))
        self._runner = runner
        self._store = store or default_store()
        self._sites = sites
        self._maker = maker
        self._book = ProfileBook()
        self._cancel = threading.Event()
        self._path_edited = False
        self.running = False
        self.report: CloneReport | None = None
        self.stages: list[str] = []  # every phase shown (tests, diagnostics)
        self._bridge = _Bridge(self)
        self._build()
        self._connect_signals()
        self._load_profiles()

    # -- building -----------------------------------------------------------
    def _build(self) -> None:
        self.intro = QLabel(self.tr(
            "Copies the whole desk from the central database into a new database file on "
            "this computer: staff (their passwords work offline), teams, SLA rules, "
            "customers and tickets with their conversation. From then on the centre no "
            "longer numbers this site's tickets; this computer does, and sends its work "
            "to the centre whenever the link is up."), self)
        self.intro.setWordWrap(True)
        self.profiles = QComboBox(self)
        self.profiles.setObjectName("branchCentre")
        self.password = QLineEdit(self)
        self.password.setObjectName("branchPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.connect_button = QPushButton(self.tr("&Connect"), self)
        self.connect_button.setObjectName("branchConnect")
        self.sites = QComboBox(self)
        self.sites.setObjectName("branchSite")
        self.sites.setPlaceholderText(self.tr("Choose the site this computer works for"))
        self.sites.setEnabled(False)
        self.path = QLineEdit(self)
        self.path.setObjectName("branchPath")
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.browse.setObjectName("branchBrowse")
        self.all_history = QRadioButton(self.tr("&All"), self)
        self.all_history.setObjectName("branchAllHistory")
        self.all_history.setChecked(True)
        self.recent_history = QRadioButton(self.tr("&Last"), self)
        self.recent_history.setObjectName("branchRecentHistory")
        self._history = QButtonGroup(self)
        self._history.addButton(self.all_history)
        self._history.addButton(self.recent_history)
        self.days = QSpinBox(self)
        self.days.setObjectName("branchDays")
        self.days.setRange(0, 36_500)
        self.days.setValue(90)
        self.days.setSuffix(self.tr(" days"))
        self.days.setEnabled(False)
        history_note = QLabel(self.tr("Open tickets are always copied."), self)
        history_note.setEnabled(False)

        centre_row = QHBoxLayout()
        centre_row.addWidget(self.profiles, 1)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.connect_button)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        history_row = QHBoxLayout()
        history_row.addWidget(self.all_history)
        history_row.addSpacing(12)
        history_row.addWidget(self.recent_history)
        history_row.addWidget(self.days)
        history_row.addStretch(1)
        form = QFormLayout()
        # QLabels with buddies: a row whose field is a layout shows a bare "&" otherwise.
        for text, buddy, field in (
            (self.tr("Central &database:"), self.profiles, centre_row),
            (self.tr("Pass&word:"), self.password, password_row),
            (self.tr("Branch &site:"), self.sites, self.sites),
            (self.tr("Database &file:"), self.path, path_row),
            (self.tr("Closed &history:"), self.all_history, history_row),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        form.addRow("", history_note)

        self.phase = QLabel(self)
        self.phase.setObjectName("branchPhase")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("branchProgress")
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.rows = QLabel(self)
        self.rows.setObjectName("branchRows")
        self.message = QLabel(self)
        self.message.setObjectName("branchMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        for w in (self.phase, self.bar, self.rows):
            w.hide()

        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(
            self.tr("Set &up branch"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("branchStart")
        self.start_button.setEnabled(False)
        self.switch_button = self.buttons.addButton(
            self.tr("S&witch to the branch database"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.switch_button.setObjectName("branchSwitch")
        self.switch_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setObjectName("branchClose")

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.phase)
        layout.addWidget(self.bar)
        layout.addWidget(self.rows)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(600, 0)

    def _connect_signals(self) -> None:
        self.profiles.currentIndexChanged.connect(self._on_profiles_current_index_changed)
        self.connect_button.clicked.connect(self._on_connect_button_clicked)
        self.password.returnPressed.connect(self._on_connect_button_clicked)
        self.sites.currentIndexChanged.connect(self._on_sites_current_index_changed)
        self.path.textEdited.connect(self._on_path_text_edited)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.recent_history.toggled.connect(self.days.setEnabled)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.switch_button.clicked.connect(self._on_switch_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self._bridge.progressed.connect(self._on_bridge_progressed)

    def _load_profiles(self) -> None:
        try:
            self._book = load_profiles()
        except ProfileError as exc:
            self._show_message(str(exc), ok=False)
            self._book = ProfileBook()
        shared = sorted((p for p in self._book.profiles.values() if p.is_postgresql),
                        key=lambda p: p.name.lower())
        self.profiles.blockSignals(True)
        self.profiles.clear()
        for profile in shared:
            self.profiles.addItem(f"{profile.name} — {profile.user}@{profile.host}/"
                                  f"{profile.database}", profile.name)
        self.profiles.blockSignals(False)
        if not shared:
            self._show_message(self.tr(
                "There is no connection profile of a central database on this computer. "
                "Add the centre first with File → Connection… (shared database), then "
                "come back here."), ok=False)
            for w in (self.profiles, self.password, self.connect_button):
                w.setEnabled(False)
            return
        active = self.profiles.findData(self._book.active)
        self.profiles.setCurrentIndex(max(active, 0))
        self._on_profiles_current_index_changed(self.profiles.currentIndex())

    # -- the form -------------------------------------------------------------
    def central_profile(self) -> Profile | None:
        return self._book.profiles.get(self.profiles.currentData() or "")

    def site_code(self) -> str:
        return str(self.sites.currentData() or "")

    def since_days(self) -> int | None:
        return self.days.value() if self.recent_history.isChecked() else None

    def _password(self, profile: Profile) -> str | None:
        return self.password.text() or self._store.get(profile.name)

    def _update_password_hint(self, profile: Profile) -> None:
        stored = self._store.get(profile.name) is not None
        if self._store.persistent:
            hint = self.tr("stored in the keyring — type to change") if stored else \
                self.tr("kept in this computer's keyring once it works")
        else:
            hint = self.tr("entered this session — type to change") if stored else \
                self.tr("no keyring: kept for this session only")
        self.password.setPlaceholderText(hint)

    # -- slots ----------------------------------------------------------------
    @Slot(int)
    def _on_profiles_current_index_changed(self, _index: int) -> None:
        profile = self.central_profile()
        self.sites.clear()
        self.sites.setEnabled(False)
        self.start_button.setEnabled(False)
        if profile is None:
            return
        self.password.clear()
        self._update_password_hint(profile)
        self.load_sites()

    @Slot()
    def _on_connect_button_clicked(self) -> None:
        self.load_sites()

    def load_sites(self) -> None:
        """Read the centre's sites in the background (the password typed, else the
        keyring's)."""
        profile = self.central_profile()
        if profile is None or self.running:
            return
        typed = self.password.text()
        url = profile.url(self._password(profile))
        fetch = self._sites
        self._set_busy(True)
        self._show_message(self.tr("Connecting to %1…").replace("%1", isolate(profile.host)),
                           ok=None)
        self._runner.submit(
            lambda: fetch(url),
            on_done=lambda sites: self._on_sites_done(profile, typed, sites),
            on_error=self._on_sites_failed, key="branch-setup-sites", owner=self,
        )

    def _on_sites_done(self, profile: Profile, typed: str, sites: list[CentreSite]) -> None:
        self._set_busy(False)
        if typed:  # it worked: keep it, as the connection dialog does
            self._store.set(profile.name, typed)
            self.password.clear()
            self._update_password_hint(profile)
        self.sites.blockSignals(True)
        self.sites.clear()
        model = self.sites.model()
        first_free = -1
        for site in sites:
            text = f"{site.code} — {site.name}"
            if site.is_branch:
                text += " " + self.tr("(already a branch)")
            self.sites.addItem(text, site.code)
            item = model.item(self.sites.count() - 1)  # type: ignore[attr-defined]
            if site.is_branch and item is not None:
                item.setEnabled(False)
            elif first_free < 0:
                first_free = self.sites.count() - 1
        # Nothing chosen for the person: marking the centre's own site as a branch by an
        # unnoticed default would stop the centre numbering its tickets.
        self.sites.setCurrentIndex(-1)
        self.sites.blockSignals(False)
        self.sites.setEnabled(bool(sites))
        self._on_sites_current_index_changed(self.sites.currentIndex())
        if first_free < 0:
            self._show_message(self.tr(
                "Every site of the centre is already a branch office; add the site at the "
                "centre first (Desk → Staff and teams)."), ok=False)
        else:
            self.message.hide()
        self.sites_loaded.emit(sites)

    def _on_sites_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_error(exc)
        if isinstance(exc, DeskError) and exc.code in PASSWORD_PROBLEMS:
            self.password.setFocus()
            self.password.selectAll()
        self.sites_loaded.emit([])

    @Slot(int)
    def _on_sites_current_index_changed(self, _index: int) -> None:
        code = self.site_code()
        self.start_button.setEnabled(bool(code) and not self.running)
        if code and not self._path_edited:
            self.path.setText(str(branch_setup.default_branch_path(code)))

    @Slot(str)
    def _on_path_text_edited(self, _text: str) -> None:
        self._path_edited = True

    @Slot()
    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Branch database file"), self.path.text(),
            self.tr("SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)"))
        if path:
            self.path.setText(path)
            self._path_edited = True

    @Slot()
    def _on_start_button_clicked(self) -> None:
        self.start()

    def start(self) -> None:
        """Make the branch in the background."""
        profile = self.central_profile()
        site = self.site_code()
        target = self.path.text().strip()
        if profile is None or not site or self.running:
            return
        if not target:
            self._show_message(self.tr("Choose the file of the branch database."), ok=False)
            return
        url = profile.url(self._password(profile))
        since = self.since_days()
        maker, cancel, bridge = self._maker, self._cancel, self._bridge
        cancel.clear()

        def progress(stage: str, done: int, total: int) -> None:  # worker thread
            with contextlib.suppress(RuntimeError):  # the dialog is gone
                bridge.progressed.emit(stage, int(done), int(total))

        def run() -> CloneReport:
            return maker(url, Path(target).expanduser(), site,
                         central_profile=profile.name, since_days=since,
                         progress=progress, cancelled=cancel.is_set,
                         central_url_hint=profile.label())

        self.running = True
        self.report = None
        self.stages.clear()
        self._set_busy(True)
        self.message.hide()
        self.bar.setRange(0, 0)  # busy until the first count arrives
        for w in (self.phase, self.bar, self.rows):
            w.show()
        self.phase.setText(self.tr("Preparing…"))
        self.rows.clear()
        self._fit()
        self.close_button.setText(self.tr("Cancel"))
        self._runner.submit(run, on_done=self._on_setup_done, on_error=self._on_setup_failed,
                            key="branch-setup", owner=self)

    def cancel(self) -> None:
        """Stop a running set-up (it ends with CloneCancelled, nothing kept)."""
        if self.running and not self._cancel.is_set():
            self._cancel.set()
            self.phase.setText(self.tr("Cancelling… (removing the unfinished file)"))
            self.close_button.setEnabled(False)

    @Slot(str, int, int)
    def _on_bridge_progressed(self, stage: str, done: int, total: int) -> None:
        if not self.running:
            return
        text = self._phase_text(stage)
        if not self.stages or self.stages[-1] != text:
            self.stages.append(text)
        if not self._cancel.is_set():
            self.phase.setText(text)
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, int(1000 * done / total)))
        if stage.startswith("copy:"):  # done counts rows while copying (then index work)
            self.rows.setText(self.tr("%1 rows copied").replace(
                "%1", formatter().number(done)))

    def _phase_text(self, stage: str) -> str:
        if stage == "prepare":
            return self.tr("Preparing…")
        if stage == "index":
            return self.tr("Building the search index and indexes…")
        if stage == "done":
            return self.tr("Done")
        table = stage.removeprefix("copy:")
        if table == "tickets":
            return self.tr("Copying tickets…")
        if table == "interactions":
            return self.tr("Copying conversations…")
        if table in _CUSTOMER_TABLES:
            return self.tr("Copying customers…")
        if table in _HISTORY_TABLES:
            return self.tr("Copying ticket history…")
        if table == "audit_entries":
            return self.tr("Copying the audit log…")
        return self.tr("Copying staff and desk settings…")

    def _on_setup_done(self, report: CloneReport) -> None:
        self.running = False
        self.report = report
        self._set_busy(False)
        self.bar.setRange(0, 1000)
        self.bar.setValue(1000)
        self.phase.setText(self.tr("Done"))
        fmt = formatter()
        text = self.tr(
            "Branch %1 is ready in %2: %3 tickets, %4 customers, %5 staff. The centre no "
            "longer numbers %1 tickets; this computer does. Switch to the branch database "
            "to work on it (deskapp restarts)."
        ).replace("%1", isolate(report.site_code)).replace("%2", isolate(str(report.path))) \
            .replace("%3", fmt.number(report.tickets)) \
            .replace("%4", fmt.number(report.rows.get("customers", 0))) \
            .replace("%5", fmt.number(report.rows.get("users", 0)))
        self._show_message(text, ok=True)
        self.start_button.hide()
        self.switch_button.show()
        self.switch_button.setDefault(True)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setEnabled(True)
        for w in (self.profiles, self.password, self.connect_button, self.sites, self.path,
                  self.browse, self.all_history, self.recent_history, self.days):
            w.setEnabled(False)
        self.setup_finished.emit(report)

    def _on_setup_failed(self, exc: BaseException) -> None:
        self.running = False
        self._set_busy(False)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setEnabled(True)
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.rows.clear()
        for w in (self.phase, self.bar, self.rows):
            w.hide()
        self._show_error(exc)
        if isinstance(exc, DeskError) and exc.code in PASSWORD_PROBLEMS:
            self.password.setFocus()
        self.setup_finished.emit(exc)

    @Slot()
    def _on_switch_button_clicked(self) -> None:
        report = self.report
        if report is None:
            return
        try:
            name = branch_setup.activate_branch_profile(report.site_code, report.path)
        except (ProfileError, OSError) as exc:
            self._show_message(self.tr("Could not save the branch profile: %1")
                               .replace("%1", str(exc)), ok=False)
            return
        self.accept()
        self.switch_requested.emit(name)

    def reject(self) -> None:
        if self.running:  # Esc, Cancel or the close box while copying: stop first
            self.cancel()
            return
        super().reject()

    # -- helpers --------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        editable = not busy and self.report is None
        for w in (self.profiles, self.password, self.connect_button, self.path, self.browse,
                  self.all_history, self.recent_history):
            w.setEnabled(editable)
        self.days.setEnabled(editable and self.recent_history.isChecked())
        self.sites.setEnabled(editable and self.sites.count() > 0)
        self.start_button.setEnabled(editable and bool(self.site_code()))

    def _show_error(self, exc: BaseException) -> None:
        text = None
        if isinstance(exc, DeskError):
            params = {k: isolate(v) if isinstance(v, str) and k in _LTR_PARAMS else v
                      for k, v in exc.params.items()}
            text = text_for(exc.code, params)
        if text is None or "{" in text:
            text = describe(exc)
        self._show_message(text, ok=False)

    def _show_message(self, text: str, *, ok: bool | None) -> None:
        colour = {True: "#166534", False: "#b91c1c", None: ""}[ok]
        self.message.setStyleSheet(f"color: {colour};" if colour else "")
        if self.isRightToLeft():  # a sentence that starts with a path is still Persian
            text = "\u200f" + text
        self.message.setText(text)
        self.message.show()
        self._fit()

    def _fit(self) -> None:
        """Grow to what is shown now (a message, the progress rows): a dialog keeps its
        height otherwise and squeezes the form's rows into each other."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = self.width()
        height = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if height > self.height():
            self.resize(width, height)
