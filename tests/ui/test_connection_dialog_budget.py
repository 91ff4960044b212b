"""The connection dialog shows and edits a profile's connection budget and pooler (also
set with `deskapp profile add --pool-size/--pooler`) and keeps the overflow it has no
field for."""

from __future__ import annotations

from deskapp.config import Profile
from deskapp.ui.dialogs.connection_dialog import ConnectionDialog
from deskapp.ui.tasks import TaskRunner


def test_editing_a_pgbouncer_profile_keeps_its_budget(qtbot, app_dirs):
    runner = TaskRunner()
    dlg = ConnectionDialog(runner)
    qtbot.addWidget(dlg)
    centre = Profile("centre", "postgresql", host="pgb", port=6432, database="desk",
                     user="desk", pool_size=3, max_overflow=1, pooler="pgbouncer")
    dlg.set_profile(centre)
    assert dlg.pool_size.value() == 3 and dlg.pgbouncer.isChecked()
    dlg.host.setText("pgb2.example")
    edited = dlg.profile()
    assert (edited.host, edited.pool_size, edited.max_overflow, edited.pooler) == (
        "pgb2.example", 3, 1, "pgbouncer"
    )
    dlg.pool_size.setValue(5)  # a direct connection with a larger budget
    dlg.pgbouncer.setChecked(False)
    direct = dlg.profile().validated()
    assert (direct.pool_size, direct.max_overflow, direct.pooler) == (5, 1, "")
    assert dict(direct.url().query) == {"sslmode": "prefer", "pool_size": "5",
                                        "max_overflow": "1"}
    dlg.set_profile(None)  # a new profile: the defaults
    assert dlg.pool_size.value() == 2 and not dlg.pgbouncer.isChecked()
    fresh = dlg.profile()
    assert (fresh.pool_size, fresh.max_overflow, fresh.pooler) == (2, 2, "")
