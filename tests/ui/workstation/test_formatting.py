"""Dates in the Jalali calendar with Persian digits under fa; right-to-left layouts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, Qt

from deskapp.ui.formatting import Formatter
from deskapp.ui.i18n import apply_language, chosen_language


def test_persian_dates_are_jalali_with_persian_digits():
    fmt = Formatter(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    # 2025-03-21 12:00 UTC is 1 Farvardin 1404 everywhere from UTC-11 to UTC+11.
    text = fmt.date(datetime(2025, 3, 21, 12, 0, tzinfo=UTC))
    assert text == "۱۴۰۴/۱/۱"
    assert fmt.number(1234) == "۱٬۲۳۴"
    assert fmt.digits("0912-345") == "۰۹۱۲-۳۴۵"
    assert set(fmt.duration(timedelta(hours=2, minutes=5))) & set("۰۱۲۳۴۵۶۷۸۹")


def test_english_dates_are_gregorian_iso():
    fmt = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert fmt.date(datetime(2025, 3, 21, 12, 0, tzinfo=UTC)) == "2025-03-21"
    assert fmt.duration(timedelta(days=2, hours=3)) == "2d 3h"
    assert fmt.duration(timedelta(hours=3, minutes=5)) == "3h 05m"
    assert fmt.duration(-timedelta(minutes=12)) == "-12m"
    assert fmt.percent(0.755) == "76%"
    assert fmt.digits("0912-345") == "0912-345"


def test_fa_runs_right_to_left_and_en_left_to_right(qapp, monkeypatch):
    monkeypatch.setenv("DESKAPP_LANG", "fa")
    assert chosen_language("en") == "fa"
    try:
        apply_language(qapp, "fa")
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QLocale().language() == QLocale.Language.Persian
        # the catalogue is compiled from the .ts at start-up and loaded
        assert QCoreApplication.translate("Actions", "Refresh") == "تازه‌سازی"
    finally:
        apply_language(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_missing_catalogue_still_starts(qapp):
    try:
        translators = apply_language(qapp, "xx")
        assert all(t.language() != "xx" for t in translators)
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        apply_language(qapp, "en")
