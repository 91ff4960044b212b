"""The link to the agent's own softphone: baresip's ``ctrl_tcp`` control socket.

Netstring-framed JSON over a local TCP connection (services.telephony.netstring),
asynchronous on the GUI thread's event loop (QTcpSocket never blocks it). When the
softphone is not running or restarts, the link retries with a growing delay (0.5 s up
to 10 s) and says so through ``connection_changed``.

Known limits of ctrl_tcp, which deskapp cannot work around: it serves one client (a
second connection silently takes the events over), and events sent while no client is
connected are lost — a call that rang while the link was down is not seen.
"""

from __future__ import annotations

import itertools
import json
import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtNetwork import QAbstractSocket, QTcpSocket

from deskapp.services.telephony import netstring
from deskapp.services.telephony.events import CallPhase, from_baresip

log = logging.getLogger(__name__)

RETRY_FIRST_MS = 500
RETRY_MAX_MS = 10_000


class SoftphoneLink(QObject):
    call_event_received = Signal(object)  # services.telephony.events.CallEvent
    connection_changed = Signal(bool)
    command_failed = Signal(str, str)  # command, what the softphone said

    def __init__(self, host: str = "127.0.0.1", port: int = 4444,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host, self.port = host, port
        self._socket = QTcpSocket(self)
        self._decoder = netstring.Decoder()
        self._answered: set[str] = set()
        self._tokens = itertools.count(1)
        self._commands: dict[str, str] = {}
        self._retry_ms = RETRY_FIRST_MS
        self._running = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._socket.connected.connect(self._on_socket_connected)
        self._socket.disconnected.connect(self._on_socket_disconnected)
        self._socket.readyRead.connect(self._on_socket_ready_read)
        self._socket.errorOccurred.connect(self._on_socket_error_occurred)
        self._retry.timeout.connect(self._connect)

    # -- life -----------------------------------------------------------------
    @property
    def connected(self) -> bool:
        return self._socket.state() == QAbstractSocket.SocketState.ConnectedState

    def start(self) -> None:
        self._running = True
        self._connect()

    def stop(self) -> None:
        self._running = False
        self._retry.stop()
        self._socket.abort()

    @Slot()
    def _connect(self) -> None:
        if self._running and self._socket.state() == QAbstractSocket.SocketState.UnconnectedState:
            self._socket.connectToHost(self.host, self.port)

    def _schedule_retry(self) -> None:
        if not self._running or self._retry.isActive():
            return
        self._retry.start(self._retry_ms)
        self._retry_ms = min(self._retry_ms * 2, RETRY_MAX_MS)

    # -- commands ---------------------------------------------------------------
    def dial(self, address: str) -> bool:
        return self._send("dial", address)

    def accept(self) -> bool:
        return self._send("accept")

    def hangup(self) -> bool:
        return self._send("hangup")

    def _send(self, command: str, params: str = "") -> bool:
        if not self.connected:
            self.command_failed.emit(command, "not connected")
            return False
        token = f"deskapp-{next(self._tokens)}"
        self._commands[token] = command
        self._socket.write(netstring.encode_json(
            {"command": command, "params": params, "token": token}))
        return True

    # -- socket -----------------------------------------------------------------
    @Slot()
    def _on_socket_connected(self) -> None:
        self._retry_ms = RETRY_FIRST_MS
        self._decoder = netstring.Decoder()
        log.info("softphone control connected on %s:%s", self.host, self.port)
        self.connection_changed.emit(True)

    @Slot()
    def _on_socket_disconnected(self) -> None:
        log.info("softphone control disconnected")
        self.connection_changed.emit(False)
        self._schedule_retry()

    @Slot(QAbstractSocket.SocketError)
    def _on_socket_error_occurred(self, _error: QAbstractSocket.SocketError) -> None:
        if self._socket.state() != QAbstractSocket.SocketState.ConnectedState:
            self._schedule_retry()

    @Slot()
    def _on_socket_ready_read(self) -> None:
        data = bytes(self._socket.readAll().data())
        try:
            frames = self._decoder.feed(data)
        except netstring.NetstringError as exc:
            log.warning("softphone sent a malformed frame (%s); reconnecting", exc)
            self._socket.abort()
            self.connection_changed.emit(False)
            self._schedule_retry()
            return
        for frame in frames:
            self._on_message(frame)

    def _on_message(self, frame: bytes) -> None:
        try:
            message = json.loads(frame)
        except ValueError:
            return
        if not isinstance(message, dict):
            return
        if message.get("response"):
            command = self._commands.pop(str(message.get("token", "")), "")
            if command and not message.get("ok", False):
                self.command_failed.emit(command, str(message.get("data", "")))
            return
        call_id = message.get("id")
        event = from_baresip(message, answered=call_id in self._answered)
        if event is None:
            return
        if event.phase is CallPhase.ANSWERED:
            self._answered.add(event.call_id)
        elif event.phase is CallPhase.ENDED:
            self._answered.discard(event.call_id)
        self.call_event_received.emit(event)
