"""Canned answers editor, escalation reasons and limits, ticket History, audit-log
search and ticket merge: each used for real, and bad input said clearly with nothing
written."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem
from sqlalchemy import func, select

from deskapp.models import AuditEntry, CannedResponse
from deskapp.models.enums import Status
from deskapp.services.customers import NewCustomer
from deskapp.services.tickets import NewCall
from deskapp.ui.admin.audit_log_dialog import AuditLogDialog
from deskapp.ui.admin.canned_editor import CannedEditor
from deskapp.ui.admin.desk_rules_dialog import DeskRulesDialog
from deskapp.ui.admin.ticket_history import TicketHistoryPanel
from deskapp.ui.dialogs.ticket_merge_dialog import TicketMergeDialog


def _count(desk, model) -> int:
    with desk.services.engine.connect() as c:
        return c.scalar(select(func.count()).select_from(model))


def test_canned_editor_create_edit_retire(qtbot, desk, runner):
    s = desk.services
    s.canned.create(desk.supervisor, "Restart the modem", "Switch it off and on.",
                    category="internet", language="en")
    ed = CannedEditor(s, desk.supervisor, runner)
    qtbot.addWidget(ed)
    qtbot.waitUntil(lambda: ed.list.count() == 1, timeout=10_000)
    # Empty text: said under the field, nothing written.
    ed.new_button.click()
    ed.title.setText("Bill explained")
    before = _count(desk, CannedResponse)
    ed.save_button.click()
    qtbot.waitUntil(lambda: not ed.errors["body"].isHidden(), timeout=10_000)
    assert _count(desk, CannedResponse) == before
    ed.body.setPlainText("قبض شما شامل هزینه‌ی اشتراک است.")
    ed.language.setCurrentIndex(ed.language.findData("fa"))
    ed.category.setCurrentText("billing")
    with qtbot.waitSignal(ed.loaded, timeout=10_000):
        ed.save_button.click()
    # The same search as the picker (Persian-normalised: ي/ك typed Arabic-style).
    assert [a.title for a in s.canned.search(desk.agent, "هزينه")] == ["Bill explained"]
    ed.search.setText("modem")
    qtbot.waitUntil(lambda: ed.list.count() == 1, timeout=10_000)
    ed.list.setCurrentRow(0)
    ed.body.setPlainText("Switch it off, wait ten seconds, switch it on.")
    with qtbot.waitSignal(ed.saved, timeout=10_000):
        ed.save_button.click()
    assert "ten seconds" in s.canned.search(desk.agent, "modem")[0].body
    ed.retire(ed.current)
    qtbot.waitUntil(lambda: s.canned.search(desk.agent, "modem") == [], timeout=10_000)
    runner.wait()


def test_desk_rules_dialog(qtbot, desk, runner):
    s = desk.services
    d = DeskRulesDialog(s, desk.manager, runner)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.reasons.rowCount() > 0 and d.limits.rowCount() > 0,
                    timeout=10_000)
    # A bad amount: said, nothing written.
    agent_row = next(r for r in range(d.limits.rowCount())
                     if d.limits.item(r, 0).data(Qt.ItemDataRole.UserRole).role.value == "agent")
    d.limits.setItem(agent_row, 1, QTableWidgetItem("lots"))
    before = _count(desk, AuditEntry)
    d.save_button.click()
    qtbot.waitUntil(lambda: not d.error.isHidden(), timeout=10_000)
    assert _count(desk, AuditEntry) == before
    qtbot.waitUntil(lambda: d.limits.item(agent_row, 1).text() != "lots", timeout=10_000)
    d.limits.setItem(agent_row, 1, QTableWidgetItem("750000"))
    d.reasons.item(0, 1).setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(d.saved, timeout=10_000):
        d.save_button.click()
    limits = {lim.role.value: lim.max_amount for lim in s.approvals.limits()}
    assert limits["agent"] == Decimal("750000")
    first = d.reasons_info[0]
    assert not next(r for r in s.escalations.reasons(include_inactive=True)
                    if r.code == first.code).active
    d.new_reason.setText("Needs a site visit")
    with qtbot.waitSignal(d.saved, timeout=10_000):
        d.add_reason_button.click()
    assert any(r.label == "Needs a site visit" for r in s.escalations.reasons())


def test_ticket_history_audit_search_and_ticket_merge(qtbot, desk, runner):
    s = desk.services
    c = s.customers.create(desk.agent, NewCustomer("Parisa", phones=["09124440000"]))
    kept = s.tickets.log_call(desk.agent, NewCall(subject="No internet", customer_id=c.id))
    dup = s.tickets.log_call(desk.agent, NewCall(subject="No internet again",
                                                 customer_id=c.id))
    merge = TicketMergeDialog(s, desk.agent, runner, kept)
    qtbot.addWidget(merge)
    qtbot.waitUntil(lambda: merge.list.count() == 1, timeout=10_000)
    merge.list.setCurrentRow(0)
    with qtbot.waitSignal(merge.merged, timeout=10_000):
        merge.merge_button.click()
    assert s.tickets.get(desk.agent, dup.ticket.id).ticket.status is Status.CLOSED

    panel = TicketHistoryPanel(s, desk.agent, runner)
    qtbot.addWidget(panel)
    panel.show_ticket(s.tickets.get(desk.agent, dup.ticket.id))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.toggle.setChecked(True)
    actions = [panel.table.item(r, 2).data(Qt.ItemDataRole.UserRole)
               for r in range(panel.table.rowCount())]
    assert "ticket.merged_into" in actions
    assert "Merged into another ticket" in [panel.table.item(r, 2).text()
                                            for r in range(panel.table.rowCount())]
    assert panel.table.item(0, 4).text()  # the workstation

    audit = AuditLogDialog(s, desk.manager, runner)
    qtbot.addWidget(audit)
    qtbot.waitUntil(lambda: bool(audit.rows), timeout=10_000)
    audit.ticket.setText(kept.ticket.reference)
    with qtbot.waitSignal(audit.loaded, timeout=10_000):
        audit.search_button.click()
    assert {r.action for r in audit.rows} >= {"ticket.merged"}
    audit.ticket.setText("HQ-999999")
    audit.search_button.click()
    qtbot.waitUntil(lambda: not audit.error.isHidden(), timeout=10_000)
    assert "HQ-999999" in audit.error.text()
    audit.ticket.clear()
    audit.use_dates.setChecked(True)
    with qtbot.waitSignal(audit.loaded, timeout=10_000):
        audit.search_button.click()
    assert audit.rows  # today is inside the last seven days
