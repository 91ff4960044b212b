"""``deskapp branch init``: make this machine's branch database from the centre.

    deskapp branch init --site TBZ --central hq [--db sqlite:///PATH] [--since DAYS]

``--central`` names a shared PostgreSQL connection profile (`deskapp profile add`);
its password comes from the OS keyring, or is asked once on the terminal. The branch
database is a new SQLite file (default: this machine's local database file); an
existing file that holds anything is refused. Afterwards a local profile
``branch-<site>`` points at the new file and becomes the active one, so `deskapp` and
`deskapp sync` work on the branch (``--no-activate`` leaves the active profile alone).
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from deskapp.cli.context import CliContext, CliError, ask_password, describe_connection_error
from deskapp.cli.progress import ProgressBar
from deskapp.config import Profile, ProfileError, default_sqlite_path, load_profiles
from deskapp.models.database import make_engine
from deskapp.services.errors import DeskError

STAGE_LABELS = {"prepare": "preparing", "index": "indexing", "done": "done"}


def register(sub: argparse._SubParsersAction) -> None:
    branch = sub.add_parser("branch", help="branch office: make the local branch database")
    bsub = branch.add_subparsers(dest="branch_command", metavar="ACTION", required=True)
    init = bsub.add_parser(
        "init",
        help="create this branch's local database from the central database",
        description="Copy the whole desk (sites, staff with their passwords so logins work "
        "offline, teams, SLA policies and calendars, escalation reasons, authority limits, "
        "canned answers, saved views, customers, and tickets with their conversation) from "
        "the central PostgreSQL into a NEW local SQLite file for this branch office. The "
        "centre stops handing out this site's ticket numbers. Then run `deskapp sync` "
        "whenever the link to the centre is up.",
    )
    init.add_argument("--site", required=True, metavar="CODE",
                      help="the branch's site code at the centre, e.g. TBZ")
    init.add_argument("--central", required=True, metavar="PROFILE",
                      help="the connection profile of the central PostgreSQL")
    init.add_argument("--db", dest="branch_db", metavar="URL",
                      help="the new branch database (sqlite:///PATH); default: the global "
                      f"--db, else this machine's local database ({default_sqlite_path()})")
    init.add_argument("--since", type=_days, metavar="DAYS",
                      help="copy only the closed history of the last DAYS days (open "
                      "tickets are always copied); default: everything")
    init.add_argument("--replace-branch", action="store_true",
                      help="the site is already marked as a branch at the centre: only when "
                      "that branch's database is lost or an earlier init was interrupted "
                      "(tickets it numbered but never synced may be numbered again)")
    init.add_argument("--no-activate", action="store_true",
                      help="do not make the new branch database the active profile")
    init.set_defaults(handler=_init)


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative")
    return value


def central_profile(name: str) -> Profile:
    try:
        book = load_profiles()
    except ProfileError as exc:
        raise CliError(str(exc)) from None
    profile = book.profiles.get(name)
    if profile is None:
        raise CliError(
            f"there is no connection profile {name!r}; add the centre with "
            "`deskapp profile add NAME --host HOST --database DB --user USER`."
        )
    if not profile.is_postgresql:
        raise CliError(f"profile {name!r} is a local SQLite file; the centre is a shared "
                       "PostgreSQL database.")
    return profile


def open_central(profile: Profile, *, connect: bool = True) -> Engine:
    """An engine on the centre: the keyring's password, else asked on the terminal when
    the server wants one. ``connect`` False: no connection is tried (status only)."""
    from deskapp.credentials import password_for_profile
    from deskapp.services.connection_check import Problem, classify_error

    engine = make_engine(profile.url(password_for_profile(profile)))
    if not connect:
        return engine
    try:
        with engine.connect():
            return engine
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        if classify_error(exc) in (Problem.PASSWORD_REQUIRED, Problem.AUTH_FAILED):
            password = ask_password(profile)
            if password is not None:
                engine = make_engine(profile.url(password))
                try:
                    with engine.connect():
                        return engine
                except (OperationalError, DBAPIError) as exc2:
                    engine.dispose()
                    raise CliError(describe_connection_error(exc2, profile.url())) from None
        raise CliError(describe_connection_error(exc, profile.url())) from None


def _target(args: argparse.Namespace) -> str:
    if args.branch_db:
        return args.branch_db
    if getattr(args, "db", None):
        return args.db
    return f"sqlite:///{default_sqlite_path()}"


def _init(args: argparse.Namespace, ctx: CliContext) -> int:
    from deskapp.services.sync.clone import branch_path, check_target, clone_branch

    site = args.site.strip().upper()
    target = _target(args)
    try:
        path = branch_path(target)
        check_target(path)  # before asking for a password
    except DeskError as exc:
        raise CliError(str(exc)) from None
    profile = central_profile(args.central)
    central = open_central(profile)
    bar = ProgressBar(f"branch {site}")

    def progress(name: str, done: int, total: int) -> None:
        bar.label = f"branch {site}: {STAGE_LABELS.get(name, name.removeprefix('copy:')):<18}"
        bar(done, total)

    try:
        report = clone_branch(
            central, target, site, central_profile=profile.name,
            since_days=args.since, progress=progress,
            central_url_hint=profile.label(), replace_branch=args.replace_branch,
        )
    except DeskError as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:  # the raw cursor's psycopg errors arrive unwrapped
        from deskapp.services.sync.branch_setup import is_connection_error

        if not is_connection_error(exc):
            raise
        raise CliError(describe_connection_error(exc, profile.url())) from None
    finally:
        bar.finish()
        central.dispose()
    rows = report.rows
    print(f"branch {report.site_code} made in {report.path} in {report.seconds:.1f} s:")
    print(f"  {rows.get('tickets', 0):,} tickets, {rows.get('interactions', 0):,} "
          f"interactions, {rows.get('customers', 0):,} customers, {rows.get('users', 0):,} "
          f"staff, {rows.get('teams', 0):,} teams")
    if report.since_days is not None:
        print(f"  closed history older than {report.since_days} days left at the centre: "
              f"{report.skipped_tickets:,} tickets")
    print(f"  the centre ({profile.name}) no longer hands out {report.site_code}- ticket "
          "numbers; this branch does.")
    if not args.no_activate:
        name = _activate(report.site_code, str(report.path))
        if name:
            print(f"  profile {name} is now active: `deskapp` opens the branch; run "
                  "`deskapp sync` when the centre is reachable.")
    return 0


def _activate(site: str, path: str) -> str | None:
    from deskapp.services.sync.branch_setup import activate_branch_profile

    try:
        return activate_branch_profile(site, path)
    except (ProfileError, OSError) as exc:
        print(f"deskapp: note: could not save the profile branch-{site.lower()}: {exc}",
              file=sys.stderr)
        return None
