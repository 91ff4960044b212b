"""Netstrings (``<length>:<payload>,``), the framing of baresip's ctrl_tcp socket.

The decoder is incremental: TCP hands over arbitrary slices, so bytes are buffered
until a whole frame is there. A malformed length drops the buffer and raises, so one
bad frame cannot wedge the stream; the caller reconnects.
"""

from __future__ import annotations

import json
from typing import Any

MAX_FRAME = 1 << 20  # a control message is a few hundred bytes; refuse nonsense


class NetstringError(ValueError):
    pass


def encode(payload: bytes) -> bytes:
    return str(len(payload)).encode("ascii") + b":" + payload + b","


def encode_json(message: dict[str, Any]) -> bytes:
    return encode(json.dumps(message, ensure_ascii=False).encode("utf-8"))


class Decoder:
    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        """The complete payloads that ``data`` finished, in order."""
        self._buffer += data
        frames: list[bytes] = []
        while True:
            colon = self._buffer.find(b":")
            if colon < 0:
                if len(self._buffer) > 10:  # no length prefix is that long
                    self._fail("no length prefix")
                return frames
            head = bytes(self._buffer[:colon])
            if not head.isdigit():
                self._fail(f"bad length {head[:16]!r}")
            size = int(head)
            if size > MAX_FRAME:
                self._fail(f"frame of {size} bytes")
            end = colon + 1 + size
            if len(self._buffer) < end + 1:
                return frames
            if self._buffer[end] != ord(","):
                self._fail("frame not terminated by ','")
            frames.append(bytes(self._buffer[colon + 1 : end]))
            del self._buffer[: end + 1]

    def _fail(self, why: str) -> None:
        self._buffer.clear()
        raise NetstringError(why)
