"""Run every flow that handles the shared database's password with a known password,
then read every file the app wrote (profiles, the data directory, databases), everything it
printed and every log record: the password is in none of them.

The "server" is tests/helpers/fake_pg.py, which asks for the password (the real test
server trusts 127.0.0.1 and never would) and refuses it, so the error paths run too.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from deskapp import credentials
from deskapp.cli import main
from deskapp.config import load_settings
from deskapp.services.changes import listener_conninfo
from deskapp.services.connection_check import Problem, check_connection
from deskapp.ui.dialogs.connection_dialog import ConnectionDialog
from deskapp.ui.live.backoff import Backoff
from deskapp.ui.live.feed import ChangeFeed
from deskapp.ui.live.pg_listener import PgListener
from deskapp.ui.tasks import TaskRunner
from tests.helpers.fake_pg import FakePostgres

PASSWORD = "Kq7#unique-p4ssw0rd-zz"


def _files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.fixture(params=["keyring", "no keyring"])
def secrets_backend(request):
    return request.getfixturevalue("memory_keyring" if request.param == "keyring"
                                   else "no_keyring")


def test_the_password_is_in_no_file_output_or_log(
    qtbot, tmp_path, app_dirs, secrets_backend, monkeypatch, capsys, caplog
):
    caplog.set_level(logging.DEBUG)
    printed: list[str] = []

    def cli(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(argv))
        out = capsys.readouterr()
        printed.extend([out.out, out.err])
        return code

    with FakePostgres() as server:
        port = str(server.port)
        # 1. the command line: add (password on stdin), list, test, status, use.
        assert cli("profile", "add", "central", "--host", "127.0.0.1", "--port", port,
                   "--database", "desk", "--user", "ali", "--sslmode", "disable",
                   "--password-stdin", "--use", stdin=PASSWORD + "\n") == 0
        assert cli("profile", "list") == 0
        assert cli("profile", "test") == 2
        assert cli("db", "status") == 1
        assert cli("user", "list") == 1

        # 2. the same run, in the app: settings, the connection check, the listener.
        settings = load_settings()
        credentials.default_store().remember_for_session("central", PASSWORD)
        url = settings.connect_url()
        assert url.password == PASSWORD
        printed.append(repr(settings))
        report = check_connection(url)
        assert report.problem is Problem.AUTH_FAILED
        printed.append(repr(report))
        feed = ChangeFeed()
        listener = PgListener(listener_conninfo(url), feed, backoff=Backoff(0.05, 0.1))
        feed.attach(listener)
        with qtbot.waitSignal(feed.connection_lost, timeout=10_000) as lost:
            feed.start()
        printed.append(lost.args[0])
        feed.stop()

        # 3. the connection dialog: test (refused) and save.
        runner = TaskRunner()
        dialog = ConnectionDialog(runner)
        qtbot.addWidget(dialog)
        dialog.password.setText(PASSWORD)
        with qtbot.waitSignal(dialog.test_finished, timeout=15_000):
            dialog.test_button.click()
        printed.append(dialog.result.text())
        dialog.save_button.click()
        runner.wait()

        # 4. the local database too (a file the app writes).
        assert cli("profile", "use", "local") == 0
        assert cli("db", "upgrade") == 0

    assert server.received_passwords and set(server.received_passwords) == {PASSWORD}
    written = _files_under(tmp_path)
    assert any(p.name == "profiles.json" for p in written)
    assert any(p.suffix == ".sqlite3" for p in written)
    needle = PASSWORD.encode()
    leaks = [str(p) for p in written if needle in p.read_bytes()]
    assert leaks == []
    assert not [text for text in printed if PASSWORD in text]
    logged = [r.getMessage() for r in caplog.records] + [caplog.text]
    assert not [text for text in logged if PASSWORD in text]
