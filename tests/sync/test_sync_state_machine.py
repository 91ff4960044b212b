"""The whole desk converges: a hypothesis state machine with two branch SQLite sites
and the real central PostgreSQL doing what a desk does (calls, replies, status
changes, reassignment, customer edits, duplicate customers, deletes), syncing in any
order, crashing between any two steps, delivering batches twice, with clock offsets.

Invariant after settling: every site equals the centre, outboxes are empty, every
branch change reached the centre (applied or in the conflict inbox), no ticket number
was issued twice."""

from __future__ import annotations

import contextlib
import uuid
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select, update
from sqlalchemy.engine import make_url

from deskapp.models import Customer, Ticket, utcnow
from deskapp.models.database import make_engine
from deskapp.models.enums import Status
from deskapp.models.sync import ChangeLogEntry
from deskapp.services.customers import NewCustomer
from deskapp.services.errors import DeskError
from deskapp.services.facade import build_services
from deskapp.services.sync import apply as apply_mod
from deskapp.services.sync.client import SyncClient
from deskapp.services.sync.errors import ClockDrift
from deskapp.services.sync.push import seal
from deskapp.services.tickets import NewCall
from tests.helpers.databases import PG_ADMIN_URL, _libpq, drop_pg_database
from tests.sync.helpers import Site, make_branch, settle

pytestmark = pytest.mark.postgres

PHONES = ["09121110000", "09122220000", "09123330000"]
POINTS = ["sealed", "sent", "pull-read"]


class Crash(Exception):
    pass


def _fresh_central(template: str) -> str:
    name = f"deskapp_sm_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(PG_ADMIN_URL), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(template).database}"')
    return make_url(template).set(database=name).render_as_string(hide_password=False)


def desk_machine(template: str, directory: Path) -> type[RuleBasedStateMachine]:
    class DeskSync(RuleBasedStateMachine):
        tickets = Bundle("tickets")

        def __init__(self) -> None:
            super().__init__()
            self.url = _fresh_central(template)
            self.central = make_engine(self.url, pool_size=10)
            self.hq = Site("HQ", self.central, build_services(self.central, site_code="HQ"))
            self.branches = [
                make_branch(self.central, code, directory) for code in ("TBZ", "MHD")
            ]
            self.last_batch: dict[str, tuple[int, list]] = {}

        def teardown(self) -> None:
            for b in self.branches:
                b.engine.dispose()
            self.central.dispose()
            drop_pg_database(self.url)

        @property
        def sites(self) -> list[Site]:
            return [self.hq, *self.branches]

        @initialize(target=tickets)
        def first_ticket(self):
            return self._log(self.branches[0], 0)

        def _log(self, site: Site, phone: int) -> uuid.UUID:
            t = site.services.tickets.log_call(
                site.actor("ali"),
                NewCall(subject=f"call at {site.code}", new_customer=NewCustomer(
                    name=f"Customer {phone}", phones=[PHONES[phone]])),
            ).ticket
            return t.id

        def _version(self, site: Site, ticket_id: uuid.UUID) -> int | None:
            with site.engine.connect() as conn:
                return conn.scalar(select(Ticket.version).where(Ticket.id == ticket_id))

        # -- desk work ------------------------------------------------------------
        @rule(target=tickets, site=st.integers(0, 2), phone=st.integers(0, 2))
        def log_call(self, site, phone):
            # Two sites logging a call for the same phone make duplicate customers.
            return self._log(self.sites[site], phone)

        @rule(site=st.integers(0, 2), ticket=tickets, text=st.sampled_from(["ok", "سلام"]))
        def reply(self, site, ticket, text):
            s = self.sites[site]
            if self._version(s, ticket) is None:
                return  # not pulled there yet
            with contextlib.suppress(DeskError):
                s.services.tickets.add_interaction(s.actor("maryam"), ticket, "call", text)

        @rule(site=st.integers(0, 2), ticket=tickets,
              status=st.sampled_from([Status.OPEN, Status.PENDING_CUSTOMER, Status.RESOLVED,
                                      Status.CLOSED]))
        def change_status(self, site, ticket, status):
            s = self.sites[site]
            v = self._version(s, ticket)
            if v is None:
                return
            with contextlib.suppress(DeskError):
                s.services.tickets.change_status(s.actor("maryam"), ticket, v, status)

        @rule(site=st.integers(0, 2), ticket=tickets, who=st.sampled_from(["sara", "reza", "ali"]))
        def reassign(self, site, ticket, who):
            s = self.sites[site]
            v = self._version(s, ticket)
            if v is None:
                return
            with contextlib.suppress(DeskError):
                s.services.tickets.assign(s.actor("maryam"), ticket, v, s.actor(who).user_id)

        @rule(site=st.integers(0, 2), note=st.sampled_from(["", "VIP", "angry"]))
        def edit_customer(self, site, note):
            s = self.sites[site]
            with s.engine.begin() as conn:
                cid = conn.scalar(select(Customer.id).order_by(Customer.id).limit(1))
                if cid is not None:
                    conn.execute(
                        update(Customer).where(Customer.id == cid).values(
                            warning_note=note, updated_at=utcnow(),
                            version=Customer.version + 1))

        @rule(site=st.integers(0, 2), ticket=tickets)
        def delete_ticket(self, site, ticket):
            s = self.sites[site]
            with s.engine.begin() as conn:
                conn.execute(
                    update(Ticket).where(Ticket.id == ticket, Ticket.deleted_at.is_(None))
                    .values(deleted_at=utcnow(), updated_at=utcnow(),
                            version=Ticket.version + 1))

        # -- sync -----------------------------------------------------------------
        @rule(branch=st.integers(0, 1), skew=st.sampled_from([0, -90, 120]))
        def sync(self, branch, skew):
            b = self.branches[branch]
            SyncClient(b.engine, self.central,
                       clock=lambda: utcnow() + timedelta(seconds=skew)).sync()

        @rule(branch=st.integers(0, 1), point=st.sampled_from(POINTS))
        def crash(self, branch, point):
            def hook(where):
                if where == point:
                    raise Crash(where)

            with contextlib.suppress(Crash):
                SyncClient(self.branches[branch].engine, self.central, hook=hook).sync()

        @rule(branch=st.integers(0, 1))
        def far_clock_refused(self, branch):
            b = self.branches[branch]
            with b.engine.connect() as conn:
                before = conn.scalar(select(func.count()).select_from(ChangeLogEntry))
            with pytest.raises(ClockDrift):
                SyncClient(b.engine, self.central,
                           clock=lambda: utcnow() - timedelta(hours=3)).sync()
            with b.engine.connect() as conn:
                assert conn.scalar(select(func.count()).select_from(ChangeLogEntry)) == before

        @rule(branch=st.integers(0, 1))
        def duplicate_delivery(self, branch):
            """Seal a batch, deliver it, then deliver it again (a retry after a lost
            reply), and once more after a newer one (reordered): the replays change
            nothing."""
            b = self.branches[branch]
            SyncClient(b.engine, self.central)._align_seq(b.code)
            batch = seal(b.engine, 50)
            if batch is None:
                return
            seq, changes = batch
            first = apply_mod.apply_batch(self.central, b.code, seq, changes)
            again = apply_mod.apply_batch(self.central, b.code, seq, changes)
            assert again["replayed"] and again["touched"] == first["touched"]
            if b.code in self.last_batch:
                old_seq, old_changes = self.last_batch[b.code]
                assert apply_mod.apply_batch(self.central, b.code, old_seq, old_changes)[
                    "replayed"]
            self.last_batch[b.code] = (seq, changes)

        # -- the invariant, after settling ----------------------------------------
        def check_settled(self) -> None:
            assert settle(self.central, self.branches) == []
            for b in self.branches:
                with b.engine.connect() as conn:
                    assert conn.scalar(select(func.count()).select_from(ChangeLogEntry)) == 0
            with self.central.connect() as conn:
                refs = conn.execute(select(Ticket.reference)).scalars().all()
            assert len(refs) == len(set(refs))

    return DeskSync


def test_the_whole_desk_converges(central_template, tmp_path):
    machine = desk_machine(central_template, tmp_path)

    class Settled(machine):  # type: ignore[misc, valid-type]
        def teardown(self) -> None:
            try:
                self.check_settled()
            finally:
                super().teardown()

    run_state_machine_as_test(
        Settled,
        settings=settings(
            max_examples=4,
            stateful_step_count=14,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )
