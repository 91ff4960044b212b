"""Which tables branch init copies: every table of the models, except per-database
bookkeeping; a table sync does not carry must be decided on here too."""

from __future__ import annotations

from deskapp.models import Base
from deskapp.models.sync import SyncConflict, SyncDuplicate
from deskapp.services.sync import capture
from deskapp.services.sync.clone import COPIED_UNSYNCED, SKIP_TABLES, clone_tables


def test_every_table_is_copied_or_skipped_on_purpose() -> None:
    copied = {t.name for t in clone_tables()}
    assert copied | SKIP_TABLES == set(Base.metadata.tables)
    assert not copied & SKIP_TABLES
    # The conflict inbox and the duplicates queue are synced like domain tables.
    inbox = {SyncConflict.__tablename__, SyncDuplicate.__tablename__}
    assert {"tickets", "interactions", "users", "team_members"} | inbox <= copied


def test_a_table_sync_does_not_carry_is_either_skipped_or_copied_once() -> None:
    # A new per-database table listed in capture.NOT_SYNCED fails here until branch
    # init decides: skip it (SKIP_TABLES) or give the branch a copy (COPIED_UNSYNCED).
    undecided = set(capture.NOT_SYNCED) - SKIP_TABLES - COPIED_UNSYNCED
    assert not undecided, undecided
    assert {t.name for t in clone_tables()} >= COPIED_UNSYNCED


def test_parents_come_before_children() -> None:
    order = [t.name for t in clone_tables()]
    assert order.index("customers") < order.index("tickets") < order.index("interactions")
    assert order.index("users") < order.index("team_members")
