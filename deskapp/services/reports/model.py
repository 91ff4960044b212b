"""What a report asks for and what it answers: plain, frozen dataclasses.

Definitions (the tooltips of the Reports tab say the same in one line each):

* **Population.** A report covers the local days ``start`` .. ``end`` (inclusive) of
  ``timezone``. "Created in the range" is the population of volume, SLA compliance,
  first response time, escalation rate and each agent's *handled* count; "resolved in
  the range" (``resolved_at`` inside it) is the population of resolution time,
  first-contact resolution, satisfaction and each agent's *resolved* count.
  Soft-deleted tickets never count. Filters (site, team, agent, channel, segment,
  priority, category) narrow both populations.
* **SLA compliance**, per policy and clock, over tickets created in the range that
  have a policy: *met* — the clock stopped (first response; or resolution) no later
  than its due time; *breached* — it stopped after its due time, or it is still
  running past it; *still running* — not stopped, not yet due. Compliance is
  met / (met + breached); running tickets are not yet decided.
* **First response time / resolution time**: business time in the calendar of the
  ticket's SLA policy (wall-clock time for a ticket without a policy), from creation
  to the first outbound reply or call, and to resolution with the paused time
  (pending on customer or third party, resolved before a reopen) left out. Median
  and 90th percentile are the *lower* percentiles: the value at position
  ceil(p x n) of the sorted values (no interpolation).
* **First-contact resolution (strict)**: a ticket resolved in the range counts as
  resolved on first contact when all hold: (1) it was resolved with only its first
  inbound contact (the agent's recorded flag: one inbound interaction, never
  reopened, at escalation level 0 when resolved); (2) it was never escalated
  (no escalation record at all, even one later undone); (3) it was never reopened;
  (4) the customer made no further inbound contact within 7 days after the
  resolution: no inbound interaction on the ticket and no new ticket of the same
  customer. A ticket resolved less than 7 days ago is judged on what is known so far;
  once the 7 days have passed the verdict is stored (``tickets.fcr_strict``) and no
  longer recomputed (a reopen and new resolution decide it again).
  FCR rate = such tickets / tickets resolved in the range.
* **CSAT**: the 1-5 scores of tickets resolved in the range; response rate = scored /
  resolved.
* **Backlog**: open tickets (new, open, pending) now, by status and by age (time since
  creation); the trend is the open count at the end of each
  day of the range (created by then, minus resolved or closed by then; a ticket's
  earlier resolve-and-reopen cycles are not replayed).
* **Escalations**: escalation records (de-escalations left out) made in the range on
  tickets that match the filters, by kind, reason and automatic/manual; escalation
  rate = tickets created in the range escalated at least once / tickets created.
  **Reopen rate** = tickets created in the range and reopened at least once /
  those of them resolved at least once.
* **Volume**: tickets created in the range by channel, by day, and by local hour of
  day x weekday.
* **Per agent** (the current assignee): handled = created in the range, resolved,
  FCR rate, average CSAT, median first response (business time), breaches (tickets
  handled with at least one clock breached).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

FCR_WINDOW_DAYS = 7
AGE_BUCKETS = (  # (label, lower bound in hours)
    ("< 1 day", 0),
    ("1-3 days", 24),
    ("3-7 days", 72),
    ("7-30 days", 168),
    ("> 30 days", 720),
)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class ReportQuery:
    start: date
    end: date  # inclusive
    timezone: str = "UTC"
    site_id: uuid.UUID | None = None
    team_ids: tuple[uuid.UUID, ...] = ()
    agent_id: uuid.UUID | None = None
    channel: str | None = None
    segment: str | None = None
    priority: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class SlaCompliance:
    policy_id: uuid.UUID
    policy_name: str
    clock: str  # "first_response" | "resolution"
    met: int
    breached: int
    running: int

    @property
    def percent(self) -> float | None:
        decided = self.met + self.breached
        return 100.0 * self.met / decided if decided else None


@dataclass(frozen=True)
class Durations:
    """Business seconds: how many tickets were measured, median and 90th percentile."""

    count: int
    median_s: int | None
    p90_s: int | None


@dataclass(frozen=True)
class Fcr:
    resolved: int
    first_contact: int

    @property
    def rate(self) -> float | None:
        return 100.0 * self.first_contact / self.resolved if self.resolved else None


@dataclass(frozen=True)
class Csat:
    resolved: int
    distribution: tuple[int, int, int, int, int]  # how many 1s .. 5s

    @property
    def responses(self) -> int:
        return sum(self.distribution)

    @property
    def average(self) -> float | None:
        n = self.responses
        return sum((i + 1) * c for i, c in enumerate(self.distribution)) / n if n else None

    @property
    def response_rate(self) -> float | None:
        return 100.0 * self.responses / self.resolved if self.resolved else None


@dataclass(frozen=True)
class Backlog:
    as_of: datetime
    by_status: tuple[tuple[str, int], ...]
    by_age: tuple[tuple[str, int], ...]
    trend: tuple[tuple[date, int], ...]  # open at the end of each day

    @property
    def total(self) -> int:
        return sum(n for _s, n in self.by_status)


@dataclass(frozen=True)
class Escalations:
    created: int  # tickets created in the range
    escalated: int  # of them, escalated at least once
    by_kind: tuple[tuple[str, int], ...]
    by_reason: tuple[tuple[str, int], ...]
    automatic: int
    manual: int
    resolved_once: int  # created in the range and resolved at least once
    reopened: int

    @property
    def rate(self) -> float | None:
        return 100.0 * self.escalated / self.created if self.created else None

    @property
    def reopen_rate(self) -> float | None:
        return 100.0 * self.reopened / self.resolved_once if self.resolved_once else None


@dataclass(frozen=True)
class Volume:
    total: int
    by_channel: tuple[tuple[str, int], ...]
    by_day: tuple[tuple[date, int], ...]
    # heat[weekday][hour], weekday 0 = Monday, local time of the report.
    heat: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class AgentRow:
    user_id: uuid.UUID | None
    name: str
    handled: int
    resolved: int
    first_contact: int
    csat_count: int
    csat_sum: int
    median_first_response_s: int | None
    breaches: int

    @property
    def fcr_rate(self) -> float | None:
        return 100.0 * self.first_contact / self.resolved if self.resolved else None

    @property
    def csat_average(self) -> float | None:
        return self.csat_sum / self.csat_count if self.csat_count else None


@dataclass(frozen=True)
class Report:
    query: ReportQuery
    generated_at: datetime
    range_start: datetime  # UTC instants of the range [start, end)
    range_end: datetime
    sla: tuple[SlaCompliance, ...]
    first_response: Durations
    resolution: Durations
    fcr: Fcr
    csat: Csat
    backlog: Backlog
    escalations: Escalations
    volume: Volume
    agents: tuple[AgentRow, ...]
    team_names: tuple[str, ...] = field(default=())
