"""The `deskapp` command in-process (and once as a real process): demo, user add,
import customers, and one clear message with a non-zero status for bad input."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from deskapp.cli import main
from deskapp.models import Customer, CustomerPhone, Interaction, Ticket, User
from deskapp.services.errors import AuthenticationFailed
from deskapp.services.facade import build_services
from tests.helpers.app_dirs import app_dirs  # noqa: F401

pytestmark = pytest.mark.usefixtures("app_dirs")


def count(url: str, model) -> int:
    svc = build_services(url)
    try:
        with svc.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(model)) or 0
    finally:
        svc.dispose()


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith("deskapp: ")
    return err[0]


# -- demo ---------------------------------------------------------------------------


def test_demo_creates_the_schema_fills_a_new_database_and_prints_logins(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    assert main(["--db", url, "demo", "--tickets", "300", "--customers", "50", "--seed", "2"]) == 0
    captured = capsys.readouterr()
    assert "300 tickets, 50 customers" in captured.out
    assert "Demo logins:" in captured.out
    for line in ("ali", "agent", "agent-demo"), ("admin", "admin", "admin-demo"):
        assert any(all(word in row.split() for word in line)
                   for row in captured.out.splitlines())
    assert "100%" in captured.err  # the progress bar
    assert count(url, Ticket) == 300
    assert count(url, Customer) == 50
    assert count(url, Interaction) >= 600
    svc = build_services(url)
    try:
        assert svc.staff.authenticate("maryam", "supervisor-demo").role.value == "supervisor"
    finally:
        svc.dispose()

    # A second run would mix demo data into a database in use: refused, nothing added.
    assert main(["--db", url, "demo", "--tickets", "10"]) == 1
    assert "already holds 300 tickets" in one_error_line(capsys)
    assert count(url, Ticket) == 300


def test_demo_rejects_a_negative_count(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "demo", "--tickets", "-5"])
    assert exc.value.code == 2
    assert "negative" in capsys.readouterr().err


# -- users --------------------------------------------------------------------------


def test_user_add_reads_the_password_from_stdin(sqlite_url, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("long enough secret\n"))
    assert main(["--db", sqlite_url, "user", "add", "Leila", "--role", "agent",
                 "--name", "Leila Mousavi", "--password-stdin"]) == 0
    assert "created leila (agent, tier 1" in capsys.readouterr().out
    svc = build_services(sqlite_url)
    try:
        assert svc.staff.authenticate("leila", "long enough secret").display_name == (
            "Leila Mousavi"
        )
        with pytest.raises(AuthenticationFailed):
            svc.staff.authenticate("leila", "long enough secret\n")
    finally:
        svc.dispose()


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["user", "add", "x1", "--role", "wizard"], "long enough secret\n",
         "unknown role 'wizard'; choose one of: agent, specialist"),
        (["user", "add", "x1", "--role", "agent"], "short\n",
         "at least 8 characters"),
        (["user", "add", "x1", "--role", "agent"], "\n", "no password on standard input"),
        (["user", "add", "x1", "--role", "agent", "--team", "Nope"], "long enough secret\n",
         "No team named Nope"),
    ],
)
def test_user_add_bad_input(sqlite_url, monkeypatch, capsys, argv, stdin, message):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert main(["--db", sqlite_url, *argv, "--password-stdin"]) == 1
    assert message in one_error_line(capsys)
    assert count(sqlite_url, User) == 0


def test_user_add_duplicate_username(sqlite_url, monkeypatch, capsys):
    for expected in (0, 1):
        monkeypatch.setattr(sys, "stdin", io.StringIO("long enough secret\n"))
        assert main(["--db", sqlite_url, "user", "add", "sara", "--role", "agent",
                     "--password-stdin"]) == expected
    assert "A user named 'sara' already exists" in one_error_line(capsys)
    assert count(sqlite_url, User) == 1


def test_unreachable_postgresql_is_one_clear_line(capsys):
    url = "postgresql://postgres@127.0.0.1:1/nowhere"
    assert main(["--db", url, "user", "list"]) == 1
    line = one_error_line(capsys)
    assert "cannot open the database postgresql" in line and "127.0.0.1:1/nowhere" in line
    assert "refused" in line


def test_wrong_database_url_in_a_real_process(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "deskapp.cli", "--db", "mysql://root@localhost/desk",
         "user", "list"],
        capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
             "DESKAPP_CONFIG_DIR": str(tmp_path / "c"), "DESKAPP_DATA_DIR": str(tmp_path / "d")},
    )
    assert result.returncode != 0
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and "unsupported database 'mysql'" in err[0], result.stderr


# -- import customers -----------------------------------------------------------------


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "c.csv") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


GOOD = (
    "Name,Phone,Email,Organisation,Segment,Language,Warning_Note\n"
    "زهرا کاظمی,0912 345 6789;+98 21 8888 7777,zahra@example.com,پارس‌آرا,vip,fa,\n"
    'James Smith,09350001122,james@example.com,"Zagros, Ltd",standard,en,"Hard of hearing"\n'
    "Ali Rezaei,۰۹۱۲۰۰۰۱۱۲۲,,,,,\n"
)


def test_import_good_file(sqlite_url, tmp_path, capsys):
    path = write(tmp_path, "\ufeff" + GOOD)  # Excel's "CSV UTF-8" starts with a BOM
    assert main(["--db", sqlite_url, "import", "customers", path]) == 0
    assert "imported 3 customers" in capsys.readouterr().out
    svc = build_services(sqlite_url)
    try:
        with svc.engine.connect() as conn:
            rows = {r.name: r for r in conn.execute(select(Customer))}
            phones = set(conn.scalars(select(CustomerPhone.number)))
    finally:
        svc.dispose()
    assert rows["زهرا کاظمی"].segment.value == "vip"
    assert rows["James Smith"].organisation == "Zagros, Ltd"
    assert rows["James Smith"].warning_note == "Hard of hearing"
    assert rows["Ali Rezaei"].preferred_language == "fa"
    assert phones == {"09123456789", "02188887777", "09350001122", "09120001122"}


BAD = GOOD + (
    "Bad Mail,09121111111,x@,,,,\n"  # line 5
    "Same Phone,0912-345-6789,,,,,\n"  # line 6: repeats line 2
    ",09122222222,,,,,\n"  # line 7: no name
    "Gold,09123333333,,,gold,,\n"  # line 8: unknown segment
)


def test_import_with_bad_rows_imports_nothing_and_names_the_lines(sqlite_url, tmp_path, capsys):
    path = write(tmp_path, BAD)
    assert main(["--db", sqlite_url, "import", "customers", path]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:4] == [
        "line 5: Email 'x@' is not an email address.",
        "line 6: Phone 09123456789 is already on line 2.",
        "line 7: Name is required.",
        "line 8: Segment 'gold' is not one of: standard, priority, vip.",
    ]
    assert "4 of 7 rows" in err[-1] and "nothing was imported" in err[-1]
    assert count(sqlite_url, Customer) == 0


def test_import_skip_invalid_imports_the_rest(sqlite_url, tmp_path, capsys):
    path = write(tmp_path, BAD)
    assert main(["--db", sqlite_url, "import", "customers", path, "--skip-invalid"]) == 0
    captured = capsys.readouterr()
    assert "imported 3 customers" in captured.out and "skipped 4 invalid" in captured.out
    assert "line 5: Email 'x@'" in captured.err
    assert count(sqlite_url, Customer) == 3
    # Importing the same file again: every row now clashes with a stored customer.
    good = write(tmp_path, GOOD, name="again.csv")
    assert main(["--db", sqlite_url, "import", "customers", good]) == 1
    err = capsys.readouterr().err
    assert "line 2: Phone 09123456789 already belongs to the customer زهرا کاظمی." in err
    assert count(sqlite_url, Customer) == 3


def test_import_lists_at_most_fifty_errors(sqlite_url, tmp_path, capsys):
    rows = "".join(f"Person {n},123,,,,,\n" for n in range(70))
    path = write(tmp_path, "name,phone,email,organisation,segment,language,warning_note\n" + rows)
    assert main(["--db", sqlite_url, "import", "customers", path]) == 1
    err = capsys.readouterr().err.splitlines()
    listed = [e for e in err if e.startswith("line ")]
    assert len(listed) == 50 and listed[0].startswith("line 2: Phone '123' is not a phone number")
    assert "... and 20 more." in err


@pytest.mark.parametrize(
    ("content", "encoding", "message"),
    [
        # Windows-1256 has no Persian yeh: old systems write the Arabic one (U+064A).
        ("name,phone\nعلي رضايي,09121234567\n", "cp1256",
         "looks like Windows-1256 (Arabic/Persian Windows); save it as UTF-8"),
        ("name,phone\nJos\u00e9,09121234567\n", "latin-1", "in UTF-8 (invalid byte 0xe9 on line 2)"),
        ("name,phone\nAli,09121234567\n", "utf-16", "is UTF-16"),
        ('name,phone\n"Ali,09121234567\n', "utf-8", "line 2: malformed CSV"),
        ("", "utf-8", "is empty"),
        ("name,phone\n", "utf-8", "has a header but no customers"),
        ("phone,email\n09121234567,a@b.cd\n", "utf-8", "must name the columns and include 'name'"),
        ("name;phone\nAli;0912\n", "utf-8", "separated by ';'"),
    ],
)
def test_import_unreadable_files(sqlite_url, tmp_path, capsys, content, encoding, message):
    path = write(tmp_path, content, encoding)
    assert main(["--db", sqlite_url, "import", "customers", path]) == 1
    assert message in one_error_line(capsys)
    assert count(sqlite_url, Customer) == 0


def test_import_missing_file_and_unknown_columns(sqlite_url, tmp_path, capsys):
    assert main(["--db", sqlite_url, "import", "customers", str(tmp_path / "no.csv")]) == 1
    assert "no.csv does not exist" in one_error_line(capsys)
    path = write(tmp_path, "name,colour\nAli Rezaei,blue\n")
    assert main(["--db", sqlite_url, "import", "customers", path]) == 0
    captured = capsys.readouterr()
    assert "warning: ignoring unknown column(s): colour" in captured.err
    assert count(sqlite_url, Customer) == 1


def test_import_large_file_shows_progress(sqlite_url, tmp_path, capsys):
    rows = "".join(
        f"Customer number {n:05d} with a longer name,0912{n:07d},c{n}@example.com\n"
        for n in range(5000)
    )
    path = write(tmp_path, "name,phone,email\n" + rows)
    assert Path(path).stat().st_size > 256 * 1024
    assert main(["--db", sqlite_url, "import", "customers", path]) == 0
    captured = capsys.readouterr()
    assert "imported 5000 customers" in captured.out
    progress = [line for line in captured.err.splitlines() if line.startswith("importing")]
    assert len(progress) >= 3 and "100%" in progress[-1]
    assert count(sqlite_url, CustomerPhone) == 5000
