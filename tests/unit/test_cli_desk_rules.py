"""``deskapp reasons`` / ``authority`` / ``auto-assign``: the desk rules as data, by CLI."""

from __future__ import annotations

from decimal import Decimal

from deskapp.cli import main
from deskapp.models.enums import Role
from tests.helpers.staff import Desk


def test_reasons_authority_and_auto_assign(desk: Desk, sqlite_url: str, capsys):
    assert main(["--db", sqlite_url, "reasons", "add", "Legal threat"]) == 0
    assert main(["--db", sqlite_url, "reasons", "disable", "customer_insists"]) == 0
    capsys.readouterr()
    assert main(["--db", sqlite_url, "reasons", "list"]) == 0
    out = capsys.readouterr().out
    assert "legal_threat             Legal threat" in out and "customer_insists" not in out
    assert main(["--db", sqlite_url, "reasons", "disable", "nope"]) == 1
    assert "no stored reason with code 'nope'" in capsys.readouterr().err

    assert main(["--db", sqlite_url, "authority", "set", "agent", "120.5"]) == 0
    assert main(["--db", sqlite_url, "authority", "set", "supervisor", "unlimited"]) == 0
    limits = {x.role: x.max_amount for x in desk.services.approvals.limits()}
    assert limits[Role.AGENT] == Decimal("120.50") and limits[Role.SUPERVISOR] is None
    assert main(["--db", sqlite_url, "authority", "set", "agent", "-3"]) == 1

    assert main(["--db", sqlite_url, "auto-assign", "Billing", "round_robin"]) == 0
    assert "Billing: auto-assignment round_robin" in capsys.readouterr().out
    assert {t.name: t.auto_assign for t in desk.services.staff.list_teams()}["Billing"] == \
        "round_robin"
