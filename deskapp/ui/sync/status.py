"""The branch's sync state in the status bar: last successful sync, changes waiting,
conflicts (a link that opens the inbox), and a *Sync now* button. It only displays:
the controller (deskapp.ui.sync.controller) feeds it."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from deskapp.services.sync.branch import BranchStatus
from deskapp.services.sync.sync_job import BUSY, FAILED, SYNCED, UNREACHABLE, SyncOutcome
from deskapp.ui.formatting import formatter, isolate


class SyncStatusWidget(QWidget):
    sync_requested = Signal()
    conflicts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.status: BranchStatus | None = None
        self.syncing = False
        self.problem = ""  # the last run's trouble, shown until a run succeeds
        self.problem_short = ""
        self.last_label = QLabel(self)
        self.last_label.setObjectName("syncLast")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("syncPending")
        self.conflicts_label = QLabel(self)
        self.conflicts_label.setObjectName("syncConflicts")
        self.conflicts_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.conflicts_label.linkActivated.connect(self._on_conflicts_link_activated)
        self.sync_button = QToolButton(self)
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.setAutoRaise(True)
        self.sync_button.clicked.connect(self.sync_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(10)
        for w in (self.last_label, self.pending_label, self.conflicts_label, self.sync_button):
            layout.addWidget(w)
        self._render()

    # -- fed by the controller --------------------------------------------------
    def show_status(self, status: BranchStatus) -> None:
        self.status = status
        self._render()

    def show_syncing(self, stage: str = "", done: int = 0, total: int = 0) -> None:
        self.syncing = True
        if total > 0:
            self.last_label.setText(
                self.tr("Syncing… %1").replace("%1", formatter().percent(done / total))
            )
        else:
            self.last_label.setText(self.tr("Syncing…"))
        self.sync_button.setEnabled(False)

    def show_outcome(self, outcome: SyncOutcome) -> None:
        self.syncing = False
        if outcome.kind == SYNCED:
            self.problem = self.problem_short = ""
        elif outcome.kind == UNREACHABLE:
            self.problem = self.tr("Centre unreachable: working offline, nothing is lost.")
            self.problem_short = self.tr("offline")
        elif outcome.kind == FAILED:
            self.problem = self.tr("Sync failed: %1").replace("%1", _describe(outcome))
            self.problem_short = self.tr("sync failed")
        elif outcome.kind == BUSY:
            pass
        self._render()

    # -- drawing ------------------------------------------------------------------
    def _render(self) -> None:
        status = self.status
        fmt = formatter()
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setEnabled(not self.syncing)
        if status is None:
            self.last_label.setText(self.tr("Branch: reading sync state…"))
            self.pending_label.clear()
            self.conflicts_label.clear()
            return
        if not self.syncing:
            if status.last_sync_at is None:
                last = self.tr("Never synced")
            else:
                last = self.tr("Synced %1").replace("%1", _ago(status.last_sync_at))
            site = isolate(status.site_code)
            text = self.tr("Branch %1 · %2").replace("%1", site).replace("%2", last)
            if self.problem_short:
                text += " · " + self.problem_short
            self.last_label.setText(text)
            self.last_label.setToolTip(
                self.tr("Last successful sync: %1").replace("%1", fmt.datetime(status.last_sync_at))
                + ("\n" + self.problem if self.problem else "")
            )
        if self.problem and not self.syncing:
            self.last_label.setStyleSheet("color: #b45309;")
        else:
            self.last_label.setStyleSheet("")
        self.pending_label.setText(
            self.tr("%1 changes waiting").replace("%1", fmt.number(status.pending_changes))
        )
        if status.open_conflicts:
            text = self.tr("%1 conflicts").replace("%1", fmt.number(status.open_conflicts))
            self.conflicts_label.setText(f'<a href="inbox" style="color:#b91c1c">{text}</a>')
            self.conflicts_label.setToolTip(self.tr("Open the conflict inbox"))
        else:
            self.conflicts_label.setText(self.tr("No conflicts"))
            self.conflicts_label.setToolTip("")

    @Slot(str)
    def _on_conflicts_link_activated(self, _link: str) -> None:
        self.conflicts_requested.emit()


def _ago(when: datetime) -> str:
    from PySide6.QtCore import QCoreApplication

    fmt = formatter()
    minutes = max(0, int((datetime.now(UTC) - when).total_seconds() // 60))
    if minutes < 1:
        return QCoreApplication.translate("SyncStatusWidget", "just now")
    if minutes < 60:
        return QCoreApplication.translate("SyncStatusWidget", "%1 min ago").replace(
            "%1", fmt.number(minutes))
    if minutes < 48 * 60:
        return QCoreApplication.translate("SyncStatusWidget", "%1 h ago").replace(
            "%1", fmt.number(minutes // 60))
    return QCoreApplication.translate("SyncStatusWidget", "%1 days ago").replace(
        "%1", fmt.number(minutes // 1440))


def _describe(outcome: SyncOutcome) -> str:
    """The failure in the user's language where the error has a code the UI words."""
    from deskapp.services.errors import DeskError

    if isinstance(outcome.error, DeskError):
        try:
            from deskapp.ui.error_text import describe
        except ImportError:
            return outcome.message
        return describe(outcome.error)
    return outcome.message
