"""The queue's current view (its view, filter, search and order) as rows to export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from deskapp.services.permissions import Actor
from deskapp.services.queue import QueueQuery, QueueService
from deskapp.services.reports.export import write_rows_csv, write_rows_xlsx
from deskapp.services.reports.tables import Cell

QUEUE_HEADERS = (
    "Number", "Subject", "Customer", "Priority", "Status", "Channel", "Assignee", "Team",
    "Created (UTC)", "First response due (UTC)", "Resolution due (UTC)",
)


def queue_rows(queue: QueueService, actor: Actor, q: QueueQuery, page: int = 1000
               ) -> Iterator[tuple[Cell, ...]]:
    """Every row of the view in its order, read page by page (keyset)."""
    after = None
    while True:
        rows = queue.page(actor, q, after=after, limit=page)
        for r in rows:
            yield (
                r.reference, r.subject, r.customer_name, r.priority.value, r.status.value,
                r.channel.value, r.assignee_name or "", r.team_name or "",
                _iso(r.created_at), _iso(r.first_response_due), _iso(r.resolution_due),
            )
        if len(rows) < page:
            return
        after = rows[-1].key


def _iso(value) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M")


def export_queue(
    queue: QueueService, actor: Actor, q: QueueQuery, path: str | Path, fmt: str,
    headers: tuple[str, ...] = QUEUE_HEADERS, title: str = "Queue",
) -> int:
    """Write the view to ``path`` as "csv" or "xlsx"; returns how many tickets."""
    rows = queue_rows(queue, actor, q)
    if fmt == "csv":
        return write_rows_csv(headers, rows, path)
    return write_rows_xlsx(title, headers, rows, path)
