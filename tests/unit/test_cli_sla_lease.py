"""`deskapp sla check` takes part in the site's SLA lease election."""

from __future__ import annotations

from datetime import UTC, datetime

from deskapp.cli import main
from deskapp.models.database import make_engine
from deskapp.services.facade import build_services
from deskapp.services.sla_lease import SLA_LEASE, Lease
from deskapp.services.sla_presets import ensure_sla_defaults
from tests.helpers.sla import FakeClock, SlaDesk, log_ticket
from tests.helpers.staff import make_desk


def test_sla_check_defers_to_the_lease_holder_and_releases_its_own(sqlite_url: str, capsys):
    clock = FakeClock(datetime(2025, 10, 18, 5, 0, tzinfo=UTC))
    services = build_services(sqlite_url, clock=clock)
    try:
        desk = make_desk(services)
        assert ensure_sla_defaults(services.uow)
        t = log_ticket(SlaDesk(desk, clock, None)).ticket  # type: ignore[arg-type]
    finally:
        services.dispose()
    engine = make_engine(sqlite_url)
    try:
        workstation = Lease(engine, SLA_LEASE, "ws:agent-7")
        assert workstation.acquire().held
        assert main(["--db", sqlite_url, "sla", "check"]) == 0
        out = capsys.readouterr().out
        assert "runs on ws:agent-7" in out and t.reference not in out  # nothing scanned

        workstation.release()  # the workstation quit
        assert main(["--db", sqlite_url, "sla", "check"]) == 0
        assert t.reference in capsys.readouterr().out  # cron scanned it
        assert workstation.current().holder is None  # and let go of the lease
        assert workstation.acquire().held
        assert main(["--db", sqlite_url, "sla", "check", "--force"]) == 0
        assert capsys.readouterr().out == "nothing due\n"  # forced, and nothing twice
    finally:
        engine.dispose()
