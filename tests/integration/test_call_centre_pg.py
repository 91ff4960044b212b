"""Twenty simulated workstations through a real PgBouncer (transaction mode), in four
processes, for a short mixed run: every change reaches every surviving workstation's
feed follower, each SLA stage is raised once, and killing the process of the SLA
lease holder hands the lease over (tests/helpers/call_centre.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.helpers.call_centre import prepare, run, unraised_stages

pytestmark = [pytest.mark.postgres, pytest.mark.pgbouncer]

WORKSTATIONS = 20
PROCESSES = 4
DURATION = 30.0


def test_twenty_workstations_through_pgbouncer(pg_url: str, pgbouncer):
    config = prepare(
        pg_url,
        workstations=WORKSTATIONS,
        sla_tickets=12,
        duration=DURATION,
        period=3.0,  # busier than a real agent (every ~20 s): more changes per second
        route_url=pgbouncer.url_for(pg_url),
        tick_seconds=1.0,  # the lease, shortened so the hand-over fits in the run
        ttl_seconds=4.0,
        scan_interval_seconds=2.0,
        poll_interval=0.5,
        start_delay=10.0,
    )
    result = run(config, processes=PROCESSES, bouncer=pgbouncer, kill_holder_after=10.0)

    assert result.killed_pid is not None, "the lease holder's process was not found"
    assert result.survivors == WORKSTATIONS - WORKSTATIONS // PROCESSES
    # the lease moved to another process within its ttl plus a tick or two
    assert result.takeover_seconds is not None and result.takeover_seconds < 4.0 + 4.0
    epochs = [e[1] for e in result.lease["epochs"] if e[1]]
    assert len(set(epochs)) >= 2
    # mixed work happened, and nothing failed but the expected refusals
    assert result.writes > 50 and set(result.ok) >= {"log_call", "reply", "status"}
    assert result.failed == {}, result.failures
    # every change reached every surviving follower
    assert result.missing == []
    assert result.propagation["n"] > 0
    # each SLA stage once: none doubled, raised before and after the kill, and a scan
    # now finds nothing that fell due more than a tick ago left unraised
    assert result.raised and result.doubled == []
    assert unraised_stages(pg_url, datetime.now(UTC) - timedelta(seconds=5)) == []
    # PgBouncer kept the server side small
    assert 0 < result.server_connections_peak <= pgbouncer.pool_size
