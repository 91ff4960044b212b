"""UI test guard: no SQL from UI code on the GUI thread.

Every SQLAlchemy statement runs through ``before_cursor_execute``; one issued on the
GUI (main) thread while a frame of ``deskapp/ui`` is on the stack means a widget
queried the database directly instead of through the TaskRunner — the test fails,
naming the statement and the UI frame. SQL that the test itself runs on the main
thread (setting up a desk, logging a call to look at) is allowed: only UI code is
held to the rule.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

UI_DIR = str(Path(__file__).resolve().parents[2] / "deskapp" / "ui")

# Known offenders, each with its reason; this list may only shrink.
KNOWN: dict[tuple[str, str], str] = {}


def _ui_frame() -> str | None:
    """The innermost deskapp/ui frame on the stack ("path:line (function)"), or None
    (also None for a known offender)."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(UI_DIR):
            relative = name[len(UI_DIR) + 1:]
            if (relative, frame.f_code.co_name) in KNOWN:
                return None
            return f"deskapp/ui/{relative}:{frame.f_lineno} ({frame.f_code.co_name})"
        frame = frame.f_back
    return None


@pytest.fixture(autouse=True)
def no_sql_on_the_gui_thread() -> Iterator[list[str]]:
    main = threading.main_thread()
    offences: list[str] = []

    def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        if threading.current_thread() is not main:
            return
        where = _ui_frame()
        if where is not None:
            offences.append(f"{where}: {' '.join(str(statement).split())[:120]}")

    event.listen(Engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield offences
    finally:
        event.remove(Engine, "before_cursor_execute", before_cursor_execute)
    if offences:
        pytest.fail(
            "SQL ran on the GUI thread from UI code (use the TaskRunner):\n"
            + "\n".join(offences[:10]), pytrace=False)
