"""The local call hook: ``deskapp call ring|answered|ended`` reaches the running
workstation of the same operating-system user.

Any softphone or PBX client that can run a command on an incoming call gets the same
screen-pop as baresip. The workstation listens on a QLocalServer (a Unix socket in
the temp folder, a named pipe on Windows) named after the OS user; the command sends
one JSON line and waits for ``ok``. A second workstation of the same user does not
take the name over from a running one.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import re
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from deskapp.services.telephony.events import from_hook

log = logging.getLogger(__name__)

TIMEOUT_MS = 3000


def server_name(user: str | None = None) -> str:
    """The socket's name for this OS user (``DESKAPP_CALL_HOOK_NAME`` overrides it, for
    tests and for two desks sharing one login)."""
    override = os.environ.get("DESKAPP_CALL_HOOK_NAME", "").strip()
    if override and user is None:
        return override
    who = re.sub(r"[^A-Za-z0-9_.-]", "_", user or getpass.getuser())
    return f"deskapp-calls-{who}"


class CallHookServer(QObject):
    call_event_received = Signal(object)  # services.telephony.events.CallEvent

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_server_new_connection)

    def listen(self) -> bool:
        """Start listening; False when another workstation of this user already does."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(200):
            probe.disconnectFromServer()
            log.warning("another deskapp of this user receives the call hook (%s)", self.name)
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by a crash
        if not self._server.listen(self.name):
            log.warning("call hook cannot listen on %s: %s", self.name,
                        self._server.errorString())
            return False
        return True

    def close(self) -> None:
        self._server.close()

    @Slot()
    def _on_server_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._on_connection_ready(c))
            connection.disconnected.connect(connection.deleteLater)

    def _on_connection_ready(self, connection: QLocalSocket) -> None:
        if not connection.canReadLine():
            return
        line = bytes(connection.readLine().data())
        try:
            event = from_hook(json.loads(line))
        except (ValueError, TypeError, AttributeError):
            event = None
        connection.write(b"ok\n" if event is not None else b"error: not a call event\n")
        connection.flush()
        if event is not None:
            self.call_event_received.emit(event)


def send(message: dict[str, Any], name: str | None = None) -> str:
    """Deliver one hook message (blocking, for the command line). Returns the
    workstation's answer; raises ConnectionError when none is running."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(TIMEOUT_MS):
        raise ConnectionError(socket.errorString())
    socket.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
    socket.flush()
    if not socket.waitForReadyRead(TIMEOUT_MS):
        raise ConnectionError("the workstation did not answer")
    answer = bytes(socket.readAll().data()).decode("utf-8", "replace").strip()
    socket.disconnectFromServer()
    return answer
