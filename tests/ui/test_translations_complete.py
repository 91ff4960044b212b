"""The Persian catalogue cannot fall behind: every user-visible string of the UI (tr(),
QT_TRANSLATE_NOOP tables: service error texts in ui/error_text.py, notification
wording, SLA wording) has a finished Persian translation in the compiled catalogue
(resources/translations/deskapp_fa.ts + translations/fa/*.ts), and every error code a
user can hit from the services has a text in ui/error_text.py.

When this fails: run pyside6-lupdate on your .py files into your own
translations/fa/<area>.ts (or scripts/update_translations.sh for deskapp_fa.ts), fill
in the <translation>s and drop type="unfinished"."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from deskapp.ui.i18n import _catalogue_sources

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed")
    return str(path)


def _ui_messages(tmp_path: Path) -> list[tuple[str, str, str, bool]]:
    """(context, source, comment, numerus) of every string lupdate finds in deskapp/ui."""
    ts = tmp_path / "all.ts"
    sources = sorted(str(p) for p in (ROOT / "deskapp" / "ui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-silent", *sources, "-ts", str(ts)],
                   check=True, capture_output=True, timeout=300)
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "",
                        message.findtext("comment") or "", message.get("numerus") == "yes"))
    return out


def test_every_ui_string_has_a_finished_persian_translation(tmp_path):
    qm = tmp_path / "deskapp_fa.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent",
         *map(str, _catalogue_sources(TRANSLATIONS, "fa")), "-qm", str(qm)],
        check=True, capture_output=True, timeout=300,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    messages = _ui_messages(tmp_path)
    assert len(messages) > 500  # lupdate found the UI's strings
    missing = [
        f"{context}: {source!r}"
        for context, source, comment, numerus in messages
        if source.strip(" —-") and not translator.translate(
            context, source, comment or None, 2 if numerus else -1)
    ]
    assert missing == [], (
        f"{len(missing)} string(s) without a finished Persian translation:\n"
        + "\n".join(missing[:80]))


# Error codes of the kinds a person meets at the desk must be worded in their language.
USER_FACING = re.compile(
    r"^(validation|permission|lifecycle|stale|auth|password|ticket|escalation|reassign|view)\b")


def test_every_user_facing_error_code_has_a_text():
    from deskapp.ui.error_text import TEXTS, template_for

    raised = set()
    for path in (ROOT / "deskapp" / "services").rglob("*.py"):
        raised |= set(re.findall(r'code="([a-z_.]+)"', path.read_text(encoding="utf-8")))
    from deskapp.ui.notifications.wording import TEXTS as NOTIFICATION_TEXTS

    words_elsewhere = set(NOTIFICATION_TEXTS) | {"escalation.sla_breach"}  # not errors
    wanted = {c for c in raised if USER_FACING.match(c) and c not in words_elsewhere}
    assert {"validation.required", "permission.denied", "lifecycle.invalid_transition",
            "auth.disabled", "stale"} <= wanted | set(TEXTS)
    assert sorted(c for c in wanted if template_for(c) is None) == []


def test_describe_words_a_coded_error_in_persian(qapp):
    from PySide6.QtCore import QCoreApplication

    from deskapp.services.errors import InvalidTransition, ValidationFailed
    from deskapp.ui.error_text import describe
    from deskapp.ui.i18n import apply_language

    apply_language(qapp, "fa")
    try:
        text = describe(ValidationFailed("Subject is required.", "Subject",
                                         code="validation.required"))
        assert text == "موضوع لازم است."
        moved = describe(InvalidTransition("HQ-000001 is closed; ...", code=(
            "lifecycle.invalid_transition"), reference="HQ-000001", status="closed",
            to="open"))
        assert "HQ-000001" in moved and "closed" not in moved
        # an unknown code falls back to the service's own message
        assert describe(ValidationFailed("Plain English.", code="nobody.knows")) == \
            "Plain English."
    finally:
        apply_language(qapp, "en")
        QCoreApplication.processEvents()
