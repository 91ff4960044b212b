"""A start on a current database checks the schema without importing Alembic (a fifth
of a cold start's CPU): the head read from the migration files' text must be Alembic's."""

from __future__ import annotations

import subprocess
import sys

from deskapp.services import schema


def test_the_head_read_from_the_files_is_alembics():
    assert schema.head_from_files() == schema.app_head()


def test_a_current_database_is_checked_without_alembic(sqlite_url, tmp_path):
    code = (
        "import sys\n"
        "from deskapp.models.database import make_engine\n"
        "from deskapp.services.schema_gate import check_at_start\n"
        f"status = check_at_start(make_engine({sqlite_url!r}))\n"
        "print(status.state, 'alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path).stdout.split()
    assert out == ["current", "False"]


def test_files_that_do_not_name_one_head_leave_it_to_alembic(tmp_path):
    (tmp_path / "0001_a.py").write_text('revision = "0001"\ndown_revision = None\n')
    (tmp_path / "0002_b.py").write_text('revision = "0002"\ndown_revision = "0001"\n')
    assert schema.head_from_files(tmp_path) == "0002"
    (tmp_path / "0003_c.py").write_text('revision = "0003"\ndown_revision = "0001"\n')
    assert schema.head_from_files(tmp_path) is None  # two heads
