"""The commit-ordered change feed on the real PostgreSQL: writers that commit out of
order are never skipped (a naive ``id > cursor`` reader is the negative control),
every domain table has its trigger, retention trims."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import inspect, text

from deskapp.models import Customer, utcnow
from deskapp.models.database import make_engine
from deskapp.services import change_feed, schema
from deskapp.services.change_feed import FeedCursor
from tests.helpers.databases import create_pg_database, drop_pg_database

pytestmark = pytest.mark.postgres

WRITERS = 8


@pytest.fixture(scope="module")
def engine():
    """A private database: the tests read the feed from a head they take, so they
    need no emptied tables."""
    url = create_pg_database()
    engine = make_engine(url, pool_size=WRITERS + 4)
    schema.upgrade(engine)
    yield engine
    engine.dispose()
    drop_pg_database(url)


def test_every_domain_table_has_a_feed_trigger(engine):
    with engine.connect() as conn:
        existing = inspect(conn).get_table_names()
        expected = set(change_feed.feed_tables(existing))
        assert {"tickets", "interactions", "customers", "notifications"} <= expected
        assert "change_feed" not in expected and "leases" not in expected
        assert change_feed.triggered_tables(conn) == expected


def _insert_customer(conn, name: str) -> uuid.UUID:
    cid = uuid.uuid4()
    now = utcnow()
    conn.execute(
        Customer.__table__.insert().values(
            id=cid, name=name, search_name=name, created_at=now, updated_at=now,
            version=1, segment="standard", preferred_language="fa", warning_note="",
        )
    )
    return cid


def _no_foreign_long_transaction(engine) -> None:
    """``read`` waits for the oldest running writer of the whole server (xids are
    cluster-wide), by design. A writer left open elsewhere on the shared test server
    (another suite's hung test) would make the cursor assertions fail for a reason
    outside this code: skip them then, saying so."""
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT datname, pid, now() - xact_start AS age FROM pg_stat_activity "
                "WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database() "
                "AND xact_start < now() - interval '10 seconds' ORDER BY xact_start LIMIT 1"
            )
        ).first()
    if row is not None:
        pytest.skip(
            f"a transaction open for {row.age} in database {row.datname} (pid {row.pid}) "
            "holds every xmin-cursor reader of this server back"
        )


def test_writers_committing_out_of_order_are_never_skipped(engine):
    """Writer i inserts i-th (so takes the i-th feed id) but commits last-first: writer
    0 sleeps longest before COMMIT. A reader polling the feed meanwhile gets every
    committed row exactly once; a naive ``id > cursor`` reader, polling the same way,
    moves past the ids of the late committers and misses them."""
    inserted = [threading.Event() for _ in range(WRITERS)]
    committed: list[uuid.UUID] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def writer(i: int) -> None:
        try:
            if i:
                assert inserted[i - 1].wait(10)
            with engine.connect() as conn:
                conn.begin()
                cid = _insert_customer(conn, f"writer {i}")
                inserted[i].set()
                time.sleep(0.1 * (WRITERS - i))  # the first to write commits last
                conn.commit()
                with lock:
                    committed.append(cid)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
            inserted[i].set()

    with engine.connect() as conn:
        cursor = change_feed.head(conn)
        snapshot = change_feed.current_snapshot(conn)
        naive_cursor = conn.execute(text("SELECT coalesce(max(id), 0) FROM change_feed")).scalar()
    pulled: list[uuid.UUID] = []
    live: list[uuid.UUID] = []
    naive: list[uuid.UUID] = []

    def poll() -> None:
        nonlocal cursor, naive_cursor, snapshot
        with engine.connect() as conn:
            entries, cursor = change_feed.read(conn, cursor)
            pulled.extend(e.row_id for e in entries if e.table == "customers")
            conn.rollback()
            entries, snapshot, _ = change_feed.read_new(conn, snapshot)
            live.extend(e.row_id for e in entries if e.table == "customers")
            conn.rollback()
            rows = conn.execute(
                text("SELECT id, row_id FROM change_feed WHERE id > :c ORDER BY id"),
                {"c": naive_cursor},
            ).all()
            if rows:
                naive_cursor = rows[-1].id
            naive.extend(r.row_id for r in rows)
            conn.rollback()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        poll()
        time.sleep(0.02)
    for t in threads:
        t.join()
    poll()
    assert not errors
    assert len(committed) == WRITERS
    # the live follower's reader: exactly the committed rows, each once
    assert sorted(live) == sorted(committed)
    # the negative control: the same polling by ``id > cursor`` loses rows
    missed = set(committed) - set(naive)
    assert missed, "the naive reader should have skipped late committers"
    # the cursor reader (branch pull): the same, in transaction-id order (a total order
    # every reader agrees on, not necessarily the commit order)
    _no_foreign_long_transaction(engine)
    assert sorted(pulled) == sorted(committed)
    assert len(pulled) == len(set(pulled))


def test_a_running_transaction_holds_the_reader_back(engine):
    """Nothing at or after the oldest running transaction is read, even rows of other,
    finished transactions; they come once it ends."""
    _no_foreign_long_transaction(engine)
    with engine.connect() as slow, engine.connect() as fast, engine.connect() as reader:
        start = change_feed.head(reader)
        reader.rollback()
        slow.begin()
        slow_id = _insert_customer(slow, "slow")
        fast.begin()
        fast_id = _insert_customer(fast, "fast")
        fast.commit()
        entries, cursor = change_feed.read(reader, start)
        reader.rollback()
        assert entries == [] and cursor == start
        slow.commit()
        entries, cursor = change_feed.read(reader, start)
        assert [e.row_id for e in entries] == [slow_id, fast_id]
        assert cursor == entries[-1].cursor > start
        again, same = change_feed.read(reader, cursor)
        assert again == [] and same == cursor


def test_entries_carry_ids_versions_and_origin(engine):
    _no_foreign_long_transaction(engine)
    with engine.begin() as conn:
        start = change_feed.head(conn)
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL deskapp.origin_site = 'TBZ'"))
        cid = _insert_customer(conn, "from a branch")
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE customers SET version = 2, name = 'x' WHERE id = :id"), {"id": cid}
        )
    with engine.connect() as conn:
        entries, cursor = change_feed.read(conn, start)
        assert [(e.op, e.version, e.origin_site) for e in entries] == [
            ("i", 1, "TBZ"),
            ("u", 2, None),
        ]
        assert all(e.row_id == cid == e.customer_id for e in entries)
        change = change_feed.to_change(entries[1])
        assert (change.table, change.id, change.version, change.customer_id) == (
            "customers", cid, 2, cid
        )
        kept, cursor2 = change_feed.read(conn, start, exclude_origin="TBZ")
        assert [e.op for e in kept] == ["u"] and cursor2 == cursor
        limited, first = change_feed.read(conn, start, limit=1)
        assert len(limited) == 1 and first == entries[0].cursor


def test_trim_deletes_only_old_entries(engine):
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM change_feed"))
        _insert_customer(conn, "old")
        conn.execute(text("UPDATE change_feed SET changed_at = now() - interval '3 days'"))
        _insert_customer(conn, "new")
    with engine.begin() as conn:
        assert change_feed.trim(conn, utcnow() - timedelta(days=1)) == 1
        assert conn.execute(text("SELECT count(*) FROM change_feed")).scalar() == 1


def test_cursor_round_trips_as_text():
    c = FeedCursor(123456789012, 42)
    assert FeedCursor.parse(str(c)) == c
    assert FeedCursor.START < c < FeedCursor(123456789012, 43) < FeedCursor(123456789013, 1)


def test_live_followers_read_past_a_long_transaction(engine):
    """``read_new`` (snapshot to snapshot, as PgQ batches) delivers a finished
    transaction at once even while an older one is still open, and the older one
    exactly once when it commits; ``read`` (the xmin cursor) waits for it."""
    with engine.connect() as slow, engine.connect() as fast, engine.connect() as reader:
        snap = change_feed.current_snapshot(reader)
        cursor = change_feed.head(reader)
        reader.rollback()
        slow.begin()
        slow_id = _insert_customer(slow, "slow")
        fast.begin()
        fast_id = _insert_customer(fast, "fast")
        fast.commit()
        entries, snap, overflow = change_feed.read_new(reader, snap)
        reader.rollback()
        assert [e.row_id for e in entries] == [fast_id] and not overflow
        assert change_feed.read(reader, cursor)[0] == []  # held back by the open one
        reader.rollback()
        again, snap, _ = change_feed.read_new(reader, snap)
        reader.rollback()
        assert again == []
        slow.commit()
        late, snap, _ = change_feed.read_new(reader, snap)
        reader.rollback()
        assert [e.row_id for e in late] == [slow_id]
        assert change_feed.read_new(reader, snap)[0] == []


def test_a_storm_overflows_instead_of_reading_everything(engine):
    with engine.connect() as conn:
        snap = change_feed.current_snapshot(conn)
        conn.rollback()
    with engine.begin() as conn:
        for i in range(5):
            _insert_customer(conn, f"storm {i}")
    with engine.connect() as conn:
        entries, _, overflow = change_feed.read_new(conn, snap, limit=3)
        assert overflow and len(entries) == 3


def test_the_report_bookkeeping_stays_out_of_the_feed(engine):
    """Measuring business durations writes only figures each database derives for
    itself: no feed row per ticket (a million-ticket desk's first report wrote 945,588),
    while the next real edit is announced as before."""
    from deskapp.models.enums import InteractionKind, Status
    from deskapp.services.customers import NewCustomer
    from deskapp.services.facade import build_services
    from deskapp.services.tickets import NewCall
    from tests.helpers.staff import make_desk

    _no_foreign_long_transaction(engine)
    services = build_services(engine)
    desk = make_desk(services)
    t = services.tickets.log_call(desk.agent, NewCall(
        subject="Modem", new_customer=NewCustomer(name="Feed quiet", phones=["09125550101"]))).ticket
    services.tickets.add_interaction(desk.agent, t.id, InteractionKind.CALL, "Fixed.")
    fresh = services.tickets.get(desk.agent, t.id).ticket
    done = services.tickets.change_status(desk.agent, t.id, fresh.version, Status.RESOLVED)
    with engine.connect() as conn:
        last = conn.scalar(text("SELECT max(id) FROM change_feed"))
    for _ in range(400):  # a head past every entry so far (others' transactions end)
        with engine.begin() as conn:
            start = change_feed.head(conn)
        if start.id >= last:
            break
        time.sleep(0.05)
    assert services.reports.measure() >= 1
    with engine.connect() as conn:
        entries, _cursor = change_feed.read(conn, start)
        assert entries == []
        assert conn.scalar(text("SELECT resolution_business_s FROM tickets WHERE id = :id"),
                           {"id": t.id}) is not None
    services.tickets.update(desk.agent, t.id, done.version, priority="high")
    with engine.connect() as conn:
        entries, _cursor = change_feed.read(conn, start)
        assert [(e.table, e.row_id) for e in entries if e.table == "tickets"] == [
            ("tickets", t.id)]
