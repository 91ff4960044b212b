"""``deskapp sla check``: one SLA scan, for servers and cron."""

from __future__ import annotations

import argparse

from deskapp.cli.context import CliContext, CliError
from deskapp.services.errors import DeskError
from deskapp.services.sla_scan import RaisedStage


def register(sub: argparse._SubParsersAction) -> None:
    sla = sub.add_parser("sla", help="SLA clocks")
    ssub = sla.add_subparsers(dest="sla_command", metavar="ACTION", required=True)
    check = ssub.add_parser(
        "check",
        help="raise the SLA warnings and breaches that are due, once, and print them",
    )
    check.set_defaults(handler=_check)


def format_stage(r: RaisedStage) -> str:
    """``HQ-000123  resolution  breach  -> Ali Rezaei; escalated to level 1, Maryam``"""
    who = ", ".join(r.recipient_names) or "nobody (no assignee, no team)"
    line = f"{r.reference}  {r.clock.value}  {r.stage}  -> {who}"
    if r.escalated:
        line += f"; escalated to level {r.escalation_level}"
        if r.supervisor_name:
            line += f", supervisor {r.supervisor_name}"
    return line


def _check(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ctx.services()
    try:
        raised = svc.sla_scanner.scan()
    except DeskError as exc:
        raise CliError(str(exc)) from None
    for r in raised:
        print(format_stage(r))
    if not raised:
        print("nothing due")
    return 0
