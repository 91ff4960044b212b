"""The guard of tests/ui/conftest.py: SQL from UI code on the GUI thread is caught;
the same SQL from a TaskRunner worker, or from the test itself, is not."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from deskapp.ui.tasks import TaskRunner
from tests.ui.conftest import UI_DIR

# What a careless widget would do: query in a slot, on the GUI thread.
WIDGET_CODE = "with engine.connect() as c:\n    c.execute(text('select 1'))\n"


def test_ui_code_querying_on_the_gui_thread_is_caught(no_sql_on_the_gui_thread, tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as c:  # the test's own SQL: allowed
        c.execute(text("select 1"))
    assert no_sql_on_the_gui_thread == []
    exec(compile(WIDGET_CODE, f"{UI_DIR}/careless_widget.py", "exec"),
         {"engine": engine, "text": text})
    assert len(no_sql_on_the_gui_thread) == 1
    assert "careless_widget.py" in no_sql_on_the_gui_thread[0]
    assert "select 1" in no_sql_on_the_gui_thread[0]
    no_sql_on_the_gui_thread.clear()  # caught: do not fail this test for it
    engine.dispose()


def test_the_same_code_in_a_background_task_is_fine(qtbot, no_sql_on_the_gui_thread, tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    code = compile(WIDGET_CODE, f"{UI_DIR}/careful_widget.py", "exec")
    runner = TaskRunner()
    done: list[object] = []
    runner.submit(lambda: exec(code, {"engine": engine, "text": text}), on_done=done.append)
    qtbot.waitUntil(lambda: done == [None], timeout=5_000)
    runner.wait()
    assert no_sql_on_the_gui_thread == []
    engine.dispose()
