"""PostgreSQL LISTEN on its own connection, read through a QSocketNotifier.

No table is polled: the GUI thread wakes only when the server writes to the
socket. Connecting (which may block for the connect timeout) runs in a background
task; reading is non-blocking (``consume_input`` + ``notifies``). When the socket
reports EOF or an error (server restart, ``pg_terminate_backend``, keepalive
timeout) the feed is told ``mark_lost`` and we reconnect with exponential backoff;
on success ``mark_restored`` asks every view for a full refresh.
"""

from __future__ import annotations

import contextlib
import logging

import psycopg
from psycopg import pq
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Slot

from deskapp.services.changes import CHANNEL, is_full_refresh, parse_payload
from deskapp.ui.live.backoff import Backoff
from deskapp.ui.live.feed import ChangeFeed, _Source
from deskapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def _open_listening_connection(conninfo: str) -> psycopg.Connection:
    conn = psycopg.connect(conninfo, autocommit=True)
    try:
        conn.execute(f"LISTEN {CHANNEL}")
    except BaseException:
        conn.close()
        raise
    return conn


class PgListener(_Source):
    kind = "postgresql"

    def __init__(
        self, conninfo: str, feed: ChangeFeed, parent: QObject | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else feed)
        self._conninfo = conninfo  # holds the password: never logged
        self._feed = feed
        self._runner = TaskRunner(self, max_threads=1)
        self._conn: psycopg.Connection | None = None
        self._notifier: QSocketNotifier | None = None
        self._backoff = backoff or Backoff()
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._on_retry_timeout)
        self._running = False
        self._ever_connected = False
        self.backend_pid: int | None = None  # the server process serving our LISTEN
        self.connects = 0  # successful (re)connections, for tests and diagnostics

    @property
    def listening(self) -> bool:
        return self._conn is not None

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self._connect()

    def stop(self) -> None:
        self._running = False
        self._retry.stop()
        self._runner.cancel("connect")
        self._drop_connection()
        self._runner.wait(10_000)

    # -- connecting ---------------------------------------------------------
    def _connect(self) -> None:
        conninfo = self._conninfo
        self._runner.submit(
            lambda: _open_listening_connection(conninfo),
            on_done=self._on_connect_done,
            on_error=self._on_connect_failed,
            key="connect",
        )

    def _on_connect_done(self, conn: psycopg.Connection) -> None:
        if not self._running:
            conn.close()
            return
        self._conn = conn
        self.backend_pid = conn.info.backend_pid
        self.connects += 1
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)
        self._backoff.reset()
        first = not self._ever_connected
        self._ever_connected = True
        log.info("listening for changes (backend pid %s)", self.backend_pid)
        if first:
            # Views may have loaded before LISTEN took effect: catch up once.
            self._feed.add_full_refresh()
        else:
            self._feed.mark_restored()
        self._read()  # anything that arrived with the LISTEN reply

    def _on_connect_failed(self, exc: BaseException) -> None:
        if not self._running:
            return
        from deskapp.services.connection_check import classify_error, describe_problem

        log.warning("change listener cannot connect: %s", classify_error(exc).value)
        if self._feed.connected:
            self._feed.mark_lost(self._lost_message(describe_problem(classify_error(exc), _url_of(self._conninfo))))
        self._schedule_retry()

    def _schedule_retry(self) -> None:
        if self._running and not self._retry.isActive():
            self._retry.start(int(self._backoff.next_delay() * 1000))

    @Slot()
    def _on_retry_timeout(self) -> None:
        if self._running and self._conn is None:
            self._connect()

    # -- reading ------------------------------------------------------------
    @Slot()
    def _on_notifier_activated(self) -> None:
        self._read()

    def _read(self) -> None:
        conn = self._conn
        if conn is None:
            return
        pgconn = conn.pgconn
        try:
            pgconn.consume_input()
        except psycopg.OperationalError:
            self._on_lost()
            return
        while (n := pgconn.notifies()) is not None:
            if n.relname.decode() != CHANNEL:
                continue
            if is_full_refresh(n.extra):  # a branch's large push batch (migration 0019)
                self._feed.add_full_refresh()
                continue
            change = parse_payload(n.extra)
            if change is not None:
                self._feed.add_change(change)
        if pgconn.status == pq.ConnStatus.BAD:
            self._on_lost()

    def _on_lost(self) -> None:
        log.warning("change listener lost its connection; reconnecting")
        self._drop_connection()
        if self._running:
            self._feed.mark_lost(self._lost_message(""))
            self._schedule_retry()

    def _lost_message(self, why: str) -> str:
        text = self.tr("Connection lost — reconnecting…")
        return f"{text} {why}".strip()

    def _drop_connection(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.activated.disconnect(self._on_notifier_activated)
            self._notifier.deleteLater()
            self._notifier = None
        if self._conn is not None:
            with contextlib.suppress(Exception):  # already broken
                self._conn.close()
            self._conn = None
            self.backend_pid = None


def _url_of(conninfo: str):  # noqa: ANN202 - a URL for messages, without the password
    from psycopg.conninfo import conninfo_to_dict
    from sqlalchemy.engine import URL

    d = conninfo_to_dict(conninfo)
    return URL.create(
        "postgresql+psycopg",
        username=d.get("user"),
        host=d.get("host"),
        port=int(d.get("port") or 5432),
        database=d.get("dbname"),
    )
