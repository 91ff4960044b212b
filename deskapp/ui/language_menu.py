"""View → Language: English or Persian for this user, kept with the user in the
database (users.language) and used from the next login on. DESKAPP_LANG, when set,
wins over it (and the menu says so)."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from deskapp.services import preferences


def _tr(text: str) -> str:
    return QCoreApplication.translate("LanguageMenu", text)


class LanguageMenu(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("languageMenu")
        self._window = window
        self.menu = QMenu(_tr("&Language"), window)
        self.menu.setObjectName("languageMenu")
        group = QActionGroup(self.menu)
        group.setExclusive(True)
        current = getattr(QApplication.instance(), "_deskapp_language", "en")
        self.actions: dict[str, QAction] = {}
        names = {"en": _tr("English"), "fa": _tr("Persian (فارسی)")}
        for language in preferences.LANGUAGES:
            action = QAction(names[language], self.menu)
            action.setObjectName(f"language_{language}")
            action.setCheckable(True)
            action.setChecked(language == current)
            group.addAction(action)
            self.menu.addAction(action)
            action.triggered.connect(lambda _checked=False, lang=language: self.choose(lang))
            self.actions[language] = action
        window.menus["view"].addSeparator()
        window.menus["view"].addMenu(self.menu)
        self.message: QMessageBox | None = None

    def choose(self, language: str) -> None:
        window = self._window
        uow, actor = window.services.uow, window.actor
        window.runner.submit(
            lambda: preferences.set_language(uow, actor, language),
            on_done=self._on_saved,
            on_error=lambda exc: window.banner.show_failure(exc),
            owner=self,
        )

    def _on_saved(self, language: str) -> None:
        name = self.actions[language].text()
        text = _tr("deskapp will open in %1 the next time you log in.").replace("%1", name)
        env = os.environ.get("DESKAPP_LANG", "").strip()
        if env:
            text += "\n" + _tr("DESKAPP_LANG=%1 is set on this computer and wins over "
                               "this choice.").replace("%1", env)
        box = QMessageBox(QMessageBox.Icon.Information, _tr("Language"), text,
                          parent=self._window)
        box.setObjectName("languageSaved")
        if self.message is not None:
            self.message.deleteLater()
        box.open()
        self.message = box


def install(window: Any) -> LanguageMenu:
    return LanguageMenu(window)
