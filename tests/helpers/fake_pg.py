"""A tiny stand-in PostgreSQL server for what the test server cannot do.

The test server trusts every connection from 127.0.0.1 (pg_hba.conf: trust), so it
never checks a password. This one speaks just enough of the protocol (v3) to make
libpq ask for a password and then refuse it exactly as PostgreSQL does: an
ErrorResponse with SQLSTATE 28P01 and the server's English message. In "silent" mode
it accepts connections and never answers (a server behind a packet-dropping firewall).
"""

from __future__ import annotations

import socket
import struct
import threading


class FakePostgres:
    def __init__(self, mode: str = "password") -> None:
        assert mode in ("password", "silent")
        self.mode = mode
        self.received_passwords: list[str] = []
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self._sock.settimeout(0.1)  # so close() is noticed promptly
        self.port = self._sock.getsockname()[1]
        self._clients: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()
        for c in self._clients:
            c.close()

    def __enter__(self) -> FakePostgres:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(10)
            self._clients.append(client)
            if self.mode == "password":
                threading.Thread(target=self._refuse, args=(client,), daemon=True).start()

    @staticmethod
    def _read(client: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = client.recv(n - len(data))
            if not chunk:
                raise ConnectionError("client went away")
            data += chunk
        return data

    def _refuse(self, client: socket.socket) -> None:
        try:
            while True:  # SSLRequest / GSSENCRequest come first: answer "no"
                (length,) = struct.unpack("!i", self._read(client, 4))
                body = self._read(client, length - 4)
                (code,) = struct.unpack("!i", body[:4])
                if code in (80877103, 80877104):
                    client.sendall(b"N")
                    continue
                break
            params = body[4:].split(b"\0")
            user = dict(zip(params[0::2], params[1::2], strict=False)).get(b"user", b"?")
            client.sendall(b"R" + struct.pack("!ii", 8, 3))  # AuthenticationCleartextPassword
            kind = self._read(client, 1)
            (length,) = struct.unpack("!i", self._read(client, 4))
            password = self._read(client, length - 4).rstrip(b"\0")
            if kind == b"p":
                self.received_passwords.append(password.decode())
            message = f'password authentication failed for user "{user.decode()}"'
            fields = b"".join(
                tag + value.encode() + b"\0"
                for tag, value in (
                    (b"S", "FATAL"), (b"V", "FATAL"), (b"C", "28P01"), (b"M", message)
                )
            ) + b"\0"
            client.sendall(b"E" + struct.pack("!i", len(fields) + 4) + fields)
        except (ConnectionError, OSError):
            pass
        finally:
            client.close()
