"""A process asking for goodwill credits on a shared PostgreSQL (spawned by
tests/integration/test_authority_concurrency_pg.py). Module level so 'spawn' imports it."""

from __future__ import annotations

import uuid

from deskapp.services.facade import build_services


def ask_credits(url: str, username: str, ticket_ids: list[str], amount: str,
                barrier, results) -> None:
    """For each ticket, wait for the other process, then ask for ``amount``; whether each
    was granted at once (True) or became a request for approval (False), put on
    ``results`` as (username, list)."""
    services = build_services(url)
    try:
        actor = services.staff.actor(username)
        out = []
        for tid in ticket_ids:
            barrier.wait(timeout=60)
            result = services.approvals.record_decision(
                actor, uuid.UUID(tid), "goodwill_credit", amount, "Sorry for the outage.")
            out.append(result.recorded)
        results.put((username, out))
    finally:
        services.dispose()
