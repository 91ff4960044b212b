"""Change notices: parsing payloads, folding bursts, the listener's connection string."""

from __future__ import annotations

import json
import uuid

from psycopg.conninfo import conninfo_to_dict
from sqlalchemy.engine import URL

from deskapp.services.changes import (
    LISTENER_APPLICATION_NAME,
    QUEUE_TABLES,
    Change,
    ChangeAccumulator,
    ChangeBatch,
    listener_conninfo,
    parse_payload,
)

T, C, U = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def payload(**kw) -> str:
    data = {"t": "tickets", "op": "u", "id": str(T), "v": 3, "tid": str(T), "cid": str(C),
            "rid": None, "by": str(U)}
    data.update(kw)
    return json.dumps(data)


def test_parse_payload_reads_ids_and_versions():
    c = parse_payload(payload())
    assert c == Change("tickets", "u", T, 3, T, C, None, U)
    assert parse_payload(payload(t="interactions", v=None, id=str(U))).version is None
    assert parse_payload(payload().encode()) == c


def test_stray_notifications_are_ignored():
    for junk in ["", "hello", "[1, 2]", '{"id": 1}', b"\xff\xfe"]:
        assert parse_payload(junk) is None
    assert parse_payload(payload(id="not-a-uuid")).id is None


def test_batches_answer_does_this_concern_me():
    old = parse_payload(payload(v=2))
    new = parse_payload(payload(v=3))
    note = parse_payload(payload(t="notifications", id=str(uuid.uuid4()), v=None, rid=str(U)))
    batch = ChangeBatch.of([old, new, note])
    assert batch.touches(QUEUE_TABLES) and not batch.touches({"users"})
    assert batch.touches_ticket(T) and not batch.touches_ticket(uuid.uuid4())
    assert batch.touches_customer(C) and batch.touches_recipient(U)
    assert batch.ticket_version(T) == 3 and batch.ticket_changed_by(T) == U
    full = ChangeBatch.full()
    assert full.touches({"users"}) and full.touches_ticket(uuid.uuid4())


def test_accumulator_folds_bursts_and_a_full_refresh_swallows_details():
    acc = ChangeAccumulator(limit=3)
    assert not acc
    c = parse_payload(payload())
    acc.add(c)
    acc.add(c)  # PostgreSQL folds duplicates in a transaction; we fold across them
    batch = acc.take()
    assert batch.changes == (c,) and not acc
    acc.add(c)
    acc.add_full()
    acc.add(parse_payload(payload(v=9)))
    assert acc.take() == ChangeBatch.full()
    for v in range(5):  # a storm beyond the limit: reload everything instead
        acc.add(parse_payload(payload(v=v)))
    assert acc.take().full_refresh


def test_listener_conninfo_carries_credentials_ssl_and_keepalives():
    url = URL.create(
        "postgresql+psycopg", username="ali", password="p w'd", host="db", port=6432,
        database="desk", query={"sslmode": "verify-full"},
    )
    d = conninfo_to_dict(listener_conninfo(url))
    assert d["password"] == "p w'd" and d["sslmode"] == "verify-full"
    assert d["application_name"] == LISTENER_APPLICATION_NAME
    assert (d["host"], d["port"], d["dbname"], d["user"]) == ("db", "6432", "desk", "ali")
    assert d["keepalives"] == "1"
