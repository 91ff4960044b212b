"""Notifications in the reader's language: stored code + params, worded at display
(ui/notifications/wording.py), with the locale's digits."""

from __future__ import annotations

import uuid

from deskapp.models import utcnow
from deskapp.models.enums import NotificationKind
from deskapp.services.notifications import NotificationInfo
from deskapp.ui.i18n import apply_language
from deskapp.ui.notifications.wording import worded


def _info(code: str, **params) -> NotificationInfo:
    return NotificationInfo(
        id=uuid.uuid4(), kind=NotificationKind.SLA_BREACH, stage="breach",
        title="HQ-000007: resolution target breached", body="English body",
        urgency="critical", ticket_id=None, ticket_reference="HQ-000007",
        created_at=utcnow(), read_at=None, code=code, params=params)


def test_sla_and_summary_notifications_in_persian_with_persian_digits(qapp):
    apply_language(qapp, "fa")
    try:
        breach = worded(_info("sla.breach", reference="HQ-000007", clock="resolution",
                              subject="Modem", percent=100,
                              due_at="2026-11-27T10:00:00+00:00"))
        assert breach.title == "HQ-000007: موعد حل گذشته است"
        assert "Modem" in breach.body and "۱۴۰۵" in breach.body  # Jalali, Persian digits
        more = worded(_info("notifications.more", count=12))
        assert more.title == "۱۲ اعلان دیگر"
        # Without a code the stored text stays.
        assert worded(_info("")).title == "HQ-000007: resolution target breached"
    finally:
        apply_language(qapp, "en")
    assert worded(_info("notifications.more", count=12)).title == "12 more notifications"
