"""File → Set up this computer as a branch office…, driven against a real central
PostgreSQL (a private database with a small demo desk): the sites come from the centre,
the copy runs off the GUI thread with its phases and rows on the progress bar, the end
offers the switch to the new branch profile; a cancel leaves no file and no branch mark,
and the refusals (file exists, site already a branch, wrong password) are worded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from deskapp import credentials
from deskapp.config import Profile, ProfileBook, load_profiles, save_profiles
from deskapp.models import Site, Ticket
from deskapp.models.database import make_engine
from deskapp.services import schema
from deskapp.services.demo import generate_demo
from deskapp.services.facade import build_services
from deskapp.ui.dialogs.branch_setup_dialog import BranchSetupDialog
from deskapp.ui.tasks import TaskRunner
from tests.helpers.databases import create_pg_database, drop_pg_database
from tests.helpers.fake_pg import FakePostgres

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def central_url() -> Iterator[str]:
    url = create_pg_database()
    engine = make_engine(url)
    try:
        schema.upgrade(engine)
        from deskapp.services import passwords

        mp = pytest.MonkeyPatch()
        mp.setattr(passwords, "CURRENT", passwords.ScryptParams(2**4, 8, 1))
        try:
            generate_demo(build_services(engine), tickets=60, customers=20, seed=5)
        finally:
            mp.undo()
    finally:
        engine.dispose()
    yield url
    drop_pg_database(url)


def _is_branch(url: str, code: str = "TBZ") -> bool:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return bool(conn.scalar(select(Site.is_branch).where(Site.code == code)))
    finally:
        engine.dispose()


@pytest.fixture
def centre(central_url: str, app_dirs, memory_keyring) -> Iterator[str]:
    """The centre saved as the active shared profile "hq"; TBZ released afterwards."""
    u = make_url(central_url)
    book = ProfileBook()
    book.add(Profile("hq", "postgresql", host=u.host or "127.0.0.1", port=u.port or 5432,
                     database=u.database or "", user=u.username or "postgres",
                     sslmode="disable"))
    book.use("hq")
    save_profiles(book)
    yield central_url
    engine = make_engine(central_url)
    with engine.begin() as conn:
        conn.execute(update(Site).where(Site.code == "TBZ").values(is_branch=False))
    engine.dispose()


def _sites_of(qtbot, dlg: BranchSetupDialog, reload: bool = False) -> list:
    """The centre's sites as the dialog offers them, once read in the background (the
    dialog starts reading them as it opens; ``reload``: the Connect button)."""
    with qtbot.waitSignal(dlg.sites_loaded, timeout=15_000):
        if reload:
            dlg.connect_button.click()
    return [dlg.sites.itemData(i) for i in range(dlg.sites.count())]


def _plain(text: str) -> str:
    """The message without the isolates around its Latin parameters."""
    return text.replace("\u2068", "").replace("\u2069", "")


def _run(qtbot, dlg: BranchSetupDialog, *, on_first_progress=None):
    seen: list[tuple[str, int, int]] = []

    def progressed(stage: str, done: int, total: int) -> None:
        seen.append((stage, done, total))
        if on_first_progress is not None and len(seen) == 1:
            on_first_progress()

    dlg._bridge.progressed.connect(progressed)
    with qtbot.waitSignal(dlg.setup_finished, timeout=60_000) as blocker:
        dlg.start_button.click()
        assert dlg.running and not dlg.start_button.isEnabled()
        assert dlg.bar.isVisible()
    return blocker.args[0], seen


def test_a_branch_is_made_with_progress_and_the_workstation_switches_to_it(
    qtbot, centre, tmp_path
):
    runner = TaskRunner()
    dlg = BranchSetupDialog(runner)
    qtbot.addWidget(dlg)
    dlg.show()
    try:
        codes = _sites_of(qtbot, dlg)
        assert {"HQ", "TBZ"} <= set(codes), dlg.message.text()
        assert dlg.site_code() == "" and not dlg.start_button.isEnabled()  # nothing guessed
        dlg.sites.setCurrentIndex(dlg.sites.findData("TBZ"))
        assert dlg.path.text().endswith("branch-tbz.sqlite3")  # the data directory's
        target = tmp_path / "tbz.sqlite3"
        dlg.path.setText(str(target))
        result, seen = _run(qtbot, dlg)
        assert not isinstance(result, BaseException), result
        assert target.exists() and not list(tmp_path.glob(".tbz.sqlite3.partial-*"))
        stages = [s for s, _d, _t in seen]
        assert stages[0] == "prepare" and "copy:tickets" in stages and "index" in stages
        dones = [d for _s, d, t in seen if t]
        assert dones == sorted(dones) and seen[-1][1] == seen[-1][2]  # rows only grow
        # The index builds (half the time at a million tickets) move the bar too.
        assert len({d for s, d, _t in seen if s == "index"}) > 3
        assert dlg.rows.text().endswith("rows copied")
        assert "Copying tickets…" in dlg.stages and dlg.bar.value() == dlg.bar.maximum()
        assert _is_branch(centre)
        branch = make_engine(f"sqlite:///{target}")
        with branch.connect() as conn:
            assert conn.scalar(select(Ticket.id).limit(1)) is not None
        branch.dispose()
        # The end offers the switch: the branch profile becomes the active one.
        assert dlg.switch_button.isVisible()
        with qtbot.waitSignal(dlg.switch_requested) as switched:
            dlg.switch_button.click()
        assert switched.args == ["branch-tbz"]
        book = load_profiles()
        assert book.active == "branch-tbz"
        assert Path(book.profiles["branch-tbz"].path) == target
    finally:
        runner.wait()


def test_cancel_leaves_no_file_and_no_branch_mark(qtbot, centre, tmp_path):
    runner = TaskRunner()
    dlg = BranchSetupDialog(runner)
    qtbot.addWidget(dlg)
    dlg.show()
    try:
        _sites_of(qtbot, dlg)
        dlg.sites.setCurrentIndex(dlg.sites.findData("TBZ"))
        target = tmp_path / "branch" / "tbz.sqlite3"
        dlg.path.setText(str(target))
        result, _seen = _run(qtbot, dlg, on_first_progress=dlg.reject)  # Esc / Cancel
        assert getattr(result, "code", None) == "branch.cancelled"
        assert dlg.isVisible()  # the dialog stays open to say so
        assert "cancelled" in dlg.message.text()
        assert not target.exists() and list(target.parent.iterdir()) == []
        assert not _is_branch(centre)
        # Nothing half-made is claimed: the same file can be made afterwards.
        result, _seen = _run(qtbot, dlg)
        assert not isinstance(result, BaseException), result
        assert target.exists()
    finally:
        runner.wait()


def test_a_lost_connection_is_worded_and_leaves_nothing(qtbot, centre, tmp_path):
    import psycopg

    from deskapp.services.sync import branch_setup
    from tests.helpers.databases import _libpq

    def cut_the_link() -> None:  # the centre's server drops the clone's connections
        name = make_url(centre).database
        with psycopg.connect(_libpq(centre), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))

    def maker(*args, progress, **kwargs):
        def cut_once(stage: str, done: int, total: int) -> None:
            if stage.startswith("copy:") and not cut:  # mid-copy, on the worker thread
                cut.append(stage)
                cut_the_link()
            progress(stage, done, total)

        return branch_setup.make_branch(*args, progress=cut_once, **kwargs)

    cut: list[str] = []
    runner = TaskRunner()
    dlg = BranchSetupDialog(runner, maker=maker)
    qtbot.addWidget(dlg)
    dlg.show()
    try:
        _sites_of(qtbot, dlg)
        dlg.sites.setCurrentIndex(dlg.sites.findData("TBZ"))
        target = tmp_path / "branch" / "tbz.sqlite3"
        dlg.path.setText(str(target))
        result, _seen = _run(qtbot, dlg)
        assert cut and getattr(result, "code", None) == "connection.connection_dropped", result
        assert _plain(dlg.message.text()).startswith("The connection to 127.0.0.1 was lost")
        assert list(target.parent.iterdir()) == []
        assert not _is_branch(centre)  # the mark was taken back on a new connection
    finally:
        runner.wait()


def test_refusals_are_worded(qtbot, centre, tmp_path):
    runner = TaskRunner()
    dlg = BranchSetupDialog(runner)
    qtbot.addWidget(dlg)
    dlg.show()
    try:
        _sites_of(qtbot, dlg)
        dlg.sites.setCurrentIndex(dlg.sites.findData("TBZ"))
        taken = tmp_path / "taken.sqlite3"
        other = make_engine(f"sqlite:///{taken}")
        schema.upgrade(other)
        other.dispose()
        dlg.path.setText(str(taken))
        result, _seen = _run(qtbot, dlg)
        assert result.code == "branch.target_exists"
        assert _plain(dlg.message.text()).startswith(f"{taken} already exists and holds data")
        assert not _is_branch(centre)
        # A site that became a branch elsewhere meanwhile.
        engine = make_engine(centre)
        with engine.begin() as conn:
            conn.execute(update(Site).where(Site.code == "TBZ").values(is_branch=True))
        engine.dispose()
        dlg.path.setText(str(tmp_path / "new.sqlite3"))
        result, _seen = _run(qtbot, dlg)
        assert result.code == "branch.already_branch"
        assert _plain(dlg.message.text()).startswith("Site TBZ is already a branch office")
        assert not (tmp_path / "new.sqlite3").exists()
        # Read again, the site is offered but cannot be chosen.
        _sites_of(qtbot, dlg, reload=True)
        index = dlg.sites.findData("TBZ")
        assert "(already a branch)" in dlg.sites.itemText(index)
        assert dlg.site_code() != "TBZ"
    finally:
        runner.wait()


def test_a_wrong_password_is_asked_again(qtbot, app_dirs, memory_keyring):
    with FakePostgres() as server:
        book = ProfileBook()
        book.add(Profile("hq", "postgresql", host="127.0.0.1", port=server.port,
                         database="desk", user="ali", sslmode="disable"))
        save_profiles(book)
        credentials.default_store().set("hq", "stale-secret")
        runner = TaskRunner()
        dlg = BranchSetupDialog(runner)
        qtbot.addWidget(dlg)
        dlg.show()
        try:
            _sites_of(qtbot, dlg)
            assert _plain(dlg.message.text()) == "Wrong password for the database user ali on 127.0.0.1."
            assert not dlg.start_button.isEnabled()
        finally:
            runner.wait()


def test_administrators_find_it_in_the_file_menu(qtbot, app_dirs, desk, sqlite_url):
    from PySide6.QtGui import QAction

    from deskapp.app import build_workstation

    for username, expected in (("ali", False), ("root", True)):
        win = build_workstation(sqlite_url, username)
        qtbot.addWidget(win)
        action = win.findChild(QAction, "branchSetupAction")
        assert (action is not None) is expected
        if action is not None:
            file_menu = [a.objectName() for a in win.menus["file"].actions()]
            assert file_menu.index("branchSetupAction") < file_menu.index("quitAction")
            action.trigger()
            dialog = win.findChild(BranchSetupDialog)
            assert dialog is not None and dialog.isVisible()
            # No shared profile on this computer: it says where to add the centre.
            assert "File → Connection…" in dialog.message.text()
            assert not dialog.start_button.isEnabled()
            dialog.close()
        win.runner.wait()
