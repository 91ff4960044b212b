"""Simulated call-centre workstations, in a few processes, on one PostgreSQL.

Each simulated workstation is what the real one runs minus the widgets: its own
``Services`` (pool 2 + 2) on the database URL, a change follower (the feed poller
behind PgBouncer, or a LISTEN connection when direct), and the SLA scheduler under
the site lease (``LeasedSlaScheduler``). An action thread does the work of an agent
(log a call, reply, change a status) or a supervisor (reassign a ticket it saw arrive
through its follower) every ``period`` seconds on average.

    config = prepare(direct_url, workstations=20, ...)        # a desk, SLA tickets
    result = run(config, processes=4, kill_holder_after=12)   # spawn, measure, collect

Used by tests/integration/test_call_centre_pg.py (20 workstations, through a real
PgBouncer) and benchmarks/call_centre.py (200, and 20 direct as the reference).
A worker process is ``python -m tests.helpers.call_centre worker CONFIG INDEX OUT``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


# -- set-up (the orchestrating process) -------------------------------------------
def _cheap_passwords() -> None:
    from deskapp.services import passwords

    if hasattr(passwords, "ScryptParams"):
        passwords.CURRENT = passwords.ScryptParams(2**4, 8, 1)


def prepare(
    direct_url: str,
    *,
    workstations: int,
    supervisors_every: int = 10,
    sla_tickets: int = 10,
    duration: float = 30.0,
    period: float = 20.0,
    route_url: str | None = None,
    follower: str = "feed",  # "feed" or "listen"
    tick_seconds: float = 10.0,
    ttl_seconds: float = 30.0,
    scan_interval_seconds: float = 30.0,
    poll_interval: float = 1.0,
    start_delay: float = 8.0,
) -> dict[str, Any]:
    """Create the staff (agents, and a supervisor every ``supervisors_every``), an
    urgent SLA policy on a 24/7 calendar and ``sla_tickets`` e-mail tickets whose
    first-response warning falls due at moments spread over the run."""
    from deskapp.models.enums import Channel, Priority, Role
    from deskapp.services.customers import NewCustomer
    from deskapp.services.facade import build_services, ensure_site
    from deskapp.services.permissions import SYSTEM
    from deskapp.services.sla_admin import PolicyDraft
    from deskapp.services.tickets import NewCall
    from tests.helpers.sla import FakeClock, round_the_clock

    _cheap_passwords()
    clock = FakeClock(datetime.now(UTC))
    services = build_services(direct_url, clock=clock)
    try:
        ensure_site(services, "HQ", "Call centre")
        staff = services.staff
        staff.create_user(SYSTEM, "manager", "Manager", Role.MANAGER, "x" * 12)
        names = []
        for i in range(workstations):
            supervisor = supervisors_every and i % supervisors_every == supervisors_every - 1
            username = f"sup{i:03d}" if supervisor else f"agent{i:03d}"
            role = Role.SUPERVISOR if supervisor else Role.AGENT
            staff.create_user(SYSTEM, username, username.title(), role, "x" * 12)
            names.append(username)
        staff.create_team(SYSTEM, "Front desk", skills=["general"])
        for username in names:
            staff.add_member(SYSTEM, "Front desk", username)
        manager = staff.actor("manager")
        cal = services.sla_admin.create_calendar(manager, round_the_clock())
        services.sla_admin.create_policy(
            manager,
            PolicyDraft(
                name="Urgent", priority="urgent", segment=None, first_response_minutes=30,
                resolution_minutes=240, warning_stages=(75, 90), calendar_id=cal.id,
                is_default=True,
            ),
        )
        # Ticket j's first-response warning (75 % of 30 min = 22.5 min) falls due at
        # start + offset_j, offsets spread over the first 80 % of the run.
        start_at = time.time() + start_delay
        agent = staff.actor(names[0])
        for j in range(sla_tickets):
            offset = duration * 0.8 * j / max(1, sla_tickets - 1)
            clock.now = datetime.fromtimestamp(start_at + offset, UTC) - timedelta(minutes=22.5)
            services.tickets.log_call(
                agent,
                NewCall(
                    subject=f"SLA ticket {j}", channel=Channel.EMAIL, priority=Priority.URGENT,
                    new_customer=NewCustomer(f"SLA customer {j}"),
                ),
            )
    finally:
        services.dispose()
    return {
        "url": route_url or direct_url,
        "direct_url": direct_url,
        "names": names,
        "duration": duration,
        "period": period,
        "follower": follower,
        "tick_seconds": tick_seconds,
        "ttl_seconds": ttl_seconds,
        "scan_interval_seconds": scan_interval_seconds,
        "poll_interval": poll_interval,
        "start_at": start_at,
        "drain_seconds": max(3.0, 3 * poll_interval),
    }


# -- one workstation (inside a worker process) ------------------------------------
@dataclass
class WsResult:
    writes: list[tuple[str, str, int | None, float]] = field(default_factory=list)
    ok: Counter = field(default_factory=Counter)
    refused: Counter = field(default_factory=Counter)  # expected: optimistic locking
    failed: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    raised: list[tuple[str, str, str, float]] = field(default_factory=list)
    polls: int = 0
    queries: int = 0
    poll_seconds: list[float] = field(default_factory=list)  # wall time of each poll
    # when the follower started following: changes committed before it are covered by
    # the full refresh a starting follower asks for, not by the feed
    follow_from: float = 0.0
    last_poll_started: float = 0.0


class Received:
    """key -> [(workstation, first receive time)], shared by a process's followers."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.by_key: dict[str, list[tuple[int, float]]] = defaultdict(list)

    def add(self, ws: int, changes: Any, now: float, seen: set[str]) -> list[str]:
        keys = []
        for c in changes:
            if c.table == "tickets":
                key = f"t:{c.id}:{c.version}"
            elif c.table == "interactions":
                key = f"i:{c.id}"
            else:
                continue
            if key in seen:
                continue
            seen.add(key)
            keys.append(key)
        if keys:
            with self.lock:
                for key in keys:
                    self.by_key[key].append((ws, now))
        return keys


class Workstation:
    def __init__(self, index: int, username: str, config: dict, received: Received) -> None:
        from deskapp.models.database import measure_pool_waits
        from deskapp.services.facade import build_services

        self.index = index
        self.config = config
        self.services = build_services(config["url"])
        self.waits = measure_pool_waits(self.services.engine)
        self.actor = self.services.staff.actor(username)
        self.supervisor = username.startswith("sup")
        self.result = WsResult()
        self.received = received
        self.rng = random.Random(index * 7919 + os.getpid())
        self.own: dict[uuid.UUID, int] = {}  # my tickets -> version I last saw
        self.status: dict[uuid.UUID, Any] = {}
        self.seen_tickets: dict[uuid.UUID, int] = {}  # via the follower
        self.agents = [n for n in config["names"] if n.startswith("agent")]
        self._agent_ids: dict[str, uuid.UUID] = {}
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._seen: set[str] = set()
        self.scheduler = None

    # followers -------------------------------------------------------------------
    def _follow_feed(self) -> None:
        from deskapp.services.feed_follow import FeedPoller

        poller = FeedPoller(self.services.engine)
        interval = self.config["poll_interval"]
        start_at = self.config["start_at"]
        end_at = start_at + self.config["duration"]
        # jitter the first poll so two hundred followers do not poll in step
        self._stop.wait(self.rng.uniform(0, interval))
        try:
            while not self._stop.is_set():
                started = time.time()
                self.result.last_poll_started = started
                try:
                    result = poller.poll()
                except Exception as exc:  # noqa: BLE001
                    self.result.failed[f"poll:{type(exc).__name__}"] += 1
                    self.result.failures.append(f"poll: {exc!s:.200}")
                    poller.reset()
                else:
                    if not self.result.follow_from:
                        self.result.follow_from = time.time()
                    self._on_changes(result.changes)
                    if start_at <= started < end_at:
                        self.result.queries += 1  # polls during the measured window
                        self.result.poll_seconds.append(time.time() - started)
                self._stop.wait(interval)
        finally:
            self.result.polls = poller.polls
            poller.close()

    def _follow_listen(self) -> None:
        import psycopg

        from deskapp.services.changes import CHANNEL, listener_conninfo, parse_payload

        conn = psycopg.connect(listener_conninfo(self.services.engine.url), autocommit=True)
        try:
            conn.execute(f"LISTEN {CHANNEL}")
            self.result.follow_from = time.time()
            while not self._stop.is_set():
                for n in conn.notifies(timeout=0.5):
                    change = parse_payload(n.payload)
                    if change is not None:
                        self._on_changes([change])
        finally:
            conn.close()

    def _on_changes(self, changes: Any) -> None:
        now = time.time()
        self.received.add(self.index, changes, now, self._seen)
        if self.supervisor:
            for c in changes:
                if c.table == "tickets" and c.id is not None and c.version is not None:
                    self.seen_tickets[c.id] = max(c.version, self.seen_tickets.get(c.id, 0))

    # the SLA scheduler -------------------------------------------------------------
    def _on_raised(self, raised: Any) -> None:
        now = time.time()
        for r in raised:
            self.result.raised.append((str(r.ticket_id), r.clock.value, r.stage, now))

    def start_scheduler(self) -> None:
        from deskapp.services.sla_lease import LeasedSlaScheduler, holder_id

        self.scheduler = LeasedSlaScheduler(
            self.services.engine, self.services.sla_scanner.scan, self._on_raised,
            tick_seconds=self.config["tick_seconds"], ttl_seconds=self.config["ttl_seconds"],
            scan_interval_seconds=self.config["scan_interval_seconds"],
            holder=f"{holder_id('sim')}:ws{self.index}",
        )
        self.scheduler.start()

    # work ---------------------------------------------------------------------------
    def _record(self, table: str, row_id: uuid.UUID, version: int | None, kind: str) -> None:
        self.result.writes.append((table, str(row_id), version, time.time()))
        self.result.ok[kind] += 1

    def _act(self) -> None:
        from deskapp.models.enums import Direction, InteractionKind, Status
        from deskapp.services.customers import NewCustomer
        from deskapp.services.errors import StaleUpdate
        from deskapp.services.tickets import NewCall

        tickets = self.services.tickets
        kind = "?"
        try:
            if self.supervisor:
                kind = "reassign"
                if not self.seen_tickets:
                    return
                ticket_id = self.rng.choice(list(self.seen_tickets)[-50:])
                version = self.seen_tickets[ticket_id]
                name = self.rng.choice(self.agents)
                if name not in self._agent_ids:
                    self._agent_ids[name] = self.services.staff.actor(name).user_id
                moved = tickets.assign(
                    self.actor, ticket_id, version, self._agent_ids[name], reason="load"
                )
                self.seen_tickets[ticket_id] = moved.version
                self._record("tickets", moved.id, moved.version, kind)
                return
            roll = self.rng.random()
            if roll < 0.4 or not self.own:
                kind = "log_call"
                detail = tickets.log_call(
                    self.actor,
                    NewCall(
                        subject=f"Call {self.rng.randrange(10**6)}",
                        notes="Line drops in the evening.",
                        new_customer=NewCustomer(f"Customer {self.rng.randrange(10**6)}"),
                    ),
                )
                self.own[detail.ticket.id] = detail.ticket.version
                self.status[detail.ticket.id] = detail.ticket.status
                self._record("tickets", detail.ticket.id, detail.ticket.version, kind)
            elif roll < 0.7:
                kind = "reply"
                ticket_id = self.rng.choice(list(self.own))
                info = tickets.add_interaction(
                    self.actor, ticket_id, InteractionKind.NOTE, "Called the customer back.",
                    Direction.INTERNAL,
                )
                self._record("interactions", info.id, None, kind)
            else:
                kind = "status"
                ticket_id = self.rng.choice(list(self.own))
                status = (
                    Status.OPEN if self.status.get(ticket_id) is Status.PENDING_CUSTOMER
                    else Status.PENDING_CUSTOMER
                )
                try:
                    summary = tickets.change_status(
                        self.actor, ticket_id, self.own[ticket_id], status
                    )
                except StaleUpdate:
                    self.result.refused[kind] += 1
                    fresh = tickets.get(self.actor, ticket_id).ticket
                    self.own[ticket_id], self.status[ticket_id] = fresh.version, fresh.status
                    return
                self.own[ticket_id] = summary.version
                self.status[ticket_id] = summary.status
                self._record("tickets", summary.id, summary.version, kind)
        except StaleUpdate:
            self.result.refused[kind] += 1
        except Exception as exc:  # noqa: BLE001
            if type(exc).__name__ in ("PermissionDenied", "ValidationFailed", "Conflict"):
                # the ticket moved on (reassigned, closed) meanwhile: the app says so
                self.result.refused[f"{kind}:{type(exc).__name__}"] += 1
            else:
                self.result.failed[f"{kind}:{type(exc).__name__}"] += 1
                self.result.failures.append(f"{kind}: {exc!s:.300}")

    def _work(self) -> None:
        start_at, end_at = self.config["start_at"], self.config["start_at"] + self.config[
            "duration"
        ]
        period = self.config["period"]
        # first action at a random moment of the first period
        delay = max(0.0, start_at - time.time()) + self.rng.uniform(0, period)
        while not self._stop.wait(delay):
            if time.time() >= end_at:
                return
            self._act()
            delay = self.rng.uniform(0.5 * period, 1.5 * period)

    def start(self) -> None:
        follow = self._follow_listen if self.config["follower"] == "listen" else self._follow_feed
        for target in (follow, self._work):
            t = threading.Thread(target=target, daemon=True, name=f"ws{self.index}")
            t.start()
            self._threads.append(t)
        self.start_scheduler()

    def stop_work(self) -> None:
        self._threads[1].join()

    def stop(self) -> None:
        self._stop.set()
        if self.scheduler is not None:
            self.scheduler.stop()
        for t in self._threads:
            t.join(10)
        self.services.dispose()

    def summary(self) -> dict[str, Any]:
        d = asdict(self.result)
        d["ok"], d["refused"], d["failed"] = (
            dict(self.result.ok), dict(self.result.refused), dict(self.result.failed)
        )
        d["pool_waits"] = self.waits.samples
        return d


def worker_main(config_path: str, index: int, out_path: str) -> None:
    import logging

    # a tick that finds the previous one still running (a starved CPU) is skipped and
    # said so once per workstation per tick: hundreds of lines that say nothing here
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    config = json.loads(Path(config_path).read_text())
    mine = [
        (i, name) for i, name in enumerate(config["names"])
        if i % config["processes"] == index
    ]
    received = Received()
    stations = [Workstation(i, name, config, received) for i, name in mine]
    for ws in stations:
        ws.start()
    Path(out_path + ".ready").write_text(str(os.getpid()))
    for ws in stations:
        ws.stop_work()
    # let the followers see the last writes: each polls once more after the end (a
    # starved CPU makes that late), and LISTEN gets a few seconds
    end_at = config["start_at"] + config["duration"]
    deadline = time.time() + 120
    time.sleep(config["drain_seconds"])
    if config["follower"] == "feed":
        while time.time() < deadline and any(
            ws.result.last_poll_started < end_at + 1.0 for ws in stations
        ):
            time.sleep(0.2)
        time.sleep(1.0)
    cpu = os.times()
    for ws in stations:
        ws.stop()
    out = {
        "cpu_seconds": cpu.user + cpu.system,
        "pid": os.getpid(),
        "workstations": {str(ws.index): ws.summary() for ws in stations},
        "received": received.by_key,
    }
    Path(out_path).write_text(json.dumps(out))


# -- the run (the orchestrating process) ------------------------------------------
@dataclass
class RunResult:
    workstations: int
    survivors: int
    duration: float
    writes: int
    ok: dict
    refused: dict
    failed: dict
    failures: list
    propagation: dict  # p50/p95/p99/max seconds, n
    missing: list  # (key, workstation) a surviving follower never got
    raised: list  # (ticket, clock, stage, time, ws)
    doubled: list
    lease: dict
    server_connections_peak: int
    client_connections_peak: int
    feed_queries_per_second: float
    xact_per_second: float
    pg_cpu_seconds: float
    pool_wait: dict
    poll_time: dict = field(default_factory=dict)
    worker_cpu_seconds: float = 0.0  # the simulating processes' CPU, all of it
    bouncer_cpu_seconds: float = 0.0
    killed_pid: int | None = None
    takeover_seconds: float | None = None


def _percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    values = sorted(values)

    def q(p: float) -> float:
        return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]

    return {
        "n": len(values), "p50": q(0.50), "p95": q(0.95), "p99": q(0.99), "max": values[-1],
        "mean": statistics.fmean(values),
    }


class _Sampler(threading.Thread):
    """Every second: server connections (PgBouncer's SHOW POOLS, or pg_stat_activity),
    and the CPU time of the server processes serving our database."""

    def __init__(self, direct_url: str, database: str, bouncer: Any) -> None:
        super().__init__(daemon=True)
        self.direct_url, self.database, self.bouncer = direct_url, database, bouncer
        self.stop_event = threading.Event()
        self.server_peak = 0
        self.client_peak = 0
        self.cpu: dict[int, tuple[float, float]] = {}  # pid -> (first, last) seconds
        self.errors = 0
        self.bouncer_first: float | None = None
        self.bouncer_cpu = 0.0

    def run(self) -> None:
        import psycopg

        from tests.helpers.databases import _libpq

        tick = os.sysconf("SC_CLK_TCK")
        with psycopg.connect(_libpq(self.direct_url), autocommit=True) as conn:
            while not self.stop_event.wait(1.0):
                try:
                    pids = [
                        r[0] for r in conn.execute(
                            "SELECT pid FROM pg_stat_activity WHERE datname = %s "
                            "AND pid <> pg_backend_pid()", (self.database,),
                        )
                    ]
                    if self.bouncer is not None:
                        self.server_peak = max(
                            self.server_peak, self.bouncer.server_connections(self.database)
                        )
                        clients = sum(
                            int(r["cl_active"]) + int(r["cl_waiting"])
                            for r in self.bouncer.admin("SHOW POOLS")
                            if r["database"] == self.database
                        )
                        self.client_peak = max(self.client_peak, clients)
                    else:
                        self.server_peak = max(self.server_peak, len(pids))
                        self.client_peak = max(self.client_peak, len(pids))
                    for pid in pids:
                        cpu = _proc_cpu(pid, tick)
                        if cpu is None:
                            continue
                        first = self.cpu.get(pid, (cpu, cpu))[0]
                        self.cpu[pid] = (first, cpu)
                    if self.bouncer is not None:
                        cpu = _proc_cpu(self.bouncer.process.pid, tick)
                        if cpu is not None:
                            if self.bouncer_first is None:
                                self.bouncer_first = cpu
                            self.bouncer_cpu = cpu - self.bouncer_first
                except Exception:  # noqa: BLE001 - a sample missed is not a result
                    self.errors += 1

    @property
    def cpu_seconds(self) -> float:
        return sum(last - first for first, last in self.cpu.values())


def _proc_cpu(pid: int, tick: int) -> float | None:
    try:
        parts = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(parts[11]) + int(parts[12])) / tick
    except (OSError, IndexError, ValueError):
        return None


def _xact_commit(direct_url: str, database: str) -> int:
    import psycopg

    from tests.helpers.databases import _libpq

    with psycopg.connect(_libpq(direct_url), autocommit=True) as conn:
        return int(
            conn.execute(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s",
                (database,),
            ).fetchone()[0]
        )


def _lease_row(direct_url: str) -> tuple[str | None, int]:
    import psycopg

    from tests.helpers.databases import _libpq

    with psycopg.connect(_libpq(direct_url), autocommit=True) as conn:
        row = conn.execute(
            "SELECT holder, epoch FROM leases WHERE name = 'sla-scan' AND expires_at > now()"
        ).fetchone()
    return (row[0], int(row[1])) if row else (None, 0)


def run(
    config: dict[str, Any],
    *,
    processes: int,
    bouncer: Any = None,
    kill_holder_after: float | None = None,
    log=print,  # noqa: ANN001
) -> RunResult:
    from sqlalchemy.engine import make_url

    config = dict(config, processes=processes)
    database = make_url(config["direct_url"]).database
    workdir = Path(tempfile.mkdtemp(prefix="deskapp-callcentre-"))
    config_path = workdir / "config.json"
    config_path.write_text(json.dumps(config))
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    procs = []
    for i in range(processes):
        out = workdir / f"out-{i}.json"
        procs.append(
            (
                subprocess.Popen(
                    [sys.executable, "-m", "tests.helpers.call_centre", "worker",
                     str(config_path), str(i), str(out)],
                    cwd=ROOT, env=env,
                ),
                out,
            )
        )
    sampler = _Sampler(config["direct_url"], database, bouncer)
    killed_pid = None
    takeover = None
    epochs = []
    try:
        deadline = time.time() + 120
        while not all(Path(str(out) + ".ready").exists() for _, out in procs):
            for p, _ in procs:
                if p.poll() is not None:
                    raise RuntimeError(f"a worker exited early with {p.returncode}")
            if time.time() > deadline:
                raise RuntimeError("workers did not start")
            time.sleep(0.2)
        log(f"{len(config['names'])} workstations in {processes} processes started")
        if time.time() > config["start_at"]:
            log("warning: the workers started after the planned start; the run is shorter")
        while time.time() < config["start_at"]:
            time.sleep(0.05)
        xact0 = _xact_commit(config["direct_url"], database)
        t0 = time.time()
        sampler.start()
        end_at = config["start_at"] + config["duration"]
        holder, epoch = None, 0
        while time.time() < end_at:
            holder, epoch = _lease_row(config["direct_url"])
            if not epochs or epochs[-1][1] != epoch:
                epochs.append((holder, epoch, time.time() - t0))
            if (
                kill_holder_after is not None and killed_pid is None and holder
                and time.time() - t0 >= kill_holder_after
            ):
                for p, _ in procs:
                    if f":{p.pid}:" in holder and p.poll() is None:
                        p.send_signal(signal.SIGKILL)
                        p.wait()
                        killed_pid = p.pid
                        killed_at = time.time()
                        log(f"killed the SLA lease holder's process {p.pid} ({holder})")
                        break
            if killed_pid is not None and takeover is None and holder and (
                f":{killed_pid}:" not in holder
            ):
                takeover = time.time() - killed_at
                log(f"lease taken over after {takeover:.1f} s by {holder}")
            time.sleep(0.5)
        elapsed = time.time() - t0
        xact1 = _xact_commit(config["direct_url"], database)
        for p, _ in procs:
            p.wait(timeout=max(60, config["duration"]))
    finally:
        sampler.stop_event.set()
        for p, _ in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    outs = [json.loads(out.read_text()) for p, out in procs if p.pid != killed_pid]
    return _collect(config, outs, elapsed, sampler, xact1 - xact0, epochs, killed_pid, takeover)


def _collect(
    config: dict, outs: list[dict], elapsed: float, sampler: _Sampler, xacts: int,
    epochs: list, killed_pid: int | None, takeover: float | None,
) -> RunResult:
    stations: dict[int, dict] = {}
    received: dict[str, list] = defaultdict(list)
    for out in outs:
        for k, v in out["workstations"].items():
            stations[int(k)] = v
        for key, got in out["received"].items():
            received[key].extend(got)
    survivors = set(stations)
    ok: Counter = Counter()
    refused: Counter = Counter()
    failed: Counter = Counter()
    failures: list[str] = []
    latencies: list[float] = []
    missing: list = []
    raised: list = []
    waits: list[float] = []
    poll_times: list[float] = []
    queries = 0
    writes = 0
    for ws, s in stations.items():
        ok.update(s["ok"])
        refused.update(s["refused"])
        failed.update(s["failed"])
        failures.extend(s["failures"][:5])
        waits.extend(s["pool_waits"])
        poll_times.extend(s["poll_seconds"])
        queries += s["queries"]
        raised.extend((*r, ws) for r in s["raised"])
        for table, row_id, version, t in s["writes"]:
            writes += 1
            key = f"t:{row_id}:{version}" if table == "tickets" else f"i:{row_id}"
            got = {w: when for w, when in received.get(key, [])}
            for other in survivors:
                if other == ws or t < stations[other]["follow_from"]:
                    continue
                if other not in got:
                    missing.append((key, other))
                else:
                    latencies.append(max(0.0, got[other] - t))
    stage_counts = Counter((r[0], r[1], r[2]) for r in raised)
    doubled = [k for k, n in stage_counts.items() if n > 1]
    return RunResult(
        workstations=len(config["names"]),
        survivors=len(survivors),
        duration=elapsed,
        writes=writes,
        ok=dict(ok),
        refused=dict(refused),
        failed=dict(failed),
        failures=failures[:20],
        propagation=_percentiles(latencies),
        missing=missing[:50],
        raised=raised,
        doubled=doubled,
        lease={"epochs": epochs},
        server_connections_peak=sampler.server_peak,
        client_connections_peak=sampler.client_peak,
        feed_queries_per_second=queries / elapsed if elapsed else 0.0,
        xact_per_second=xacts / elapsed if elapsed else 0.0,
        pg_cpu_seconds=sampler.cpu_seconds,
        pool_wait=_percentiles(waits),
        poll_time=_percentiles(poll_times),
        worker_cpu_seconds=sum(o.get("cpu_seconds", 0.0) for o in outs),
        bouncer_cpu_seconds=sampler.bouncer_cpu,
        killed_pid=killed_pid,
        takeover_seconds=takeover,
    )


def unraised_stages(direct_url: str, before: datetime) -> list:
    """What a scan at ``before`` would still raise: stages that fell due and nobody
    raised (must be empty after a run with a working hand-over)."""
    from deskapp.services.facade import build_services

    services = build_services(direct_url)
    try:
        return services.sla_scanner.scan(before)
    finally:
        services.dispose()


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "worker":
        worker_main(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit("usage: python -m tests.helpers.call_centre worker CONFIG INDEX OUT")
