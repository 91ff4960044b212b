"""The schema dialog: create with a first admin, upgrade for admins, refuse newer."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from deskapp.services import schema
from deskapp.services.facade import build_services
from deskapp.services.schema_gate import SchemaAttention, check_at_start
from deskapp.ui.dialogs.schema_dialog import SchemaDialog
from deskapp.ui.tasks import TaskRunner
from tests.unit.test_schema_gate import older_database


def attention(engine) -> SchemaAttention:
    with pytest.raises(SchemaAttention) as info:
        check_at_start(engine)
    return info.value


@pytest.fixture
def runner():
    r = TaskRunner()
    yield r
    r.wait()


def test_create_the_schema_and_the_first_admin(qtbot, tmp_path, runner):
    services = build_services(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    dlg = SchemaDialog(services, runner, attention(services.engine))
    qtbot.addWidget(dlg)
    assert "The database is empty" in dlg.message.text()
    dlg.username.setText("root")
    dlg.password.setText("long enough pw")
    dlg.repeat.setText("different")
    dlg.action_button.click()
    assert dlg.error.text() == "The two passwords differ."
    dlg.repeat.setText("long enough pw")
    with qtbot.waitSignal(dlg.schema_ready, timeout=15_000):
        dlg.action_button.click()
    assert schema.schema_status(services.engine).state is schema.SchemaState.CURRENT
    assert services.staff.authenticate("root", "long enough pw").role.value == "admin"
    services.dispose()


def test_upgrade_needs_an_administrator(qtbot, tmp_path, runner):
    engine = older_database(tmp_path / "old.sqlite3", admin_password="admin pass 1")
    services = build_services(engine)
    dlg = SchemaDialog(services, runner, attention(engine))
    qtbot.addWidget(dlg)
    assert dlg.action_button.objectName() == "schemaUpgrade"
    assert "Only an administrator may upgrade it" in dlg.message.text()
    dlg.username.setText("ali")
    dlg.password.setText("admin pass 1")
    dlg.action_button.click()
    qtbot.waitUntil(lambda: not dlg.error.isHidden(), timeout=15_000)
    assert "Only an administrator may upgrade the database" in dlg.error.text()
    dlg.username.setText("boss")
    with qtbot.waitSignal(dlg.schema_ready, timeout=30_000):
        dlg.action_button.click()
    assert schema.schema_status(engine).state is schema.SchemaState.CURRENT
    services.dispose()


def test_newer_schema_offers_only_another_database(qtbot, sqlite_url, runner):
    services = build_services(sqlite_url)
    with services.engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '9999'"))
    dlg = SchemaDialog(services, runner, attention(services.engine))
    qtbot.addWidget(dlg)
    assert dlg.action_button is None
    assert "Upgrade deskapp on this computer" in dlg.message.text()
    with qtbot.waitSignal(dlg.connection_requested):
        dlg.choose_button.click()
    services.dispose()
