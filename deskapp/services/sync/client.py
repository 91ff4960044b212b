"""SyncClient: one sync run of a branch against the centre, and the branch's sync status.

A run: check the schema revisions (the side that is behind is named, nothing is
sent), check the clocks (a branch further than ``max_drift`` from the centre is
refused, the outbox kept), make sure every synced table is captured, push the whole
outbox (push.py), then pull the centre's feed (pull.py). Push comes first so every
local change gets its place in the merge before the branch takes the centre's rows.
Every step is safe to interrupt (kill -9 included): the next run continues.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select, text, update

from deskapp.models import utcnow
from deskapp.models.sync import ChangeLogEntry, SyncConflict, SyncState
from deskapp.services.sync import capture
from deskapp.services.sync.apply import last_seq
from deskapp.services.sync.errors import NotABranch, SchemaMismatch, SyncError
from deskapp.services.sync.hlc import DEFAULT_MAX_DRIFT, HybridClock
from deskapp.services.sync.pull import pull
from deskapp.services.sync.push import pending_count, push

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SyncReport:
    pushed: int
    pulled: int
    conflicts: int  # open conflicts after the run
    seconds: float


@dataclass(frozen=True)
class SyncStatus:
    site_code: str
    central_profile: str
    last_sync_at: datetime | None
    pending_changes: int
    open_conflicts: int
    last_error: str


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:
            return None


def _order(revision: str | None) -> int:
    try:
        return int(revision or 0)
    except ValueError:
        return -1


class SyncClient:
    def __init__(
        self,
        branch_engine: Engine,
        central_engine: Engine,
        *,
        clock: Callable[[], datetime] = utcnow,
        max_drift: timedelta = DEFAULT_MAX_DRIFT,
        batch_size: int = 1000,
        pull_limit: int = 5000,
        hook: Callable[[str], None] | None = None,
    ) -> None:
        self.branch = branch_engine
        self.central = central_engine
        self.clock = clock
        self.max_drift = max_drift
        self.batch_size = batch_size
        self.pull_limit = pull_limit
        # Test seam: called at named points ("sealed", "sent", "pull-read").
        self.hook = hook

    # -- status -------------------------------------------------------------------
    def _state(self) -> Any:
        with self.branch.connect() as conn:
            row = conn.execute(select(SyncState.__table__)).first()
        if row is None:
            raise NotABranch(
                "This database is not a branch office: set one up with `deskapp branch init`."
            )
        return row

    def status(self) -> SyncStatus:
        with self.branch.connect() as conn:
            st = conn.execute(select(SyncState.__table__)).first()
            if st is None:
                raise NotABranch("This database is not a branch office.")
            pending = pending_count(conn)
            conflicts = conn.scalar(
                select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")
            )
        return SyncStatus(
            site_code=st.site_code,
            central_profile=st.central_profile,
            last_sync_at=st.last_sync_at,
            pending_changes=pending,
            open_conflicts=int(conflicts or 0),
            last_error=st.last_error or "",
        )

    # -- checks -------------------------------------------------------------------
    def check_schema(self) -> None:
        mine, theirs = _revision(self.branch), _revision(self.central)
        if mine == theirs:
            return
        if _order(mine) < _order(theirs):
            raise SchemaMismatch(
                f"This branch's database is at schema {mine}, the centre's at {theirs}: "
                "upgrade this branch (install the same deskapp version as the centre and "
                "run `deskapp db upgrade`). Nothing was sent; the changes wait in the outbox.",
                upgrade="branch",
                branch=mine,
                centre=theirs,
            )
        raise SchemaMismatch(
            f"The centre's database is at schema {theirs}, this branch's at {mine}: the "
            "centre must be upgraded first (`deskapp db upgrade` against it). Nothing was "
            "sent; the changes wait in the outbox.",
            upgrade="centre",
            branch=mine,
            centre=theirs,
        )

    def check_clock(self, site: str) -> None:
        with self.central.connect() as conn:
            central_now = conn.execute(text("SELECT now()")).scalar()
        if isinstance(central_now, str):
            central_now = datetime.fromisoformat(central_now)
        HybridClock(site, self.clock).check_drift(central_now, self.max_drift)

    def _align_seq(self, site: str) -> None:
        """A new installation continues after the last batch the centre holds of its
        site, unless it has a sealed batch of its own waiting (then that is resent)."""
        with self.central.connect() as c:
            done = last_seq(c, site)
        with self.branch.begin() as conn:
            sealed = conn.scalar(
                select(func.count()).select_from(ChangeLogEntry).where(
                    ChangeLogEntry.batch_seq.is_not(None)
                )
            )
            if not sealed:
                conn.execute(
                    update(SyncState).where(SyncState.next_push_seq <= done).values(
                        next_push_seq=done + 1
                    )
                )

    # -- the run ------------------------------------------------------------------
    def sync(self, progress: Progress | None = None) -> SyncReport:
        import time

        started = time.perf_counter()
        state = self._state()
        site = state.site_code
        try:
            if progress:
                progress("check", 0, 0)
            self.check_schema()
            self.check_clock(site)
            with self.branch.begin() as conn:
                if capture.missing(conn):
                    capture.install(conn)
            self._align_seq(site)
            pushed = push(
                self.branch, self.central, site, batch_size=self.batch_size,
                progress=progress, hook=self.hook,
            )
            pulled = pull(
                self.branch, self.central, site, limit=self.pull_limit,
                progress=progress, hook=self.hook,
            )
        except SyncError as exc:
            self._record(error=exc.message)
            raise
        except Exception as exc:
            self._record(error=f"{type(exc).__name__}: {exc}")
            raise
        self._record(error="", synced=True)
        status = self.status()
        return SyncReport(pushed, pulled, status.open_conflicts, time.perf_counter() - started)

    def _record(self, *, error: str, synced: bool = False) -> None:
        values: dict = {"last_error": error[:2000]}
        if synced:
            values["last_sync_at"] = utcnow()
        try:
            with self.branch.begin() as conn:
                conn.execute(update(SyncState).where(SyncState.id == 1).values(**values))
        except Exception:  # noqa: BLE001 - the original error matters more
            log.exception("could not record the sync state")
