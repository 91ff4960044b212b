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
    """One sentence for a person: the service's error in the reader's language
    (deskapp.ui.error_text), or what kind of failure."""
    if isinstance(exc, DeskError):
        from deskapp.ui.error_text import describe

        return describe(exc)
    if isinstance(exc, OperationalError | DBAPIError):
        lines = str(getattr(exc, "orig", exc) or exc).strip().splitlines()
        detail = lines[0] if lines else type(exc).__name__
        return QCoreApplication.translate(
            "FailureBanner", "The database cannot be reached: %1"
        ).replace("%1", detail)
    return QCoreApplication.translate("FailureBanner", "Something went wrong: %1").replace(
        "%1", str(exc) or type(exc).__name__
    )


def is_connection_failure(exc: BaseException | str) -> bool:
    """The database could not be reached (as opposed to a refusal or a bug)."""
    return isinstance(exc, OperationalError | DBAPIError) and bool(
        getattr(exc, "connection_invalidated", False) or isinstance(exc, OperationalError)
    )


class KeptEdit:
    """A retry that sends again an edit that was not saved (a reply, a status change),
    as opposed to one that only reloads. The banner keeps it across a reconnect."""

    def __init__(self, send: Callable[[], None]) -> None:
        self._send = send

    def __call__(self) -> None:
        self._send()


class FailureBanner(QFrame):
    """Hidden until ``show_failure``; Retry calls the retry callable given with it.

    It tells the state of the connection as it is now: ``connection_lost`` says so
    (keeping a kept edit's Retry), ``connection_restored`` takes a connection failure
    down, or, when an edit is waiting to be sent again, says the connection is back
    and leaves Retry to send it."""

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
        self._connection = False  # what is shown is about the connection
        self._retry_button.clicked.connect(self._on_retry_clicked)
        self._close_button.clicked.connect(self._on_close_clicked)
        self.hide()

    @property
    def message(self) -> str:
        return self._message.text()

    @property
    def has_kept_edit(self) -> bool:
        return isinstance(self._retry, KeptEdit)

    def show_failure(self, exc: BaseException | str, retry: Callable[[], None] | None = None) -> None:
        text = exc if isinstance(exc, str) else describe_failure(exc)
        if not isinstance(retry, KeptEdit) and self.has_kept_edit and not self.isHidden():
            retry = self._retry  # a reload failing too must not lose the unsent edit
        self._connection = not isinstance(exc, str) and is_connection_failure(exc)
        self._set(text, retry)

    def connection_lost(self, message: str) -> None:
        retry = self._retry if self.has_kept_edit and not self.isHidden() else None
        self._connection = True
        self._set(message, retry)

    def connection_restored(self) -> None:
        if self.isHidden() or not self._connection:
            return
        self._connection = False
        if self.has_kept_edit:
            self._set(
                self.tr("The connection is back. Retry sends what was not saved."), self._retry
            )
        else:
            self._retry = None
            self.hide()  # the views reload by themselves

    def _set(self, text: str, retry: Callable[[], None] | None) -> None:
        self._message.setText(text)
        self._retry = retry
        self._retry_button.setVisible(retry is not None)
        self.show()

    @Slot()
    def _on_close_clicked(self) -> None:
        self._retry = None
        self._connection = False
        self.hide()

    @Slot()
    def _on_retry_clicked(self) -> None:
        retry, self._retry = self._retry, None
        self._connection = False
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
