"""One SLA scanner per site: a lease row elects the workstation that scans.

Every workstation used to scan every 30 s; the database made each stage fire once,
but 200 workstations meant 200 scans for one result. Now each workstation's
scheduler ticks every ``TICK_SECONDS`` and asks the ``leases`` row named ``sla-scan``
(deskapp.models.feed.Lease):

- the holder renews it (``expires_at = now() + ttl``) and scans every
  ``scan_interval`` seconds;
- anyone else takes it only when it is free or expired, by one conditional UPDATE
  (``... WHERE holder = me OR holder IS NULL OR expires_at < now()``) — atomic on
  both databases, no advisory lock, nothing held between transactions, so it works
  through PgBouncer in transaction mode. PostgreSQL's clock decides expiry (no skew
  between workstations);
- a workstation that quits releases it; one that dies stops renewing, and the lease
  expires after ``ttl``: another takes over within ``ttl + TICK_SECONDS`` (30 + 10 s).

Hand-over loses and doubles nothing: a new holder scans at once and the scan raises
every stage due up to now (the scan has no memory of its own; the stage events'
unique key is what makes each stage fire once even if two ever scanned at the same
moment). ``deskapp sla check`` (cron) takes part as one more candidate.

The scanner covers every ticket of the database, so the lease is per database: one
site's central PostgreSQL, or a branch's own SQLite.

The holder also trims the change feed (retention) once an hour.

Qt-free.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, Integer, String, TextClause, bindparam, text

from deskapp.models import utcnow
from deskapp.models.types import UTCDateTime
from deskapp.services.sla_scan import RaisedStage

log = logging.getLogger(__name__)

SLA_LEASE = "sla-scan"
TTL_SECONDS = 30.0
TICK_SECONDS = 10.0
SCAN_INTERVAL_SECONDS = 30.0
TRIM_INTERVAL_SECONDS = 3600.0

_SELECT = "SELECT holder, epoch, expires_at FROM leases WHERE name = :name"


def holder_id(kind: str = "ws") -> str:
    """Who we are, for the lease row and for an admin reading it: host, process and a
    random part (two workstations on one host stay apart)."""
    return f"{kind}:{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"[:200]


@dataclass(frozen=True)
class LeaseState:
    held: bool
    holder: str | None
    epoch: int
    expires_at: datetime | None


class Lease:
    """``Lease(engine, "sla-scan", holder_id()).acquire()`` -> LeaseState."""

    def __init__(
        self, engine: Engine, name: str, holder: str, ttl_seconds: float = TTL_SECONDS
    ) -> None:
        self.engine = engine
        self.name = name
        self.holder = holder
        self.ttl_seconds = ttl_seconds
        self._pg = engine.dialect.name == "postgresql"

    def _now_sql(self) -> str:
        return "now()" if self._pg else ":now"

    def _expiry_sql(self) -> str:
        if self._pg:
            return "now() + make_interval(secs => :ttl)"
        return ":expires"

    def _params(self, sql: str) -> dict:
        now = utcnow()
        params = {"name": self.name, "me": self.holder}
        if ":ttl" in sql:
            params["ttl"] = float(self.ttl_seconds)
        if ":now" in sql:
            params["now"] = now
        if ":expires" in sql:
            params["expires"] = now + timedelta(seconds=self.ttl_seconds)
        return params

    @staticmethod
    def _text(sql: str) -> TextClause:
        stmt = text(sql)
        binds = [bindparam(k, type_=UTCDateTime()) for k in ("now", "expires") if f":{k}" in sql]
        if binds:
            stmt = stmt.bindparams(*binds)
        return stmt.columns(holder=String(), epoch=Integer(), expires_at=UTCDateTime())

    def acquire(self) -> LeaseState:
        """Take or renew the lease if it is ours, free or expired; the row after."""
        now, expires = self._now_sql(), self._expiry_sql()
        update = (
            f"UPDATE leases SET "
            f"epoch = CASE WHEN holder = :me THEN epoch ELSE epoch + 1 END, "
            f"acquired_at = CASE WHEN holder = :me THEN acquired_at ELSE {now} END, "
            f"holder = :me, renewed_at = {now}, expires_at = {expires} "
            f"WHERE name = :name AND (holder = :me OR holder IS NULL "
            f"OR expires_at IS NULL OR expires_at < {now}) "
            "RETURNING holder, epoch, expires_at"
        )
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO leases (name, holder, epoch) VALUES (:name, NULL, 0) "
                    "ON CONFLICT (name) DO NOTHING"
                ),
                {"name": self.name},
            )
            row = conn.execute(self._text(update), self._params(update)).first()
            if row is None:
                row = conn.execute(self._text(_SELECT), {"name": self.name}).first()
        assert row is not None
        return LeaseState(row.holder == self.holder, row.holder, int(row.epoch), row.expires_at)

    def release(self) -> None:
        """Give it up now (quitting): the next candidate need not wait for expiry."""
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE leases SET holder = NULL, expires_at = NULL "
                    "WHERE name = :name AND holder = :me"
                ),
                {"name": self.name, "me": self.holder},
            )

    def current(self) -> LeaseState:
        with self.engine.connect() as conn:
            row = conn.execute(self._text(_SELECT), {"name": self.name}).first()
        if row is None:
            return LeaseState(False, None, 0, None)
        return LeaseState(row.holder == self.holder, row.holder, int(row.epoch), row.expires_at)


ScanFunction = Callable[[datetime], list[RaisedStage]]


class LeasedScan:
    """The scheduler's job: ``LeasedScan(engine, scanner.scan)(now)``, called every
    ``TICK_SECONDS``; scans only while this workstation holds the site's lease."""

    def __init__(
        self,
        engine: Engine,
        scan: ScanFunction,
        *,
        holder: str | None = None,
        ttl_seconds: float = TTL_SECONDS,
        scan_interval_seconds: float = SCAN_INTERVAL_SECONDS,
        trim: Callable[[], int] | None = None,
        trim_interval_seconds: float = TRIM_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.lease = Lease(engine, SLA_LEASE, holder or holder_id(), ttl_seconds)
        self._scan = scan
        self._scan_interval = scan_interval_seconds
        self._trim = trim
        self._trim_interval = trim_interval_seconds
        self._clock = clock
        self._last_scan: float | None = None
        self._last_trim: float | None = None
        self._epoch: int | None = None
        self._lock = threading.Lock()
        self.state: LeaseState | None = None
        self.scans = 0

    @property
    def holding(self) -> bool:
        return self.state is not None and self.state.held

    def __call__(self, now: datetime) -> list[RaisedStage]:
        with self._lock:
            state = self.state = self.lease.acquire()
            if not state.held:
                self._epoch = None
                return []
            tick = self._clock()
            if state.epoch != self._epoch:
                # newly taken (or taken back): scan at once, catching up on all that
                # fell due while nobody held the lease
                log.info("SLA scan lease taken (epoch %s)", state.epoch)
                self._epoch = state.epoch
                self._last_scan = None
            raised: list[RaisedStage] = []
            if self._last_scan is None or tick - self._last_scan >= self._scan_interval:
                self._last_scan = tick
                raised = self._scan(now)
                self.scans += 1
            if self._trim is not None and (
                self._last_trim is None or tick - self._last_trim >= self._trim_interval
            ):
                self._last_trim = tick
                try:
                    self._trim()
                except Exception:  # the trim is housekeeping: the next holder retries
                    log.exception("change feed trim failed")
            return raised

    def release(self) -> None:
        with self._lock:
            try:
                if self.holding:
                    self.lease.release()
            finally:
                self.state = None
                self._epoch = None


# How long closing the window waits for the lease to be handed back.
RELEASE_WAIT_SECONDS = 3.0


class LeasedSlaScheduler:
    """The workstation's SLA scheduler under the site lease: an ``SlaScheduler`` that
    ticks every ``TICK_SECONDS`` with a ``LeasedScan``; ``stop()`` releases the lease
    so another workstation takes over at once. Same start/stop as ``SlaScheduler``."""

    def __init__(
        self,
        engine: Engine,
        scan: ScanFunction,
        on_raised: Callable[[list[RaisedStage]], None],
        *,
        tick_seconds: float = TICK_SECONDS,
        holder: str | None = None,
        ttl_seconds: float = TTL_SECONDS,
        scan_interval_seconds: float = SCAN_INTERVAL_SECONDS,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        from deskapp.services.feed_follow import trim_feed
        from deskapp.services.sla_scheduler import SlaScheduler

        trim = (lambda: trim_feed(engine)) if engine.dialect.name == "postgresql" else None
        self.leased = LeasedScan(
            engine, scan, holder=holder, ttl_seconds=ttl_seconds,
            scan_interval_seconds=scan_interval_seconds, trim=trim,
        )
        self.scheduler = SlaScheduler(
            self.leased, on_raised, interval_seconds=tick_seconds, on_error=on_error
        )

    @property
    def running(self) -> bool:
        return self.scheduler.running

    @property
    def holding(self) -> bool:
        return self.leased.holding

    def start(self) -> None:
        self.scheduler.start()

    def run_now(self) -> None:
        self.scheduler.run_now()

    def stop(self, wait: bool = True) -> None:
        """Stop ticking and hand the lease back. The release runs on a thread of its own
        (``stop`` is called from the GUI thread when the window closes) and is waited
        for at most ``RELEASE_WAIT_SECONDS``: with the database away the lease simply
        expires and another workstation takes over."""
        self.scheduler.stop(wait=wait)
        releasing = threading.Thread(target=self._release, name="sla-lease-release",
                                     daemon=True)
        releasing.start()
        releasing.join(RELEASE_WAIT_SECONDS)

    def _release(self) -> None:
        try:
            self.leased.release()
        except Exception:  # the database is away: the lease simply expires
            log.warning("could not release the SLA scan lease; it expires by itself")
