#!/bin/sh
# Refresh resources/translations/deskapp_fa.ts from the UI sources and fill in the
# Persian strings kept in scripts/translate_fa.py. The .qm is compiled at start-up
# (deskapp.ui.i18n) when pyside6-lrelease is present.
set -e
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate $(find deskapp/ui -name '*.py' | sort) \
    -ts resources/translations/deskapp_fa.ts
.venv/bin/python scripts/translate_fa.py
