"""`deskapp sla check`: one scan from the command line, one line per raised stage."""

from __future__ import annotations

from datetime import UTC, datetime

from deskapp.cli import main
from deskapp.services.facade import build_services
from deskapp.services.sla_presets import ensure_sla_defaults
from tests.helpers.sla import FakeClock, SlaDesk, log_ticket
from tests.helpers.staff import make_desk


def test_sla_check_prints_what_it_raised_once(sqlite_url: str, capsys):
    # A ticket logged on Saturday 18 October 2025, 08:30 in Tehran (the Iran preset),
    # long breached by now.
    clock = FakeClock(datetime(2025, 10, 18, 5, 0, tzinfo=UTC))
    services = build_services(sqlite_url, clock=clock)
    try:
        desk = make_desk(services)
        assert ensure_sla_defaults(services.uow)
        t = log_ticket(SlaDesk(desk, clock, None)).ticket  # type: ignore[arg-type]
    finally:
        services.dispose()

    assert main(["--db", sqlite_url, "sla", "check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # Both clocks breached: one line each, first response first; each breach
    # escalated once (levels 1 and 2) and told the team's supervisor.
    assert lines == [
        f"{t.reference}  first_response  breach  -> Ali Rezaei; escalated to level 1, "
        "supervisor Maryam Hosseini",
        f"{t.reference}  resolution  breach  -> Ali Rezaei; escalated to level 2, "
        "supervisor Maryam Hosseini",
    ]

    assert main(["--db", sqlite_url, "sla", "check"]) == 0
    assert capsys.readouterr().out == "nothing due\n"
