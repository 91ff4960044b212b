"""Issue 9, point 6 (layout part): right-to-left fixes found on Persian screenshots, and
the escalate dialog's skills by display name with a meaningful availability."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from deskapp.models import Team
from deskapp.ui.dialogs.escalate_dialog import EscalateDialog
from deskapp.ui.i18n import apply_language

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

BILLING_FA = "صورت‌حساب و پرداخت"


@pytest.fixture
def persian(qapp):
    apply_language(qapp, "fa")
    yield
    apply_language(qapp, "en")
    QCoreApplication.processEvents()


def _label_billing(floor):
    with floor.desk.services.uow() as uow:
        team = uow.session.query(Team).filter_by(name="Billing").one()
        team.skill_labels = {"billing": {"en": "Billing and payments", "fa": BILLING_FA}}
        uow.commit()


def _open(qtbot, window, ticket_id):
    window.open_ticket(ticket_id)
    qtbot.waitUntil(lambda: window.ticket_view.detail is not None
                    and window.history.history is not None, timeout=5_000)


def test_persian_layout(qtbot, persian, floor):
    from deskapp.app import build_workstation

    _label_billing(floor)
    window = build_workstation(floor.url, "ali")
    qtbot.addWidget(window)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    _open(qtbot, window, floor.first.ticket.id)
    # the title starting with the Latin ticket number is a right-to-left line
    assert window.ticket_view.header.title.text().startswith("\u200f")
    # each history figure is centred over its caption
    for value in window.history.stats.values():
        assert value.alignment() & Qt.AlignmentFlag.AlignHCenter
    # the views list keeps off the window's edge; Save view… is not squeezed beside Delete
    margins = window.queue.views.parentWidget().layout().contentsMargins()
    assert margins.left() > 0
    save = window.queue.save_view_button
    assert save.width() >= save.sizeHint().width()

    dialog = EscalateDialog(window.services, window.actor, window.runner,
                            window.ticket_view.detail.ticket, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.team_list.count() > 0, timeout=5_000)
    heading = dialog.findChild(type(window.user_label), "escalateHeading")
    assert 'dir="rtl"' in heading.text()
    text = dialog.team_list.item(0).text()
    assert text.startswith("\u200f") and BILLING_FA in text and "billing" not in text
    assert "در دسترس نیست" in text  # nobody is logged in: said so, not "0"
    dialog.reject()
    window.close()
    window.runner.wait(10_000)


def test_escalate_dialog_names_skills_and_availability_in_english(qtbot, window, floor):
    _label_billing(floor)
    _open(qtbot, window, floor.first.ticket.id)
    dialog = EscalateDialog(window.services, window.actor, window.runner,
                            window.ticket_view.detail.ticket, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.team_list.count() > 0, timeout=5_000)
    text = dialog.team_list.item(0).text()
    assert text.startswith("Billing — Billing and payments · 0 open")
    assert "nobody available now (2 members)" in text and "0 available" not in text
    dialog.reject()
