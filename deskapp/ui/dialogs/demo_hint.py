"""The demo logins on the login dialog, for as long as the database is a demo database
(deskapp.services.demo_logins), with the language each one opens in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from deskapp.services.demo_logins import HintLogin, hint_logins
from deskapp.ui.labels import label
from deskapp.ui.tasks import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("DemoHint", text)


def hint_text(logins: list[HintLogin]) -> str:
    if not logins:
        return ""
    names = {"fa": _tr("Persian"), "en": _tr("English")}
    lines = [
        f"{login.username} / {login.password} — {label(login.role)}, "
        f"{names.get(login.language, login.language)}"
        for login in logins
    ]
    return _tr("Demo logins (user / password):") + "\n" + "\n".join(lines)


def show_demo_logins(dialog: Any, services: Any, runner: TaskRunner) -> None:
    """Look up in the background whether this is a demo database; if so, show its logins."""
    uow = services.uow
    runner.submit(
        lambda: hint_logins(uow),
        on_done=lambda logins: dialog.set_hint(hint_text(logins)) if logins else None,
        on_error=lambda _exc: None,  # no hint; the login itself reports a dead database
        owner=dialog,
    )
