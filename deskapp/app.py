"""Composition root: settings -> engine -> services -> window. The only place that
wires real adapters together; tests call build_workstation() with their own database.
The window itself, with all its parts, is built by deskapp.ui.workstation.compose_window
for both paths."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from deskapp.config import Settings
from deskapp.models import Ticket, User
from deskapp.services.facade import Services, build_services, ensure_site
from deskapp.services.planner_statistics import refresh_if_stale
from deskapp.services.sla_presets import ensure_sla_defaults

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow
    from deskapp.ui.startup import StartupFlow
    from deskapp.ui.workstation import Background

log = logging.getLogger(__name__)

# What the local default database is filled with on first start.
DEMO_SIZE = {"tickets": 2_000, "customers": 500, "seed": 1}


def build_workstation(
    database_url: str,
    username: str,
    *,
    site_code: str = "HQ",
    background: Background | None = None,
) -> MainWindow:
    """The complete main window for ``username`` on ``database_url`` (the same window
    ``start_workstation`` opens after the login), not shown and without entering the
    event loop. A QApplication must exist. By default nothing runs in the background
    (no SLA scheduler, no notification poll, no live-update feed): pass
    ``Background(start=True)`` for that, or start ``window.parts`` yourself."""
    from deskapp.ui.tasks import TaskRunner
    from deskapp.ui.workstation import Background, compose_window

    services = build_services(database_url, site_code=site_code)
    actor = services.staff.actor(username)
    runner = TaskRunner()
    window = compose_window(services, actor, runner, background or Background(start=False))
    runner.setParent(window)
    window.destroyed.connect(lambda *_: services.dispose())
    return window


def prepare_database(services: Services, settings: Settings) -> bool:
    """Check (and on the local default database create or upgrade) the schema; make sure
    the site exists. Returns whether the database should get demo data. Runs off the GUI
    thread."""
    from deskapp.services.schema_gate import check_at_start

    # The local default database is created/upgraded silently; any other database that
    # is empty, older, newer or foreign raises SchemaAttention, which start-up turns into
    # the schema dialog (create, upgrade for administrators, or refuse).
    check_at_start(services.engine, owner=settings.is_default_database)
    from deskapp.services.sync.branch import branch_site

    branch = branch_site(services.engine)
    if branch is not None:  # a branch office numbers its tickets under its own site only
        services.tickets.site_code = branch
    else:
        ensure_site(services, settings.site_code, "Head office")
    # Without policies a fresh desk would never raise an SLA warning.
    ensure_sla_defaults(services.uow)
    # A large SQLite desk's queue plans need the planner's statistics (a few seconds,
    # a few times in a desk's life; nothing on PostgreSQL).
    refresh_if_stale(services.engine)
    if not settings.is_default_database:
        return False
    with services.uow() as uow:
        tickets = uow.session.scalar(select(func.count()).select_from(Ticket))
        users = uow.session.scalar(select(func.count()).select_from(User))
    return not tickets and not users


def user_language(services: Services, username: str) -> str | None:
    """The language a user chose (users.language), for the window after the login."""
    with services.uow() as uow:
        return uow.session.scalar(select(User.language).where(User.username == username))


def fill_demo(services: Services, progress: Any) -> Any:
    from deskapp.services.demo import generate_demo

    return generate_demo(services, progress=progress, **DEMO_SIZE)


def start_workstation(
    settings: Settings,
    *,
    demo: Callable[[Services, Any], Any] | None = None,
    qsettings: Any = None,
) -> StartupFlow:
    """Build the services and start the start-up sequence (database, demo data, login,
    main window) on the running QApplication. ``demo`` fills an empty default database
    (default: the demo generator)."""
    from deskapp.ui import window_state
    from deskapp.ui.startup import StartupFlow
    from deskapp.ui.tasks import TaskRunner
    from deskapp.ui.workstation import compose_window

    # connect_url: the active profile's password from the keyring (never in the URL text).
    services = build_services(settings.connect_url(), site_code=settings.site_code)
    runner = TaskRunner()
    fill = demo or fill_demo
    flow = StartupFlow(
        services,
        runner,
        prepare=lambda: prepare_database(services, settings),
        demo=(lambda progress: fill(services, progress))
        if settings.is_default_database else None,
        # The user's own layout (geometry, splitters, queue columns, last view).
        make_window=lambda actor: window_state.install(
            compose_window(services, actor, runner), qsettings),
        settings=qsettings,
        language_for=lambda actor: user_language(services, actor.username),
        apply_language=_apply_user_language,
    )
    runner.setParent(flow)
    flow.start()
    return flow


def _apply_user_language(language: str | None) -> None:
    from PySide6.QtWidgets import QApplication

    from deskapp.ui.i18n import apply_language, chosen_language

    app = QApplication.instance()
    wanted = chosen_language(language)
    if isinstance(app, QApplication) and wanted != getattr(app, "_deskapp_language", "en"):
        apply_language(app, wanted)


def run_gui(settings: Settings) -> int:
    from deskapp.ui.platform_check import missing_platform_libraries

    missing = missing_platform_libraries()
    if missing:
        print(missing, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from deskapp.ui.banner import install_excepthook
    from deskapp.ui.i18n import apply_language, chosen_language

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("deskapp")
    app.setApplicationName("deskapp")
    apply_language(app, chosen_language())  # type: ignore[arg-type]
    from deskapp.ui.connection_flow import connect_interactively
    from deskapp.ui.tasks import TaskRunner

    # Between start-up dialogs, and between the login closing and the main window
    # opening (the user's language is looked up in the background), no window is
    # visible: Qt would quit right there. Quit with the main window instead.
    app.setQuitOnLastWindowClosed(False)

    # A shared profile: ask for a missing password, say what a refused connection means.
    checked = connect_interactively(settings, TaskRunner(app))
    if checked is None:
        return 0
    flow = start_workstation(checked)
    flow.window_shown.connect(lambda _window: app.setQuitOnLastWindowClosed(True))
    install_excepthook(lambda: getattr(flow.window, "banner", None))
    exit_code = [0]
    flow.failed.connect(lambda _msg: (exit_code.__setitem__(0, 1), app.quit()))
    flow.cancelled.connect(app.quit)
    code = app.exec()
    flow.runner.wait(10_000)
    flow.services.dispose()
    return exit_code[0] or code
