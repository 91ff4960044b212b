"""Composition root: settings -> engine -> services -> window. The only place that
wires real adapters together; tests call build_workstation() with their own database."""

from __future__ import annotations

import sys

from deskapp.config import Settings


def run_gui(settings: Settings) -> int:
    from deskapp.ui.platform_check import missing_platform_libraries

    missing = missing_platform_libraries()
    if missing:
        print(missing, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv)
    label = QLabel(f"deskapp — {settings.database_url}")
    label.resize(640, 200)
    label.show()
    return app.exec()
