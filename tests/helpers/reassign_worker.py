"""A process that reassigns tickets at random on a shared PostgreSQL (spawned by
tests/integration/test_reassign_concurrency.py). Module level so 'spawn' can import it."""

from __future__ import annotations

import random
import time
import uuid

from deskapp.services.errors import StaleUpdate
from deskapp.services.facade import build_services


def reassign_at_random(
    url: str,
    seed: int,
    seconds: float,
    username: str,
    ticket_ids: list[str],
    user_ids: list[str],
) -> tuple[list[tuple[str, str]], int]:
    """Move random tickets to random people until time is up, with the expected version
    this process last saw. Returns the moves that changed something (ticket id, new
    assignee id) and the number of stale refusals."""
    rng = random.Random(seed)
    services = build_services(url)  # its own engine, its own connections
    try:
        actor = services.staff.actor(username)
        tickets = [uuid.UUID(t) for t in ticket_ids]
        people = [uuid.UUID(u) for u in user_ids]
        versions = {s.id: s.version for s in services.workload.tickets(actor, limit=5000)}
        moves: list[tuple[str, str]] = []
        stale = 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ticket_id = rng.choice(tickets)
            target = rng.choice(people)
            try:
                result = services.workload.reassign_one(
                    actor, ticket_id, versions.get(ticket_id, 1), to_user_id=target,
                    reason=f"shuffle {seed}",
                )
            except StaleUpdate as exc:
                stale += 1
                versions[ticket_id] = exc.current_version
                continue
            versions[ticket_id] = result.new_version
            if result.changed:
                moves.append((str(ticket_id), str(target)))
        return moves, stale
    finally:
        services.dispose()
