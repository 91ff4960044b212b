"""Demo data: a whole desk (sites, teams, staff of every role, customers, a year of
tickets with their conversation, assignments and escalations, canned answers) written
into an EMPTY database in one transaction.

Speed matters (100,000 tickets in well under a minute on a small machine), so rows are
built as plain dicts and written with SQLAlchemy Core executemany in chunks; the few
staff passwords are hashed once per role. No Qt here.
"""

from __future__ import annotations

import enum
import json
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import JSON, Boolean, Connection, Table, Uuid, func, insert, select, update
from sqlalchemy.orm import Session

from deskapp.models import (
    Assignment,
    AuditEntry,
    CannedResponse,
    Customer,
    CustomerPhone,
    Escalation,
    Interaction,
    Site,
    SlaStageEvent,
    Team,
    Ticket,
    User,
    new_id,
    team_members,
)
from deskapp.models.enums import (
    CHANNEL_INTERACTION,
    PRIORITY_RANK,
    Channel,
    Direction,
    EscalationKind,
    InteractionKind,
    Presence,
    Priority,
    Role,
    Segment,
    SlaClock,
    Status,
)
from deskapp.models.types import EnumText, UTCDateTime
from deskapp.services import demo_content as C
from deskapp.services.demo_staff import DEMO_PASSWORDS, DEMO_STAFF, DEMO_TEAMS
from deskapp.services.errors import DeskError, ValidationFailed
from deskapp.services.passwords import ScryptParams, hash_password
from deskapp.services.search import FTS_TABLE, phone_words, words
from deskapp.services.sla import SlaEngine
from deskapp.services.sla_at_risk import notify_recorded_stages
from deskapp.services.sla_presets import ensure_sla_defaults
from deskapp.services.text import search_key
from deskapp.services.tickets import LIVE_CHANNELS, format_reference

if TYPE_CHECKING:  # the facade imports the services; avoid a cycle at run time
    from deskapp.services.facade import Services

Progress = Callable[[int, int], None]

MAX_TICKETS = 5_000_000
CHUNK = 2_000
DAY = 86_400.0
HOUR = 3_600.0
MINUTE = 60.0

# Display names of the demo skills in both languages (teams.skill_labels).
DEMO_SKILL_LABELS: dict[str, dict[str, str]] = {
    "general": {"en": "General questions", "fa": "پرسش‌های عمومی"},
    "vip": {"en": "VIP customers", "fa": "مشتریان ویژه"},
    "billing": {"en": "Billing", "fa": "صورتحساب"},
    "network": {"en": "Network", "fa": "شبکه"},
    "field_service": {"en": "Field service", "fa": "خدمات میدانی"},
    "installation": {"en": "Installation", "fa": "نصب"},
}

# (code, name, time zone, share of tickets)
DEMO_SITES = [("HQ", "Head office (Tehran)", "Asia/Tehran", 0.8),
              ("TBZ", "Tabriz branch", "Asia/Tehran", 0.2)]

CHANNEL_WEIGHTS = {
    Channel.PHONE: 40, Channel.EMAIL: 18, Channel.CHAT: 15, Channel.WEB: 12,
    Channel.SOCIAL: 8, Channel.WALK_IN: 7,
}
PRIORITY_WEIGHTS = {Priority.LOW: 20, Priority.NORMAL: 55, Priority.HIGH: 18, Priority.URGENT: 7}
# Wall-clock targets in minutes (first response, resolution) per priority. The real
# SLA engine (services.sla) counts business time; these only make the demo plausible.
TARGETS = {
    Priority.URGENT: (30, 4 * 60),
    Priority.HIGH: (2 * 60, 24 * 60),
    Priority.NORMAL: (8 * 60, 3 * 24 * 60),
    Priority.LOW: (24 * 60, 7 * 24 * 60),
}
SEGMENT_FACTOR = {Segment.STANDARD: 1.0, Segment.PRIORITY: 0.75, Segment.VIP: 0.5}
CSAT_WEIGHTS = [7, 8, 15, 30, 40]  # 1..5


class DemoLogin(NamedTuple):
    username: str
    role: Role
    password: str


@dataclass(frozen=True)
class DemoReport:
    tickets: int
    customers: int
    interactions: int
    assignments: int
    escalations: int
    canned_responses: int
    sites: tuple[str, ...]
    teams: tuple[str, ...]
    logins: tuple[DemoLogin, ...]
    # username -> (display name, team names), for printing the logins table
    staff: dict[str, tuple[str, tuple[str, ...]]]
    seconds: float
    sla_stage_events: int = 0  # stages recorded as already raised (passed long ago)


class DemoRefused(DeskError):
    """The database is not empty enough for demo data."""


# Demo users are hashed one by one with their own salt, at a low cost so that demo
# generation stays fast; the hash records its cost and the first login upgrades it.
DEMO_HASH_PARAMS = ScryptParams(2**12, 8, 1)


def _demo_hash(password: str) -> str:
    return hash_password(password, DEMO_HASH_PARAMS)


def demo_logins() -> tuple[DemoLogin, ...]:
    return tuple(DemoLogin(u, role, DEMO_PASSWORDS[role]) for u, _n, role, *_ in DEMO_STAFF)


def generate_demo(
    services: Services,
    *,
    tickets: int,
    customers: int,
    seed: int,
    progress: Progress | None = None,
) -> DemoReport:
    """Fill an empty database with a realistic desk. Refuses a database that already
    holds tickets (or the demo's usernames or team names): nothing is mixed.

    ``progress(done, total)`` is called on the calling thread after each chunk of
    customers and tickets written (and, on SQLite, once the search index is rebuilt). Everything but the SLA presets (installed first,
    when the database has none) is one transaction: a failure leaves nothing."""
    if not 0 <= tickets <= MAX_TICKETS:
        raise ValidationFailed(f"Tickets must be 0 to {MAX_TICKETS:,}, not {tickets}.", "tickets")
    if customers < 1:
        raise ValidationFailed(f"Customers must be at least 1, not {customers}.", "customers")
    started = time.perf_counter()
    # Policies and calendars first (installed when the database has none): open tickets
    # get their clocks from the real SLA engine as they are generated.
    ensure_sla_defaults(services.uow)
    gen = _Generator(random.Random(seed), time.time(), progress, tickets, customers)
    with services.engine.begin() as conn:
        gen.sla = _SlaPlanner(conn, gen.now)
        sqlite = conn.dialect.name == "sqlite"
        # The search index is rebuilt at the end on SQLite: a tenth of the work, so the
        # bar does not sit at 100 % meanwhile.
        finishing = tickets // 10 if sqlite else 0
        gen.total += finishing
        if sqlite:
            # A big page cache for this one bulk transaction: the indexes stay in memory.
            conn.exec_driver_sql("PRAGMA cache_size=-262144")
        try:
            _check_empty(conn)
            triggers = _suspend_sqlite_fts(conn) if sqlite else []
            gen.write_sites(conn)
            gen.write_staff(conn)
            gen.write_canned(conn)
            gen.write_customers(conn, customers)
            gen.write_tickets(conn, tickets)
            # The notifications the recorded SLA stages imply: the bell of a demo agent
            # with breached tickets is not empty.
            with Session(bind=conn) as session:
                gen.counts["notifications"] = notify_recorded_stages(session)
            gen.finish(conn)
            _resume_sqlite_fts(conn, triggers)
            gen.tick(finishing)
        finally:
            if sqlite:  # the pooled connection goes back with SQLite's default cache
                conn.exec_driver_sql("PRAGMA cache_size=-2000")
    return DemoReport(
        tickets=tickets,
        customers=customers,
        interactions=gen.counts["interactions"],
        assignments=gen.counts["assignments"],
        escalations=gen.counts["escalations"],
        canned_responses=len(C.CANNED_RESPONSES),
        sites=tuple(code for code, *_ in DEMO_SITES),
        teams=tuple(t[0] for t in DEMO_TEAMS),
        logins=demo_logins(),
        staff={u: (name, teams) for u, name, _r, _t, _l, _s, teams in DEMO_STAFF},
        seconds=time.perf_counter() - started,
        sla_stage_events=gen.counts["stage_events"],
    )


class _SlaPlanner:
    """The SLA columns of an open demo ticket, computed by the real SLA engine
    (services.sla) from the ticket's data before it is written: business-time due
    times, policy, next check.

    Stages that passed more than an hour ago are recorded as already raised, as on a
    desk that had been running; otherwise the first scan would escalate every
    long-breached demo ticket at once. Fresh breaches and coming warnings are left to
    the scanner, so a new demo shows live SLA warnings."""

    def __init__(self, conn: Connection, now: float) -> None:
        self.engine = SlaEngine()
        with Session(bind=conn) as session:
            self.catalog = self.engine.catalog(session)
        self.now = _ts(now)
        self.horizon = _ts(now - HOUR)

    def plan(
        self, ticket_id: uuid.UUID, priority: Priority, segment: Segment, channel: Channel,
        status: Status, created: datetime, first_response: datetime | None,
        paused_since: datetime | None, events: list[dict[str, Any]],
    ) -> dict[str, object]:
        # The engine reads these attributes of a Ticket; the row does not exist yet.
        ticket = SimpleNamespace(
            id=ticket_id, priority=priority, customer=SimpleNamespace(segment=segment),
            channel=channel, status=status, created_at=created,
            first_response_at=first_response, sla_paused_since=paused_since,
            sla_paused_seconds=0, sla_policy_id=None,
        )
        state = self.engine.compute(ticket, self.now, self.catalog, {})  # type: ignore[arg-type]
        raised: dict[SlaClock, int] = {}
        for plan in state.plans:
            passed = [st for st in plan.stages if st.at < self.horizon] if plan.running else []
            if passed:
                events.append({
                    "id": new_id(), "created_at": passed[-1].at, "ticket_id": ticket_id,
                    "clock": plan.clock.value, "stage": passed[-1].stage,
                    "due_at": passed[-1].at,
                })
                raised[plan.clock] = passed[-1].percent
        if raised:
            state = self.engine.compute(
                ticket, self.now, self.catalog, raised  # type: ignore[arg-type]
            )
        return state.columns()


def _check_empty(conn: Connection) -> None:
    if conn.scalar(select(Ticket.id).limit(1)) is not None:
        count = conn.scalar(select(func.count()).select_from(Ticket))
        raise DemoRefused(
            f"This database already holds {count:,} tickets. Demo data only goes into an "
            "empty database, so that it never mixes with real work; use a new database, "
            "e.g. deskapp --db sqlite:///demo.sqlite3 demo"
        )
    taken = sorted(conn.scalars(select(User.username).where(
        User.username.in_([s[0] for s in DEMO_STAFF]))))
    if taken:
        raise DemoRefused(
            f"This database already has the user(s) {', '.join(taken)} that the demo "
            "creates; demo data only goes into an empty database."
        )
    teams = sorted(conn.scalars(select(Team.name).where(Team.name.in_([t[0] for t in DEMO_TEAMS]))))
    if teams:
        raise DemoRefused(
            f"This database already has the team(s) {', '.join(teams)} that the demo "
            "creates; demo data only goes into an empty database."
        )


def _ts(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _mutable(now: datetime, created: datetime | None = None) -> dict[str, Any]:
    return {"id": new_id(), "created_at": created or now, "updated_at": created or now,
            "deleted_at": None, "version": 1}


def _insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """executemany of ``rows`` (dicts with the same keys) into ``table``.

    On SQLite the values are converted here and handed to the driver directly: the
    per-value bind processing of SQLAlchemy's types costs more than the insert itself
    at this volume. The stored forms are the ones those types write (UUID as 32 hex
    digits, naive UTC timestamps with microseconds, enums as their value)."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    keys = list(rows[0])
    converters = [_sqlite_converter(table.c[k].type) for k in keys]
    extra: list[tuple[str, Any]] = []
    for col in table.c:
        if col.key in rows[0]:
            continue
        default = col.default
        if default is not None and default.is_scalar:
            extra.append((col.name, _sqlite_converter(col.type)(default.arg)))
        elif default is not None and default.is_callable and col.server_default is None:
            raise ValueError(f"demo rows for {table.name} must give {col.name}")
    names = [table.c[k].name for k in keys] + [name for name, _v in extra]
    sql = (f"INSERT INTO {table.name} ({', '.join(names)}) "
           f"VALUES ({', '.join('?' * len(names))})")
    constants = tuple(v for _n, v in extra)
    data = list(map(_row_converter(keys, converters, constants), rows))
    conn.exec_driver_sql(sql, data)


def _row_converter(
    keys: list[str], converters: list[Callable[[Any], Any]], constants: tuple[Any, ...]
) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """``row -> tuple`` as one compiled expression: a generator per row is too slow here."""
    env: dict[str, Any] = {"constants": constants}
    parts = []
    for n, (key, conv) in enumerate(zip(keys, converters, strict=True)):
        if conv is _same:
            parts.append(f"row[{key!r}]")
        else:
            env[f"c{n}"] = conv
            parts.append(f"c{n}(row[{key!r}])")
    source = f"lambda row: ({', '.join(parts)},) + constants"
    return eval(source, env)  # noqa: S307 - built from column keys, not from input


def _same(value: Any) -> Any:
    return value


def _sqlite_uuid(value: uuid.UUID | None) -> str | None:
    return None if value is None else value.hex


def _sqlite_time(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.isoformat(" ", "microseconds")[:26]  # drop "+00:00"


def _sqlite_enum(value: Any) -> str | None:
    return None if value is None else str(value.value if isinstance(value, enum.Enum) else value)


def _sqlite_bool(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _sqlite_json(value: Any) -> str:
    return json.dumps(value)


def _sqlite_converter(type_: Any) -> Callable[[Any], Any]:
    if isinstance(type_, UTCDateTime):
        return _sqlite_time
    if isinstance(type_, EnumText):
        return _sqlite_enum
    if isinstance(type_, Uuid):
        return _sqlite_uuid
    if isinstance(type_, Boolean):
        return _sqlite_bool
    if isinstance(type_, JSON):
        return _sqlite_json
    return _same


def _suspend_sqlite_fts(conn: Connection) -> list[str]:
    """Drop the triggers that index each new ticket one by one (they cost more than the
    rest of the insert) and return their SQL; ``_resume_sqlite_fts`` recreates them and
    rebuilds the index in one pass. Same transaction: nobody sees the gap."""
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).first()
    if exists is None:
        return []
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tickets'"
    ).all()
    for name, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    return [sql for _name, sql in triggers]


def _resume_sqlite_fts(conn: Connection, triggers: list[str]) -> None:
    if not triggers:
        return
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    for sql in triggers:
        conn.exec_driver_sql(sql)


@dataclass
class _Cust:
    id: uuid.UUID
    segment: Segment
    language: str
    words: list[str]  # the customer's part of a ticket's search document
    name: str  # copied to tickets.customer_sort_name (the queue's sort by customer)


class _Generator:
    def __init__(
        self, rng: random.Random, now: float, progress: Progress | None, tickets: int,
        customers: int,
    ) -> None:
        self.rng = rng
        self.now = now
        self.now_dt = _ts(now)
        self.progress = progress
        self.total = tickets + customers
        self.done = 0
        self.counts = {"interactions": 0, "assignments": 0, "escalations": 0, "stage_events": 0}
        self.sla: _SlaPlanner
        self.site_ids: dict[str, uuid.UUID] = {}
        self.site_start: dict[str, int] = {}
        self.user_ids: dict[str, uuid.UUID] = {}
        self.team_ids: dict[str, uuid.UUID] = {}
        self.customers: list[_Cust] = []
        self.used_phones: set[str] = set()
        self.used_emails: set[str] = set()
        self.word_cache: dict[str, list[str]] = {}

    def _words(self, text: str) -> list[str]:
        found = self.word_cache.get(text)
        if found is None:
            found = self.word_cache[text] = words(text)
        return found

    def tick(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(self.done, self.total)

    # -- the desk -------------------------------------------------------------
    def write_sites(self, conn: Connection) -> None:
        existing = {r.code: r for r in conn.execute(
            select(Site.id, Site.code, Site.last_ticket_number))}
        rows = []
        for code, name, tz, _share in DEMO_SITES:
            if code in existing:
                self.site_ids[code] = existing[code].id
                self.site_start[code] = existing[code].last_ticket_number
            else:
                row = _mutable(self.now_dt, _ts(self.now - 400 * DAY))
                row.update(code=code, name=name, timezone=tz, last_ticket_number=0)
                rows.append(row)
                self.site_ids[code] = row["id"]
                self.site_start[code] = 0
        _insert(conn, Site.__table__, rows)

    def write_staff(self, conn: Connection) -> None:
        created = _ts(self.now - 400 * DAY)
        users = []
        for username, name, role, tier, lang, site, _teams in DEMO_STAFF:
            row = _mutable(self.now_dt, created)
            row.update(
                username=username, display_name=name, email=f"{username}@desk.example",
                role=role, tier=tier, password_hash=_demo_hash(DEMO_PASSWORDS[role]), active=True, language=lang,
                presence=Presence.OFFLINE, presence_at=None, last_login_at=None,
                site_id=self.site_ids[site],
            )
            users.append(row)
            self.user_ids[username] = row["id"]
        _insert(conn, User.__table__, users)
        teams = []
        for name, skills, tier, supervisor, description in DEMO_TEAMS:
            row = _mutable(self.now_dt, created)
            row.update(name=name, description=description, skills=skills, tier=tier,
                       supervisor_id=self.user_ids[supervisor], auto_assign="off",
                       last_auto_assignee_id=None,
                       skill_labels={k: DEMO_SKILL_LABELS[k] for k in skills})
            teams.append(row)
            self.team_ids[name] = row["id"]
        _insert(conn, Team.__table__, teams)
        members = [{"team_id": self.team_ids[t], "user_id": self.user_ids[u]}
                   for u, *_rest, user_teams in DEMO_STAFF for t in user_teams]
        _insert(conn, team_members, members)
        # Who works where: tier-1 agents per (team, site); specialists per team.
        self.team_supervisor = {name: self.user_ids[sup] for name, _s, _t, sup, _d in DEMO_TEAMS}
        self.workers: dict[tuple[str, str], list[uuid.UUID]] = {}
        for username, _n, role, _tier, _l, site, user_teams in DEMO_STAFF:
            if role in (Role.AGENT, Role.SPECIALIST):
                for t in user_teams:
                    self.workers.setdefault((t, site), []).append(self.user_ids[username])
                    self.workers.setdefault((t, "*"), []).append(self.user_ids[username])

    def write_canned(self, conn: Connection) -> None:
        rows = []
        for language, category, title, body in C.CANNED_RESPONSES:
            row = _mutable(self.now_dt, _ts(self.now - 300 * DAY))
            row.update(title=title, body=body, category=category, language=language,
                       search_text=search_key(f"{title} {category} {body}"))  # as canned.py
            rows.append(row)
        _insert(conn, CannedResponse.__table__, rows)

    # -- customers ------------------------------------------------------------
    def _phone(self) -> str:
        rng = self.rng
        while True:
            if rng.random() < 0.85:
                number = f"09{rng.choice('0123')}{rng.randrange(10)}{rng.randrange(10_000_000):07d}"
            else:  # a landline in Tehran or Tabriz
                number = f"0{rng.choice(('21', '41'))}{rng.randrange(20_000_000, 99_999_999)}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def _email(self, local: str, domain: str) -> str:
        email = f"{local}@{domain}"
        while email in self.used_emails:
            email = f"{local}{self.rng.randrange(10, 9999)}@{domain}"
        self.used_emails.add(email)
        return email

    def _customer(self, created: datetime) -> tuple[dict[str, Any], list[str]]:
        rng = self.rng
        persian = rng.random() < 0.6
        org = rng.choice(C.ORGANISATIONS) if rng.random() < 0.3 else None
        if persian:
            first, first_latin = rng.choice(
                C.PERSIAN_FEMALE if rng.random() < 0.5 else C.PERSIAN_MALE)
            last, last_latin = rng.choice(C.PERSIAN_LAST)
            name = f"{first} {last}"
            local = f"{first_latin}.{last_latin}"
            language = "fa" if rng.random() < 0.95 else "en"
            organisation = org[0] if org else None
        else:
            first = rng.choice(C.ENGLISH_FIRST)
            last = rng.choice(C.ENGLISH_LAST)
            name = f"{first} {last}"
            local = f"{first}.{last}".lower()
            language = "en"
            organisation = org[1] if org else None
        email = None
        if rng.random() < 0.7:
            email = self._email(local, org[2] if org and rng.random() < 0.6
                                else rng.choice(C.MAIL_DOMAINS))
        r = rng.random()
        segment = Segment.VIP if r < 0.03 else Segment.PRIORITY if r < 0.15 else Segment.STANDARD
        warning = ""
        if rng.random() < 0.01:
            warning = rng.choice(C.WARNING_NOTES[language])
        phones = [self._phone() for _ in range(1 if rng.random() < 0.75 else 2)]
        row = _mutable(self.now_dt, created)
        row.update(name=name, search_name=search_key(name), email=email,
                   organisation=organisation, segment=segment, preferred_language=language,
                   warning_note=warning, updated_by_id=None)
        return row, phones

    def write_customers(self, conn: Connection, count: int) -> None:
        for start in range(0, count, CHUNK):
            rows, phones = [], []
            for _ in range(min(CHUNK, count - start)):
                created = _ts(self.now - (380 + self.rng.random() * 700) * DAY)
                row, numbers = self._customer(created)
                rows.append(row)
                doc = words(row["name"]) + words(row["email"]) + words(row["organisation"])
                for number in numbers:
                    doc += phone_words(number)
                self.customers.append(
                    _Cust(row["id"], row["segment"], row["preferred_language"], doc, row["name"]))
                for position, number in enumerate(numbers):
                    p = _mutable(self.now_dt, created)
                    p.update(customer_id=row["id"], number=number,
                             number_reversed=number[::-1],  # phone search by last digits
                             label="mobile" if number.startswith("09") else "landline",
                             position=position)
                    phones.append(p)
            _insert(conn, Customer.__table__, rows)
            _insert(conn, CustomerPhone.__table__, phones)
            self.tick(len(rows))

    # -- tickets --------------------------------------------------------------
    def write_tickets(self, conn: Connection, count: int) -> None:
        if count == 0:
            return
        rng = self.rng
        priorities = rng.choices(list(PRIORITY_WEIGHTS), list(PRIORITY_WEIGHTS.values()), k=count)
        # A year of tickets, more of them recent; ~1% "hot" ones sit close to (or just past)
        # their resolution target so the SLA warnings have something to say at once.
        created: list[tuple[float, Priority, bool]] = []
        hot_every = max(1, min(100, count // 3))
        for i, priority in enumerate(priorities):
            if i % hot_every == 0:
                target = TARGETS[priority][1] * MINUTE
                created.append((self.now - target * rng.uniform(0.7, 1.1), priority, True))
            else:
                age = 365 * DAY * rng.random() ** 1.7 + rng.random() * 600
                created.append((self.now - age, priority, False))
        created.sort(key=lambda c: c[0])
        shares = [s[3] for s in DEMO_SITES]
        sites = rng.choices([s[0] for s in DEMO_SITES], shares, k=count)
        numbers = dict(self.site_start)
        # Force the newest tickets through every status, channel and priority so even a
        # tiny demo shows all of them.
        forced_status = list(Status)
        forced_channel = list(Channel)
        categories = list(C.CATEGORY_WEIGHTS)
        cat_weights = list(C.CATEGORY_WEIGHTS.values())
        channels = list(CHANNEL_WEIGHTS)
        chan_weights = list(CHANNEL_WEIGHTS.values())
        n_cust = len(self.customers)
        batch = _Batch()
        forced_priority = list(Priority)
        for i, (ts, priority, hot) in enumerate(created):
            site = sites[i]
            numbers[site] += 1
            # Some customers call a lot: skew towards the front of the list.
            cust = self.customers[min(n_cust - 1, int(n_cust * rng.random() ** 1.5))]
            last = count - 1 - i  # the newest tickets are the forced ones
            status = forced_status[last] if last < len(forced_status) else None
            channel = forced_channel[last] if last < len(forced_channel) else rng.choices(
                channels, chan_weights)[0]
            category = rng.choices(categories, cat_weights)[0]
            if last < len(forced_priority):
                priority = forced_priority[last]
            self._ticket(batch, ts, site, numbers[site], cust, priority, channel, category,
                         status, hot)
            if len(batch.tickets) >= CHUNK:
                self._flush(conn, batch)
                batch = _Batch()
        self._flush(conn, batch)
        for code, last in numbers.items():
            conn.execute(update(Site).where(Site.id == self.site_ids[code]).values(
                last_ticket_number=last, updated_at=self.now_dt, version=Site.version + 1))

    def _flush(self, conn: Connection, batch: _Batch) -> None:
        _insert(conn, Ticket.__table__, batch.tickets)
        _insert(conn, Interaction.__table__, batch.interactions)
        _insert(conn, Assignment.__table__, batch.assignments)
        _insert(conn, Escalation.__table__, batch.escalations)
        _insert(conn, SlaStageEvent.__table__, batch.stage_events)
        self.counts["stage_events"] += len(batch.stage_events)
        self.counts["interactions"] += len(batch.interactions)
        self.counts["assignments"] += len(batch.assignments)
        self.counts["escalations"] += len(batch.escalations)
        self.tick(len(batch.tickets))

    def _status_for(self, age: float, hot: bool) -> Status:
        r = self.rng.random()
        if hot:
            return Status.OPEN if r < 0.8 else Status.NEW
        if age < DAY:
            table = ((0.3, Status.NEW), (0.7, Status.OPEN), (0.8, Status.PENDING_CUSTOMER),
                     (0.85, Status.PENDING_THIRD_PARTY), (1.0, Status.RESOLVED))
        elif age < 7 * DAY:
            table = ((0.03, Status.NEW), (0.18, Status.OPEN), (0.3, Status.PENDING_CUSTOMER),
                     (0.37, Status.PENDING_THIRD_PARTY), (0.75, Status.RESOLVED),
                     (1.0, Status.CLOSED))
        elif age < 30 * DAY:
            # A well-run desk: little open work is this old, most of it waiting on others.
            table = ((0.03, Status.OPEN), (0.08, Status.PENDING_CUSTOMER),
                     (0.15, Status.PENDING_THIRD_PARTY), (0.25, Status.RESOLVED),
                     (1.0, Status.CLOSED))
        else:
            table = ((0.003, Status.OPEN), (0.006, Status.PENDING_CUSTOMER),
                     (0.009, Status.PENDING_THIRD_PARTY), (1.0, Status.CLOSED))
        for limit, status in table:
            if r < limit:
                return status
        return Status.CLOSED

    def _ticket(
        self, b: _Batch, t0: float, site: str, number: int, cust: _Cust, priority: Priority,
        channel: Channel, category: str, status: Status | None, hot: bool,
    ) -> None:
        rng = self.rng
        now = self.now
        age = now - t0
        if status is None:
            status = self._status_for(age, hot)
        live = channel in LIVE_CHANNELS
        if status is Status.NEW and live:
            # A phone call or a walk-in is answered: only written contacts wait as "new".
            channel = rng.choice((Channel.EMAIL, Channel.WEB, Channel.SOCIAL))
            live = False
        lang = cust.language
        tid = new_id()
        subject_fa, subject_en = rng.choice(C.CATEGORIES[category][1])
        subject = subject_fa if lang == "fa" else subject_en
        detail = rng.choice(C.DETAILS[lang]).format(n=rng.randrange(100_000, 999_999))
        subject_words = self._words(subject)
        description = f"{subject}. {detail}"
        fr_min, res_min = TARGETS[priority]
        factor = SEGMENT_FACTOR[cust.segment]
        fr_due = t0 + fr_min * MINUTE * factor
        res_due = t0 + res_min * MINUTE * factor
        home = "VIP care" if cust.segment is Segment.VIP else "Front desk"
        workers = self.workers.get((home, site)) or self.workers[(home, "*")]
        skill_team = C.CATEGORIES[category][0]

        # End of the story: when it was resolved, or how far it has got by now.
        if status in (Status.RESOLVED, Status.CLOSED):
            span = res_min * MINUTE * factor * (rng.random() ** 1.5) * 1.3 + 5 * MINUTE
            if status is Status.RESOLVED:
                span = min(span, max(age - 60, 60.0))
            else:
                span = min(span, max(age - 3 * DAY, 60.0))
            end = t0 + span
        elif status is Status.NEW:
            end = t0
        else:
            end = t0 + max(60.0, (now - 120 - t0) * rng.uniform(0.3, 1.0))
        end = min(end, now - 60)
        end = max(end, t0)

        inters: list[tuple[float, InteractionKind, Direction, uuid.UUID | None, str]] = []
        assigns: list[tuple[float, uuid.UUID | None, str, uuid.UUID | None, str]] = []
        escalations: list[dict[str, Any]] = []
        # Who holds it now, as (assignee, team).
        assignee: uuid.UUID | None
        team = home
        logger = rng.choice(workers)
        first_response: float | None = None
        if live:
            created_by: uuid.UUID | None = logger
            assignee = logger
            assigns.append((t0, logger, home, logger, "logged the call"))
            first_response = t0
        else:
            created_by = None
            assignee = None
            assigns.append((t0, None, home, None, f"new {channel.value} contact"))
        inters.append((t0, CHANNEL_INTERACTION[channel], Direction.INBOUND, created_by,
                       description))
        level = 0
        reopen = 0
        fcr_call = (live and status in (Status.RESOLVED, Status.CLOSED)
                    and rng.random() < 0.55)
        if status is not Status.NEW and not fcr_call:
            step = (end - t0) / 9  # at most nine steps below: the story ends by `end`
            cursor = t0
            if not live:
                # Someone takes it from the pool and answers.
                cursor += min(step, fr_min * MINUTE * factor * rng.uniform(0.1, 1.3))
                taker = rng.choice(workers)
                assignee = taker
                assigns.append((cursor, taker, home, taker, "took it from the queue"))
                inters.append((cursor, CHANNEL_INTERACTION[channel], Direction.OUTBOUND, taker,
                               rng.choice(C.REPLIES[lang])))
                first_response = cursor
            if rng.random() < 0.4:
                cursor += step * rng.random()
                inters.append((cursor, InteractionKind.INTERNAL_NOTE, Direction.INTERNAL,
                               assignee, rng.choice(C.INTERNAL_NOTES)))
            if skill_team in C.FUNCTIONAL_REASONS and rng.random() < 0.45:
                cursor += step * rng.random()
                target = rng.choice(self.workers[(skill_team, "*")])
                to_user = target if rng.random() < 0.75 else None
                reason = C.FUNCTIONAL_REASONS[skill_team]
                escalations.append(self._escalation(
                    cursor, EscalationKind.FUNCTIONAL, assignee, team, level, to_user,
                    skill_team, level, reason, assignee))
                assigns.append((cursor, to_user, skill_team, assignee, f"escalation: {reason}"))
                inters.append((cursor, InteractionKind.INTERNAL_NOTE, Direction.INTERNAL,
                               assignee, f"Escalated (functional) to {skill_team}: {reason}"))
                assignee, team = to_user, skill_team
            if rng.random() < 0.05:
                cursor += step * rng.random()
                sup = self.team_supervisor[team]
                automatic = rng.random() < 0.3 and now > res_due  # same draws every run
                reason = "resolution SLA breached" if automatic else rng.choice(
                    C.HIERARCHICAL_REASONS)
                by = None if automatic else assignee
                escalations.append(self._escalation(
                    cursor, EscalationKind.HIERARCHICAL, assignee, team, level, sup, team,
                    level + 1, reason, by, automatic=automatic))
                assigns.append((cursor, sup, team, by, f"escalation: {reason}"))
                inters.append((cursor, InteractionKind.INTERNAL_NOTE, Direction.INTERNAL, by,
                               f"Escalated (hierarchical) to the supervisor: {reason}"))
                assignee = sup
                level += 1
            elif rng.random() < 0.03 and assignee is not None:
                cursor += step * rng.random()
                sup = self.team_supervisor[team]
                pool = self.workers.get((team, "*"), [])
                others = [w for w in pool if w != assignee]
                if others:
                    new = rng.choice(others)
                    assigns.append((cursor, new, team, sup, "balancing the workload"))
                    assignee = new
            for _ in range(rng.randrange(0, 3)):
                cursor += step * rng.random()
                if rng.random() < 0.5:
                    inters.append((cursor, CHANNEL_INTERACTION[channel], Direction.INBOUND, None,
                                   rng.choice(C.CUSTOMER_REPLIES[lang])))
                else:
                    inters.append((cursor, CHANNEL_INTERACTION[channel], Direction.OUTBOUND,
                                   assignee, rng.choice(C.REPLIES[lang])))
            if status in (Status.RESOLVED, Status.CLOSED) and rng.random() < 0.03:
                cursor += step * rng.random()
                reopen = 1
                inters.append((cursor, CHANNEL_INTERACTION[channel], Direction.INBOUND, None,
                               rng.choice(C.REOPEN[lang])))
            # Open work may wait in a team's pool; resolved work had someone.
            if assignee is None and (
                status in (Status.RESOLVED, Status.CLOSED) or rng.random() < 0.5
            ):
                cursor += step * rng.random()
                taker = rng.choice(self.workers[(team, "*")])
                assigns.append((cursor, taker, team, taker, "took it from the queue"))
                assignee = taker
        elif fcr_call:
            inters.append((t0 + rng.uniform(60, 600), InteractionKind.INTERNAL_NOTE,
                           Direction.INTERNAL, logger, rng.choice(C.ON_CONTACT)))

        paused_since: float | None = None
        resolved_at = closed_at = None
        if status is Status.PENDING_CUSTOMER:
            paused_since = end
            inters.append((end, CHANNEL_INTERACTION[channel], Direction.OUTBOUND, assignee,
                           rng.choice(C.PENDING_CUSTOMER[lang])))
        elif status is Status.PENDING_THIRD_PARTY:
            paused_since = end
            inters.append((end, InteractionKind.INTERNAL_NOTE, Direction.INTERNAL, assignee,
                           rng.choice(C.PENDING_THIRD_PARTY)))
        elif status in (Status.RESOLVED, Status.CLOSED):
            resolved_at = end if not fcr_call else t0 + rng.uniform(120, 900)
            resolved_at = min(resolved_at, now - 30)
            if not fcr_call:
                inters.append((resolved_at, CHANNEL_INTERACTION[channel], Direction.OUTBOUND,
                               assignee, rng.choice(C.RESOLUTIONS[lang])))
            if status is Status.CLOSED:
                closed_at = min(resolved_at + rng.uniform(2, 7) * DAY, now - 10)

        inbound = sum(1 for i in inters if i[2] is Direction.INBOUND)
        fcr = None
        csat = None
        if resolved_at is not None:
            fcr = inbound <= 1 and reopen == 0 and level == 0
            if rng.random() < 0.75:
                csat = rng.choices((1, 2, 3, 4, 5), CSAT_WEIGHTS)[0]


        inters.sort(key=lambda x: x[0])
        last_at, _k, _d, last_author, _b = inters[-1]
        if resolved_at is not None:
            last_at = max(last_at, resolved_at)
        updated = max(last_at, closed_at or 0.0, assigns[-1][0])
        updated_dt = _ts(updated)
        last_assignee, last_team = assignee, team
        prev_user: uuid.UUID | None = None
        prev_team: uuid.UUID | None = None
        for at, to_user, to_team, by, reason in sorted(assigns, key=lambda a: a[0]):
            to_team_id = self.team_ids[to_team]
            b.assignments.append({
                "id": new_id(), "created_at": _ts(at), "ticket_id": tid,
                "from_user_id": prev_user, "to_user_id": to_user, "from_team_id": prev_team,
                "to_team_id": to_team_id, "by_user_id": by, "reason": reason,
            })
            prev_user, prev_team = to_user, to_team_id
        # The search document, as services.search.ticket_document builds it (reference,
        # number, subject, description, bodies, customer), from cached word lists.
        reference = format_reference(site, number)
        description_words = subject_words + self._words(detail)
        # words(reference), without the regex: "HQ-000123" -> ["hq", "000123"]
        doc = [site.lower(), f"{number:06d}", str(number)] + subject_words + description_words
        for at, kind, direction, author, body in inters:
            doc += description_words if body is description else self._words(body)
            b.interactions.append({
                "id": new_id(), "created_at": _ts(min(at, now)), "ticket_id": tid, "kind": kind,
                "direction": direction, "author_id": author, "body": body,
            })
        for e in escalations:
            e["ticket_id"] = tid
            b.escalations.append(e)
        sla: dict[str, object] = {
            "sla_policy_id": None,
            "first_response_due": _ts(fr_due),
            "resolution_due": _ts(res_due),
            "sla_paused_since": _ts(paused_since) if paused_since is not None else None,
            "sla_paused_seconds": 0,
            "sla_next_check_at": None,
        }
        if status.is_open:
            sla = self.sla.plan(
                tid, priority, cust.segment, channel, status, _ts(t0),
                _ts(first_response) if first_response is not None else None,
                sla["sla_paused_since"], b.stage_events,  # type: ignore[arg-type]
            )
        b.tickets.append({
            "id": tid,
            "created_at": _ts(t0),
            "updated_at": updated_dt,
            "deleted_at": None,
            "version": 1 + len(assigns) + len(escalations) + (2 if closed_at else 0),
            "site_id": self.site_ids[site],
            "number": number,
            "reference": reference,
            "search_text": " ".join(doc + cust.words),
            "customer_sort_name": cust.name,
            "subject": subject,
            "description": description,
            "channel": channel,
            "category": category,
            "priority": priority,
            "priority_rank": PRIORITY_RANK[priority],
            "status": status,
            "customer_id": cust.id,
            "assignee_id": last_assignee,
            "team_id": self.team_ids[last_team],
            "escalation_level": level,
            "created_by_id": created_by,
            "updated_by_id": last_author if last_author is not None else assignee,
            **sla,
            "first_response_at": _ts(first_response) if first_response is not None else None,
            "resolved_at": _ts(resolved_at) if resolved_at is not None else None,
            "closed_at": _ts(closed_at) if closed_at is not None else None,
            "last_activity_at": _ts(last_at),
            "reopen_count": reopen,
            "first_contact_resolution": fcr,
            "csat": csat,
        })

    def _escalation(
        self, at: float, kind: EscalationKind, from_user: uuid.UUID | None, from_team: str,
        from_level: int, to_user: uuid.UUID | None, to_team: str, to_level: int, reason: str,
        by: uuid.UUID | None, *, automatic: bool = False,
    ) -> dict[str, Any]:
        acknowledged = self.now - at > 2 * HOUR
        return {
            "id": new_id(), "created_at": _ts(at), "ticket_id": None, "kind": kind,
            "from_user_id": from_user, "from_team_id": self.team_ids[from_team],
            "from_level": from_level, "to_user_id": to_user,
            "to_team_id": self.team_ids[to_team], "to_level": to_level, "reason": reason,
            "note": "", "automatic": automatic, "is_deescalation": False,
            "code": "", "params": {},  # the reason/note are the demo's own words
            "keep_informed": False, "created_by_id": by,
            "acknowledged_at": _ts(at + 20 * MINUTE) if acknowledged else None,
            "acknowledged_by_id": (to_user or self.team_supervisor[to_team])
            if acknowledged else None,
        }

    def finish(self, conn: Connection) -> None:
        _insert(conn, AuditEntry.__table__, [{
            "id": new_id(), "created_at": self.now_dt, "actor_id": None,
            "action": "demo.generated", "entity": "database", "entity_id": None,
            "details": {"tickets": self.total - len(self.customers),
                        "customers": len(self.customers)},
        }])


class _Batch:
    def __init__(self) -> None:
        self.tickets: list[dict[str, Any]] = []
        self.interactions: list[dict[str, Any]] = []
        self.assignments: list[dict[str, Any]] = []
        self.escalations: list[dict[str, Any]] = []
        self.stage_events: list[dict[str, Any]] = []

