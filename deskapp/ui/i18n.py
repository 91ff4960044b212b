"""Language: which one, its translations, its layout direction and its locale."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

RTL_LANGUAGES = frozenset({"fa", "ar", "he", "ur"})
_ROOT = Path(__file__).resolve().parents[2]
TRANSLATION_DIRS = (
    Path(__file__).resolve().parents[1] / "resources" / "translations",  # installed
    _ROOT / "resources" / "translations",  # source tree
)


def chosen_language(user_language: str | None = None) -> str:
    """``DESKAPP_LANG`` wins, then the user's own setting, then English."""
    env = os.environ.get("DESKAPP_LANG", "").strip().lower()
    if env:
        return env.split("_")[0]
    if user_language:
        return user_language.strip().lower().split("_")[0]
    return "en"


def _catalogue_sources(folder: Path, language: str) -> list[Path]:
    """The .ts sources of one language: ``deskapp_<lang>.ts`` and every file in the
    ``<lang>/`` folder beside it (one per feature area, so parallel work never edits the
    same catalogue). They compile into one .qm."""
    main = folder / f"deskapp_{language}.ts"
    parts = sorted((folder / language).glob("*.ts")) if (folder / language).is_dir() else []
    return ([main] if main.exists() else []) + parts


def _qm_file(language: str) -> Path | None:
    """The compiled catalogue; compiled from the .ts sources with pyside6-lrelease when it
    is missing or older than one of them and the tool is present. None when there is
    nothing to load."""
    for folder in TRANSLATION_DIRS:
        sources = _catalogue_sources(folder, language)
        qm = folder / f"deskapp_{language}.qm"
        newest = max((ts.stat().st_mtime for ts in sources), default=None)
        if newest is not None and (not qm.exists() or qm.stat().st_mtime < newest):
            _compile(sources, qm)
        if qm.exists():
            return qm
    return None


def _compile(sources: list[Path], qm: Path) -> None:
    import sys

    tool = Path(sys.executable).with_name("pyside6-lrelease")
    exe = str(tool) if tool.exists() else shutil.which("pyside6-lrelease")
    if exe is None:
        return
    try:
        subprocess.run(
            [exe, "-silent", *map(str, sources), "-qm", str(qm)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:  # read-only install, broken tool
        log.warning("could not compile %s: %s", qm.name, exc)


def apply_language(app: QApplication, language: str) -> list[QTranslator]:
    """Install the translators, the default locale and the layout direction. Returns the
    translators (keep them alive). Starts in English when a catalogue is missing."""
    locale = QLocale(language)
    QLocale.setDefault(locale)
    for translator in getattr(app, "_deskapp_translators", []):
        QCoreApplication.removeTranslator(translator)
    installed: list[QTranslator] = []
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_translator = QTranslator(app)
        if qt_translator.load(locale, "qtbase", "_", qt_dir):
            QCoreApplication.installTranslator(qt_translator)
            installed.append(qt_translator)
        qm = _qm_file(language)
        own = QTranslator(app)
        if qm is not None and own.load(str(qm)):
            QCoreApplication.installTranslator(own)
            installed.append(own)
        else:
            log.warning("no translation for %r; starting in English", language)
    app._deskapp_translators = installed  # type: ignore[attr-defined]
    app._deskapp_language = language  # type: ignore[attr-defined]
    rtl = language in RTL_LANGUAGES
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    return installed
