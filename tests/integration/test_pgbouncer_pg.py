"""deskapp through a real PgBouncer in transaction mode: no session state survives a
transaction, so nothing may rely on it."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from deskapp.models.database import behind_pooler, make_engine, measure_pool_waits

pytestmark = [pytest.mark.postgres, pytest.mark.pgbouncer]


@pytest.fixture
def bounced_url(pg_url: str, pgbouncer) -> str:
    return pgbouncer.url_for(pg_url)


def test_statements_are_never_prepared_on_the_server(bounced_url: str):
    """psycopg prepares a query server-side after its 5th run; through the pooler the
    next transaction may land on a server connection that never saw it. With
    prepare_threshold=None the same query runs any number of times from any threads."""
    engine = make_engine(bounced_url, pool_size=4, max_overflow=0)
    try:
        assert behind_pooler(engine)
        with engine.connect() as conn:
            assert conn.connection.driver_connection.prepare_threshold is None
        errors: list[BaseException] = []

        def work() -> None:
            try:
                for _ in range(30):
                    with engine.begin() as conn:
                        conn.execute(text("SELECT count(*) FROM tickets WHERE number > :n"), {"n": 1})
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
    finally:
        engine.dispose()


def test_a_direct_engine_would_prepare(pg_url: str):
    """The negative control: without the pooler option psycopg keeps its default."""
    engine = make_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.connection.driver_connection.prepare_threshold == 5
    finally:
        engine.dispose()


def test_pool_waits_are_measured(bounced_url: str):
    engine = make_engine(bounced_url)
    waits = measure_pool_waits(engine)
    try:
        for _ in range(3):
            with engine.begin() as conn:
                conn.execute(text("SELECT 1"))
        assert waits.checkouts == 3
    finally:
        engine.dispose()


def test_no_session_state_in_the_code():
    """grep: no session advisory locks, no session SET, no LISTEN outside the direct
    listener (deskapp.ui.live.pg_listener, used only without a pooler)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "deskapp"
    offenders = []
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for pattern in (
            r"pg_advisory_lock\(|pg_try_advisory_lock\(",
            r"[\"']SET (?!LOCAL)(?!TRANSACTION)[a-z_.]+\s*(=|TO)",
            r"set_config\([^)]*(false|False)\)",
        ):
            if re.search(pattern, source, re.IGNORECASE):
                offenders.append(f"{path.relative_to(root)}: {pattern}")
        if re.search(r"LISTEN \{", source) and path.name != "pg_listener.py":
            offenders.append(f"{path.relative_to(root)}: LISTEN")
    assert offenders == []
