"""File → Set up this computer as a branch office… (administrators), for the
composition root: opens the branch set-up dialog; when the new branch database is
made and chosen, offers the restart onto it as File → Connection… does.

    install_branch_setup_action(window)   # None for everyone but administrators
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


def install_branch_setup_action(window: QWidget) -> QAction | None:
    from deskapp.models.enums import Role

    if window.actor.role is not Role.ADMIN:  # type: ignore[attr-defined]
        return None
    action = QAction(QCoreApplication.translate(
        "BranchSetupAction", "Set up this computer as a &branch office…"), window)
    action.setObjectName("branchSetupAction")
    menu = window.menus["file"]  # type: ignore[attr-defined]
    quit_action = window.findChild(QAction, "quitAction")
    if quit_action is not None and quit_action in menu.actions():
        menu.insertAction(quit_action, action)
    else:
        menu.addAction(action)
    action.triggered.connect(lambda: open_branch_setup(window))
    return action


def open_branch_setup(window: QWidget) -> QWidget:
    """Show the dialog (non-modal, deleted on close); returned for tests."""
    from deskapp.ui.connection_flow import offer_restart
    from deskapp.ui.dialogs.branch_setup_dialog import BranchSetupDialog

    dialog = BranchSetupDialog(window.runner, parent=window)  # type: ignore[attr-defined]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def on_switch(profile_name: str) -> None:
        if offer_restart(window, profile_name):
            window.close()

    dialog.switch_requested.connect(on_switch)
    closing = getattr(window, "closing", None)
    if closing is not None:  # quitting mid-copy: stop it (nothing is left behind)
        closing.connect(dialog.cancel)
    dialog.show()
    return dialog
