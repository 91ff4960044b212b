"""File → Connection…: choose the local database or a shared PostgreSQL, test it, save
it as a profile. The password goes to the OS keyring, or, on a system without one,
stays in memory for this session (the dialog says so). The test runs in the
background and names exactly what failed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deskapp.config import (
    SSL_MODES,
    Profile,
    ProfileBook,
    ProfileError,
    default_sqlite_path,
    load_profiles,
    save_profiles,
)
from deskapp.credentials import SecretStore, StoreResult, default_store
from deskapp.models.database import POOL_SIZE
from deskapp.services.connection_check import (
    ConnectionReport,
    NextStep,
    Problem,
    check_connection,
)
from deskapp.ui.tasks import TaskRunner

Checker = Callable[..., ConnectionReport]
NEW_PROFILE = ""


class ConnectionDialog(QDialog):
    profile_saved = Signal(object)  # the Profile (now the active one if "use" was ticked)
    test_finished = Signal(object)  # the ConnectionReport

    def __init__(
        self,
        runner: TaskRunner,
        *,
        store: SecretStore | None = None,
        checker: Checker = check_connection,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(self.tr("Database connection"))
        self._runner = runner
        self._store = store or default_store()
        self._checker = checker
        self._book: ProfileBook = ProfileBook()
        self.last_report: ConnectionReport | None = None
        self.stored: StoreResult | None = None  # where the last saved password went
        self._build()
        self._connect_signals()
        self._load_book()

    # -- building -----------------------------------------------------------
    def _build(self) -> None:
        self.profiles = QComboBox(self)
        self.profiles.setObjectName("connectionProfiles")
        self.name = QLineEdit(self)
        self.name.setObjectName("connectionName")
        self.local_radio = QRadioButton(self.tr("&Local database on this computer"), self)
        self.local_radio.setObjectName("connectionLocal")
        self.shared_radio = QRadioButton(self.tr("&Shared database (PostgreSQL)"), self)
        self.shared_radio.setObjectName("connectionShared")
        self._kind = QButtonGroup(self)
        self._kind.addButton(self.local_radio)
        self._kind.addButton(self.shared_radio)

        # local page
        self.path = QLineEdit(self)
        self.path.setObjectName("connectionPath")
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.browse.setObjectName("connectionBrowse")
        local_page = QWidget(self)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        local_form = QFormLayout(local_page)
        local_form.addRow(self.tr("Database &file:"), row)

        # shared page
        self.host = QLineEdit(self)
        self.host.setObjectName("connectionHost")
        self.port = QSpinBox(self)
        self.port.setObjectName("connectionPort")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self)
        self.database.setObjectName("connectionDatabase")
        self.user = QLineEdit(self)
        self.user.setObjectName("connectionUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("connectionPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode = QComboBox(self)
        self.sslmode.setObjectName("connectionSslMode")
        for mode in SSL_MODES:
            self.sslmode.addItem(mode, mode)
        self.sslmode.setCurrentIndex(SSL_MODES.index("prefer"))
        # The connection budget (models.database.PoolPlan): 200 seats on one server
        # need each workstation to keep few connections; behind a PgBouncer in
        # transaction mode live updates follow the change feed instead of LISTEN.
        self.pool_size = QSpinBox(self)
        self.pool_size.setObjectName("connectionPoolSize")
        self.pool_size.setRange(1, 100)
        self.pool_size.setValue(POOL_SIZE)
        self.pool_size.setToolTip(self.tr(
            "Connections this workstation keeps open to the server (more are opened "
            "briefly when busy). Keep it small when many workstations share one server."))
        self.pgbouncer = QCheckBox(self.tr("Through a PgBouncer (transaction pooling)"), self)
        self.pgbouncer.setObjectName("connectionPooler")
        self.pgbouncer.setToolTip(self.tr(
            "Tick when the host and port are a PgBouncer in transaction mode: deskapp then "
            "keeps no session state and follows changes by polling instead of listening."))
        self.keyring_note = QLabel(self)
        self.keyring_note.setObjectName("connectionKeyringNote")
        self.keyring_note.setWordWrap(True)
        shared_page = QWidget(self)
        shared_box = QVBoxLayout(shared_page)
        shared_box.setContentsMargins(0, 0, 0, 0)
        shared_form = QFormLayout()
        shared_box.addLayout(shared_form)
        shared_form.addRow(self.tr("&Host:"), self.host)
        shared_form.addRow(self.tr("P&ort:"), self.port)
        shared_form.addRow(self.tr("&Database:"), self.database)
        shared_form.addRow(self.tr("&User:"), self.user)
        shared_form.addRow(self.tr("Pass&word:"), self.password)
        shared_form.addRow(self.tr("SSL &mode:"), self.sslmode)
        shared_form.addRow(self.tr("&Connections:"), self.pool_size)
        shared_form.addRow("", self.pgbouncer)
        # Outside the form: a wrapped label in a form row gets too little height.
        shared_box.addWidget(self.keyring_note)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(local_page)
        self.pages.addWidget(shared_page)

        self.hint = QLabel(self)
        self.hint.setObjectName("connectionHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("font-weight: bold;")
        self.hint.hide()
        self.use_profile = QCheckBox(self.tr("Use this connection from now on"), self)
        self.use_profile.setObjectName("connectionUse")
        self.use_profile.setChecked(True)
        self.result = QLabel(self)
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        self.result.hide()

        self.buttons = QDialogButtonBox(self)
        self.test_button = self.buttons.addButton(
            self.tr("&Test connection"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.test_button.setObjectName("connectionTest")
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("connectionSave")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)

        top = QFormLayout()
        top.addRow(self.tr("&Profile:"), self.profiles)
        top.addRow(self.tr("&Name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(top)
        layout.addWidget(self.local_radio)
        layout.addWidget(self.shared_radio)
        layout.addWidget(self.pages)
        layout.addWidget(self.use_profile)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.resize(520, 0)

    def _connect_signals(self) -> None:
        self.profiles.currentIndexChanged.connect(self._on_profiles_current_index_changed)
        self.local_radio.toggled.connect(self._on_kind_toggled)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.test_button.clicked.connect(self._on_test_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

    def _load_book(self) -> None:
        try:
            self._book = load_profiles()
        except ProfileError as exc:
            self._book = ProfileBook()
            self._show_result(str(exc), ok=False)
        self.profiles.blockSignals(True)
        self.profiles.clear()
        self.profiles.addItem(self.tr("New profile…"), NEW_PROFILE)
        for name in sorted(self._book.profiles, key=str.lower):
            self.profiles.addItem(name, name)
        self.profiles.blockSignals(False)
        active = self._book.active
        index = self.profiles.findData(active) if active else 0
        self.profiles.setCurrentIndex(max(index, 0))
        self._on_profiles_current_index_changed(self.profiles.currentIndex())

    def ask_password(self, profile_name: str, reason: str) -> None:
        """Open on ``profile_name`` with the password field focused and ``reason`` shown
        (start-up without a stored password, or a password the server refused)."""
        index = self.profiles.findData(profile_name)
        if index >= 0:
            self.profiles.setCurrentIndex(index)
        self.hint.setText(reason)
        self.hint.show()
        self.password.setFocus()

    # -- the form <-> a profile ---------------------------------------------
    def set_profile(self, profile: Profile | None) -> None:
        """Fill the form (None: a new shared profile)."""
        # max_overflow (deskapp profile add --max-overflow) has no field here: keep it
        # when the profile is edited and saved.
        self._budget = {"max_overflow": profile.max_overflow} if profile is not None else {}
        self.pool_size.setValue(profile.pool_size if profile is not None else POOL_SIZE)
        self.pgbouncer.setChecked(profile is not None and profile.pooler == "pgbouncer")
        if profile is None:
            self.name.clear()
            self.shared_radio.setChecked(True)
            self.path.setText(str(default_sqlite_path()))
            self.host.clear()
            self.port.setValue(5432)
            self.database.clear()
            self.user.clear()
            self.sslmode.setCurrentIndex(SSL_MODES.index("prefer"))
        else:
            self.name.setText(profile.name)
            (self.shared_radio if profile.is_postgresql else self.local_radio).setChecked(True)
            self.path.setText(profile.path or str(default_sqlite_path()))
            self.host.setText(profile.host)
            self.port.setValue(profile.port)
            self.database.setText(profile.database)
            self.user.setText(profile.user)
            self.sslmode.setCurrentIndex(SSL_MODES.index(profile.sslmode))
        self.password.clear()
        self._update_password_hint()
        self._on_kind_toggled()
        self.result.hide()

    def profile(self) -> Profile:
        """The profile the form describes (not validated)."""
        name = self.name.text().strip()
        if self.local_radio.isChecked():
            return Profile(name, "sqlite", path=self.path.text().strip())
        return Profile(
            name, "postgresql", host=self.host.text().strip(), port=self.port.value(),
            database=self.database.text().strip(), user=self.user.text().strip(),
            sslmode=self.sslmode.currentData(), pool_size=self.pool_size.value(),
            pooler="pgbouncer" if self.pgbouncer.isChecked() else "",
            **getattr(self, "_budget", {}),
        )

    def _password(self, profile: Profile) -> str | None:
        typed = self.password.text()
        if typed:
            return typed
        return self._store.get(profile.name) if profile.name else None

    def _update_password_hint(self) -> None:
        name = self.name.text().strip()
        if self._store.persistent:
            self.keyring_note.setText(
                self.tr("The password is kept in this computer's keyring, never in a file.")
            )
            stored = bool(name) and self._store.get(name) is not None
            self.password.setPlaceholderText(
                self.tr("stored in the keyring — type to change") if stored else ""
            )
        else:
            self.keyring_note.setText(
                self.tr(
                    "No keyring on this system — the password is kept for this session "
                    "only and asked again next time."
                )
            )
            stored = bool(name) and self._store.get(name) is not None
            self.password.setPlaceholderText(
                self.tr("entered this session — type to change") if stored else ""
            )

    # -- slots --------------------------------------------------------------
    @Slot(int)
    def _on_profiles_current_index_changed(self, index: int) -> None:
        name = self.profiles.itemData(index)
        self.set_profile(self._book.profiles.get(name) if name else None)

    @Slot()
    def _on_kind_toggled(self, *_: object) -> None:
        self.pages.setCurrentIndex(0 if self.local_radio.isChecked() else 1)

    @Slot()
    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Database file"), self.path.text(),
            self.tr("SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path.setText(path)

    @Slot()
    def _on_test_clicked(self) -> None:
        profile = self.profile()
        if not profile.name:
            profile = replace(profile, name="test")
        try:
            profile = profile.validated()
        except ProfileError as exc:
            self._show_result(str(exc), ok=False)
            return
        url = profile.url(self._password(profile))
        checker = self._checker
        self._set_busy(True)
        self._show_result(self.tr("Testing the connection…"), ok=None)
        self._runner.submit(
            lambda: checker(url),
            on_done=self._on_test_done,
            on_error=self._on_test_failed,
            key="connection-test",
        )

    def _on_test_done(self, report: ConnectionReport) -> None:
        self._set_busy(False)
        self.last_report = report
        if not report.connected:
            text = self.tr("Connection failed: %1").replace("%1", report.message)
            if report.problem is Problem.UNKNOWN and report.detail:
                text += "\n" + report.detail
            self._show_result(text, ok=False)
        else:
            server = self.tr("Connected to %1.").replace("%1", report.server)
            if report.next_step is NextStep.OPEN:
                ok: bool | None = True
            else:  # connected, but the schema needs creating, upgrading, or is refused
                ok = None if report.ok else False
            self._show_result(f"{server} {report.message}", ok=ok)
        self.test_finished.emit(report)

    def _on_test_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_result(self.tr("The test could not run: %1").replace(
            "%1", type(exc).__name__), ok=False)

    @Slot()
    def _on_save_clicked(self) -> None:
        try:
            profile = self.profile().validated()
            if profile.name == "local":
                raise ProfileError(self.tr("'local' is the built-in local database; choose "
                                           "another name."))
            self._book.add(profile, replace_existing=True)
            if self.use_profile.isChecked():
                self._book.use(profile.name)
            save_profiles(self._book)
        except (ProfileError, OSError) as exc:
            self._show_result(str(exc), ok=False)
            return
        typed = self.password.text()
        if profile.is_postgresql and typed:
            # The keyring, or memory for this session (the note under the field says so).
            self.stored = self._store.set(profile.name, typed)
        self.password.clear()
        self.profile_saved.emit(profile)
        self.accept()

    # -- helpers ------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.test_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    def _show_result(self, text: str, *, ok: bool | None) -> None:
        colour = {True: "#1b5e20", False: "#c62828", None: "#5d4037"}[ok]
        self.result.setStyleSheet(f"color: {colour};")
        self.result.setText(text)
        self.result.show()
