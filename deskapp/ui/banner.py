"""The failure banner: a non-blocking bar at the top of a window with what happened and
a Retry button. Lost databases and failing queries end here, never in a traceback."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget
from sqlalchemy.exc import DBAPIError, OperationalError

from deskapp.services.errors import DeskError

log = logging.getLogger(__name__)


def describe_failure(exc: BaseException) -> str:
    """One sentence for a person: the service's own message, or what kind of failure."""
    if isinstance(exc, DeskError):
        return str(exc)
    if isinstance(exc, OperationalError | DBAPIError):
        lines = str(getattr(exc, "orig", exc) or exc).strip().splitlines()
        detail = lines[0] if lines else type(exc).__name__
        return QCoreApplication.translate(
            "FailureBanner", "The database cannot be reached: %1"
        ).replace("%1", detail)
    return QCoreApplication.translate("FailureBanner", "Something went wrong: %1").replace(
        "%1", str(exc) or type(exc).__name__
    )


class FailureBanner(QFrame):
    """Hidden until ``show_failure``; Retry calls the retry callable given with it."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("failureBanner")
        self.setStyleSheet(
            "#failureBanner { background: #fdecea; border: 1px solid #e0a39d; }"
            "#failureBanner QLabel { color: #7a1a12; }"
        )
        self._message = QLabel(self)
        self._message.setObjectName("failureMessage")
        self._message.setWordWrap(True)
        self._retry_button = QPushButton(self.tr("Retry"), self)
        self._retry_button.setObjectName("failureRetry")
        self._close_button = QPushButton(self.tr("Dismiss"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self._message, 1)
        layout.addWidget(self._retry_button)
        layout.addWidget(self._close_button)
        self._retry: Callable[[], None] | None = None
        self._retry_button.clicked.connect(self._on_retry_clicked)
        self._close_button.clicked.connect(self.hide)
        self.hide()

    @property
    def message(self) -> str:
        return self._message.text()

    def show_failure(self, exc: BaseException | str, retry: Callable[[], None] | None = None) -> None:
        text = exc if isinstance(exc, str) else describe_failure(exc)
        self._message.setText(text)
        self._retry = retry
        self._retry_button.setVisible(retry is not None)
        self.show()

    @Slot()
    def _on_retry_clicked(self) -> None:
        retry, self._retry = self._retry, None
        self.hide()
        self.retry_requested.emit()
        if retry is not None:
            retry()


def install_excepthook(banner_for: Callable[[], FailureBanner | None]) -> None:
    """Log an uncaught exception and show it in the banner instead of crashing."""
    previous = sys.excepthook

    def hook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        banner = banner_for()
        if banner is not None:
            banner.show_failure(exc)

    sys.excepthook = hook
