"""Issue 9, point 7: newcomer clarity. The language can be chosen in the UI and is kept
with the user; a demo database shows its logins (with their language) at every start;
pyproject's license is an SPDX string (no setuptools warnings on install)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from deskapp.app import start_workstation
from deskapp.config import Settings
from deskapp.services import preferences
from deskapp.services.errors import ValidationFailed

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
ROOT = Path(__file__).resolve().parents[3]


def test_language_menu_saves_the_choice_with_the_user(qtbot, window, floor):
    menu = window.findChild(object, "languageMenu")
    assert menu is not None
    actions = window.findChild(type(window.menus["view"]), "languageMenu").actions()
    by_name = {a.objectName(): a for a in actions}
    assert set(by_name) == {"language_en", "language_fa"}
    assert by_name["language_en"].isChecked()  # the running language
    by_name["language_fa"].trigger()
    qtbot.waitUntil(lambda: menu.message is not None, timeout=5_000)
    assert "next time you log in" in menu.message.text()
    desk = floor.desk
    assert preferences.language_of(desk.services.uow, desk.agent) == "fa"
    with pytest.raises(ValidationFailed):
        preferences.set_language(desk.services.uow, desk.agent, "xx")


def test_a_demo_database_shows_its_logins_at_every_start(qtbot, tmp_path, qsettings):
    from deskapp.services import schema
    from deskapp.services.demo import generate_demo
    from deskapp.services.facade import build_services

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    services = build_services(url)
    schema.upgrade(services.engine)
    generate_demo(services, tickets=0, customers=1, seed=1)
    services.dispose()
    # not the first start: nothing is generated now, the database is just a demo one
    flow = start_workstation(Settings(url), qsettings=qsettings)
    qtbot.waitUntil(lambda: flow.login_dialog is not None, timeout=30_000)
    dialog = flow.login_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "ali / agent-demo" in dialog.hint_label.text(), timeout=10_000)
    hint = dialog.hint_label.text()
    assert "Persian" in hint and "john / agent-demo" in hint and "English" in hint
    assert "maryam / supervisor-demo" in hint
    flow.runner.wait()
    dialog.close()
    flow.services.dispose()


def test_a_real_database_shows_no_demo_logins(qtbot, floor, qsettings):
    flow = start_workstation(Settings(floor.url), qsettings=qsettings)
    qtbot.waitUntil(lambda: flow.login_dialog is not None, timeout=30_000)
    dialog = flow.login_dialog
    qtbot.addWidget(dialog)
    flow.runner.wait()
    qtbot.wait(50)
    assert dialog.hint_label.isHidden()
    dialog.close()
    flow.services.dispose()


def test_pyproject_license_is_an_spdx_string():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["license"] == "MIT"
    requires = project["build-system"]["requires"]
    assert any(r.replace(" ", "").startswith("setuptools>=7") or
               r.replace(" ", "").startswith("setuptools>=8") for r in requires)


def test_readme_says_who_gets_which_language():
    readme = (ROOT / "README.md").read_text()
    assert "DESKAPP_LANG" in readme and "View → Language" in readme
    assert "`john`" in readme and "open in English" in readme
