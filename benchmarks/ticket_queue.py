"""The ticket queue over 1,000,000 tickets, on SQLite and on PostgreSQL.

Drives the real QueueModel (offscreen, in a QTableView, background TaskRunner) and
times, from the user's action to the rows on screen:

* open:  opening a view until its first page is shown (COUNT + first page);
* end:   jumping to the last row until the last page is shown;
* sort:  choosing another sort order until its first page is shown;
* search: typing a search until its first page is shown;

each next to the bare SQL the rows on screen waited for (the page read, executed
directly on a warm connection: the model shows a new query's first page before it
counts; the capped count is timed on its own) and the ratio of the two. The
bare table, not the window: benchmarks/workstation.py drives the real window. Figures are medians of
``--repeat`` runs. Peak memory is the process's ``ru_maxrss``; the tickets are
generated in a child process so generating them does not count.

    .venv/bin/python benchmarks/ticket_queue.py                      # 1,000,000 rows, both
    .venv/bin/python benchmarks/ticket_queue.py --rows 100000 --backends sqlite

Generated databases are kept (SQLite under /tmp, PostgreSQL database
``deskapp_bench_queue_<rows>``) and reused when they already hold the rows.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Importable without installing: the repository root first on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psycopg  # noqa: E402
from sqlalchemy import func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from deskapp.models import Ticket  # noqa: E402
from deskapp.models.database import make_engine  # noqa: E402
from deskapp.services import schema  # noqa: E402
from deskapp.services.facade import build_services  # noqa: E402
from deskapp.services.queue import QueueQuery, Sort, View  # noqa: E402

PG_SERVER = os.environ.get("DESKAPP_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
PAGE = 100


def sqlite_url(rows: int) -> str:
    return f"sqlite:////tmp/deskapp-bench-queue-{rows}.sqlite3"


def pg_url(rows: int) -> str:
    return make_url(PG_SERVER).set(database=f"deskapp_bench_queue_{rows}").render_as_string(
        hide_password=False
    )


def _ticket_count(url: str) -> int | None:
    try:
        engine = make_engine(url)
        with engine.connect() as conn:
            n = conn.scalar(select(func.count()).select_from(Ticket))
        engine.dispose()
        return int(n or 0)
    except Exception:
        return None


# -- generation (runs in a child process) -------------------------------------------


def generate(backend: str, rows: int) -> None:
    from tests.helpers.bulk import bulk_tickets
    from tests.helpers.staff import make_desk

    if backend == "sqlite":
        url = sqlite_url(rows)
        path = Path(make_url(url).database or "")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        url = pg_url(rows)
        name = make_url(url).database
        admin_url = make_url(PG_SERVER).set(drivername="postgresql")
        with psycopg.connect(admin_url.render_as_string(hide_password=False),
                             autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    engine = make_engine(url)
    schema.upgrade(engine)
    services = build_services(engine)
    desk = make_desk(services)
    agents = [a.user_id for a in (desk.agent, desk.other_agent, desk.specialist, desk.supervisor)]
    teams = [t.id for t in services.staff.list_teams()]
    started = time.perf_counter()

    def progress(done: int) -> None:
        if done % 100_000 == 0 or done == rows:
            rate = done / (time.perf_counter() - started)
            print(f"  {backend}: {done:>9,} tickets ({rate:,.0f}/s)", flush=True)

    # Committed batch by batch: one long write transaction would hold back the change
    # feed of every other user of the server (feed readers stay below the xmin).
    bulk_tickets(engine, rows, assignee_ids=agents, team_ids=teams, progress=progress,
                 quiet_triggers=True, commit_batches=True)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    if backend == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE tickets"))
    print(f"  {backend}: generated in {time.perf_counter() - started:.0f} s", flush=True)
    engine.dispose()


def repair_cache(engine) -> None:
    """Tables and columns a migration gained in place this session (0013's
    presence_heartbeats, 0014's tickets.fcr_strict, 0016's code/params) are missing
    from databases generated before: add them as the models define them, so a
    cached million-row database is reused instead of regenerated."""
    from sqlalchemy import inspect
    from sqlalchemy.schema import CreateColumn

    from deskapp.models import Base

    with engine.begin() as conn:
        insp = inspect(conn)
        have = set(insp.get_table_names())
        for name, table in Base.metadata.tables.items():
            if name not in have:
                print(f"  cache repair: creating {name}", flush=True)
                table.create(conn)
                continue
            present = {c["name"] for c in insp.get_columns(name)}
            for col in table.columns:
                if col.name in present:
                    continue
                ddl = str(CreateColumn(col).compile(dialect=engine.dialect))
                if not col.nullable and col.server_default is None:
                    ddl = ddl.replace(" NOT NULL", "")
                print(f"  cache repair: {name}.{col.name}", flush=True)
                conn.exec_driver_sql(f"ALTER TABLE {name} ADD COLUMN {ddl}")


def ensure_data(backend: str, rows: int) -> str:
    url = sqlite_url(rows) if backend == "sqlite" else pg_url(rows)
    if _ticket_count(url) == rows:
        engine = make_engine(url)
        if schema.schema_status(engine).state is not schema.SchemaState.CURRENT:
            print(f"upgrading the cached {backend} database...", flush=True)
            schema.upgrade(engine)
            with engine.begin() as conn:
                conn.execute(text("ANALYZE"))
        repair_cache(engine)
        engine.dispose()
        return url
    print(f"generating {rows:,} tickets on {backend} (kept for later runs)...", flush=True)
    subprocess.run(
        [sys.executable, __file__, "--generate", backend, "--rows", str(rows)], check=True
    )
    return url


# -- measuring -----------------------------------------------------------------------


# --density-sweep: measure_searches times a sweep of searches by number of matches.
DENSITY_SWEEP = False


def measure_searches(backend, services, actor, model, open_view, bare_parallel, repeat,
                     wait) -> list[dict]:
    """Search over every ticket (issue 16): the first page on screen (the model reads
    it alone and shows it before any count), beside the bare SQL of the statements
    the service runs for it, one after the other on one connection as it runs them
    (the density probe included, not the team look-up); then when the first count
    (capped at COUNT_CAP) and the exact count reached the model, and the bare capped
    count. Also a common word sorted by two other columns (one with an index to walk,
    one without)."""
    from deskapp.services.queue import COUNT_CAP

    queue = services.queue
    with services.engine.connect() as conn:
        phone = conn.execute(text(
            "SELECT number FROM customer_phones ORDER BY number LIMIT 1 OFFSET 777"
        )).scalar_one()
    plain = QueueQuery(view=View.CUSTOM)
    searches = [
        ("common word 'router'", plain, "router"),
        ("rare word 'customer4711'", plain, "customer4711"),
        (f"phone prefix '{phone[:6]}'", plain, phone[:6]),
        (f"phone suffix '{phone[-5:]}'", plain, phone[-5:]),
        ("Persian, no ZWNJ 'نمیشود'", plain, "نمیشود"),
        ("'router' by priority", plain.sorted_by(Sort.PRIORITY, True), "router"),
        ("'router' by SLA due", plain.sorted_by(Sort.SLA, False), "router"),
    ]
    if DENSITY_SWEEP:
        # Searches from ~10 to ~40,000 visible matches (agent ali, 1,000,000 tickets
        # of tests/helpers/bulk.py): customer numbers (customer<i>@example.com) and
        # phones as prefixes, words of the names and subjects together.
        searches = [(f"sweep '{w}'", plain, w) for w in (
            phone[:7], "customer4711", "customer471", "09123", "0912 reza", "0912 re",
            "customer47", "ali router", "0912", "sara rezaei", "reza is", "customer2",
            "router",
        )]

    def bare(statements: list) -> float:
        with services.engine.connect() as conn:
            conn.execute(select(1)).all()
            t0 = time.perf_counter()
            for stmt in statements:
                conn.execute(stmt).all()
            return time.perf_counter() - t0

    def since(t0: float) -> float:
        return time.perf_counter() - t0

    out: list[dict] = []
    for name, base, words in searches:
        q = QueueQuery(view=base.view, search=words, sort=base.sort, descending=base.descending)
        ui, sql, counted, exact, sql_count = [], [], [], [], []
        for _ in range(repeat):
            t0 = time.perf_counter()
            ui.append(open_view(q))
            wait(lambda: not model.counting, 120.0)
            counted.append(since(t0))
            wait(lambda: model.count_exact and model.idle, 120.0)
            exact.append(since(t0))
            sql.append(bare(queue.sql_for_first_page(actor, q, PAGE)))
            sql_count.append(bare([queue.sql_for_count(actor, q, cap=COUNT_CAP)]))
        found = queue.count(actor, q)
        u, s_ = statistics.median(ui), statistics.median(sql)
        row = {
            "backend": backend, "view": "All tickets (search)", "rows": found,
            "step": f"search {name} → first page", "ui_ms": u * 1000, "sql_ms": s_ * 1000,
            "ratio": u / s_ if s_ else float("nan"),
            "count_ms": statistics.median(counted) * 1000,
            "exact_count_ms": statistics.median(exact) * 1000,
            "sql_count_ms": statistics.median(sql_count) * 1000,
            "load": os.getloadavg()[0],
        }
        out.append(row)
        print(f"  {backend}: search {name}: {found:,} matches; first page UI "
              f"{row['ui_ms']:.1f} ms, SQL {row['sql_ms']:.1f} ms; first count at "
              f"{row['count_ms']:.0f} ms (capped count SQL {row['sql_count_ms']:.1f} ms), "
              f"exact at {row['exact_count_ms']:.0f} ms; load {row['load']:.1f}", flush=True)
    return out


def measure(
    backend: str, url: str, rows: int, repeat: int, search_only: bool = False,
    searches: bool = True,
) -> list[dict]:
    from PySide6.QtWidgets import QApplication, QTableView

    from deskapp.services.queue import COUNT_CAP
    from deskapp.ui.queue.model import PLACEHOLDER, Column, QueueModel
    from deskapp.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    services = build_services(url)
    actor = services.staff.actor("ali")
    queue = services.queue
    runner = TaskRunner()
    model = QueueModel(services, actor, runner, page_size=PAGE, max_pages=40)
    view = QTableView()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setModel(model)
    view.resize(1000, 700)
    view.show()

    def wait(done: Callable[[], bool], timeout: float = 120.0) -> None:
        deadline = time.perf_counter() + timeout
        while not done():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("the queue did not show its rows in time")
            time.sleep(0.0005)

    def shown(first: int, last: int) -> Callable[[], bool]:
        def check() -> bool:
            if model.loading:
                return False
            if model.rowCount() == 0:
                return True  # nothing matches (small data sets)
            end = min(last, model.rowCount() - 1)
            return all(
                model.index(r, Column.NUMBER).data() != PLACEHOLDER for r in range(first, end + 1)
            )

        return check

    def visible_rows() -> int:
        return max(1, view.viewport().height() // view.verticalHeader().defaultSectionSize())

    def bare(statements: list) -> float:
        with services.engine.connect() as conn:
            conn.execute(select(1)).all()  # a warm connection, as the pool's are
            t0 = time.perf_counter()
            for stmt in statements:
                conn.execute(stmt).all()
            return time.perf_counter() - t0

    def open_view(q: QueueQuery) -> float:
        t0 = time.perf_counter()
        model.set_query(q)
        view.scrollToTop()
        wait(shown(0, visible_rows()))
        return time.perf_counter() - t0

    def jump_to_end() -> float:
        t0 = time.perf_counter()
        view.scrollToBottom()
        n = model.rowCount()
        for r in range(max(0, n - visible_rows()), n):  # what the view's paint asks for
            model.index(r, 0).data()
        wait(shown(max(0, n - visible_rows()), n - 1))
        return time.perf_counter() - t0

    def drag_to_middle() -> float:
        """The scroll bar's handle dragged with the mouse to the middle of its groove
        (ten moves, as a hand moves it; the pages flown over are asked for on the way),
        until the rows at the middle are shown."""
        from benchmarks.workstation import Drag

        n = model.rowCount()
        drag = Drag(view.verticalScrollBar())
        t0 = time.perf_counter()
        drag.press()
        for i in range(1, 11):
            drag.move_to(0.05 * i)
            app.processEvents()
        drag.release()
        top = max(0, view.rowAt(0))
        for r in range(top, min(n, top + visible_rows())):
            model.index(r, 0).data()
        wait(shown(top, min(n - 1, top + visible_rows() - 1)))
        return time.perf_counter() - t0

    def sort_by(column: int, descending: bool) -> float:
        from PySide6.QtCore import Qt

        t0 = time.perf_counter()
        view.scrollToTop()
        model.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        wait(shown(0, visible_rows()))
        return time.perf_counter() - t0

    def settled() -> None:
        """The exact count arrived (the view has all its rows) and nothing is on its
        way: the state in which a person scrolls on."""
        wait(lambda: model.count_exact and model.idle)

    def bare_parallel(statements: list) -> float:
        """The statements at once on their own connections, as the UI runs count and
        first page (two TaskRunner threads): the time until both are done."""
        from concurrent.futures import ThreadPoolExecutor

        def run(stmt) -> None:
            with services.engine.connect() as conn:
                conn.execute(stmt).all()

        with ThreadPoolExecutor(len(statements)) as pool:
            for _ in statements:  # connections opened and warm before timing
                pool.submit(run, select(1)).result()
            t0 = time.perf_counter()
            list(pool.map(run, statements))
            return time.perf_counter() - t0

    results: list[dict] = []
    if search_only:
        results += measure_searches(
            backend, services, actor, model, open_view, bare_parallel, repeat, wait
        )
        runner.wait()
        view.close()
        services.dispose()
        return results
    scenarios = [
        ("All tickets (no filter)", QueueQuery(view=View.CUSTOM)),
        ("All open", QueueQuery(view=View.ALL_OPEN)),
        ("My open tickets", QueueQuery(view=View.MY_OPEN)),
    ]
    for name, q in scenarios:
        opened, ends, middles, sorts, by_customer, searches = [], [], [], [], [], []
        sql_open, sql_end, sql_middle, sql_sort, sql_customer, sql_search = (
            [], [], [], [], [], []
        )
        customer_q = q.sorted_by(Sort.CUSTOMER, False)
        phone_q = QueueQuery(view=q.view, filter=q.filter, search="09123")
        phones: list[float] = []
        sql_phone: list[float] = []
        counts: list[float] = []
        sorted_q = q.sorted_by(Sort.PRIORITY, True)
        search_q = QueueQuery(view=q.view, filter=q.filter, search="router")
        count = 0
        for _ in range(repeat):
            # The bare SQL is what the rows on screen waited for: the first page alone,
            # the statements the service runs for it in order (sql_for_first_page: a
            # search's probe and plans; the model reads the page first and counts after
            # it is shown); the capped count
            # is timed on its own ("count" below), the exact count follows off the
            # critical path and is waited for before the next step.
            opened.append(open_view(q))
            settled()
            count = model.rowCount()
            sql_open.append(bare(queue.sql_for_first_page(actor, q, PAGE)))
            counts.append(bare([queue.sql_for_count(actor, q, cap=COUNT_CAP)]))
            ends.append(jump_to_end())
            sql_end.append(bare([queue.sql_for_page(actor, q, backwards=True).limit(PAGE)]))
            n = model.rowCount()
            view.scrollToTop()
            settled()
            middles.append(drag_to_middle())
            first = max(0, view.rowAt(0)) // PAGE * PAGE
            if first > n // 2:  # rows_at reads the second half backwards from the end
                sql_middle.append(bare([queue.sql_for_page(
                    actor, q, backwards=True, offset=n - min(first + PAGE, n))]))
            else:
                sql_middle.append(bare([queue.sql_for_page(actor, q, offset=first)]))
            settled()
            sorts.append(sort_by(Column.PRIORITY, True))
            sql_sort.append(bare(queue.sql_for_first_page(actor, sorted_q, PAGE)))
            settled()
            by_customer.append(sort_by(Column.CUSTOMER, False))
            sql_customer.append(bare(queue.sql_for_first_page(actor, customer_q, PAGE)))
            settled()
            searches.append(open_view(search_q))
            sql_search.append(bare(queue.sql_for_first_page(actor, search_q, PAGE)))
            settled()
            phones.append(open_view(phone_q))
            sql_phone.append(bare(queue.sql_for_first_page(actor, phone_q, PAGE)))
            settled()
        found = {"router": queue.count(actor, search_q), "09123": queue.count(actor, phone_q)}
        for step, ui, sql in (
            ("open view → first page", opened, sql_open),
            ("jump to end → last page", ends, sql_end),
            ("drag scroll bar to middle → page", middles, sql_middle),
            ("sort by priority → first page", sorts, sql_sort),
            ("sort by customer → first page", by_customer, sql_customer),
            ("search 'router' → first page", searches, sql_search),
            ("search '09123' → first page", phones, sql_phone),
        ):
            u, s = statistics.median(ui), statistics.median(sql)
            results.append({
                "backend": backend, "view": name,
                "rows": found["router" if "router" in step else "09123"]
                if "search" in step else count,
                "step": step,
                "ui_ms": u * 1000, "sql_ms": s * 1000, "ratio": u / s if s else float("nan"),
            })
        results.append({"backend": backend, "view": name, "rows": count,
                        "step": "capped count (bare SQL alone)", "ui_ms": float("nan"),
                        "sql_ms": statistics.median(counts) * 1000, "ratio": float("nan")})
        print(f"  {backend}: {name} measured", flush=True)
    if searches:
        results += measure_searches(
            backend, services, actor, model, open_view, bare_parallel, repeat, wait
        )
    results.append({"backend": backend, "rows_fetched": model.rows_fetched,
                    "pages_fetched": model.pages_fetched})
    runner.wait()
    view.close()
    services.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--search-only", action="store_true",
                        help="only the search steps (issue 16)")
    parser.add_argument("--no-searches", action="store_true",
                        help="without the search steps of issue 16")
    parser.add_argument("--url", action="append", default=[],
                        help="backend=URL: this database as it is (e.g. the private copies "
                        "of benchmarks/customer_history.py), not the shared cache")
    parser.add_argument("--generate", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    parser.add_argument("--density-sweep", action="store_true",
                        help="the search steps are a sweep from ~10 to ~40,000 matches")
    args = parser.parse_args()
    global DENSITY_SWEEP
    DENSITY_SWEEP = args.density_sweep
    if args.generate:
        generate(args.generate, args.rows)
        return
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    given = dict(u.split("=", 1) for u in args.url)
    urls = {b: given.get(b) or ensure_data(b, args.rows) for b in backends}
    # The baseline after the QApplication and a shown table exist: Qt's own ~31 MiB
    # is not the queue's memory.
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication.instance() or QApplication([])
    probe = QTableView()
    probe.show()
    app.processEvents()
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    probe.close()
    all_results: list[dict] = []
    for backend in backends:
        all_results += measure(backend, urls[backend], args.rows, args.repeat,
                               search_only=args.search_only, searches=not args.no_searches)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print()
    print(f"Ticket queue, {args.rows:,} tickets, page {PAGE} rows, median of {args.repeat} runs")
    print(f"{'backend':<11}{'view':<25}{'rows in view':>13}  {'step':<31}"
          f"{'UI ms':>9}{'SQL ms':>9}{'UI/SQL':>8}")
    for r in all_results:
        if "step" not in r:
            continue
        extra = ""
        if "exact_count_ms" in r:
            extra = f"   exact count at {r['exact_count_ms']:.0f} ms, load {r['load']:.1f}"
        print(f"{r['backend']:<11}{r['view']:<25}{r['rows']:>13,}  {r['step']:<31}"
              f"{r['ui_ms']:>9.1f}{r['sql_ms']:>9.1f}{r['ratio']:>8.2f}{extra}")
    for r in all_results:
        if "rows_fetched" in r:
            print(f"{r['backend']}: rows fetched by the model over every step above: "
                  f"{r['rows_fetched']:,} ({r['pages_fetched']} pages)")
    print(f"peak memory (ru_maxrss): {peak_kb / 1024:.0f} MiB "
          f"(with Qt and a table shown, before opening any queue: {baseline_kb / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
