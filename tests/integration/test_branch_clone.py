"""``clone_branch`` from a real central PostgreSQL (a private database filled with a
small demo desk) into a branch SQLite file: the whole desk arrives unchanged, a demo
agent logs in offline and works the queue, ``since_days`` leaves old closed history
behind, and every refusal leaves nothing behind."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, update

from deskapp.app import prepare_database
from deskapp.config import Settings
from deskapp.models import Interaction, Site, Ticket
from deskapp.models.database import make_engine
from deskapp.models.enums import Channel, Status
from deskapp.models.sync import ChangeLogEntry, SyncState
from deskapp.services import change_feed, schema
from deskapp.services.customers import NewCustomer
from deskapp.services.demo import generate_demo
from deskapp.services.facade import build_services
from deskapp.services.queue import QueueFilter, QueueQuery, View
from deskapp.services.sync import capture
from deskapp.services.sync import clone as clone_module
from deskapp.services.sync.clone import CloneRefused, clone_branch, clone_tables
from deskapp.services.sync.errors import BranchNumbering
from deskapp.services.tickets import NewCall
from tests.helpers.databases import create_pg_database, drop_pg_database

pytestmark = pytest.mark.postgres

TICKETS = 400


@pytest.fixture(scope="module")
def central_url() -> Iterator[str]:
    url = create_pg_database()
    engine = make_engine(url)
    try:
        schema.upgrade(engine)
        services = build_services(engine)
        # A cheap scrypt cost for the demo's staff (the autouse fixture is per test).
        from deskapp.services import passwords

        mp = pytest.MonkeyPatch()
        if hasattr(passwords, "CURRENT"):
            mp.setattr(passwords, "CURRENT", passwords.ScryptParams(2**4, 8, 1))
        try:
            generate_demo(services, tickets=TICKETS, customers=80, seed=3)
        finally:
            mp.undo()
    finally:
        engine.dispose()
    yield url
    drop_pg_database(url)


@pytest.fixture
def central(central_url: str) -> Iterator[Engine]:
    engine = make_engine(central_url)
    yield engine
    # Each test makes its own branch of TBZ: release the site again.
    with engine.begin() as conn:
        conn.execute(update(Site).where(Site.code == "TBZ").values(is_branch=False))
    engine.dispose()


def _rows(engine: Engine, table) -> list[tuple]:
    with engine.connect() as conn:
        order = list(table.primary_key.columns)
        return [tuple(r) for r in conn.execute(select(table).order_by(*order))]


def test_clone_copies_the_whole_desk_unchanged(central: Engine, tmp_path: Path) -> None:
    target = tmp_path / "tbz.sqlite3"
    stages: list[tuple[str, int, int]] = []
    report = clone_branch(
        central, f"sqlite:///{target}", "tbz", central_profile="hq",
        central_url_hint="postgres@127.0.0.1/desk", progress=lambda *a: stages.append(a),
    )
    assert report.site_code == "TBZ"
    assert report.tickets == TICKETS
    branch = make_engine(f"sqlite:///{target}")
    try:
        assert schema.schema_status(branch).state is schema.SchemaState.CURRENT
        compared = 0
        for table in clone_tables():
            assert _rows(branch, table) == _rows(central, table), table.name
            compared += len(_rows(branch, table))
        assert compared > TICKETS * 4  # tickets, interactions, assignments, customers...
        with branch.connect() as conn:
            state = conn.execute(select(SyncState)).one()
            assert state.site_code == "TBZ"
            assert state.central_profile == "hq"
            assert state.central_url_hint == "postgres@127.0.0.1/desk"
            assert conn.scalar(select(func.count()).select_from(ChangeLogEntry)) == 0
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.scalar(select(Site.is_branch).where(Site.code == "TBZ")) is True
        with central.connect() as conn:
            assert conn.scalar(select(Site.is_branch).where(Site.code == "TBZ")) is True
            head = change_feed.head(conn)
        cursor = change_feed.FeedCursor(state.pull_xid, state.pull_id)
        assert cursor == report.cursor
        # (Not "> START": while any long write transaction runs on the server, the
        # feed's readable part - below the snapshot's xmin - can still be empty.)
        assert cursor <= head
    finally:
        branch.dispose()
    # The centre no longer numbers TBZ tickets: only the branch does.
    at_centre = build_services(central, site_code="TBZ")
    with pytest.raises(BranchNumbering):
        at_centre.tickets.log_call(at_centre.staff.actor("neda"), NewCall(
            subject="Logged at the centre for Tabriz",
            new_customer=NewCustomer("Walk-in", phones=["0914 000 1122"])))
    # Progress: monotonic, ends complete.
    done = [d for _s, d, _t in stages]
    assert done == sorted(done)
    assert stages[-1][0] == "done"
    assert any(s.startswith("copy:tickets") for s, _d, _t in stages)
    totals = {t for s, _d, t in stages if s.startswith("copy:")}
    assert len(totals) == 1
    assert not list(tmp_path.glob(".*partial*"))


def test_demo_agent_logs_in_offline_and_works_the_queue(central: Engine, tmp_path: Path) -> None:
    target = tmp_path / "tbz.sqlite3"
    clone_branch(central, f"sqlite:///{target}", "TBZ", central_profile="hq")
    url = f"sqlite:///{target}"
    services = build_services(url)  # the workstation's default site (HQ)...
    try:
        prepare_database(services, Settings(url))  # ...becomes the branch's at start-up
        assert services.tickets.site_code == "TBZ"
        actor = services.staff.authenticate("neda", "agent-demo")
        # The branch's queue shows what the centre's shows this agent, search included.
        at_centre = build_services(central)
        try:
            central_actor = at_centre.staff.actor("neda")
            views = [QueueQuery(view=v) for v in (View.ALL_OPEN, View.MY_TEAM, View.MY_OPEN)]
            expected = [at_centre.queue.count(central_actor, q) for q in views]
            first = at_centre.queue.page(central_actor, views[0], limit=20)
        finally:
            central.dispose()
        assert expected[0] > 20
        assert [services.queue.count(actor, q) for q in views] == expected
        page = services.queue.page(actor, views[0], limit=20)
        assert [r.id for r in page] == [r.id for r in first]
        # Full-text search was rebuilt after the bulk load.
        some = page[7]
        found = services.queue.page(
            actor, QueueQuery(view=View.CUSTOM, filter=QueueFilter(text=some.reference)))
        assert [r.id for r in found] == [some.id]
        # A call logged offline is numbered by the branch and waits in the outbox.
        with services.engine.connect() as conn:
            last = conn.scalar(select(Site.last_ticket_number).where(Site.code == "TBZ"))
            assert capture.missing(conn) == []
        detail = services.tickets.log_call(actor, NewCall(
            subject="Line down since the storm", channel=Channel.PHONE,
            new_customer=NewCustomer("Offline Caller", phones=["0914 111 2233"])))
        assert detail.ticket.reference == f"TBZ-{last + 1:06d}"
        with services.engine.connect() as conn:
            logged = set(conn.scalars(select(ChangeLogEntry.table_name)))
        assert {"tickets", "customers", "interactions"} <= logged
    finally:
        services.dispose()


def test_since_leaves_old_closed_history_at_the_centre(central: Engine, tmp_path: Path) -> None:
    target = tmp_path / "tbz.sqlite3"
    now = datetime.now(UTC)
    report = clone_branch(
        central, f"sqlite:///{target}", "TBZ", central_profile="hq", since_days=30, now=now
    )
    cutoff = now - timedelta(days=30)
    closed = [Status.RESOLVED, Status.CLOSED]
    with central.connect() as conn:
        kept = set(conn.scalars(select(Ticket.id).where(
            (Ticket.status.not_in(closed)) | (Ticket.updated_at >= cutoff))))
        total = conn.scalar(select(func.count()).select_from(Ticket))
        open_ids = set(conn.scalars(select(Ticket.id).where(Ticket.status.not_in(closed))))
        kept_interactions = conn.scalar(select(func.count()).select_from(Interaction).where(
            Interaction.ticket_id.in_(kept)))
    assert 0 < len(kept) < total  # the demo spans a year: the test means something
    assert report.skipped_tickets == total - len(kept)
    branch = make_engine(f"sqlite:///{target}")
    try:
        with branch.connect() as conn:
            ids = set(conn.scalars(select(Ticket.id)))
            assert ids == kept
            assert open_ids <= ids
            assert conn.scalar(select(func.count()).select_from(Interaction)) == kept_interactions
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    finally:
        branch.dispose()


def test_refuses_a_target_that_holds_data(central: Engine, tmp_path: Path) -> None:
    target = tmp_path / "other.sqlite3"
    con = sqlite3.connect(target)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.execute("INSERT INTO notes VALUES ('keep me')")
    con.commit()
    con.close()
    before = target.read_bytes()
    with pytest.raises(CloneRefused) as info:
        clone_branch(central, f"sqlite:///{target}", "TBZ", central_profile="hq")
    assert info.value.code == "branch.target_exists"
    assert target.read_bytes() == before
    with central.connect() as conn:  # refused before the centre was touched
        assert conn.scalar(select(Site.is_branch).where(Site.code == "TBZ")) is False


def test_an_empty_file_is_an_acceptable_target(central: Engine, tmp_path: Path) -> None:
    target = tmp_path / "empty.sqlite3"
    target.touch()
    report = clone_branch(central, f"sqlite:///{target}", "TBZ", central_profile="hq")
    assert report.tickets == TICKETS
    assert target.stat().st_size > 0


def test_refuses_unknown_site_and_a_site_that_is_already_a_branch(
    central: Engine, tmp_path: Path
) -> None:
    with pytest.raises(CloneRefused) as info:
        clone_branch(central, f"sqlite:///{tmp_path / 'x.sqlite3'}", "ISF", central_profile="hq")
    assert info.value.code == "branch.no_site"
    assert "HQ" in str(info.value) and "TBZ" in str(info.value)
    assert list(tmp_path.iterdir()) == []

    clone_branch(central, f"sqlite:///{tmp_path / 'a.sqlite3'}", "TBZ", central_profile="hq")
    with pytest.raises(CloneRefused) as info:
        clone_branch(central, f"sqlite:///{tmp_path / 'b.sqlite3'}", "TBZ", central_profile="hq")
    assert info.value.code == "branch.already_branch"
    assert not (tmp_path / "b.sqlite3").exists()
    # The branch's database was lost: an administrator replaces it on purpose.
    report = clone_branch(central, f"sqlite:///{tmp_path / 'b.sqlite3'}", "TBZ",
                          central_profile="hq", replace_branch=True)
    assert report.tickets == TICKETS


def test_refuses_a_central_sqlite_and_a_non_file_target(central: Engine, tmp_path: Path,
                                                        sqlite_url: str) -> None:
    local = make_engine(sqlite_url)
    try:
        with pytest.raises(CloneRefused) as info:
            clone_branch(local, f"sqlite:///{tmp_path / 'x.sqlite3'}", "TBZ",
                         central_profile="hq")
        assert info.value.code == "branch.central_not_postgresql"
    finally:
        local.dispose()
    with pytest.raises(CloneRefused) as info:
        clone_branch(central, "postgresql://u@h/db", "TBZ", central_profile="hq")
    assert info.value.code == "branch.target_not_sqlite"


def test_a_failure_half_way_leaves_no_branch_and_releases_the_site(
    central: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = clone_module._write_batch

    def failing(dest, table, batch):
        if table.name == "interactions":
            raise OSError("disk full")
        real(dest, table, batch)

    monkeypatch.setattr(clone_module, "_write_batch", failing)
    target = tmp_path / "tbz.sqlite3"
    with pytest.raises(OSError, match="disk full"):
        clone_branch(central, f"sqlite:///{target}", "TBZ", central_profile="hq")
    assert list(tmp_path.iterdir()) == []  # no target, no partial file, no WAL
    with central.connect() as conn:
        assert conn.scalar(select(Site.is_branch).where(Site.code == "TBZ")) is False
    # ...and the next attempt works.
    monkeypatch.setattr(clone_module, "_write_batch", real)
    assert clone_branch(central, f"sqlite:///{target}", "TBZ",
                        central_profile="hq").tickets == TICKETS
