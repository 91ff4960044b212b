"""``deskapp branch init``, ``deskapp sync`` and ``deskapp sync status`` against a real
central PostgreSQL (a private database with a small demo desk)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from deskapp.cli import main
from deskapp.config import Profile, ProfileBook, load_profiles, save_profiles
from deskapp.models import Site, Ticket
from deskapp.models.database import make_engine
from deskapp.services import schema
from deskapp.services.demo import generate_demo
from deskapp.services.facade import build_services
from tests.helpers.databases import create_pg_database, drop_pg_database

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
            generate_demo(build_services(engine), tickets=150, customers=40, seed=5)
        finally:
            mp.undo()
    finally:
        engine.dispose()
    yield url
    drop_pg_database(url)


@pytest.fixture
def hq(central_url: str, app_dirs, memory_keyring) -> Iterator[str]:
    """A saved profile 'hq' for the centre (trust auth: no password)."""
    url = make_url(central_url)
    book = ProfileBook()
    book.add(Profile("hq", "postgresql", host=url.host or "127.0.0.1", port=url.port or 5432,
                     database=url.database or "", user=url.username or "postgres",
                     sslmode="disable"))
    save_profiles(book)
    yield central_url
    engine = make_engine(central_url)
    with engine.begin() as conn:
        conn.execute(update(Site).where(Site.code == "TBZ").values(is_branch=False))
    engine.dispose()


def test_branch_init_makes_the_branch_and_activates_it(hq: str, tmp_path: Path, capsys) -> None:
    target = tmp_path / "tbz.sqlite3"
    code = main(["branch", "init", "--site", "tbz", "--central", "hq",
                 "--db", f"sqlite:///{target}"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "branch TBZ made in" in out and "150 tickets" in out
    assert "branch TBZ:" in err and "100%" in err  # the progress bar
    book = load_profiles()
    assert book.active == "branch-tbz"
    assert Path(book.profiles["branch-tbz"].path) == target
    # With the branch profile active, `deskapp sync status` needs no --db.
    assert main(["sync", "status"]) == 0
    out = capsys.readouterr().out
    assert "branch TBZ of the centre hq" in out
    assert "changes waiting to be sent: 0" in out
    assert "conflicts waiting for a person: 0" in out


def test_branch_init_since_and_no_activate(hq: str, tmp_path: Path, capsys) -> None:
    target = tmp_path / "tbz.sqlite3"
    assert main(["branch", "init", "--site", "TBZ", "--central", "hq", "--since", "7",
                 "--no-activate", "--db", f"sqlite:///{target}"]) == 0
    out = capsys.readouterr().out
    assert "closed history older than 7 days left at the centre" in out
    assert load_profiles().active is None
    branch = make_engine(f"sqlite:///{target}")
    central = make_engine(hq)
    try:
        with branch.connect() as b, central.connect() as c:
            assert 0 < len(b.scalars(select(Ticket.id)).all()) < len(
                c.scalars(select(Ticket.id)).all())
    finally:
        branch.dispose()
        central.dispose()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--central", "nowhere"], "there is no connection profile 'nowhere'"),
        (["--central", "hq", "--site", "ISF"], "no site 'ISF'"),
    ],
)
def test_branch_init_refusals(hq: str, tmp_path: Path, capsys, argv, message) -> None:
    args = {"--site": "TBZ"}
    it = iter(argv)
    for key in it:
        args[key] = next(it)
    flat = [x for kv in args.items() for x in kv]
    target = tmp_path / "tbz.sqlite3"
    assert main(["branch", "init", *flat, "--db", f"sqlite:///{target}"]) == 1
    assert message in capsys.readouterr().err
    assert not target.exists()


def test_branch_init_refuses_an_existing_database(hq: str, sqlite_url: str, capsys) -> None:
    assert main(["branch", "init", "--site", "TBZ", "--central", "hq", "--db", sqlite_url]) == 1
    assert "already holds a database" in capsys.readouterr().err


def test_branch_init_refuses_a_local_profile_as_centre(hq: str, tmp_path: Path, capsys) -> None:
    book = load_profiles()
    book.add(Profile("laptop", "sqlite", path=str(tmp_path / "l.sqlite3")))
    save_profiles(book)
    assert main(["branch", "init", "--site", "TBZ", "--central", "laptop",
                 "--db", f"sqlite:///{tmp_path / 'b.sqlite3'}"]) == 1
    assert "is a local SQLite file" in capsys.readouterr().err


def test_sync_on_a_database_that_is_not_a_branch(sqlite_url: str, app_dirs, capsys) -> None:
    assert main(["--db", sqlite_url, "sync", "status"]) == 2
    assert "is not a branch database" in capsys.readouterr().err
    assert main(["--db", sqlite_url, "sync"]) == 2


def test_sync_with_the_centre_unreachable_keeps_the_outbox(
    hq: str, tmp_path: Path, capsys
) -> None:
    pytest.importorskip("deskapp.services.sync.client")
    target = tmp_path / "tbz.sqlite3"
    assert main(["branch", "init", "--site", "TBZ", "--central", "hq",
                 "--db", f"sqlite:///{target}"]) == 0
    book = load_profiles()
    # The link is down: nothing listens on port 1.
    book.profiles["hq"] = Profile("hq", "postgresql", host="127.0.0.1", port=1,
                                  database="x", user="postgres", sslmode="disable")
    save_profiles(book)
    capsys.readouterr()
    assert main(["sync"]) == 3
    err = capsys.readouterr().err
    assert "nothing was lost" in err


def test_sync_sends_a_call_logged_offline(hq: str, tmp_path: Path, capsys) -> None:
    pytest.importorskip("deskapp.services.sync.client")
    from deskapp.models.enums import Channel
    from deskapp.services.customers import NewCustomer
    from deskapp.services.tickets import NewCall

    target = tmp_path / "tbz.sqlite3"
    assert main(["branch", "init", "--site", "TBZ", "--central", "hq",
                 "--db", f"sqlite:///{target}"]) == 0
    services = build_services(f"sqlite:///{target}", site_code="TBZ")
    try:
        actor = services.staff.authenticate("neda", "agent-demo")
        detail = services.tickets.log_call(actor, NewCall(
            subject="Logged while the link was down", channel=Channel.PHONE,
            new_customer=NewCustomer("Offline Caller", phones=["0914 555 0101"])))
    finally:
        services.dispose()
    capsys.readouterr()
    assert main(["sync"]) == 0, capsys.readouterr().err
    assert "synced" in capsys.readouterr().out
    central = make_engine(hq)
    try:
        with central.connect() as conn:
            ref = conn.scalar(select(Ticket.reference).where(Ticket.id == detail.ticket.id))
        assert ref == detail.ticket.reference
    finally:
        central.dispose()
    assert main(["sync", "status"]) == 0
    assert "changes waiting to be sent: 0" in capsys.readouterr().out





def test_kill_9_during_branch_init_leaves_no_branch_file(hq: str, tmp_path: Path) -> None:
    """A `deskapp branch init` killed half way (kill -9: no clean-up runs) leaves no
    file at the target; the site stays marked at the centre, and --replace-branch makes
    the branch after all."""
    import os
    import signal
    import subprocess
    import sys

    (tmp_path / "branch").mkdir()
    target = tmp_path / "branch" / "tbz.sqlite3"
    env = {**os.environ, "DESKAPP_CONFIG_DIR": os.environ["DESKAPP_CONFIG_DIR"],
           "DESKAPP_DATA_DIR": os.environ["DESKAPP_DATA_DIR"], "PYTHON_KEYRING_BACKEND":
           "keyring.backends.null.Keyring"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "deskapp.cli", "branch", "init", "--site", "TBZ",
         "--central", "hq", "--db", f"sqlite:///{target}"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
    )
    killed = False
    assert proc.stderr is not None
    for line in proc.stderr:  # the bar prints a line every 10 % when not on a terminal
        if "branch TBZ:" in line and "100%" not in line and " 0%" not in line:
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
            break
    proc.wait(60)
    assert killed, "the init finished before it could be killed"
    assert proc.returncode == -signal.SIGKILL
    assert not target.exists()
    leftovers = [p.name for p in target.parent.iterdir()]
    assert all(name.startswith(".tbz.sqlite3.partial-") for name in leftovers), leftovers
    engine = make_engine(hq)
    try:
        with engine.connect() as conn:
            assert conn.scalar(select(Site.is_branch).where(Site.code == "TBZ")) is True
    finally:
        engine.dispose()
    assert main(["branch", "init", "--site", "TBZ", "--central", "hq",
                 "--db", f"sqlite:///{target}"]) == 1
    assert main(["branch", "init", "--site", "TBZ", "--central", "hq", "--replace-branch",
                 "--db", f"sqlite:///{target}"]) == 0
    assert target.exists()
    # ...and the dead init's temporary file went with it.
    assert [p.name for p in target.parent.iterdir()] == ["tbz.sqlite3"]
