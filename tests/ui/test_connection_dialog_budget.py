"""The connection dialog keeps a profile's connection budget and pooler (set with
`deskapp profile add --pool-size/--max-overflow/--pooler`) when the profile is edited."""

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
    dlg.host.setText("pgb2.example")
    edited = dlg.profile()
    assert (edited.host, edited.pool_size, edited.max_overflow, edited.pooler) == (
        "pgb2.example", 3, 1, "pgbouncer"
    )
    dlg.set_profile(None)  # a new profile: the defaults
    fresh = dlg.profile()
    assert (fresh.pool_size, fresh.max_overflow, fresh.pooler) == (2, 2, "")
