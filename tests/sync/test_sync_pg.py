"""Branch sync against a real central PostgreSQL: push exactly once, crashes at every
step, the merge rules, the duplicates queue, ticket numbers, clocks and versions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, text, update

from deskapp.models import Interaction, Notification, SlaStageEvent, Ticket, utcnow
from deskapp.models.enums import Priority, Status
from deskapp.models.sync import ChangeLogEntry, SyncBatch, SyncDuplicate
from deskapp.services.customers import NewCustomer
from deskapp.services.facade import build_services
from deskapp.services.sync import apply as apply_mod
from deskapp.services.sync.client import SyncClient
from deskapp.services.sync.conflicts import ConflictService
from deskapp.services.sync.errors import BranchNumbering, ClockDrift, SchemaMismatch
from deskapp.services.sync.push import seal
from deskapp.services.tickets import NewCall
from tests.sync.helpers import settle

pytestmark = pytest.mark.postgres


class Crash(Exception):
    pass


def _log_call(site, username="ali", subject="Printer", **customer):
    customer = customer or {"name": "Bob", "phones": ["09121234567"]}
    return site.services.tickets.log_call(
        site.actor(username), NewCall(subject=subject, new_customer=NewCustomer(**customer))
    ).ticket


def _count(engine, model, *where):
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model).where(*where))


def _central_services(central):
    return build_services(central, site_code="HQ")


def test_a_branch_call_reaches_the_centre_and_the_centre_reply_comes_back(
    central, branch_factory
):
    tbz = branch_factory("TBZ")
    ticket = _log_call(tbz)
    assert ticket.reference.startswith("TBZ-")
    assert _count(tbz.engine, ChangeLogEntry) > 0
    assert settle(central, [tbz]) == []
    assert _count(tbz.engine, ChangeLogEntry) == 0
    hq = _central_services(central)
    hq.tickets.add_interaction(hq.staff.actor("ali"), ticket.id, "call", "from HQ")
    assert settle(central, [tbz]) == []
    assert _count(tbz.engine, Interaction, Interaction.body == "from HQ") == 1
    # Applying pulled rows captured nothing.
    assert _count(tbz.engine, ChangeLogEntry) == 0


@pytest.mark.parametrize("point", ["sealed", "sent"])
def test_a_crash_at_any_step_loses_nothing_and_duplicates_nothing(
    central, branch_factory, point
):
    tbz = branch_factory("TBZ")
    _log_call(tbz)

    def crash(where):
        if where == point:
            raise Crash(where)

    with pytest.raises(Crash):
        SyncClient(tbz.engine, central, hook=crash).sync()
    assert settle(central, [tbz]) == []
    assert _count(central, Ticket, Ticket.reference.like("TBZ-%")) == 1
    assert _count(central, Interaction) == _count(tbz.engine, Interaction)
    assert _count(central, SyncBatch) == 1


def test_a_crash_inside_the_centres_transaction_rolls_it_back(
    central, branch_factory, monkeypatch
):
    tbz = branch_factory("TBZ")
    _log_call(tbz)
    real = apply_mod.Merger._flush_clocks

    def failing(self):  # every row of the batch is written by now
        raise Crash("centre died mid-batch")

    monkeypatch.setattr(apply_mod.Merger, "_flush_clocks", failing)
    with pytest.raises(Crash):
        SyncClient(tbz.engine, central).sync()
    assert _count(central, SyncBatch) == 0
    assert _count(central, Ticket, Ticket.reference.like("TBZ-%")) == 0
    monkeypatch.setattr(apply_mod.Merger, "_flush_clocks", real)
    assert settle(central, [tbz]) == []
    assert _count(central, Ticket, Ticket.reference.like("TBZ-%")) == 1


def test_a_replayed_batch_returns_the_stored_result_and_changes_nothing(
    central, branch_factory
):
    tbz = branch_factory("TBZ")
    _log_call(tbz)
    seq, changes = seal(tbz.engine, 1000)
    first = apply_mod.apply_batch(central, "TBZ", seq, changes)
    with central.connect() as conn:
        before = conn.scalar(text("SELECT count(*) FROM change_feed"))
    again = apply_mod.apply_batch(central, "TBZ", seq, changes)
    with central.connect() as conn:
        after = conn.scalar(text("SELECT count(*) FROM change_feed"))
    assert again["replayed"] is True and first["replayed"] is False
    assert {k: v for k, v in again.items() if k != "replayed"} == {
        k: v for k, v in first.items() if k != "replayed"
    }
    assert before == after
    assert _count(central, Ticket, Ticket.reference.like("TBZ-%")) == 1


def test_close_at_one_site_and_reopen_at_another_is_a_conflict_not_a_silent_close(
    central, branch_factory
):
    tbz, mhd = branch_factory("TBZ"), branch_factory("MHD")
    ticket = _log_call(tbz)
    assert settle(central, [tbz, mhd]) == []

    def version(site):
        with site.engine.connect() as conn:
            return conn.scalar(select(Ticket.version).where(Ticket.id == ticket.id))

    tbz.services.tickets.change_status(
        tbz.actor("ali"), ticket.id, version(tbz), Status.RESOLVED
    )
    mhd.services.tickets.change_status(
        mhd.actor("maryam"), ticket.id, version(mhd), Status.PENDING_CUSTOMER
    )
    assert settle(central, [tbz, mhd]) == []
    with central.connect() as conn:
        status = conn.scalar(select(Ticket.status).where(Ticket.id == ticket.id))
    assert status is Status.PENDING_CUSTOMER
    conflicts = ConflictService(tbz.engine).list_open()
    assert [(c.kind, c.column_name, c.remote_value) for c in conflicts] == [
        ("status", "status", Status.RESOLVED)
    ]
    # Taking the losing side is itself a synced change.
    ConflictService(tbz.engine).resolve(conflicts[0].id, "remote", actor=tbz.actor("maryam"))
    assert settle(central, [tbz, mhd]) == []
    with mhd.engine.connect() as conn:
        assert conn.scalar(select(Ticket.status).where(Ticket.id == ticket.id)) is Status.RESOLVED
    assert ConflictService(central).list_open() == []


def test_assignee_at_two_sites_last_writer_wins_and_both_agents_hear(central, branch_factory):
    tbz, mhd = branch_factory("TBZ"), branch_factory("MHD")
    ticket = _log_call(tbz)
    assert settle(central, [tbz, mhd]) == []
    sara, reza = tbz.actor("sara").user_id, tbz.actor("reza").user_id

    def reassign(site, who):
        with site.engine.connect() as conn:
            v = conn.scalar(select(Ticket.version).where(Ticket.id == ticket.id))
        site.services.tickets.assign(site.actor("maryam"), ticket.id, v, who)

    reassign(tbz, sara)
    reassign(mhd, reza)  # later: wins
    assert settle(central, [tbz, mhd]) == []
    with central.connect() as conn:
        assert conn.scalar(select(Ticket.assignee_id).where(Ticket.id == ticket.id)) == reza
    (conflict,) = ConflictService(central).list_open()
    assert conflict.kind == "assignee"
    assert conflict.local_value == reza and conflict.remote_value == sara
    notified = _count(
        central, Notification, Notification.dedupe_key.like("sync-assignee:%")
    )
    assert notified == 2


def test_priority_more_urgent_wins_without_a_conflict(central, branch_factory):
    tbz, mhd = branch_factory("TBZ"), branch_factory("MHD")
    ticket = _log_call(tbz)
    assert settle(central, [tbz, mhd]) == []

    def set_priority(site, p):
        with site.engine.connect() as conn:
            v = conn.scalar(select(Ticket.version).where(Ticket.id == ticket.id))
        site.services.tickets.update(site.actor("maryam"), ticket.id, v, priority=p)

    set_priority(mhd, Priority.URGENT)
    set_priority(tbz, Priority.LOW)  # later, but less urgent
    assert settle(central, [tbz, mhd]) == []
    with central.connect() as conn:
        row = conn.execute(
            select(Ticket.priority, Ticket.priority_rank).where(Ticket.id == ticket.id)
        ).one()
    assert tuple(row) == (Priority.URGENT, 3)
    assert ConflictService(central).list_open() == []


def test_same_customer_created_at_two_sites_is_queued_not_merged(central, branch_factory):
    tbz, mhd = branch_factory("TBZ"), branch_factory("MHD")
    _log_call(tbz, name="Bob", phones=["09121234567"])
    _log_call(mhd, name="Robert", phones=["09121234567"])
    assert settle(central, [tbz, mhd]) == []
    (dup,) = ConflictService(tbz.engine).open_duplicates()
    assert dup.match_kind == "phone"
    assert _count(central, SyncDuplicate) == 1
    from deskapp.models import Customer

    assert _count(central, Customer, Customer.deleted_at.is_(None)) >= 2


def test_the_same_sla_stage_raised_at_two_sites_is_kept_once(central, branch_factory):
    tbz, mhd = branch_factory("TBZ"), branch_factory("MHD")
    ticket = _log_call(tbz)
    assert settle(central, [tbz, mhd]) == []
    due = utcnow()
    for site in (tbz, mhd):
        with site.engine.begin() as conn:
            conn.execute(
                SlaStageEvent.__table__.insert().values(
                    id=__import__("uuid").uuid4(), ticket_id=ticket.id, clock="resolution",
                    stage="75", due_at=due, created_at=due,
                )
            )
    assert settle(central, [tbz, mhd]) == []
    assert _count(central, SlaStageEvent, SlaStageEvent.ticket_id == ticket.id,
                  SlaStageEvent.stage == "75") == 1


def test_the_centre_never_numbers_a_branch_sites_tickets(central, branch_factory):
    branch_factory("TBZ")
    hq = build_services(central, site_code="TBZ")
    with pytest.raises(BranchNumbering):
        hq.tickets.log_call(
            hq.staff.actor("ali"),
            NewCall(subject="x", new_customer=NewCustomer(name="C", phones=["09351112233"])),
        )


def test_a_clock_far_off_is_refused_and_the_outbox_kept(central, branch_factory):
    tbz = branch_factory("TBZ")
    _log_call(tbz)
    pending = _count(tbz.engine, ChangeLogEntry)
    client = SyncClient(tbz.engine, central, clock=lambda: utcnow() + timedelta(minutes=30))
    with pytest.raises(ClockDrift) as info:
        client.sync()
    assert info.value.code == "sync.clock_drift"
    assert _count(tbz.engine, ChangeLogEntry) == pending
    assert _count(central, SyncBatch) == 0
    assert "ahead" in client.status().last_error


def test_a_schema_mismatch_names_the_side_to_upgrade(central, branch_factory):
    tbz = branch_factory("TBZ")
    _log_call(tbz)
    with central.begin() as conn:
        head = conn.scalar(text("SELECT version_num FROM alembic_version"))
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaMismatch) as info:
        SyncClient(tbz.engine, central).sync()
    assert info.value.params["upgrade"] == "branch"
    with central.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    with pytest.raises(SchemaMismatch) as info:
        SyncClient(tbz.engine, central).sync()
    assert info.value.params["upgrade"] == "centre"
    assert _count(tbz.engine, ChangeLogEntry) > 0
    with central.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :h"), {"h": head})
    assert settle(central, [tbz]) == []




def test_an_automatic_escalation_raised_at_two_sites_is_not_doubled(central, branch_factory):
    import uuid

    from deskapp.models import Escalation

    tbz, mhd = branch_factory("TBZ"), branch_factory("MHD")
    ticket = _log_call(tbz)
    assert settle(central, [tbz, mhd]) == []
    now = utcnow()
    for site in (tbz, mhd):
        with site.engine.begin() as conn:
            conn.execute(Escalation.__table__.insert().values(
                id=uuid.uuid4(), ticket_id=ticket.id, kind="hierarchical", from_level=0,
                to_level=1, reason="sla_breach", note="", automatic=True,
                is_deescalation=False, keep_informed=False, created_at=now))
    assert settle(central, [tbz, mhd]) == []
    assert _count(central, Escalation, Escalation.ticket_id == ticket.id) == 1


def test_a_reply_at_a_branch_on_a_ticket_closed_at_the_centre_is_a_conflict(
    central, branch_factory
):
    tbz = branch_factory("TBZ")
    ticket = _log_call(tbz)
    assert settle(central, [tbz]) == []
    with central.begin() as conn:
        conn.execute(update(Ticket).where(Ticket.id == ticket.id).values(
            status=Status.CLOSED, closed_at=utcnow(), updated_at=utcnow(),
            version=Ticket.version + 1))
    tbz.services.tickets.add_interaction(tbz.actor("ali"), ticket.id, "call", "called back")
    assert settle(central, [tbz]) == []
    (conflict,) = ConflictService(tbz.engine).list_open()
    assert conflict.kind == "reply_on_closed" and conflict.remote_value == "reply"
    assert _count(central, Interaction, Interaction.body == "called back") == 1
    ConflictService(tbz.engine).resolve(conflict.id, "remote")  # the reply wins: reopen
    assert settle(central, [tbz]) == []
    with central.connect() as conn:
        assert conn.scalar(select(Ticket.status).where(Ticket.id == ticket.id)) is Status.OPEN


def test_a_reply_on_old_history_the_branch_was_not_given_brings_its_ticket(
    central, tmp_path
):
    import uuid
    from datetime import UTC, datetime

    from tests.sync.helpers import make_branch

    hq = _central_services(central)
    old = hq.tickets.log_call(hq.staff.actor("ali"), NewCall(
        subject="old history", new_customer=NewCustomer(name="Old", phones=["09127776655"])
    )).ticket
    long_ago = datetime(2020, 1, 1, tzinfo=UTC)
    with central.begin() as conn:
        conn.execute(update(Ticket).where(Ticket.id == old.id).values(
            status=Status.CLOSED, closed_at=long_ago, updated_at=long_ago,
            version=Ticket.version + 1))
    # The clone's feed cursor must be past that history (the feed reads only below the
    # oldest running transaction of the server), or the first pull would bring it.
    import time

    from deskapp.services import change_feed

    with central.connect() as conn:
        last = conn.execute(text(
            "SELECT xid::text, id FROM change_feed WHERE ticket_id = :t "
            "ORDER BY xid DESC, id DESC LIMIT 1"), {"t": old.id}).one()
    end = time.monotonic() + 60
    while True:
        with central.connect() as conn:
            if change_feed.head(conn) >= change_feed.FeedCursor(int(last[0]), int(last[1])):
                break
        assert time.monotonic() < end
        time.sleep(0.2)
    tbz = make_branch(central, "TBZ", tmp_path, since_days=30)
    try:
        assert _count(tbz.engine, Ticket, Ticket.id == old.id) == 0
        with central.begin() as conn:
            conn.execute(Interaction.__table__.insert().values(
                id=uuid.uuid4(), ticket_id=old.id, kind="email", direction="inbound",
                body="about that old ticket", created_at=utcnow()))
        end = time.monotonic() + 30
        while _count(tbz.engine, Interaction, Interaction.body.like("about that%")) == 0:
            assert time.monotonic() < end, "the reply never arrived"
            SyncClient(tbz.engine, central).sync()
            time.sleep(0.2)
        assert _count(tbz.engine, Ticket, Ticket.id == old.id) == 1
    finally:
        tbz.engine.dispose()


def test_a_new_row_the_centre_cannot_take_goes_to_the_inbox_and_blocks_nothing(
    central, branch_factory
):
    import uuid

    from deskapp.models import SavedView

    tbz, mhd = branch_factory("TBZ"), branch_factory("MHD")
    owner = tbz.actor("ali").user_id
    now = utcnow()
    for site in (tbz, mhd):  # the same view name saved at two sites: unique per owner
        with site.engine.begin() as conn:
            conn.execute(SavedView.__table__.insert().values(
                id=uuid.uuid4(), owner_id=owner, name="Mine", criteria={"status": "open"},
                created_at=now, updated_at=now, version=1))
    _log_call(mhd)  # and other work in the same batch
    assert settle(central, [tbz, mhd]) == []
    assert _count(central, SavedView, SavedView.name == "Mine") == 1
    assert _count(central, Ticket, Ticket.reference.like("MHD-%")) == 1
    (refused,) = ConflictService(central).list_open()
    assert refused.kind == "refused" and refused.remote_value["name"] == "Mine"
    ConflictService(mhd.engine).resolve(refused.id, "edit", {"name": "Mine (MHD)"})
    assert settle(central, [tbz, mhd]) == []
    assert _count(tbz.engine, SavedView, SavedView.name == "Mine (MHD)") == 1


def test_a_change_the_centre_cannot_take_goes_to_the_inbox_and_blocks_nothing(
    central, branch_factory
):
    from deskapp.models import Team

    tbz = branch_factory("TBZ")
    with tbz.engine.begin() as conn:
        conn.execute(update(Team).where(Team.name == "Billing").values(
            name="Support", updated_at=utcnow(), version=Team.version + 1))
    with central.begin() as conn:
        conn.execute(update(Team).where(Team.name == "Front desk").values(
            name="Support", updated_at=utcnow(), version=Team.version + 1))
    _log_call(tbz)
    assert settle(central, [tbz]) == []
    assert _count(central, Ticket, Ticket.reference.like("TBZ-%")) == 1
    (refused,) = ConflictService(tbz.engine).list_open()
    assert refused.kind == "refused_update" and refused.remote_value["name"] == "Support"
    assert _count(tbz.engine, Team, Team.name == "Billing") == 1  # the centre's state
    ConflictService(tbz.engine).resolve(refused.id, "edit", {"name": "Support 2"})
    assert settle(central, [tbz]) == []
    assert _count(central, Team, Team.name == "Support 2") == 1


def test_a_large_push_batch_notifies_once_and_a_small_one_per_row(
    central, central_url, branch_factory, monkeypatch
):
    import psycopg

    from deskapp.services.changes import CHANNEL, is_full_refresh, parse_payload
    from tests.helpers.databases import _libpq

    def notices_of_a_push(site):
        with psycopg.connect(_libpq(central_url), autocommit=True) as listener:
            listener.execute(f"LISTEN {CHANNEL}")
            SyncClient(site.engine, central).sync()
            return [n.payload for n in listener.notifies(timeout=1.0)]

    tbz = branch_factory("TBZ")
    _log_call(tbz)
    small = notices_of_a_push(tbz)
    assert small and not any(is_full_refresh(p) for p in small)
    assert {parse_payload(p).table for p in small} >= {"tickets", "interactions"}

    monkeypatch.setattr(apply_mod, "QUIET_NOTIFY_FROM", 2)
    _log_call(tbz, subject="Scanner", name="Eve", phones=["09127654321"])
    large = notices_of_a_push(tbz)
    assert large == ['{"full": true}']
    # The change feed still has every row of it.
    with central.connect() as conn:
        fed = conn.scalar(text(
            "SELECT count(*) FROM change_feed f JOIN tickets t ON t.id = f.row_id "
            "WHERE t.subject = 'Scanner'"))
    assert fed >= 1


def test_pulled_rows_equal_to_the_branchs_are_not_written_again(central, branch_factory):
    """The bulk upsert writes a row only where a column differs; a changed subject
    reaches the branch's full-text index (search_text is written apart from the rest)."""
    from deskapp.services.sync.pull import apply_central_rows
    from deskapp.services.sync.stored_rows import fetch_stored

    tbz = branch_factory("TBZ")
    ticket = _log_call(tbz, subject="Printer jam")
    assert settle(central, [tbz]) == []
    keys = {("tickets", ticket.id.hex), ("customers", ticket.customer_id.hex)}

    def apply_again() -> int:
        with central.connect() as c, c.begin():
            rows = fetch_stored(c, keys)
        return apply_central_rows(tbz.engine, rows, central=central)

    assert apply_again() == 0
    with central.begin() as conn:
        conn.execute(update(Ticket).where(Ticket.id == ticket.id).values(
            subject="Scanner jam", search_text="Scanner jam", version=Ticket.version + 1))
    assert apply_again() == 1
    with tbz.engine.connect() as conn:
        found = conn.execute(text(
            "SELECT t.subject FROM tickets_fts f JOIN tickets t ON t.rowid = f.rowid "
            "WHERE tickets_fts MATCH 'scanner'")).scalars().all()
    assert found == ["Scanner jam"]
    assert _count(tbz.engine, ChangeLogEntry) == 0  # applying captured nothing
