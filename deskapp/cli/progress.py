"""A plain-text progress bar on standard error (no dependency): redrawn in place with
``\\r`` on a terminal, a line every 10 % when stderr is a file or a pipe."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.interactive = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_percent = -1
        self._started = time.monotonic()
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        if percent == self._last_percent:
            return
        step = 1 if self.interactive else 10
        if percent // step == self._last_percent // step and percent != 100:
            return
        self._last_percent = percent
        filled = self.width * percent // 100
        bar = "#" * filled + "." * (self.width - filled)
        elapsed = time.monotonic() - self._started
        text = f"{self.label} [{bar}] {percent:3d}% {done:,}/{total:,} {elapsed:5.1f}s"
        if self.interactive:
            self.stream.write("\r" + text)
            self._drawn = True
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self) -> None:
        """End the line of an in-place bar (call once, also after an error)."""
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
