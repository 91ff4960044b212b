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
    check.add_argument(
        "--force",
        action="store_true",
        help="scan even while a workstation holds the site's SLA scan lease",
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
    """Takes part in the site's SLA lease election (deskapp.services.sla_lease): scans
    only when no workstation holds the lease (or with --force), then releases it."""
    from deskapp.services.feed_follow import trim_feed
    from deskapp.services.sla_lease import SLA_LEASE, Lease, holder_id

    svc = ctx.services()
    lease = Lease(svc.engine, SLA_LEASE, holder_id("cli"))
    state = lease.acquire()
    if not state.held and not args.force:
        until = state.expires_at.strftime("%H:%M:%S UTC") if state.expires_at else "?"
        print(f"the SLA scan runs on {state.holder} (lease until {until}); nothing to do")
        return 0
    try:
        raised = svc.sla_scanner.scan()
        if svc.engine.dialect.name == "postgresql":
            trim_feed(svc.engine)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    finally:
        if state.held:
            lease.release()
    for r in raised:
        print(format_stage(r))
    if not raised:
        print("nothing due")
    return 0
