"""Many tickets fast: Core bulk inserts for the big-queue test and the benchmark.

Rows are built deterministically (a seeded Random) with their search documents, so
full-text search works on them exactly as on rows written by the services.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select, update

from deskapp.models import Customer, CustomerPhone, Site, Ticket, new_id
from deskapp.models.enums import PRIORITY_RANK, Channel, Priority, Segment, Status
from deskapp.services.search import ticket_document
from deskapp.services.text import search_key

# Roughly a desk's steady state: most tickets long closed, a few percent open.
STATUS_WEIGHTS = [
    (Status.NEW, 5),
    (Status.OPEN, 20),
    (Status.PENDING_CUSTOMER, 10),
    (Status.PENDING_THIRD_PARTY, 5),
    (Status.RESOLVED, 60),
    (Status.CLOSED, 900),
]
SUBJECTS = [
    "Internet is slow", "Router does not start", "Invoice is wrong", "Refund request",
    "Password reset", "Cannot log in", "Bill too high", "Change of address",
    "اینترنت قطع است", "مودم روشن نمی‌شود", "صورتحساب اشتباه است", "درخواست بازپرداخت",
    "تغییر آدرس", "سرعت پایین", "قطعی مکرر", "شکایت از پشتیبانی",
]
FIRST = ["Ali", "Sara", "Reza", "Maryam", "Nima", "علی", "زهرا", "محمد", "فاطمه", "حسین"]
LAST = ["Rezaei", "Ahmadi", "Karimi", "Hosseini", "Moradi", "رضایی", "احمدی", "کریمی"]


def bulk_tickets(
    engine: Engine,
    count: int,
    *,
    assignee_ids: Sequence[uuid.UUID],
    team_ids: Sequence[uuid.UUID],
    site_code: str = "HQ",
    now: datetime | None = None,
    seed: int = 7,
    batch: int = 10_000,
    progress: Callable[[int], None] | None = None,
    quiet_triggers: bool = False,
    commit_batches: bool = False,
) -> None:
    """Insert ``count`` tickets (and a customer per five tickets) in one transaction.

    ``quiet_triggers`` (PostgreSQL, superuser): skip row triggers such as the live
    change NOTIFY for this bulk load; indexes are still maintained.
    ``commit_batches``: commit after every batch instead (benchmark data on a shared
    server: one long write transaction holds back the snapshot xmin below which every
    change-feed reader of the server reads, so their live updates would stall)."""
    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    span = timedelta(days=730).total_seconds()
    statuses = [s for s, _ in STATUS_WEIGHTS]
    weights = [w for _, w in STATUS_WEIGHTS]
    with engine.connect() as conn:

        def quiet() -> None:
            if quiet_triggers and conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SET LOCAL session_replication_role = replica")

        def checkpoint() -> None:
            if commit_batches:
                conn.commit()
                quiet()

        quiet()
        site_id, last = conn.execute(
            select(Site.id, Site.last_ticket_number).where(Site.code == site_code)
        ).one()
        customers: list[tuple[uuid.UUID, str, str, str]] = []
        n_customers = max(1, count // 5)
        rows_c, rows_p = [], []
        for i in range(n_customers):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
            phone = f"09{rng.randrange(10**9):09d}"
            email = f"customer{i}@example.com"
            cid = new_id()
            customers.append((cid, name, phone, email))
            stamp = now - timedelta(seconds=span)
            rows_c.append({
                "id": cid, "name": name, "search_name": search_key(name), "email": email,
                "organisation": None, "segment": rng.choice(list(Segment)),
                "preferred_language": "fa", "warning_note": "", "created_at": stamp,
                "updated_at": stamp, "version": 1,
            })
            rows_p.append({
                "id": new_id(), "customer_id": cid, "number": phone, "label": "mobile",
                "position": 0, "created_at": stamp, "updated_at": stamp, "version": 1,
            })
            if len(rows_c) >= batch:
                conn.execute(Customer.__table__.insert(), rows_c)
                conn.execute(CustomerPhone.__table__.insert(), rows_p)
                rows_c, rows_p = [], []
                checkpoint()
        if rows_c:
            conn.execute(Customer.__table__.insert(), rows_c)
            conn.execute(CustomerPhone.__table__.insert(), rows_p)

        rows: list[dict] = []
        for i in range(count):
            number = last + 1 + i
            reference = f"{site_code}-{number:06d}"
            created = now - timedelta(seconds=span * (1 - i / count) + rng.random() * 60)
            status = rng.choices(statuses, weights)[0]
            priority = rng.choice(list(Priority))
            channel = rng.choice(list(Channel))
            cid, cname, phone, email = customers[rng.randrange(len(customers))]
            subject = rng.choice(SUBJECTS)
            done = status in (Status.RESOLVED, Status.CLOSED)
            responded = done or rng.random() < 0.7
            paused = status in (Status.PENDING_CUSTOMER, Status.PENDING_THIRD_PARTY)
            resolved_at = created + timedelta(hours=rng.randrange(1, 72)) if done else None
            if resolved_at is not None and resolved_at > now:
                resolved_at = now
            assignee = rng.choice(assignee_ids) if rng.random() < 0.8 else None
            rows.append({
                "id": new_id(), "site_id": site_id, "number": number, "reference": reference,
                "subject": subject, "description": f"{subject} — ticket {number}",
                "channel": channel, "category": "", "priority": priority,
                "priority_rank": PRIORITY_RANK[priority], "status": status,
                "customer_id": cid, "assignee_id": assignee,
                "team_id": rng.choice(team_ids) if team_ids else None,
                "escalation_level": 1 if rng.random() < 0.05 else 0,
                "first_response_due": created + timedelta(hours=4),
                "resolution_due": created + timedelta(days=3),
                "sla_paused_since": now - timedelta(hours=1) if paused else None,
                "first_response_at": created + timedelta(minutes=30) if responded else None,
                "resolved_at": resolved_at,
                "closed_at": resolved_at if status is Status.CLOSED else None,
                "last_activity_at": resolved_at or created,
                "reopen_count": 0, "created_at": created, "updated_at": resolved_at or created,
                "version": 1,
                "customer_sort_name": cname,
                "search_text": ticket_document(
                    reference=reference, number=number, subject=subject,
                    description=f"{subject} — ticket {number}", customer_name=cname,
                    email=email, phones=[phone],
                ),
            })
            if len(rows) >= batch:
                conn.execute(Ticket.__table__.insert(), rows)
                rows = []
                checkpoint()
                if progress:
                    progress(i + 1)
        if rows:
            conn.execute(Ticket.__table__.insert(), rows)
        conn.execute(
            update(Site).where(Site.id == site_id).values(last_ticket_number=last + count)
        )
        conn.commit()
    if progress:
        progress(count)
