"""``deskapp sync`` and ``deskapp sync status``: a branch office meets the centre.

    deskapp sync            # push the outbox, pull the centre's changes (for cron too)
    deskapp sync status     # what is waiting, from the local database only

Works on the branch database chosen as for every command (``--db``, the active profile
- ``deskapp branch init`` makes ``branch-<site>`` active - or the local file); the
centre is the profile recorded by ``branch init``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from deskapp.cli.context import CliContext, CliError, describe_connection_error
from deskapp.cli.progress import ProgressBar
from deskapp.models.database import make_engine
from deskapp.services.errors import DeskError

# Exit codes of `deskapp sync` (for a cron job or a branch server's timer).
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_NOT_A_BRANCH = 2
EXIT_UNREACHABLE = 3  # the centre could not be reached: nothing lost, try again later
EXIT_CLOCK = 4  # this machine's clock is too far from the centre's
EXIT_SCHEMA = 5  # branch and centre are at different schema versions
EXIT_CONFLICTS = 6  # synced, but conflicts wait in the inbox (only with --strict)

EPILOG = (
    "exit codes: 0 synced; 1 failed; 2 not a branch database; 3 centre unreachable "
    "(nothing lost, the outbox is kept); 4 clock too far off the centre's; 5 schema "
    "versions differ (the message says which side to upgrade); 6 synced but conflicts "
    "wait for a person (with --strict only)."
)


def register(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser(
        "sync",
        help="branch office: sync the local database with the centre (or: sync status)",
        description="Push this branch's changes to the centre and pull the centre's "
        "changes. Safe to interrupt at any moment and to run again: nothing is lost or "
        "applied twice.",
        epilog=EPILOG,
    )
    sync.add_argument("action", nargs="?", choices=["status"],
                      help="`status`: show the sync state from the local database only")
    sync.add_argument("--strict", action="store_true",
                      help="exit 6 when conflicts wait in the inbox after the sync")
    sync.set_defaults(handler=_sync)


def _branch_engine(ctx: CliContext) -> Engine:
    try:
        return make_engine(ctx.settings.connect_url())
    except Exception as exc:
        raise CliError(describe_connection_error(exc, ctx.settings.database_url)) from None


def _when(value: datetime | None) -> str:
    if value is None:
        return "never"
    local = value.astimezone()
    ago = datetime.now(UTC) - value
    minutes = int(ago.total_seconds() // 60)
    if minutes < 1:
        rel = "just now"
    elif minutes < 120:
        rel = f"{minutes} min ago"
    elif minutes < 48 * 60:
        rel = f"{minutes // 60} h ago"
    else:
        rel = f"{minutes // 1440} days ago"
    return f"{local:%Y-%m-%d %H:%M} ({rel})"


def _sync(args: argparse.Namespace, ctx: CliContext) -> int:
    from deskapp.services.sync.branch import branch_status

    engine = _branch_engine(ctx)
    try:
        try:
            status = branch_status(engine)
        except (OperationalError, DBAPIError) as exc:
            raise CliError(describe_connection_error(exc, ctx.settings.database_url)) from None
        if status is None:
            raise CliError(
                f"{ctx.settings.database_url} is not a branch database; make one with "
                "`deskapp branch init --site CODE --central PROFILE`.",
                EXIT_NOT_A_BRANCH,
            )
        if args.action == "status":
            _print_status(status)
            return EXIT_OK
        return _run(engine, status, args.strict)
    finally:
        engine.dispose()


def _print_status(status: Any) -> None:
    print(f"branch {status.site_code} of the centre {status.central_profile}"
          + (f" ({status.central_url_hint})" if status.central_url_hint else ""))
    print(f"  last successful sync: {_when(status.last_sync_at)}")
    print(f"  changes waiting to be sent: {status.pending_changes:,}")
    print(f"  conflicts waiting for a person: {status.open_conflicts:,}")
    if status.last_error:
        print(f"  last error: {status.last_error}")


def _stop_hook() -> Callable[[str], None] | None:
    """Test seam (tests/sync/test_sync_kill.py), off unless the variable is set:
    ``DESKAPP_SYNC_STOP_AT=sealed|sent|pull-read`` makes the process say so on stderr
    and stop itself (SIGSTOP) the first time the sync reaches that point, so the
    test's ``kill -9`` lands exactly there."""
    point = os.environ.get("DESKAPP_SYNC_STOP_AT")
    stop = getattr(signal, "SIGSTOP", None)
    if not point or stop is None:
        return None
    armed = [True]

    def hook(where: str) -> None:
        if where == point and armed:
            armed.clear()
            print(f"deskapp sync: stopped at {where}", file=sys.stderr, flush=True)
            os.kill(os.getpid(), stop)

    return hook


def _run(branch: Engine, status: Any, strict: bool) -> int:
    from deskapp.cli.branch import central_profile, open_central

    try:
        from deskapp.services.sync import errors as sync_errors
        from deskapp.services.sync.client import SyncClient
    except ImportError as exc:  # the engine is not installed in this build
        raise CliError(f"sync is not available in this deskapp: {exc}") from None

    profile = central_profile(status.central_profile)
    try:
        central = open_central(profile)
    except CliError as exc:
        print(f"deskapp: {exc}", file=sys.stderr)
        print("deskapp: the centre is not reachable; nothing was lost, the "
              f"{status.pending_changes:,} waiting changes stay in the outbox.",
              file=sys.stderr)
        return EXIT_UNREACHABLE
    bar = ProgressBar("sync")

    def progress(stage: str, done: int, total: int) -> None:
        if total <= 0:  # a step without a count (the checks): nothing to draw yet
            return
        bar.label = f"sync: {stage:<8}"
        bar(done, total)

    try:
        client = SyncClient(branch, central, hook=_stop_hook())
        report = client.sync(progress=progress)
    except sync_errors.ClockDrift as exc:
        bar.finish()
        print(f"deskapp: {exc}", file=sys.stderr)
        return EXIT_CLOCK
    except sync_errors.SchemaMismatch as exc:
        bar.finish()
        print(f"deskapp: {exc}", file=sys.stderr)
        return EXIT_SCHEMA
    except (OperationalError, DBAPIError) as exc:
        bar.finish()
        print(f"deskapp: {describe_connection_error(exc, profile.url())}", file=sys.stderr)
        print("deskapp: the link to the centre failed during the sync; nothing was lost: "
              "run `deskapp sync` again.", file=sys.stderr)
        return EXIT_UNREACHABLE
    except DeskError as exc:
        bar.finish()
        print(f"deskapp: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        bar.finish()
        central.dispose()
    print("synced: " + _describe(report))
    after = client.status()
    conflicts = int(getattr(after, "open_conflicts", 0) or 0)
    if conflicts:
        print(f"{conflicts:,} conflicts wait in the conflict inbox (the workstation's "
              "Sync menu).")
        if strict:
            return EXIT_CONFLICTS
    return EXIT_OK


def _describe(report: Any) -> str:
    """The report's counts, whatever the engine's report carries."""
    if is_dataclass(report):
        parts = []
        for f in fields(report):
            value = getattr(report, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
            parts.append(f"{f.name.replace('_', ' ')} {text}")
        if parts:
            return ", ".join(parts)
    return str(report)
