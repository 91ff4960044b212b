"""Text normalisation for Persian and English: names, phones, search terms."""

from __future__ import annotations

import re
import unicodedata

# Arabic code points that Persian keyboards and old systems produce in place of
# the Persian letters; normalised before storing search keys and before querying.
_PERSIAN_MAP = str.maketrans(
    {
        "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
        "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
        "\u0629": "\u0647",  # TEH MARBUTA -> HEH
        "\u06c0": "\u0647",  # HEH WITH YEH ABOVE -> HEH
    }
)
# Harakat (short-vowel marks) and tatweel carry no meaning for search.
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_SPACES = re.compile(r"[ \t\r\n\u00a0]+")


def normalize_persian(text: str) -> str:
    """Unify Arabic/Persian letter variants and digits. ZWNJ (U+200C) is kept:
    it is part of Persian spelling (می‌خواهم)."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_PERSIAN_MAP).translate(_DIGITS)
    return _DIACRITICS.sub("", text)


def search_key(text: str) -> str:
    """Key used for case- and variant-insensitive look-ups."""
    return _SPACES.sub(" ", normalize_persian(text)).strip().casefold()


def normalize_phone(raw: str) -> str:
    """Canonical digits for a phone number, Iranian numbers in national form.

    ``+98 912 345 6789``, ``0098-912-345-6789`` and ``۰۹۱۲۳۴۵۶۷۸۹`` all become
    ``09123456789``; other international numbers keep their ``+`` and country code.
    """
    text = raw.translate(_DIGITS).strip()
    international = text.startswith("+") or text.startswith("00")
    digits = re.sub(r"\D", "", text)
    if text.startswith("00"):
        digits = digits[2:]
    if international:
        if digits.startswith("98"):
            return "0" + digits[2:]
        return "+" + digits
    return digits


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
