"""The Qt environment itself: the PySide6 refcount trap, and the background runner."""

from __future__ import annotations

import sys
import threading

from PySide6 import __version_info__ as pyside_version
from PySide6.QtCore import QObject, Signal

from deskapp.ui.tasks import TaskRunner


class _Emitter(QObject):
    fired = Signal(bool, object)


def test_thousands_of_signal_emits_do_not_corrupt_refcounts(qtbot):
    """PySide6 6.12.0 on Python 3.11 drops a reference to True/None on each emit and
    aborts the process (bool_dealloc) after a few hundred. pyproject.toml pins
    PySide6 < 6.12 on Python < 3.12; this test proves the pin holds."""
    if sys.version_info < (3, 12):
        assert pyside_version[:2] < (6, 12), "PySide6 6.12 on Python 3.11: see DESIGN.md"
    emitter = _Emitter()
    received = [0]

    def count(flag: bool, obj: object) -> None:
        received[0] += 1

    emitter.fired.connect(count)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(5000):
        emitter.fired.emit(i % 2 == 0, None)
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert received[0] == 5000
    # Immortal on 3.12+, and stable (give or take unrelated churn) on 3.11.
    assert abs(after[0] - before[0]) < 1000 and abs(after[1] - before[1]) < 1000


def test_runner_runs_off_the_gui_thread_and_drops_stale_replies(qtbot):
    runner = TaskRunner()
    gui_thread = threading.get_ident()
    seen: list[tuple[str, int]] = []
    release = threading.Event()

    def slow() -> int:
        release.wait(5)
        return threading.get_ident()

    runner.submit(slow, lambda tid: seen.append(("old", tid)), key="filter")
    runner.submit(threading.get_ident, lambda tid: seen.append(("new", tid)), key="filter")
    qtbot.waitUntil(lambda: len(runner._pending) == 1)
    release.set()
    qtbot.waitUntil(lambda: runner.idle)
    assert [tag for tag, _ in seen] == ["new"]
    assert seen[0][1] != gui_thread


def test_runner_reports_errors_to_the_gui_thread(qtbot):
    runner = TaskRunner()
    errors: list[BaseException] = []

    def boom() -> None:
        raise RuntimeError("database went away")

    runner.submit(boom, lambda _: None, on_error=errors.append)
    qtbot.waitUntil(lambda: runner.idle)
    assert str(errors[0]) == "database went away"
