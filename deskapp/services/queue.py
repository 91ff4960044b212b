"""The ticket queue: views, filters, full-text search and keyset pages, all in SQL.

A queue over a million tickets is never loaded whole. The UI asks for

* ``count(actor, q)`` — how many rows the view holds (the scroll bar's length);
* ``page(actor, q, after=key)`` — the rows after a row it already has (scrolling down);
* ``page_before(actor, q, before=key)`` — the rows before one (scrolling up; with
  ``before=None`` the last rows, i.e. "jump to the end");
* ``rows_at(actor, q, offset, total=...)`` — rows at a position it has no neighbour
  for (dragging the scroll bar); read from whichever end is nearer, so the database
  never skips more than half the view.

Every order is total: (sort key, id), and the sort keys are never NULL (NULLs are
coalesced to a value that sorts last), so keyset comparisons are plain row-value
comparisons that an index on (key, id) answers.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    cast,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
    tuple_,
)
from sqlalchemy.orm import Session, aliased

from deskapp.models import (
    Customer,
    SavedView,
    SlaStageEvent,
    Team,
    Ticket,
    User,
    utcnow,
)
from deskapp.models.enums import OPEN_STATUSES, Channel, Priority, Segment, SlaClock, Status
from deskapp.models.types import UTCDateTime
from deskapp.services import search, validation, visibility
from deskapp.services.errors import NotFound, ValidationFailed
from deskapp.services.escalations import awaiting_acknowledgement
from deskapp.services.permissions import Actor, Permission
from deskapp.services.sla import BREACH, BREACH_PERCENT
from deskapp.services.sla_state import SlaReading, current_clock, read_ticket
from deskapp.services.unit_of_work import UnitOfWorkFactory

PAGE_SIZE = 100
MAX_LIMIT = 1000
BREACHING_WINDOW = timedelta(hours=2)
RECENTLY_RESOLVED = timedelta(days=7)
# Below this many matches, a search page sorts the matches (see _search_density); at or
# above it, it walks the sort index testing each ticket and stops after a page.
SPARSE_SEARCH = 2000
# PostgreSQL, a search's first page (or the page after one): first walk at most this
# many tickets of the view in the sort order, testing each, and stop at a page of
# matches — no probe (QueueService._page_plans). A probe first cost a GIN bitmap of
# every match (a common word: as much as the page itself); a rare word now pays the
# short walk (a substring test per ticket).
WALK_BUDGET = 4000
# PostgreSQL: when the budgeted walk fell short of a page but its hits say the whole
# walk needs at most this many tickets (WALK_BUDGET * limit / hits), the page is
# walked at once, without trying the matches first. The walk costs ~1 us a ticket
# (the substring test first), so at most ~40 ms; the matches first cost the GIN bitmap
# of every match (25-50 ms for words with long posting lists) and, in a big view,
# hold more than SPARSE_SEARCH matches and are thrown away before the walk. At
# 1,000,000 tickets (benchmarks/ticket_queue.py --density-sweep) a search matching
# 3,000-8,000 tickets paid both.
DENSE_WALK = 33_000
# A count beyond this costs more than it tells ("more than 1,000 tickets"): the queue
# asks for count(cap=COUNT_CAP) with the first page, the exact figure after
# (ui.queue.model). Measured at 1,000,000 tickets: counting a common word's first
# 10,000 matches took 130-2,000 ms, its first 1,000 about 15 ms.
COUNT_CAP = 1_000

# Sorts after every real due time: tickets without an SLA go last.
NO_DUE = datetime(9999, 12, 31, tzinfo=UTC)


class View(enum.StrEnum):
    MY_OPEN = "my_open"
    MY_TEAM = "my_team"
    UNASSIGNED = "unassigned"
    BREACHING_SOON = "breaching_soon"
    WAITING_ON_CUSTOMER = "waiting_on_customer"
    ALL_OPEN = "all_open"
    RECENTLY_RESOLVED = "recently_resolved"
    CUSTOM = "custom"  # only the filter applies (a saved view, or an ad-hoc filter)


BUILT_IN_VIEWS: tuple[View, ...] = tuple(v for v in View if v is not View.CUSTOM)


class Sort(enum.StrEnum):
    NUMBER = "number"
    SUBJECT = "subject"
    CUSTOMER = "customer"
    PRIORITY = "priority"
    STATUS = "status"
    ASSIGNEE = "assignee"
    TEAM = "team"
    CHANNEL = "channel"
    CREATED = "created"
    SLA = "sla"
    UPDATED = "updated"


# Default order per view: what a person working that view wants first.
DEFAULT_SORT: dict[View, tuple[Sort, bool]] = {
    View.MY_OPEN: (Sort.SLA, False),
    View.MY_TEAM: (Sort.SLA, False),
    View.UNASSIGNED: (Sort.CREATED, False),
    View.BREACHING_SOON: (Sort.SLA, False),
    View.WAITING_ON_CUSTOMER: (Sort.UPDATED, False),
    View.ALL_OPEN: (Sort.CREATED, True),
    View.RECENTLY_RESOLVED: (Sort.CREATED, True),
    View.CUSTOM: (Sort.CREATED, True),
}

UNASSIGNED = "unassigned"  # in QueueFilter.assignee_ids: tickets with no assignee


@dataclass(frozen=True)
class QueueFilter:
    """Criteria a person can combine (and save as a custom view). Empty means any."""

    statuses: tuple[Status, ...] = ()
    priorities: tuple[Priority, ...] = ()
    channels: tuple[Channel, ...] = ()
    team_ids: tuple[uuid.UUID, ...] = ()
    # User ids, or UNASSIGNED for the pool.
    assignee_ids: tuple[uuid.UUID | str, ...] = ()
    segments: tuple[Segment, ...] = ()
    text: str = ""
    # A fixed set of tickets (a report's drill-down, services.reports); never saved.
    ticket_ids: tuple[uuid.UUID, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self == QueueFilter()

    def to_criteria(self) -> dict[str, Any]:
        """JSON-friendly form stored in SavedView.criteria."""
        out: dict[str, Any] = {}
        for name in ("statuses", "priorities", "channels", "segments"):
            values = getattr(self, name)
            if values:
                out[name] = [v.value for v in values]
        if self.team_ids:
            out["team_ids"] = [str(t) for t in self.team_ids]
        if self.assignee_ids:
            out["assignee_ids"] = [str(a) for a in self.assignee_ids]
        if self.text:
            out["text"] = self.text
        return out

    @classmethod
    def from_criteria(cls, criteria: dict[str, Any]) -> QueueFilter:
        """Read stored criteria back, ignoring values this version does not know."""

        def enums(name: str, enum_cls: type[enum.Enum]) -> tuple:
            found = []
            for raw in criteria.get(name) or ():
                try:
                    found.append(enum_cls(raw))
                except ValueError:
                    continue
            return tuple(found)

        def ids(name: str, allow_unassigned: bool = False) -> tuple:
            found: list[uuid.UUID | str] = []
            for raw in criteria.get(name) or ():
                if allow_unassigned and raw == UNASSIGNED:
                    found.append(UNASSIGNED)
                    continue
                try:
                    found.append(uuid.UUID(str(raw)))
                except ValueError:
                    continue
            return tuple(found)

        return cls(
            statuses=enums("statuses", Status),
            priorities=enums("priorities", Priority),
            channels=enums("channels", Channel),
            team_ids=ids("team_ids"),
            assignee_ids=ids("assignee_ids", allow_unassigned=True),
            segments=enums("segments", Segment),
            text=str(criteria.get("text") or ""),
        )


@dataclass(frozen=True)
class QueueQuery:
    """What the queue shows: a view, extra filters, a search and an order."""

    view: View = View.ALL_OPEN
    filter: QueueFilter = field(default_factory=QueueFilter)
    search: str = ""
    sort: Sort | None = None  # None: the view's default order
    descending: bool = False

    @property
    def order(self) -> tuple[Sort, bool]:
        if self.sort is None:
            return DEFAULT_SORT[self.view]
        return self.sort, self.descending

    def sorted_by(self, sort: Sort, descending: bool) -> QueueQuery:
        return replace(self, sort=sort, descending=descending)


@dataclass(frozen=True)
class QueueRow:
    id: uuid.UUID
    reference: str
    subject: str
    customer_id: uuid.UUID
    customer_name: str
    priority: Priority
    status: Status
    assignee_id: uuid.UUID | None
    assignee_name: str | None
    team_id: uuid.UUID | None
    team_name: str | None
    channel: Channel
    created_at: datetime
    updated_at: datetime
    first_response_due: datetime | None
    resolution_due: datetime | None
    first_response_at: datetime | None
    resolved_at: datetime | None
    sla_paused_since: datetime | None
    escalation_level: int
    escalated_to_me: bool  # an escalation to the viewer not yet acknowledged
    sla_raised: int  # highest stage percent the SLA scanner raised for the running clock
    version: int
    # Position in the query's order: (sort value, id); pass back as after/before.
    key: tuple[Any, uuid.UUID]

    @property
    def first_response_running(self) -> bool:
        return self.first_response_at is None and self.first_response_due is not None

    @property
    def running_due(self) -> datetime | None:
        """The clock that matters now: first response until responded, then resolution."""
        if self.status in (Status.RESOLVED, Status.CLOSED):
            return None
        if self.first_response_running:
            return self.first_response_due
        return self.resolution_due

    @property
    def paused(self) -> bool:
        """Only the resolution clock pauses (waiting on the customer or a third party)."""
        return self.sla_paused_since is not None and not self.first_response_running

    def sla(self, now: datetime) -> SlaReading:
        """The running clock's state: the one rule of services.sla_state."""
        clock = current_clock(self)
        return read_ticket(self, now, {clock: self.sla_raised}, clock=clock)


@dataclass(frozen=True)
class SavedViewInfo:
    id: uuid.UUID
    name: str
    filter: QueueFilter
    version: int


_Assignee = aliased(User, name="assignee")


def running_due_expr() -> ColumnElement:
    """SQL twin of QueueRow.running_due, NULLs replaced by NO_DUE so it can be a keyset key."""
    due = case(
        (Ticket.status.in_([Status.RESOLVED, Status.CLOSED]), None),
        (
            and_(Ticket.first_response_at.is_(None), Ticket.first_response_due.is_not(None)),
            Ticket.first_response_due,
        ),
        else_=Ticket.resolution_due,
    )
    return func.coalesce(due, literal(NO_DUE, UTCDateTime()), type_=UTCDateTime())


def _sort_expr(sort: Sort) -> ColumnElement:
    match sort:
        case Sort.NUMBER:
            # The number, not the reference text: HQ-1000000 comes after HQ-200000.
            return Ticket.number
        case Sort.SUBJECT:
            return Ticket.subject
        case Sort.CUSTOMER:
            return Ticket.customer_sort_name  # a copy of Customer.name (services.search)
        case Sort.PRIORITY:
            return Ticket.priority_rank
        case Sort.STATUS:
            return Ticket.status
        case Sort.ASSIGNEE:
            return func.coalesce(_Assignee.display_name, "", type_=User.display_name.type)
        case Sort.TEAM:
            return func.coalesce(Team.name, "", type_=Team.name.type)
        case Sort.CHANNEL:
            return Ticket.channel
        case Sort.CREATED:
            return Ticket.created_at
        case Sort.SLA:
            return running_due_expr()
        case Sort.UPDATED:
            return Ticket.updated_at
    raise ValueError(sort)


def _needs_customer(q: QueueQuery) -> bool:
    return bool(q.filter.segments)


class QueueService:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Any = utcnow,
    ) -> None:
        self._uow = uow_factory
        self._now = clock
        search.install_maintenance()

    # -- reading ------------------------------------------------------------
    def count(self, actor: Actor, q: QueueQuery, cap: int | None = None) -> int:
        """How many tickets the view holds; with ``cap``, counting stops after cap + 1
        (a result above ``cap`` means "more than cap")."""
        actor.require(Permission.VIEW_CUSTOMERS)
        with self._uow(read_only=True) as uow:
            return int(uow.session.scalar(self._count_statement(uow.session, actor, q, cap))
                       or 0)

    def _count_statement(
        self, s: Session, actor: Actor, q: QueueQuery, cap: int | None
    ) -> Select:
        # No walk here: without an order there is no sort index to walk, and SQLite
        # then scanned the table (2 s); counting starts from the matches.
        if cap is None:
            stmt = select(func.count()).select_from(Ticket)
        else:
            stmt = select(literal(1)).select_from(Ticket)
        if _needs_customer(q):
            stmt = stmt.join(Customer, Customer.id == Ticket.customer_id)
        stmt = stmt.where(*self._conditions(s, actor, q))
        if cap is None:
            return stmt
        return select(func.count()).select_from(stmt.limit(cap + 1).subquery())

    def page(
        self,
        actor: Actor,
        q: QueueQuery,
        after: tuple[Any, uuid.UUID] | None = None,
        limit: int = PAGE_SIZE,
    ) -> list[QueueRow]:
        """Up to ``limit`` rows following ``after`` (from the start when None)."""
        return self._fetch(actor, q, anchor=after, backwards=False, offset=0, limit=limit)

    def page_before(
        self,
        actor: Actor,
        q: QueueQuery,
        before: tuple[Any, uuid.UUID] | None = None,
        limit: int = PAGE_SIZE,
    ) -> list[QueueRow]:
        """Up to ``limit`` rows just before ``before`` (the last rows when None), in order."""
        return self._fetch(actor, q, anchor=before, backwards=True, offset=0, limit=limit)

    def rows_at(
        self,
        actor: Actor,
        q: QueueQuery,
        offset: int,
        limit: int = PAGE_SIZE,
        total: int | None = None,
    ) -> list[QueueRow]:
        """Rows ``offset .. offset+limit-1`` of the view. Given the view's ``total``, rows
        in its second half are read backwards from the end, so no read skips more than
        half the view."""
        if offset < 0 or limit < 0:
            raise ValidationFailed("A page starts at row 0 or later.")
        if total is not None and offset > total // 2:
            end = min(offset + limit, total)
            from_end = total - end
            return self._fetch(
                actor, q, anchor=None, backwards=True, offset=from_end, limit=end - offset
            )
        return self._fetch(actor, q, anchor=None, backwards=False, offset=offset, limit=limit)

    def position_of(self, actor: Actor, q: QueueQuery, ticket_id: uuid.UUID) -> int | None:
        """Row number of a ticket in the view (to keep it selected on refresh), or None."""
        actor.require(Permission.VIEW_CUSTOMERS)
        with self._uow(read_only=True) as uow:
            s = uow.session
            sort, descending = q.order
            key = _sort_expr(sort)
            base = self._select(s, actor, q, key.label("k"), Ticket.id)
            row = s.execute(base.where(Ticket.id == ticket_id)).one_or_none()
            if row is None:
                return None
            k = bindparam("k0", row.k, type_=key.type)
            tid = bindparam("id0", row.id, type_=Ticket.id.type)
            if descending:
                before = tuple_(key, Ticket.id) > tuple_(k, tid)
            else:
                before = tuple_(key, Ticket.id) < tuple_(k, tid)
            stmt = select(func.count()).select_from(Ticket)
            stmt = self._joins(stmt, q, sort)
            stmt = stmt.where(*self._conditions(s, actor, q), before)
            return int(s.scalar(stmt) or 0)

    def _fetch(
        self,
        actor: Actor,
        q: QueueQuery,
        *,
        anchor: tuple[Any, uuid.UUID] | None,
        backwards: bool,
        offset: int,
        limit: int,
    ) -> list[QueueRow]:
        actor.require(Permission.VIEW_CUSTOMERS)
        if not 0 <= limit <= MAX_LIMIT:
            raise ValidationFailed(f"A page holds 0 to {MAX_LIMIT} rows.")
        if limit == 0:
            return []
        with self._uow(read_only=True) as uow:
            s = uow.session
            result: list = []
            for stmt, accept in self._page_plans(s, actor, q, anchor, backwards, offset, limit):
                result = list(s.execute(stmt))
                if accept is None or accept(result):
                    break
            rows = [_to_row(r) for r in result]
        if backwards:
            rows.reverse()
        return rows

    def _page_plans(
        self,
        s: Session,
        actor: Actor,
        q: QueueQuery,
        anchor: tuple[Any, uuid.UUID] | None,
        backwards: bool,
        offset: int,
        limit: int,
    ) -> Any:
        """(statement, accept) pairs that read a page, in the order to try them: the
        first whose rows ``accept`` takes (None: any) is the page. Built lazily.

        PostgreSQL, a search: (1) the first page or the page after one walks at most
        WALK_BUDGET tickets in an indexed order, taken when it fills a page; (2) the
        matches first, at most SPARSE_SEARCH + 1 of them, taken when that was all of
        them (the GIN bitmap a separate probe would build, built once) — skipped when
        (1)'s matches were dense enough for (3) to read at most DENSE_WALK tickets
        and the view goes on past the budget (a look at the row after it); (3) the
        walk (or, for an order without an index, the matches sorted)."""
        dialect = s.get_bind().dialect.name

        def build(plan: str | None, at: int = offset) -> Select:
            return self._page_statement(s, actor, q, anchor=anchor, backwards=backwards,
                                        offset=at, limit=limit, plan=plan)

        if dialect != "postgresql" or not self._matches(s, q, walk=False):
            yield build(None), None
            return
        hits: list[int] = []
        if offset == 0 and q.order[0] in _INDEXED_SORTS:
            def walked(rows: list) -> bool:
                hits.append(len(rows))
                return len(rows) == limit

            yield build("budget"), walked
        # The budgeted walk's hits tell the density: walk at once when the whole walk
        # needs at most DENSE_WALK tickets (see there) — and the view holds more than
        # the budget (a quick look past it, no search): in a smaller one the budget
        # walked all of it, an unbounded walk would scan the index to its end.
        past: list[bool] = []
        if hits and WALK_BUDGET * limit <= DENSE_WALK * hits[0]:
            def looked(rows: list) -> bool:
                past.append(bool(rows))
                return False  # never the page

            yield self._past_budget(s, actor, q, anchor, backwards), looked
        if not any(past):
            # Every match was read when at most SPARSE_SEARCH were; an empty first
            # page means none.
            yield build("capped-few"), lambda rows: (
                rows[0].matched_n <= SPARSE_SEARCH if rows else offset == 0
            )
        yield build("many"), None

    def _past_budget(
        self,
        s: Session,
        actor: Actor,
        q: QueueQuery,
        anchor: tuple[Any, uuid.UUID] | None,
        backwards: bool,
    ) -> Select:
        """The view's ticket after the first WALK_BUDGET (after ``anchor``) in the sort
        order, without the search: a row when a budgeted walk did not reach its end."""
        sort, descending = q.order
        key = _sort_expr(sort)
        down = descending != backwards
        stmt = self._joins(select(Ticket.id).select_from(Ticket), q, sort).where(
            *self._conditions(s, actor, q, matches=False)
        )
        if anchor is not None:
            stmt = stmt.where(_after(key, Ticket.id, anchor, down))
        return stmt.order_by(*_ordering(key, Ticket.id, down)).offset(WALK_BUDGET).limit(1)

    def sql_for_first_page(self, actor: Actor, q: QueueQuery, limit: int = PAGE_SIZE) -> list:
        """The statements ``page(actor, q)`` runs, the SQLite density probe included, in
        the order it runs them (run here to know which it needs): for benchmarks."""
        with self._uow(read_only=True) as uow:
            s = uow.session
            ran: list = []
            texts = [t for t in (q.filter.text, q.search) if t and t.strip()]
            if texts and s.get_bind().dialect.name == "sqlite":
                ran += [p for p in (search.sqlite_match_probe(t, SPARSE_SEARCH)
                                    for t in texts) if p is not None]
            for stmt, accept in self._page_plans(s, actor, q, None, False, 0, limit):
                ran.append(stmt)
                if accept is None or accept(s.execute(stmt).all()):
                    break
            return ran

    def sql_for_count(self, actor: Actor, q: QueueQuery, cap: int | None = None) -> Select:
        """The bare COUNT statement behind ``count``: for benchmarks to time."""
        with self._uow() as uow:
            return self._count_statement(uow.session, actor, q, cap)

    def sql_for_page(
        self,
        actor: Actor,
        q: QueueQuery,
        backwards: bool = False,
        limit: int = PAGE_SIZE,
        offset: int = 0,
    ) -> Select:
        """The bare statement behind a page read by position: for benchmarks to time."""
        with self._uow() as uow:
            return self._page_statement(
                uow.session, actor, q, anchor=None, backwards=backwards, offset=offset,
                limit=limit,
            )

    def _page_statement(
        self,
        s: Session,
        actor: Actor,
        q: QueueQuery,
        *,
        anchor: tuple[Any, uuid.UUID] | None,
        backwards: bool,
        offset: int,
        limit: int,
        plan: str | None = None,
    ) -> Select:
        """Two steps in one statement: pick the page's ids by (sort key, id) touching only
        what filtering and sorting need, then join the columns a row shows for just
        those ids (so a search matching 60,000 tickets does not join 60,000 rows).

        ``plan`` (see _page_plans): None, the density probe decides; "budget", walk at
        most WALK_BUDGET tickets of the view (in order, after the anchor) and keep
        those the search matches; "capped-few", sort the first SPARSE_SEARCH + 1
        matches (a ``matched_n`` column says how many there were); "many", walk."""
        sort, descending = q.order
        key = _sort_expr(sort)
        # Reading backwards is reading the reversed order forwards.
        down = descending != backwards
        inner = self._joins(select(Ticket.id, key.label("sort_key")).select_from(Ticket), q, sort)
        dialect = s.get_bind().dialect.name
        planned = {"budget": "many", "many": "many", "capped-few": "few"}
        density = planned.get(plan or "") or self._search_density(s, q)
        # PostgreSQL walks only an order it has an index for; otherwise it takes the
        # matches from the GIN index and sorts them (a walk would test every ticket).
        walk = density == "many" and (dialect == "sqlite" or sort in _INDEXED_SORTS)
        k_col: ColumnElement = key
        id_col: ColumnElement = Ticket.id
        matched_n: ColumnElement | None = None
        if plan == "budget":
            hit = and_(*self._matches(s, q, walk=True))
            walked = self._joins(
                select(Ticket.id, key.label("sort_key"), hit.label("hit")).select_from(Ticket),
                q, sort,
            ).where(*self._conditions(s, actor, q, matches=False))
            if anchor is not None:
                walked = walked.where(_after(key, Ticket.id, anchor, down))
            walked = walked.order_by(*_ordering(key, Ticket.id, down)).limit(WALK_BUDGET)
            tested = walked.subquery("walked")
            inner = select(tested.c.id, tested.c.sort_key).where(tested.c.hit)
            k_col, id_col = tested.c.sort_key, tested.c.id
            anchor = None  # applied before the budget
        else:
            inner = inner.where(*self._conditions(s, actor, q, walk=walk))
        if density == "few" and dialect == "postgresql":
            # PostgreSQL misjudges how many tickets a prefix search matches and walks
            # the sort index testing every ticket (1 s for a phone prefix over a
            # million). When the search is known to match few, take the matches
            # first (GIN) and sort just those.
            if plan == "capped-few":
                if anchor is not None:
                    inner = inner.where(_after(key, Ticket.id, anchor, down))
                    anchor = None
                inner = inner.limit(SPARSE_SEARCH + 1)
            matched = inner.cte("matched").prefix_with("MATERIALIZED")
            if plan == "capped-few":
                matched_n = select(func.count()).select_from(matched).scalar_subquery()
            inner = select(matched.c.id, matched.c.sort_key)
            k_col, id_col = matched.c.sort_key, matched.c.id
        if anchor is not None:
            inner = inner.where(_after(k_col, id_col, anchor, down, key.type))
        inner = inner.order_by(*_ordering(k_col, id_col, down)).limit(limit)
        if offset:
            inner = inner.offset(offset)
        page = inner.subquery("page")
        columns = [*self._row_columns(actor), page.c.sort_key]
        if matched_n is not None:
            columns.append(matched_n.label("matched_n"))
        stmt = (
            select(*columns)
            .select_from(page)
            .join(Ticket, Ticket.id == page.c.id)
            .join(Customer, Customer.id == Ticket.customer_id)
            .outerjoin(_Assignee, _Assignee.id == Ticket.assignee_id)
            .outerjoin(Team, Team.id == Ticket.team_id)
        )
        if down:
            return stmt.order_by(page.c.sort_key.desc(), page.c.id.desc())
        return stmt.order_by(page.c.sort_key.asc(), page.c.id.asc())

    # -- building SQL -------------------------------------------------------
    def _row_columns(self, actor: Actor) -> list[ColumnElement]:
        # Escalated to the viewer (in person, to their team, or to a team they
        # supervise) and not acknowledged: the escalation service's own definition.
        to_me = awaiting_acknowledgement(actor)
        running_clock = case(
            (
                and_(Ticket.first_response_at.is_(None), Ticket.first_response_due.is_not(None)),
                literal(SlaClock.FIRST_RESPONSE.value),
            ),
            else_=literal(SlaClock.RESOLUTION.value),
        )
        # The highest stage the scanner raised for the running clock ("warning_50" ->
        # 50, "breach" -> 100): services.sla_state decides the state from it.
        raised = (
            select(func.max(case(
                (SlaStageEvent.stage == BREACH, literal(BREACH_PERCENT)),
                else_=cast(func.substr(SlaStageEvent.stage, len("warning_") + 1), Integer),
            )))
            .where(SlaStageEvent.ticket_id == Ticket.id, SlaStageEvent.clock == running_clock)
            .scalar_subquery()
        )
        return [
            Ticket.id,
            Ticket.reference,
            Ticket.subject,
            Ticket.customer_id,
            Customer.name.label("customer_name"),
            Ticket.priority,
            Ticket.status,
            Ticket.assignee_id,
            _Assignee.display_name.label("assignee_name"),
            Ticket.team_id,
            Team.name.label("team_name"),
            Ticket.channel,
            Ticket.created_at,
            Ticket.updated_at,
            Ticket.first_response_due,
            Ticket.resolution_due,
            Ticket.first_response_at,
            Ticket.resolved_at,
            Ticket.sla_paused_since,
            Ticket.escalation_level,
            to_me.label("escalated_to_me"),
            raised.label("sla_raised"),
            Ticket.version,
        ]

    def _select(self, s: Session, actor: Actor, q: QueueQuery, *columns: Any) -> Select:
        stmt = (
            select(*columns)
            .select_from(Ticket)
            .join(Customer, Customer.id == Ticket.customer_id)
            .outerjoin(_Assignee, _Assignee.id == Ticket.assignee_id)
            .outerjoin(Team, Team.id == Ticket.team_id)
        )
        return stmt.where(*self._conditions(s, actor, q))

    def _search_density(self, s: Session, q: QueueQuery) -> str:
        """"none" (no search), "few" (fewer than SPARSE_SEARCH candidates: start from
        the matches and sort them) or "many" (walk the sort index, test each ticket)."""
        texts = [t for t in (q.filter.text, q.search) if t and t.strip()]
        if not texts:
            return "none"
        dialect = s.get_bind().dialect.name
        if dialect == "sqlite":
            # From the FTS5 index alone (a millisecond or two); the intersection of two
            # searches is no bigger than the smaller one.
            # The candidates are read, not counted: fewer than SPARSE_SEARCH are every
            # match of that text, and the page takes them as a list of rowids
            # (_matches) instead of asking FTS5 again (a prefix shared by thousands of
            # phone numbers costs 10-20 ms each time).
            found = s.info.setdefault("queue.candidates", {})
            for text in texts:
                probe = search.sqlite_match_probe(text, SPARSE_SEARCH)
                if probe is None:
                    continue
                if text not in found:
                    ids = s.scalars(probe).all()
                    found[text] = ids if len(ids) < SPARSE_SEARCH else None
                if found[text] is not None:
                    return "few"
            return "many"
        matches = [
            m for m in (search.match_condition(dialect, t) for t in texts) if m is not None
        ]
        if not matches:
            return "none"
        probe_ids = select(Ticket.id).where(*matches).limit(SPARSE_SEARCH).subquery()
        n = int(s.scalar(select(func.count()).select_from(probe_ids)) or 0)
        return "few" if n < SPARSE_SEARCH else "many"

    def _joins(self, stmt: Select, q: QueueQuery, sort: Sort) -> Select:
        if _needs_customer(q):
            stmt = stmt.join(Customer, Customer.id == Ticket.customer_id)
        if sort is Sort.ASSIGNEE:
            stmt = stmt.outerjoin(_Assignee, _Assignee.id == Ticket.assignee_id)
        if sort is Sort.TEAM:
            stmt = stmt.outerjoin(Team, Team.id == Ticket.team_id)
        return stmt

    def _conditions(
        self, s: Session, actor: Actor, q: QueueQuery, walk: bool = False, matches: bool = True
    ) -> list[ColumnElement]:
        """The view's conditions; ``matches``: with its search and filter text."""
        now = self._now()
        conds: list[ColumnElement] = [Ticket.deleted_at.is_(None)]
        # Team boundaries (services.visibility): only tickets the actor reads in full.
        # Once per session: a page read may build two or three statements (the teams
        # an actor supervises are a query).
        memo = s.info.setdefault("queue.readable", {})
        who = (actor.user_id, actor.role, frozenset(actor.team_ids), actor.is_system)
        if who not in memo:
            memo[who] = visibility.full_condition(s, actor)
        readable = memo[who]
        if readable is not None:
            conds.append(readable)
        conds.extend(view_conditions(q.view, actor, now))
        f = q.filter
        if f.statuses:
            conds.append(Ticket.status.in_(f.statuses))
        if f.priorities:
            conds.append(Ticket.priority.in_(f.priorities))
        if f.channels:
            conds.append(Ticket.channel.in_(f.channels))
        if f.team_ids:
            conds.append(Ticket.team_id.in_(f.team_ids))
        if f.assignee_ids:
            users = [a for a in f.assignee_ids if isinstance(a, uuid.UUID)]
            parts: list[ColumnElement] = []
            if users:
                parts.append(Ticket.assignee_id.in_(users))
            if UNASSIGNED in f.assignee_ids:
                parts.append(Ticket.assignee_id.is_(None))
            conds.append(or_(*parts) if parts else false())
        if f.segments:
            conds.append(Customer.segment.in_(f.segments))
        if f.ticket_ids:
            conds.append(Ticket.id.in_(f.ticket_ids))
        if matches:
            conds += self._matches(s, q, walk=walk)
        return conds

    def _matches(self, s: Session, q: QueueQuery, walk: bool) -> list[ColumnElement]:
        dialect = s.get_bind().dialect.name
        # SQLite: a text whose every candidate the density probe read (in this
        # transaction) is matched by that list of rowids.
        candidates = s.info.get("queue.candidates", {}) if not walk else {}
        found: list[ColumnElement] = []
        for text in (q.filter.text, q.search):
            if candidates.get(text) is not None:
                found.append(literal_column("tickets.rowid").in_(candidates[text]))
                continue
            match = search.match_condition(dialect, text, walk=walk)
            if match is not None:
                found.append(match)
        return found

    # -- saved views --------------------------------------------------------
    def saved_views(self, actor: Actor) -> list[SavedViewInfo]:
        actor.require(Permission.VIEW_CUSTOMERS)
        if actor.user_id is None:
            return []
        with self._uow(read_only=True) as uow:
            rows = uow.session.scalars(
                select(SavedView)
                .where(SavedView.owner_id == actor.user_id, SavedView.deleted_at.is_(None))
                .order_by(SavedView.name)
            )
            return [_view_info(v) for v in rows]

    def save_view(self, actor: Actor, name: str, view_filter: QueueFilter) -> SavedViewInfo:
        """Save (or overwrite) the actor's custom view called ``name``."""
        actor.require(Permission.VIEW_CUSTOMERS)
        if actor.user_id is None:
            raise ValidationFailed("Only a signed-in person can save views.",
                                   code="view.needs_person")
        name = validation.line(name, "View name", 80)
        if view_filter.is_empty:
            raise ValidationFailed("Choose at least one filter to save as a view.", "filter",
                                   code="view.empty_filter")
        with self._uow() as uow:
            s = uow.session
            existing = s.scalar(
                select(SavedView).where(SavedView.owner_id == actor.user_id, SavedView.name == name)
            )
            if existing is None:
                existing = SavedView(owner_id=actor.user_id, name=name)
                s.add(existing)
            existing.criteria = view_filter.to_criteria()
            existing.deleted_at = None
            s.flush()
            info = _view_info(existing)
            uow.commit()
            return info

    def delete_view(self, actor: Actor, view_id: uuid.UUID) -> None:
        actor.require(Permission.VIEW_CUSTOMERS)
        with self._uow() as uow:
            s = uow.session
            v = s.get(SavedView, view_id)
            if v is None or v.deleted_at is not None or v.owner_id != actor.user_id:
                raise NotFound("That view does not exist (any more).", code="view.not_found")
            v.deleted_at = self._now()
            uow.commit()


# Orders an index of tickets walks (ix_tickets_q_*): a walk can stop after a page.
_INDEXED_SORTS = frozenset(
    {Sort.NUMBER, Sort.SUBJECT, Sort.CUSTOMER, Sort.PRIORITY, Sort.CREATED, Sort.UPDATED}
)


def _after(
    key: ColumnElement, tid: Any, anchor: tuple[Any, uuid.UUID], down: bool,
    key_type: Any = None,
) -> ColumnElement[bool]:
    """Rows after ``anchor`` in the (key, id) order (descending when ``down``)."""
    k = bindparam("k0", anchor[0], type_=key_type if key_type is not None else key.type)
    i = bindparam("id0", anchor[1], type_=Ticket.id.type)
    if down:
        return tuple_(key, tid) < tuple_(k, i)
    return tuple_(key, tid) > tuple_(k, i)


def _ordering(key: ColumnElement, tid: Any, down: bool) -> list[ColumnElement]:
    if down:
        return [key.desc(), tid.desc()]
    return [key.asc(), tid.asc()]


def view_conditions(view: View, actor: Actor, now: datetime) -> list[ColumnElement]:
    """The built-in views, relative to the person looking."""
    is_open = Ticket.status.in_(OPEN_STATUSES)
    match view:
        case View.MY_OPEN:
            if actor.user_id is None:
                return [false()]
            return [is_open, Ticket.assignee_id == actor.user_id]
        case View.MY_TEAM:
            if not actor.team_ids:
                return [false()]
            return [is_open, Ticket.team_id.in_(sorted(actor.team_ids))]
        case View.UNASSIGNED:
            return [is_open, Ticket.assignee_id.is_(None)]
        case View.BREACHING_SOON:
            horizon = bindparam("horizon", now + BREACHING_WINDOW, type_=UTCDateTime())
            first_response_running = and_(
                Ticket.first_response_at.is_(None), Ticket.first_response_due.is_not(None)
            )
            return [
                is_open,
                or_(first_response_running, Ticket.sla_paused_since.is_(None)),
                running_due_expr() <= horizon,
            ]
        case View.WAITING_ON_CUSTOMER:
            return [Ticket.status == Status.PENDING_CUSTOMER]
        case View.ALL_OPEN:
            return [is_open]
        case View.RECENTLY_RESOLVED:
            since = bindparam("since", now - RECENTLY_RESOLVED, type_=UTCDateTime())
            return [
                Ticket.status.in_([Status.RESOLVED, Status.CLOSED]),
                Ticket.resolved_at >= since,
            ]
        case View.CUSTOM:
            return [true()]
    raise ValueError(view)


def _to_row(r: Any) -> QueueRow:
    return QueueRow(
        id=r.id,
        reference=r.reference,
        subject=r.subject,
        customer_id=r.customer_id,
        customer_name=r.customer_name,
        priority=r.priority,
        status=r.status,
        assignee_id=r.assignee_id,
        assignee_name=r.assignee_name,
        team_id=r.team_id,
        team_name=r.team_name,
        channel=r.channel,
        created_at=r.created_at,
        updated_at=r.updated_at,
        first_response_due=r.first_response_due,
        resolution_due=r.resolution_due,
        first_response_at=r.first_response_at,
        resolved_at=r.resolved_at,
        sla_paused_since=r.sla_paused_since,
        escalation_level=r.escalation_level,
        escalated_to_me=bool(r.escalated_to_me),
        sla_raised=int(r.sla_raised or 0),
        version=r.version,
        key=(r.sort_key, r.id),
    )


def _view_info(v: SavedView) -> SavedViewInfo:
    return SavedViewInfo(
        id=v.id, name=v.name, filter=QueueFilter.from_criteria(v.criteria or {}), version=v.version
    )


__all__: Sequence[str] = [
    "BUILT_IN_VIEWS",
    "QueueFilter",
    "QueueQuery",
    "QueueRow",
    "QueueService",
    "SavedViewInfo",
    "Sort",
    "View",
]
