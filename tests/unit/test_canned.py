"""Canned responses: found by any word of title or body, Persian-normalised, by language."""

from __future__ import annotations

import pytest

from deskapp.services.errors import PermissionDenied


def test_search_by_word_language_and_persian_variants(desk):
    canned = desk.services.canned
    canned.create(desk.supervisor, "Reset password", "Open settings, then Security.")
    canned.create(desk.supervisor, "Refund", "Refunds take five working days.", category="billing")
    canned.create(desk.supervisor, "بازنشانی رمز", "به تنظیمات بروید و رمز را تغییر دهید.",
                  language="fa")

    assert [r.title for r in canned.search(desk.agent, "security")] == ["Reset password"]
    assert [r.title for r in canned.search(desk.agent, "working refunds")] == ["Refund"]
    assert [r.title for r in canned.search(desk.agent, "billing")] == ["Refund"]
    # Arabic yeh/kaf typed by the agent still finds the Persian text.
    assert [r.title for r in canned.search(desk.agent, "تنظيمات")] == ["بازنشانی رمز"]
    assert {r.title for r in canned.search(desk.agent, "", language="en")} == {
        "Reset password", "Refund"
    }
    assert len(canned.search(desk.agent, "")) == 3


def test_only_supervisors_write_canned_responses(desk):
    with pytest.raises(PermissionDenied):
        desk.services.canned.create(desk.agent, "Hi", "Hello")
