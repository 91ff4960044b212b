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


# Invisible joiners inside a word: ZWNJ (U+200C, Persian compounds: می‌خواهم), ZWSP,
# ZWJ, WORD JOINER, SOFT HYPHEN. People type a compound with one, without one
# (میخواهم) or with a space (می خواهم); search treats the first two alike.
JOINERS = "\u200b\u200c\u200d\u2060\u00ad"
_JOINER_RE = re.compile(f"[{JOINERS}]+")


def drop_joiners(text: str) -> str:
    """``text`` without invisible joiners: "می‌خواهم" -> "میخواهم"."""
    return _JOINER_RE.sub("", text)


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


# Lengths of a phone number in its normal form (normalize_phone), in digits.
NATIONAL_DIGITS = 11  # Iran: 0 + area code + subscriber, 0 + 9xx + 7 digits for mobiles
E164_MIN_DIGITS = 7  # country code + the shortest subscriber numbers in use
E164_MAX_DIGITS = 15  # ITU-T E.164
LOCAL_MIN_DIGITS = 4  # short codes and extensions dialled without a prefix


def phone_problem(number: str) -> tuple[str, int, int] | None:
    """Why a normalised phone number cannot be dialled, or None when it can: the
    number plan it falls under (``national``: 0 and a national number; ``international``:
    + and a country code; ``local``: digits without a prefix) and the digit counts it
    allows. One rule for every way a number comes in (log a call, customer edit,
    import, telephony)."""
    digits = number.lstrip("+")
    if not digits.isdigit():
        return ("local", LOCAL_MIN_DIGITS, E164_MAX_DIGITS)
    if number.startswith("+"):
        if not E164_MIN_DIGITS <= len(digits) <= E164_MAX_DIGITS:
            return ("international", E164_MIN_DIGITS, E164_MAX_DIGITS)
    elif number.startswith("0"):
        if len(digits) != NATIONAL_DIGITS:
            return ("national", NATIONAL_DIGITS, NATIONAL_DIGITS)
    elif not LOCAL_MIN_DIGITS <= len(digits) <= E164_MAX_DIGITS:
        return ("local", LOCAL_MIN_DIGITS, E164_MAX_DIGITS)
    return None


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
