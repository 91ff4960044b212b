"""``deskapp team add|list|edit|remove``: the desk's teams, their skills (with display
names in English and Persian), supervisor and members."""

from __future__ import annotations

import argparse

from deskapp.cli.context import CliContext, CliError
from deskapp.services.errors import DeskError
from deskapp.services.permissions import SYSTEM


def register(sub: argparse._SubParsersAction) -> None:
    team = sub.add_parser("team", help="manage teams")
    tsub = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    add = tsub.add_parser("add", help="create a team")
    add.add_argument("name")
    _team_options(add)
    add.set_defaults(handler=_add)

    ls = tsub.add_parser("list", help="list teams with skills, supervisor and members")
    ls.set_defaults(handler=_list)

    edit = tsub.add_parser("edit", help="rename a team or change its skills, supervisor, "
                                        "members")
    edit.add_argument("name")
    edit.add_argument("--rename", metavar="NEW_NAME")
    _team_options(edit)
    edit.add_argument("--no-supervisor", action="store_true", help="remove the supervisor")
    edit.add_argument("--add-member", action="append", default=[], metavar="USER")
    edit.add_argument("--remove-member", action="append", default=[], metavar="USER")
    edit.set_defaults(handler=_edit)

    rm = tsub.add_parser("remove", help="remove a team that has no open tickets")
    rm.add_argument("name")
    rm.set_defaults(handler=_remove)


def _team_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--skill", action="append", dest="skills", metavar="SKILL",
                   help="a skill code, optionally with names: billing or "
                        "'billing=Billing/صورت‌حساب' (English/Persian); repeatable; on edit, "
                        "replaces the list")
    p.add_argument("--tier", type=int, help="support tier 1-3")
    p.add_argument("--supervisor", metavar="USER")
    p.add_argument("--description")
    p.add_argument("--member", action="append", dest="members", metavar="USER",
                   help="a member (repeatable); on edit, replaces the list")


def parse_skills(values: list[str] | None) -> tuple[list[str] | None, dict[str, dict[str, str]]]:
    """'billing=Billing/صورت‌حساب' -> (["billing"], {"billing": {"en": ..., "fa": ...}})."""
    if values is None:
        return None, {}
    skills: list[str] = []
    labels: dict[str, dict[str, str]] = {}
    for raw in values:
        code, _, names = raw.partition("=")
        code = code.strip().lower()
        if not code:
            raise CliError(f"--skill {raw!r} has no skill code before '='.")
        skills.append(code)
        if names:
            en, _, fa = names.partition("/")
            labels[code] = {k: v.strip() for k, v in (("en", en), ("fa", fa)) if v.strip()}
    return skills, labels


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    skills, labels = parse_skills(args.skills)
    try:
        info = ctx.services().staff_admin.create_team(
            SYSTEM, args.name, skills=skills or [], skill_labels=labels,
            tier=args.tier or 1, supervisor=args.supervisor,
            description=args.description or "", members=args.members or [],
        )
    except DeskError as exc:
        raise CliError(str(exc)) from None
    print(f"created team {info.name} (tier {info.tier}, skills: "
          f"{', '.join(info.skills) or 'none'}, members: {', '.join(info.member_names) or 'none'})")
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    teams = ctx.services().staff.list_teams()
    if not teams:
        print("no teams yet; create one with `deskapp team add NAME`.")
    for t in teams:
        skills = ", ".join(
            s + (f" ({'/'.join(t.skill_labels[s].values())})" if s in t.skill_labels else "")
            for s in t.skills
        ) or "-"
        print(f"{t.name:24} tier {t.tier}  supervisor {t.supervisor_name or '-'}  "
              f"auto-assign {t.auto_assign}")
        print(f"  skills: {skills}")
        print(f"  members: {', '.join(t.member_names) or '-'}")
    return 0


def _edit(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ctx.services().staff_admin
    skills, labels = parse_skills(args.skills)
    supervisor: object = None if args.no_supervisor else (args.supervisor or ...)
    try:
        kwargs: dict[str, object] = {}
        if args.rename:
            kwargs["name"] = args.rename
        if skills is not None:
            kwargs["skills"] = skills
        if args.tier is not None:
            kwargs["tier"] = args.tier
        if supervisor is not ...:
            kwargs["supervisor"] = supervisor
        if args.description is not None:
            kwargs["description"] = args.description
        if args.members is not None:
            kwargs["members"] = args.members
        info = svc.edit_team(SYSTEM, args.name, **kwargs)  # type: ignore[arg-type]
        if labels:
            info = svc.edit_team(SYSTEM, info.id, skill_labels={
                **info.skill_labels, **labels})
        for user in args.add_member:
            info = svc.add_member(SYSTEM, info.id, user)
        for user in args.remove_member:
            info = svc.remove_member(SYSTEM, info.id, user)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    print(f"team {info.name}: tier {info.tier}, supervisor {info.supervisor_name or '-'}, "
          f"skills {', '.join(info.skills) or '-'}, members {', '.join(info.member_names) or '-'}")
    return 0


def _remove(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        ctx.services().staff_admin.remove_team(SYSTEM, args.name)
    except DeskError as exc:
        raise CliError(str(exc)) from None
    print(f"removed team {args.name}")
    return 0
