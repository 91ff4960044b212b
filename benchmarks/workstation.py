"""The real workstation window over 1,000,000 tickets (issue 16, point 4): the queue
steps a person takes, timed from the input event to the rows painted; the longest
turn of the GUI thread while scrolling a million-row view end to end; and the cold
start of a separate process to the main window with its first queue page painted.

    .venv/bin/python benchmarks/workstation.py                      # 1,000,000 tickets, both
    .venv/bin/python benchmarks/workstation.py --rows 20000 --backends sqlite --parts steps
    .venv/bin/python benchmarks/workstation.py --parts cold --cold-runs 5

The data: the million-row databases of benchmarks/ticket_queue.py, by default through
the private copies benchmarks/customer_history.py makes (upgraded to this tree's
schema; one customer there owns every 200th ticket, which does not change the queue).

**steps**: the window ``deskapp.app.build_workstation`` builds (the one the login opens:
``compose_window`` with every part; nothing started in the background — the SLA
scheduler, the notification poll and the live feed would write to the shared cached
databases), shown offscreen, logged in as an agent and as a supervisor. Each step is
real input sent to the real widgets — a click on a view in the list, Ctrl+End in the
table, a drag of the table's scroll bar, a click on a column header, a word typed in the
search box and Return — and stops when the table's viewport has *painted* with every
visible row filled (an event filter on the viewport; the time is taken after the paint
returns). Beside it, the bare SQL the painted rows waited for, on a warm connection: the
page read (the model shows a new query's first page before it counts).

**turns**: a heartbeat timer (1 ms, precise) on the GUI thread while the table scrolls
a view of every ticket the user may see (a saved view with no filter, shown through
the panel's saved-view path, held in memory: nothing is written), end to end: the
scroll bar dragged from top to bottom (mouse events, one move per 16 ms frame), then
Page Down held (30 per second, the key repeat rate). A gap between two beats is a turn
of the event loop the user waited for: max and p99. A second, sampled pass (a thread
reading the GUI thread's Python stack while a beat is late) names the longest turns.

**cold**: ``deskapp`` started as its own process (``python -c`` running what
``deskapp.app.run_gui`` runs: QApplication, language, ``connect_interactively``,
``start_workstation`` — the schema check, the login dialog) with the login answered by
the dialog's own ``logged_in`` signal (no scrypt, no typing), to the main window shown
and its first queue page painted. Phases from the parent's clock before the spawn.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PAGE = 100


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


# -- painted rows -------------------------------------------------------------------


def _watch_class() -> type:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintWatch(QObject):
        """Notices the first paint of the table's viewport at which every visible row
        has its data (no "…" placeholder) and ``extra()`` holds; ``done`` is taken after
        that paint returned (a zero timer queued from inside the paint event)."""

        def __init__(self, table: Any) -> None:
            super().__init__(table)
            self.table = table
            self.model = table.model()
            self.extra: Callable[[], bool] | None = None
            self.done: float | None = None
            table.viewport().installEventFilter(self)

        def arm(self, extra: Callable[[], bool] | None = None) -> None:
            self.extra = extra or (lambda: True)
            self.done = None

        def ready(self) -> bool:
            model, table = self.model, self.table
            if model.loading or model.rowCount() == 0:
                return False
            first = table.rowAt(0)
            last = table.rowAt(table.viewport().height() - 1)
            if first < 0:
                return False
            if last < 0:
                last = model.rowCount() - 1
            return all(model.row_at(r) is not None for r in range(first, last + 1))

        def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 (Qt override)
            if (event.type() == QEvent.Type.Paint and self.extra is not None
                    and self.done is None and self.extra() and self.ready()):
                self.extra = None
                QTimer.singleShot(0, self._painted)
            return False

        def _painted(self) -> None:
            self.done = time.perf_counter()

    return PaintWatch


def run_until(app: Any, done: Callable[[], bool], timeout: float = 120.0) -> None:
    """The event loop, until ``done()`` (checked every millisecond)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    timer = QTimer()
    timer.setInterval(1)

    def check() -> None:
        if done() or time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not done():
        raise TimeoutError("the window did not paint its rows in time")


# -- input --------------------------------------------------------------------------


def _mouse(widget: Any, kind: Any, pos: Any, buttons: Any) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    local = QPointF(pos)
    button = Qt.MouseButton.LeftButton if kind != QMouseEvent.Type.MouseMove else (
        Qt.MouseButton.NoButton)
    event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def slider_rect(bar: Any) -> Any:
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

    opt = QStyleOptionSlider()
    opt.initFrom(bar)
    opt.orientation = bar.orientation()
    opt.minimum, opt.maximum = bar.minimum(), bar.maximum()
    opt.sliderPosition = opt.sliderValue = bar.sliderPosition()
    opt.singleStep, opt.pageStep = bar.singleStep(), bar.pageStep()
    opt.upsideDown = bar.invertedAppearance()
    opt.subControls = QStyle.SubControl.SC_All
    return bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, opt,
                                      QStyle.SubControl.SC_ScrollBarSlider, bar)


class Drag:
    """A drag of a vertical scroll bar's handle with the mouse: press on the handle,
    ``move_to(fraction)`` of the groove, release."""

    def __init__(self, bar: Any) -> None:
        from PySide6.QtCore import QPoint

        self.bar = bar
        handle = slider_rect(bar)
        self.x = handle.center().x()
        self.grab = handle.center().y() - handle.top()
        self.top_y = handle.center().y() - (handle.top() - self._groove_top())
        self.span = self._groove_bottom() - self._groove_top() - handle.height()
        self.pos = QPoint(self.x, handle.center().y())

    def _groove(self) -> Any:
        from PySide6.QtWidgets import QStyle, QStyleOptionSlider

        opt = QStyleOptionSlider()
        opt.initFrom(self.bar)
        opt.orientation = self.bar.orientation()
        opt.minimum, opt.maximum = self.bar.minimum(), self.bar.maximum()
        return self.bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, opt,
                                               QStyle.SubControl.SC_ScrollBarGroove, self.bar)

    def _groove_top(self) -> int:
        return self._groove().top()

    def _groove_bottom(self) -> int:
        return self._groove().bottom() + 1

    def press(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QMouseEvent

        _mouse(self.bar, QMouseEvent.Type.MouseButtonPress, self.pos, Qt.MouseButton.LeftButton)

    def move_to(self, fraction: float) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtGui import QMouseEvent

        y = self.top_y + round(fraction * self.span)
        self.pos = QPoint(self.x, y)
        _mouse(self.bar, QMouseEvent.Type.MouseMove, self.pos, Qt.MouseButton.LeftButton)

    def release(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QMouseEvent

        _mouse(self.bar, QMouseEvent.Type.MouseButtonRelease, self.pos, Qt.MouseButton.NoButton)


def key(widget: Any, k: Any, modifiers: Any = None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, k, modifiers or Qt.KeyboardModifier.NoModifier)


# -- bare SQL -----------------------------------------------------------------------


def bare_parallel(engine: Any, statements: list) -> float:
    """The statements at once on their own connections (warm), as the UI runs count and
    first page on two TaskRunner threads: the time until both are done."""
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy import select

    def run(stmt: Any) -> None:
        with engine.connect() as conn:
            conn.execute(stmt).all()

    with ThreadPoolExecutor(len(statements)) as pool:
        list(pool.map(run, [select(1)] * len(statements)))
        t0 = time.perf_counter()
        list(pool.map(run, statements))
        return time.perf_counter() - t0


def bare_sequence(engine: Any, statements: list) -> float:
    """The statements one after the other on one warm connection, rows fetched."""
    from sqlalchemy import select

    with engine.connect() as conn:
        conn.execute(select(1)).all()
        t0 = time.perf_counter()
        for stmt in statements:
            conn.execute(stmt).all()
        return time.perf_counter() - t0


# -- the window ---------------------------------------------------------------------


def build_window(url: str, username: str) -> Any:
    from deskapp.app import build_workstation
    from deskapp.ui.workstation import Background

    window = build_workstation(url, username, background=Background(start=False))
    window.resize(1400, 850)
    window.show()
    return window


def saved_everything(panel: Any) -> str:
    """A saved view with no filter (every ticket the user may see), given to the panel
    as if the saved views had just been read: nothing is written."""
    import uuid

    from PySide6.QtWidgets import QApplication

    from deskapp.services.queue import QueueFilter, SavedViewInfo

    panel._runner.wait(30_000)  # the saved views read at start-up arrive first
    QApplication.processEvents()
    info = SavedViewInfo(uuid.uuid4(), "Every ticket", QueueFilter(), 1)
    panel._on_saved_views_loaded(list(panel._saved.values()) + [info])
    return f"saved:{info.id}"


def measure_steps(app: Any, url: str, username: str, repeat: int) -> list[dict]:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from deskapp.services.queue import Sort
    from deskapp.ui.queue.model import Column
    from deskapp.ui.queue.panel import ViewIdRole

    window = build_window(url, username)
    panel = window.queue
    table, model = panel.table, panel.model
    services, actor = window.services, window.actor
    queue, engine = services.queue, services.engine
    watch = _watch_class()(table)

    def settled() -> bool:
        return model.idle and model.count_exact and not model.loading

    def timed(action: Callable[[], None], extra: Callable[[], bool] | None = None) -> float:
        run_until(app, settled)
        watch.arm(extra)
        t0 = time.perf_counter()
        action()
        try:
            run_until(app, lambda: watch.done is not None)
        except TimeoutError:
            bar = table.verticalScrollBar()
            raise TimeoutError(
                f"not painted: top row {table.rowAt(0)}, rows {model.rowCount()}, bar "
                f"{bar.value()}/{bar.maximum()}, ready {watch.ready()}, "
                f"extra {watch.extra and watch.extra()}") from None
        assert watch.done is not None
        return watch.done - t0

    def click_view(view_id: str) -> Callable[[], None]:
        def act() -> None:
            views = panel.views
            for row in range(views.count()):
                item = views.item(row)
                if item.data(ViewIdRole) == view_id:
                    rect = views.visualItemRect(item)
                    views.scrollToItem(item)
                    QTest.mouseClick(views.viewport(), Qt.MouseButton.LeftButton,
                                     Qt.KeyboardModifier.NoModifier, rect.center())
                    return
            raise LookupError(view_id)

        return act

    def to_top() -> None:
        table.scrollToTop()

    def at_end() -> bool:
        return table.rowAt(table.viewport().height() - 1) in (-1, model.rowCount() - 1)

    def ctrl_end() -> None:
        table.setFocus()
        key(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)

    def drag_to_middle() -> None:
        drag = Drag(table.verticalScrollBar())
        drag.press()
        for i in range(1, 11):  # ten moves, as a hand moves it; pages asked for on the way
            drag.move_to(0.05 * i)
            app.processEvents()
        drag.release()

    def near_middle() -> bool:
        top = table.rowAt(0)
        return abs(top - model.rowCount() // 2) <= model.rowCount() // 50 + 50

    def click_header(column: int) -> Callable[[], None]:
        def act() -> None:
            header = table.horizontalHeader()
            x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
            QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, QPoint(x, header.height() // 2))

        return act

    def type_search(words: str) -> Callable[[], None]:
        def act() -> None:
            key(panel.search, Qt.Key.Key_Return)

        def prepare() -> None:
            panel.search.blockSignals(True)  # the text typed before; Return is the action
            panel.search.setText(words)
            panel.search.blockSignals(False)

        act.prepare = prepare  # type: ignore[attr-defined]
        return act

    def order_is(sort: Sort) -> Callable[[], bool]:
        return lambda: model.query is not None and model.query.order[0] is sort

    everything = saved_everything(panel)
    run_until(app, settled)
    results: list[dict] = []

    def record(view: str, step: str, ui: list[float], sql: list[float]) -> None:
        u, s = statistics.median(ui), statistics.median(sql)
        results.append({"user": username, "view": view, "rows": model.rowCount(),
                        "step": step, "ui_ms": u * 1000, "sql_ms": s * 1000,
                        "ratio": u / s if s else float("nan"), "load": load()})

    def first_page_sql() -> float:
        # What the rows on screen waited for: the first page alone (the model reads it
        # first and counts after it is shown, deskapp.ui.queue.model.set_query) — the
        # statements the service runs for it, in order (a search's probe and plans).
        return bare_sequence(engine, queue.sql_for_first_page(actor, model.query, PAGE))

    for view_name, view_id in (("All open", "all_open"), ("Every ticket (saved view)", everything)):
        opened, ends, middles, sorts, searches = [], [], [], [], []
        s_open, s_end, s_middle, s_sort, s_search = [], [], [], [], []
        rows = 0
        for _ in range(repeat):
            panel.show_view("my_open")
            run_until(app, settled)
            opened.append(timed(click_view(view_id)))
            s_open.append(first_page_sql())
            run_until(app, settled)
            rows = model.rowCount()
            ends.append(timed(ctrl_end, at_end))
            s_end.append(bare_parallel(engine, [
                queue.sql_for_page(actor, model.query, backwards=True).limit(PAGE)]))
            to_top()
            middles.append(timed(drag_to_middle, near_middle))
            top = table.rowAt(0)
            page = top // PAGE
            offset = page * PAGE
            if offset > rows // 2:  # rows_at reads the second half backwards
                stmt = queue.sql_for_page(actor, model.query, backwards=True,
                                          offset=rows - min(offset + PAGE, rows))
            else:
                stmt = queue.sql_for_page(actor, model.query, offset=offset)
            s_middle.append(bare_parallel(engine, [stmt]))
            to_top()
            sorts.append(timed(click_header(Column.PRIORITY), order_is(Sort.PRIORITY)))
            s_sort.append(first_page_sql())
            search = type_search("router")
            search.prepare()  # type: ignore[attr-defined]
            searches.append(timed(search, lambda: bool(model.query and model.query.search)))
            s_search.append(first_page_sql())
            run_until(app, settled)
            search_rows = model.rowCount()
            panel.search.clear()
            key(panel.search, Qt.Key.Key_Return)
            run_until(app, settled)
        record(view_name, "click the view → first page", opened, s_open)
        results[-1]["rows"] = rows
        for step, ui, sql in (("Ctrl+End → last page", ends, s_end),
                              ("drag scroll bar to middle → page", middles, s_middle),
                              ("click Priority header → first page", sorts, s_sort)):
            record(view_name, step, ui, sql)
            results[-1]["rows"] = rows
        record(view_name, "search 'router' + Return → first page", searches, s_search)
        results[-1]["rows"] = search_rows
        print(f"  {username}: {view_name} measured (load {load()})", flush=True)
    window.runner.wait(30_000)
    window.close()
    window.deleteLater()
    app.processEvents()
    return results


# -- GUI-thread turns while scrolling ----------------------------------------------


class Heartbeat:
    """A 1 ms precise timer on the GUI thread; the gaps between its beats are the
    turns of the event loop. Each beat also reads the GUI thread's scheduler counters
    (/proc/self/task/<tid>/schedstat: nanoseconds on a CPU, nanoseconds waiting in
    the run queue), so a long turn splits into work done on the GUI thread, waiting
    for a CPU (the machine's load) and the rest: blocked (on the GIL held by a worker
    thread, or on I/O)."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.beats: list[tuple[float, int, int]] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self._stat = f"/proc/self/task/{threading.get_native_id()}/schedstat"

    def _sched(self) -> tuple[int, int]:
        try:
            with open(self._stat) as f:
                on_cpu, waiting, _ = f.read().split()
            return int(on_cpu), int(waiting)
        except OSError:
            return 0, 0

    def _beat(self) -> None:
        self.last = now = time.perf_counter()
        self.beats.append((now, *self._sched()))

    def start(self) -> None:
        self.beats.clear()
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[tuple[float, float, float]]:
        """Per turn: (gap ms, of which on the GUI thread's CPU ms, waiting for a CPU ms)."""
        self.timer.stop()
        return [((b[0] - a[0]) * 1000, (b[1] - a[1]) / 1e6, (b[2] - a[2]) / 1e6)
                for a, b in zip(self.beats, self.beats[1:], strict=False)]


class StallSampler:
    """While a beat is more than ``late_ms`` late, reads the GUI thread's Python stack
    every millisecond; ``report()`` counts the deskapp (and Qt-calling) frames seen."""

    def __init__(self, beat: Heartbeat, late_ms: float = 8.0) -> None:
        self.beat = beat
        self.late = late_ms / 1000
        self.main = threading.main_thread().ident
        self.samples: list[tuple[tuple[str, ...], float]] = []
        self.running = False

    def start(self) -> None:
        self.running = True
        self.samples.clear()
        threading.Thread(target=self._run, daemon=True).start()

    def stop(self) -> None:
        self.running = False

    def _run(self) -> None:
        while self.running:
            time.sleep(0.001)
            lag = time.perf_counter() - self.beat.last
            if lag < self.late:
                continue
            frame = sys._current_frames().get(self.main)  # type: ignore[arg-type]
            stack = traceback.extract_stack(frame, limit=40) if frame else []
            names = tuple(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in stack
                          if "benchmarks/workstation.py" not in f.filename)
            self.samples.append((names[-8:], lag))

    def report(self, top: int = 12) -> list[tuple[int, str]]:
        innermost: Counter[str] = Counter()
        for names, _lag in self.samples:
            innermost[" <- ".join(reversed(names[-4:])) or "(Qt/C++ only)"] += 1
        return [(n, s) for s, n in innermost.most_common(top)]


def measure_turns(app: Any, url: str, username: str, drag_s: float, pagedowns: int,
                  sampled: bool, drag: bool = True) -> dict:
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    window = build_window(url, username)
    panel = window.queue
    table, model = panel.table, panel.model
    everything = saved_everything(panel)
    panel.show_view(everything)
    run_until(app, lambda: model.idle and model.count_exact and not model.loading)
    rows = model.rowCount()
    watch = _watch_class()(table)
    beat = Heartbeat()
    sampler = StallSampler(beat) if sampled else None
    out: dict[str, Any] = {"user": username, "rows": rows, "load_before": load()}

    def scripted(steps: list[Callable[[], None]], interval_ms: int) -> list[float]:
        loop = QEventLoop()
        driver = QTimer()
        driver.setTimerType(Qt.TimerType.PreciseTimer)
        driver.setInterval(interval_ms)
        queue_ = list(steps)

        def next_step() -> None:
            if queue_:
                queue_.pop(0)()
            else:
                driver.stop()
                loop.quit()

        driver.timeout.connect(next_step)
        beat.start()
        if sampler:
            sampler.start()
        driver.start()
        loop.exec()
        return beat.stop()

    # 1. the scroll bar dragged from the top to the bottom, one move per frame
    if drag:
        _drag_turns(app, table, model, watch, beat, scripted, rows, drag_s, out)
    # 2. Page Down held at the key-repeat rate from the top
    table.scrollToTop()
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    run_until(app, lambda: model.idle)
    gaps = scripted([lambda: key(table, Qt.Key.Key_PageDown)] * pagedowns, 33)
    beat.start()
    run_until(app, lambda: model.idle)
    gaps += beat.stop()
    out["pagedown"] = {"gaps": gaps, "presses": pagedowns,
                       "row_reached": table.currentIndex().row()}
    if sampler:
        sampler.stop()
        out["stalls"] = sampler.report()
    out["load_after"] = load()
    window.runner.wait(30_000)
    window.close()
    window.deleteLater()
    app.processEvents()
    return out


def _drag_turns(app: Any, table: Any, model: Any, watch: Any, beat: Heartbeat,
                scripted: Callable, rows: int, drag_s: float, out: dict) -> None:
    table.scrollToTop()
    run_until(app, lambda: model.idle)
    drag = Drag(table.verticalScrollBar())
    moves = max(2, round(drag_s * 1000 / 16))
    steps: list[Callable[[], None]] = [drag.press]
    steps += [lambda i=i: drag.move_to(i / moves) for i in range(1, moves + 1)]
    steps.append(drag.release)
    fetched = model.pages_fetched
    t0 = time.perf_counter()
    watch.arm(lambda: table.rowAt(table.viewport().height() - 1) in (-1, rows - 1))
    gaps = scripted(steps, 16)
    released = time.perf_counter()
    beat.start()
    run_until(app, lambda: watch.done is not None, timeout=300)  # the last rows painted
    settle = beat.stop()
    assert watch.done is not None
    out["drag"] = {"gaps": gaps, "settle_gaps": settle, "seconds": released - t0,
                   "bottom_painted_after_release_ms": (watch.done - released) * 1000,
                   "pages": model.pages_fetched - fetched,
                   "value": table.verticalScrollBar().value(),
                   "maximum": table.verticalScrollBar().maximum()}


def summarise_gaps(turns: list[tuple[float, float, float]]) -> str:
    if not turns:
        return "no beats"
    gaps = [t[0] for t in turns]
    long = [t for t in turns if t[0] > 16]
    worst = max(turns)
    split = ""
    if long:
        total = sum(t[0] for t in long)
        cpu = sum(t[1] for t in long)
        queued = sum(t[2] for t in long)
        split = (f"; the {len(long)} turns over 16 ms: {cpu / total:.0%} working on the GUI "
                 f"thread, {queued / total:.0%} waiting for a CPU, "
                 f"{max(0.0, 1 - (cpu + queued) / total):.0%} blocked (GIL, I/O)")
    return (f"max {worst[0]:.1f} ms (working {worst[1]:.1f}, waiting for a CPU {worst[2]:.1f}),"
            f" p99 {pct(gaps, 0.99):.1f} ms, p50 {pct(gaps, 0.5):.2f} ms, {len(gaps)} turns"
            + split)


# -- cold start ---------------------------------------------------------------------

COLD_CHILD = r"""
import sys, time, os, json
t_main = time.time()
sys.path.insert(0, {root!r})
marks = {{"main": t_main}}
import deskapp.cli  # the `deskapp` command's module: what the process imports first
marks["imported"] = time.time()
import deskapp.app as app_module
from PySide6.QtCore import QSettings, QTimer, QEvent, QObject

real_start = app_module.start_workstation

def start_workstation(settings, **kwargs):
    marks["qapplication"] = time.time()  # QApplication, language, connection checked
    flow = real_start(settings, qsettings=QSettings({ini!r}, QSettings.Format.IniFormat))
    watch.flow = flow
    flow.window_shown.connect(shown)
    QTimer.singleShot(0, answer_login)
    QTimer.singleShot(120_000, lambda: os._exit(3))
    return flow

def answer_login():
    flow = watch.flow
    dialog = flow.login_dialog
    if dialog is None or not dialog.isVisible():
        QTimer.singleShot(1, answer_login)
        return
    marks["login_shown"] = time.time()
    actor = flow.services.staff.actor({user!r})  # what the dialog's scrypt check returns
    marks["login_answered"] = time.time()
    dialog.logged_in.emit(actor)
    dialog.accept()

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "painted" not in marks:
            model, table = self.model, self.table
            first, last = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
            if last < 0:
                last = model.rowCount() - 1
            if (not model.loading and model.rowCount() and first >= 0 and
                    all(model.row_at(r) is not None for r in range(first, last + 1))):
                QTimer.singleShot(0, painted)
                marks["painted"] = None
        return False

def painted():
    marks["painted"] = time.time()
    cpu = os.times()
    print("COLD " + json.dumps({{"marks": marks, "rows": watch.model.rowCount(),
                                "cpu": cpu.user + cpu.system,
                                "modules": len(sys.modules),
                                "lazy": [m for m in ("alembic", "keyring", "pyqtgraph",
                                                     "openpyxl", "deskapp.services.demo")
                                         if m in sys.modules]}}), flush=True)
    os._exit(0)

watch = Watch()

def shown(window):
    marks["window_shown"] = time.time()
    watch.table, watch.model = window.queue.table, window.queue.model
    window.queue.table.viewport().installEventFilter(watch)
    window.queue.table.viewport().update()

app_module.start_workstation = start_workstation
sys.exit(deskapp.cli.main(["--db", {url!r}]))
"""


def measure_cold(url: str, username: str, runs: int, importtime: bool = False) -> dict:
    import tempfile

    root = str(Path(__file__).resolve().parents[1])
    python = str(Path(sys.executable))
    rows: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        code = COLD_CHILD.format(root=root, url=url, user=username, ini=f"{tmp}/ui.ini")
        env = dict(os.environ, DESKAPP_CONFIG_DIR=tmp, DESKAPP_DATA_DIR=tmp,
                   XDG_CONFIG_HOME=tmp, QT_QPA_PLATFORM="offscreen")
        for _ in range(runs):
            t0 = time.time()
            proc = subprocess.run([python, "-c", code], capture_output=True, text=True,
                                  env=env, timeout=180)
            line = next((x for x in proc.stdout.splitlines() if x.startswith("COLD ")), None)
            if line is None:
                raise RuntimeError(f"cold start failed: {proc.stdout}\n{proc.stderr[-3000:]}")
            reply = json.loads(line[5:])
            marks = reply["marks"]
            login = marks["login_answered"] - marks["login_shown"]
            loaded = reply.get("lazy", [])
            rows.append({
                "interpreter": marks["main"] - t0,
                "imports": marks["imported"] - marks["main"],
                "qapplication": marks["qapplication"] - marks["imported"],
                "to_login": marks["login_shown"] - t0,
                "login_to_painted": marks["painted"] - marks["login_answered"],
                "window_shown": marks["window_shown"] - t0 - login,
                "painted": marks["painted"] - t0 - login,
                "cpu": reply["cpu"],
                "modules": reply["modules"] / 1000,
            })
        if importtime:
            proc = subprocess.run([python, "-X", "importtime", "-c", code], capture_output=True,
                                  text=True, env=env, timeout=180)
            Path("/tmp/deskapp-cold-importtime.txt").write_text(proc.stderr)
    return {k: statistics.median(r[k] for r in rows) * 1000 for k in rows[0]} | {
        "runs": runs, "painted_all": [round(r["painted"] * 1000) for r in rows],
        "loaded": loaded}


# -- main ---------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--users", default="ali,maryam", help="an agent, a supervisor")
    parser.add_argument("--parts", default="steps,turns,cold")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--drag-seconds", type=float, default=3.0)
    parser.add_argument("--pagedowns", type=int, default=150)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--sampled", action="store_true",
                        help="also a pass with the stall sampler naming the longest turns")
    parser.add_argument("--rapid-choice-ms", type=int, default=None,
                        help="override deskapp.ui.main_window.RAPID_CHOICE_MS (0: every row "
                        "chosen opens its ticket at once, as before issue 16)")
    parser.add_argument("--no-drag", action="store_true", help="turns: Page Down only")
    parser.add_argument("--only-sampled", action="store_true",
                        help="only the sampled pass of the turns")
    parser.add_argument("--importtime", action="store_true",
                        help="write -X importtime of one cold start to /tmp")
    parser.add_argument("--shared", action="store_true",
                        help="the shared cached databases (upgraded in place by ensure_data) "
                        "instead of benchmarks/customer_history.py's private copies")
    parser.add_argument("--url", action="append", default=[],
                        help="backend=URL: use this database as it is")
    args = parser.parse_args()
    if args.rapid_choice_ms is not None:
        import deskapp.ui.main_window

        deskapp.ui.main_window.RAPID_CHOICE_MS = args.rapid_choice_ms
    from benchmarks.customer_history import private_copy
    from benchmarks.ticket_queue import ensure_data

    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    given = dict(u.split("=", 1) for u in args.url)
    # By default the private copies of the million-row databases, brought to this tree's
    # schema (the cold start checks it): the shared ones are left as they are.
    urls = {b: given.get(b) or (ensure_data(b, args.rows) if args.shared
                                else private_copy(b, args.rows)) for b in backends}
    users = [u.strip() for u in args.users.split(",") if u.strip()]
    parts = set(args.parts.split(","))
    print(f"load before: {load()}", flush=True)
    out: dict[str, Any] = {"steps": [], "turns": [], "cold": []}
    if parts & {"steps", "turns"}:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        for backend in backends:
            for user in users:
                if "steps" in parts:
                    for r in measure_steps(app, urls[backend], user, args.repeat):
                        out["steps"].append({"backend": backend} | r)
                if "turns" in parts and not args.only_sampled:
                    t = measure_turns(app, urls[backend], user, args.drag_seconds,
                                      args.pagedowns, sampled=False, drag=not args.no_drag)
                    out["turns"].append({"backend": backend} | t)
                if "turns" in parts and (args.sampled or args.only_sampled):
                    t = measure_turns(app, urls[backend], user, args.drag_seconds,
                                      args.pagedowns, sampled=True, drag=not args.no_drag)
                    out["turns"].append({"backend": backend, "sampled": True} | t)
    if "cold" in parts:
        for backend in backends:
            c = measure_cold(urls[backend], users[0], args.cold_runs, args.importtime)
            out["cold"].append({"backend": backend, "load": load()} | c)
    print(f"load after: {load()}")
    print()
    if out["steps"]:
        print(f"Real window, {args.rows:,} tickets, median of {args.repeat}: input → rows painted")
        print(f"{'backend':<11}{'user':<8}{'view':<27}{'rows':>10}  {'step':<40}"
              f"{'UI ms':>8}{'SQL ms':>8}{'UI/SQL':>7}  load")
        for r in out["steps"]:
            print(f"{r['backend']:<11}{r['user']:<8}{r['view']:<27}{r['rows']:>10,}  "
                  f"{r['step']:<40}{r['ui_ms']:>8.1f}{r['sql_ms']:>8.1f}{r['ratio']:>7.2f}"
                  f"  {r['load']}")
    for t in out["turns"]:
        tag = " (sampled pass)" if t.get("sampled") else ""
        print(f"\nGUI-thread turns, {t['backend']}, {t['user']}, {t['rows']:,} rows{tag}, "
              f"load {t['load_before']} → {t['load_after']}")
        d = t.get("drag")
        if d:
            print(f"  drag top→bottom ({d['seconds']:.1f} s, bar at {d['value']:,}/"
                  f"{d['maximum']:,}): {summarise_gaps(d['gaps'])}")
            print(f"  after the release, until the bottom rows were painted "
                  f"({d['bottom_painted_after_release_ms']:.0f} ms; {d['pages']} pages read for "
                  f"the drag): {summarise_gaps(d['settle_gaps'])}")
        p = t["pagedown"]
        print(f"  Page Down x{p['presses']} (row {p['row_reached']:,}): "
              f"{summarise_gaps(p['gaps'])}")
        for n, where in t.get("stalls", []):
            print(f"    {n:>5} samples  {where}")
    for c in out["cold"]:
        print(f"\nCold start, {c['backend']} ({c['runs']} runs, median, load {c['load']}): "
              f"interpreter {c['interpreter']:.0f} ms, import deskapp.cli {c['imports']:.0f} ms, "
              f"run_gui to start_workstation (QApplication, language, connection) "
              f"{c['qapplication']:.0f} ms, login dialog shown at "
              f"{c['to_login']:.0f} ms; after the login: window shown at "
              f"{c['window_shown']:.0f} ms, first page painted at {c['painted']:.0f} ms "
              f"(login → painted {c['login_to_painted']:.0f} ms); CPU of the process {c['cpu']:.0f} ms, "
              f"{c['modules']:.0f} modules (of alembic, keyring, pyqtgraph, openpyxl, the demo "
              f"generator: {c['loaded'] or 'none'} loaded); all runs {c['painted_all']}")
    Path("/tmp/deskapp-bench-workstation.json").write_text(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
