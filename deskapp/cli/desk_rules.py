"""Desk rules kept as data: ``deskapp reasons`` (the escalate dialog's reason list),
``deskapp authority`` (how large a goodwill credit or warranty decision each role may
grant alone) and ``deskapp auto-assign`` (a team's auto-assignment switch)."""

from __future__ import annotations

import argparse

from deskapp.cli.context import CliContext, CliError
from deskapp.models.enums import Role
from deskapp.services.auto_assign import AutoAssignMode
from deskapp.services.errors import DeskError
from deskapp.services.permissions import SYSTEM


def register(sub: argparse._SubParsersAction) -> None:
    reasons = sub.add_parser("reasons", help="escalation reasons offered in the escalate dialog")
    rsub = reasons.add_subparsers(dest="reasons_command", metavar="ACTION", required=True)
    ls = rsub.add_parser("list", help="list the reasons")
    ls.add_argument("--all", action="store_true", help="include retired reasons")
    ls.set_defaults(handler=_reasons_list)
    add = rsub.add_parser("add", help="add a reason")
    add.add_argument("label")
    add.add_argument("--code", help="stable code (default: from the label)")
    add.set_defaults(handler=_reasons_add)
    for name, active in (("disable", False), ("enable", True)):
        p = rsub.add_parser(name, help=f"{name} a reason (history keeps its label)")
        p.add_argument("code")
        p.set_defaults(handler=_reasons_toggle, active=active)

    authority = sub.add_parser("authority", help="delegated authority limits per role")
    asub = authority.add_subparsers(dest="authority_command", metavar="ACTION", required=True)
    asub.add_parser("list", help="show the limits").set_defaults(handler=_authority_list)
    st = asub.add_parser("set", help="set a role's limit")
    st.add_argument("role", help="one of: " + ", ".join(r.value for r in Role))
    st.add_argument("amount", help="an amount, or 'unlimited'")
    st.set_defaults(handler=_authority_set)

    auto = sub.add_parser("auto-assign", help="a team's auto-assignment switch")
    auto.add_argument("team", help="team name")
    auto.add_argument("mode", choices=[m.value for m in AutoAssignMode])
    auto.set_defaults(handler=_auto_assign)


def _reasons_list(args: argparse.Namespace, ctx: CliContext) -> int:
    for r in ctx.services().escalations.reasons(include_inactive=args.all):
        state = "" if r.active else "  (retired)"
        print(f"{r.code:24} {r.label}{state}")
    return 0


def _reasons_add(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        info = ctx.services().escalations.add_reason(SYSTEM, args.label, code=args.code)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    print(f"added {info.code}: {info.label}")
    return 0


def _reasons_toggle(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ctx.services().escalations
    found = next((r for r in svc.reasons(include_inactive=True) if r.code == args.code), None)
    if found is None or found.id is None:
        known = ", ".join(r.code for r in svc.reasons(include_inactive=True) if r.id) or "none"
        raise CliError(f"no stored reason with code {args.code!r}; known: {known}.")
    try:
        svc.update_reason(SYSTEM, found.id, found.version, active=args.active)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    print(f"{'enabled' if args.active else 'disabled'} {found.code}")
    return 0


def _authority_list(args: argparse.Namespace, ctx: CliContext) -> int:
    for limit in ctx.services().approvals.limits():
        amount = "unlimited" if limit.max_amount is None else str(limit.max_amount)
        print(f"{limit.role.value:11} {amount}")
    return 0


def _authority_set(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ctx.services().approvals
    try:
        role = Role(args.role.lower())
    except ValueError:
        raise CliError(f"unknown role {args.role!r}; choose one of: "
                       f"{', '.join(r.value for r in Role)}.") from None
    amount = None if args.amount.lower() == "unlimited" else args.amount
    current = next(x for x in svc.limits() if x.role is role)
    try:
        info = svc.set_limit(SYSTEM, role, amount, current.version)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    shown = "unlimited" if info.max_amount is None else str(info.max_amount)
    print(f"{role.value} may now grant up to {shown}")
    return 0


def _auto_assign(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ctx.services()
    team = next((t for t in svc.staff.list_teams() if t.name == args.team), None)
    if team is None:
        known = ", ".join(t.name for t in svc.staff.list_teams()) or "none yet"
        raise CliError(f"no team named {args.team!r}; known teams: {known}.")
    try:
        result = svc.auto_assign.set_mode(SYSTEM, team.id, args.mode)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    print(f"{team.name}: auto-assignment {result.mode.value}; {result.assigned} waiting "
          f"tickets assigned, {result.left_unassigned} still unassigned")
    return 0
