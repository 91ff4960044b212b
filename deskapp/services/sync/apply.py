"""The centre's side of a push: apply one numbered batch exactly once.

``apply_batch`` runs in ONE central transaction: it inserts the ``sync_batches`` row
(site, seq) first — a concurrent duplicate delivery blocks on the unique key and then
finds the stored result — merges every change (merge.py) and stores the result with
the batch. A replayed batch (the branch crashed after the centre committed, before it
recorded the reply) returns the stored result and changes nothing; a batch whose
content differs from the stored one under the same number is refused.

``SET LOCAL deskapp.origin_site`` (via set_config(..., true): transaction scoped, so it
works through PgBouncer in transaction mode) makes the change feed mark every row the
batch wrote with the branch's site, so the branch does not pull them back; instead it
re-reads the rows listed in the result (``touched``) when it records the reply.
A large batch also sets ``deskapp.quiet_notify`` and announces itself with one NOTIFY
instead of one per row (QUIET_NOTIFY_FROM).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from deskapp.models.base import utcnow
from deskapp.models.sync import SyncBatch
from deskapp.services.changes import CHANNEL, FULL_REFRESH_PAYLOAD
from deskapp.services.sync.errors import SyncError
from deskapp.services.sync.merge import Change, Merger

# A batch of at least this many changes does not NOTIFY per row (migration 0019): the
# change feed carries every row, and workstations listening directly get one notice to
# reload (a listener turns a few thousand notices into a reload anyway).
QUIET_NOTIFY_FROM = 200


def fingerprint(changes: Sequence[Change]) -> str:
    digest = hashlib.sha256()
    for c in changes:
        digest.update(json.dumps(c.as_dict(), sort_keys=True).encode())
    return digest.hexdigest()


def last_seq(conn: Any, site: str) -> int:
    """The highest batch number the centre applied for ``site`` (0: none). A new
    branch installation starts at this + 1."""
    return int(conn.scalar(select(func.coalesce(func.max(SyncBatch.seq), 0)).where(
        SyncBatch.site == site)) or 0)


def apply_batch(
    central: Engine,
    site: str,
    seq: int,
    changes: Sequence[Change],
    *,
    known_cursor: tuple[int, int] = (0, 0),
) -> dict[str, Any]:
    print_ = fingerprint(changes)
    for _attempt in range(3):
        try:
            return _apply_once(central, site, seq, changes, print_, known_cursor)
        except IntegrityError as exc:
            # Another delivery of the same batch committed first: return its result.
            if "uq_sync_batches_site_seq" not in str(exc):
                raise
    raise SyncError(f"batch {site}/{seq} could not be applied", code="sync.failed")


def _stored(conn: Any, site: str, seq: int, print_: str) -> dict[str, Any] | None:
    row = conn.execute(
        select(SyncBatch.result).where(SyncBatch.site == site, SyncBatch.seq == seq)
    ).first()
    if row is None:
        return None
    result = dict(row[0] or {})
    if result.get("fingerprint") not in (None, print_):
        raise SyncError(
            f"The centre already holds a different batch {seq} from {site}: this branch "
            "database does not match the centre's record (restored from an old backup?). "
            "Set it up again with `deskapp branch init`.",
            code="sync.batch_mismatch",
            site=site,
            seq=seq,
        )
    result["replayed"] = True
    return result


def _apply_once(
    central: Engine,
    site: str,
    seq: int,
    changes: Sequence[Change],
    print_: str,
    known_cursor: tuple[int, int],
) -> dict[str, Any]:
    with central.begin() as conn:
        stored = _stored(conn, site, seq, print_)
        if stored is not None:
            return stored
        expected = last_seq(conn, site) + 1
        if seq != expected:
            raise SyncError(
                f"Batch {seq} from {site} is out of order: the centre expects {expected}.",
                code="sync.batch_order",
                site=site,
                seq=seq,
                expected=expected,
            )
        batch_id = conn.execute(
            insert(SyncBatch)
            .values(site=site, seq=seq, change_count=len(changes), result={},
                    applied_at=utcnow())
            .returning(SyncBatch.id)
        ).scalar_one()
        quiet = conn.dialect.name == "postgresql" and len(changes) >= QUIET_NOTIFY_FROM
        if conn.dialect.name == "postgresql":
            conn.execute(
                text("SELECT set_config('deskapp.origin_site', :site, true)"), {"site": site}
            )
        if quiet:
            conn.execute(text("SELECT set_config('deskapp.quiet_notify', 'on', true)"))
        merger = Merger(conn, site, known_cursor)
        merger.apply_all(list(changes))
        if quiet:  # one notice for the whole batch, delivered at commit like the others
            conn.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": CHANNEL, "payload": FULL_REFRESH_PAYLOAD},
            )
        result = merger.result.as_dict()
        result.update(site=site, seq=seq, fingerprint=print_, replayed=False)
        conn.execute(update(SyncBatch).where(SyncBatch.id == batch_id).values(result=result))
        return result
