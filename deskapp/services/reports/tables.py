"""A report as tables (title, headers, rows of plain values): what the Reports tab
shows, what CSV and XLSX export write and what the PDF prints, so all of them carry
the same figures.

Texts are English; pass ``tr`` (English text -> the user's language) to word them,
and ``day`` to write a date (the Jalali calendar under Persian). Durations are in
minutes (one decimal), rates in percent (one decimal); a figure that cannot be
computed (nothing to count) is ``None`` and written as an empty cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from deskapp.services.reports.model import WEEKDAYS, Report

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def minutes(seconds: int | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def pct(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _same(text: str) -> str:
    return text


def report_tables(
    r: Report,
    tr: Callable[[str], str] = _same,
    day: Callable[[date], str] = date.isoformat,
) -> list[Table]:
    e, c = r.escalations, r.csat
    out = [
        Table(
            "summary",
            tr("Summary"),
            (tr("Figure"), tr("Value")),
            (
                (tr("Tickets created"), r.volume.total),
                (tr("Tickets resolved"), r.fcr.resolved),
                (tr("First response, median (business minutes)"), minutes(r.first_response.median_s)),
                (tr("First response, 90th percentile (business minutes)"), minutes(r.first_response.p90_s)),
                (tr("Resolution, median (business minutes)"), minutes(r.resolution.median_s)),
                (tr("Resolution, 90th percentile (business minutes)"), minutes(r.resolution.p90_s)),
                (tr("First-contact resolution %"), pct(r.fcr.rate)),
                (tr("CSAT average"), None if c.average is None else round(c.average, 2)),
                (tr("CSAT response rate %"), pct(c.response_rate)),
                (tr("Escalation rate %"), pct(e.rate)),
                (tr("Reopen rate %"), pct(e.reopen_rate)),
                (tr("Open backlog"), r.backlog.total),
            ),
        ),
        Table(
            "sla",
            tr("SLA compliance"),
            (tr("Policy"), tr("Clock"), tr("Met"), tr("Breached"), tr("Still running"), tr("Compliance %")),
            tuple(
                (s.policy_name, tr(_CLOCKS[s.clock]), s.met, s.breached, s.running, pct(s.percent))
                for s in r.sla
            ),
        ),
        Table(
            "csat",
            tr("CSAT distribution"),
            (tr("Score"), tr("Tickets")),
            tuple((i + 1, n) for i, n in enumerate(c.distribution)),
        ),
        Table(
            "backlog_status",
            tr("Backlog by status"),
            (tr("Status"), tr("Tickets")),
            tuple((tr(_STATUSES.get(s, s)), n) for s, n in r.backlog.by_status),
        ),
        Table(
            "backlog_age",
            tr("Backlog by age"),
            (tr("Age"), tr("Tickets")),
            tuple((tr(a), n) for a, n in r.backlog.by_age),
        ),
        Table(
            "backlog_trend",
            tr("Backlog trend"),
            (tr("Day"), tr("Open at the end of the day")),
            tuple((day(d), n) for d, n in r.backlog.trend),
        ),
        Table(
            "escalations",
            tr("Escalations"),
            (tr("Group"), tr("Value"), tr("Escalations")),
            (
                *((tr("Kind"), tr(k.capitalize()), n) for k, n in e.by_kind),
                *((tr("Reason"), reason, n) for reason, n in e.by_reason),
                (tr("Trigger"), tr("Automatic"), e.automatic),
                (tr("Trigger"), tr("Manual"), e.manual),
            ),
        ),
        Table(
            "volume_channel",
            tr("Volume by channel"),
            (tr("Channel"), tr("Tickets")),
            tuple((tr(_CHANNELS.get(ch, ch)), n) for ch, n in r.volume.by_channel),
        ),
        Table(
            "volume_day",
            tr("Volume by day"),
            (tr("Day"), tr("Tickets")),
            tuple((day(d), n) for d, n in r.volume.by_day),
        ),
        Table(
            "volume_hour",
            tr("Volume by hour and weekday"),
            (tr("Weekday"), *(f"{h:02d}" for h in range(24))),
            tuple((tr(WEEKDAYS[w]), *row) for w, row in enumerate(r.volume.heat)),
        ),
        Table(
            "agents",
            tr("Per agent"),
            (
                tr("Agent"),
                tr("Handled"),
                tr("Resolved"),
                tr("FCR %"),
                tr("CSAT average"),
                tr("Median first response (business minutes)"),
                tr("Breaches"),
            ),
            tuple(
                (
                    a.name or tr("(unassigned)"),
                    a.handled,
                    a.resolved,
                    pct(a.fcr_rate),
                    None if a.csat_average is None else round(a.csat_average, 2),
                    minutes(a.median_first_response_s),
                    a.breaches,
                )
                for a in r.agents
            ),
        ),
    ]
    return out


_CLOCKS = {"first_response": "First response", "resolution": "Resolution"}
_STATUSES = {
    "new": "New",
    "open": "Open",
    "pending_customer": "Pending customer",
    "pending_third_party": "Pending third party",
}
_CHANNELS = {
    "phone": "Phone",
    "email": "Email",
    "chat": "Chat",
    "social": "Social",
    "walk_in": "Walk-in",
    "web": "Web",
}

