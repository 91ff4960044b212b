"""Dates, times, durations and numbers as the user reads them.

Storage is UTC and Gregorian; display is local time, and under the Persian locale the
Jalali calendar with Persian digits. Every widget formats through ``formatter()``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCalendar, QCoreApplication, QDateTime, QLocale, QTimeZone


class Formatter:
    def __init__(self, locale: QLocale | None = None) -> None:
        self.locale = locale or QLocale()
        persian = self.locale.language() == QLocale.Language.Persian
        self.calendar = QCalendar(QCalendar.System.Jalali if persian else QCalendar.System.Gregorian)
        self._persian = persian

    # -- dates and times ----------------------------------------------------
    def _local(self, value: datetime) -> QDateTime:
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        utc = value.astimezone(UTC)
        qdt = QDateTime.fromMSecsSinceEpoch(int(utc.timestamp() * 1000), QTimeZone.utc())
        return qdt.toLocalTime()

    def date(self, value: datetime | None) -> str:
        if value is None:
            return "—"
        qdt = self._local(value)
        if self._persian:
            return self.locale.toString(qdt.date(), QLocale.FormatType.ShortFormat, self.calendar)
        return self.locale.toString(qdt.date(), "yyyy-MM-dd")

    def time(self, value: datetime | None) -> str:
        if value is None:
            return "—"
        return self.locale.toString(self._local(value).time(), "HH:mm")

    def datetime(self, value: datetime | None) -> str:
        if value is None:
            return "—"
        return f"{self.date(value)} {self.time(value)}"

    # -- numbers ------------------------------------------------------------
    def number(self, value: int | float, decimals: int = 0) -> str:
        if isinstance(value, int) and decimals == 0:
            return self.locale.toString(value)
        return self.locale.toString(float(value), "f", decimals)

    def digits(self, text: str) -> str:
        """ASCII digits in ``text`` (a phone number) as the locale writes them."""
        zero = self.locale.zeroDigit()
        if zero == "0":
            return text
        return text.translate({ord("0") + i: chr(ord(zero) + i) for i in range(10)})

    def percent(self, share: float | None) -> str:
        if share is None:
            return "—"
        return self.locale.toString(round(share * 100)) + self.locale.percent()

    # -- durations ----------------------------------------------------------
    def duration(self, value: timedelta) -> str:
        """'2d 3h', '3h 05m', '12m'; negative durations get a leading minus sign."""
        seconds = int(value.total_seconds())
        sign = "-" if seconds < 0 else ""
        seconds = abs(seconds)
        days, rest = divmod(seconds, 86_400)
        hours, rest = divmod(rest, 3_600)
        minutes = rest // 60
        n = self.locale.toString
        if days:
            text = (
                QCoreApplication.translate("Formatter", "%1d %2h")
                .replace("%1", n(days))
                .replace("%2", n(hours))
            )
        elif hours:
            text = (
                QCoreApplication.translate("Formatter", "%1h %2m")
                .replace("%1", n(hours))
                .replace("%2", self.locale.toString(minutes).rjust(2, self.locale.zeroDigit()))
            )
        else:
            text = QCoreApplication.translate("Formatter", "%1m").replace("%1", n(minutes))
        return sign + text


def isolate(text: str) -> str:
    """Wrap text of either direction (a Persian name in an English line, or the other
    way round) in Unicode first-strong isolates, so the rest of the line keeps its order."""
    return f"\u2068{text}\u2069"


_current: Formatter | None = None


def formatter() -> Formatter:
    """The formatter for the application's locale (QLocale's default)."""
    global _current
    if _current is None or _current.locale != QLocale():
        _current = Formatter(QLocale())
    return _current
