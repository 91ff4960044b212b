"""Exponential backoff with jitter for reconnecting (Qt-free arithmetic)."""

from __future__ import annotations

import random


class Backoff:
    """0.5 s, 1 s, 2 s, ... up to ``cap`` seconds, each +-20 % so a hundred
    workstations do not reconnect in the same millisecond after a server restart."""

    def __init__(self, first: float = 0.5, cap: float = 30.0, jitter: float = 0.2) -> None:
        self.first, self.cap, self.jitter = first, cap, jitter
        self.attempt = 0

    def next_delay(self) -> float:
        base = min(self.cap, self.first * (2**self.attempt))
        self.attempt += 1
        return base * (1 + random.uniform(-self.jitter, self.jitter))

    def reset(self) -> None:
        self.attempt = 0
