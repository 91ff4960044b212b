"""Customer edit and merge dialogs: validation as for Log a call, a phone of another
customer refused, someone else's change said (typed text kept), a merge moves the
duplicate's tickets; nothing is written on refusal."""

from __future__ import annotations

from sqlalchemy import func, select

from deskapp.models import AuditEntry
from deskapp.services.customers import CustomerChanges, NewCustomer
from deskapp.services.tickets import NewCall
from deskapp.ui.dialogs.customer_edit_dialog import CustomerEditDialog
from deskapp.ui.dialogs.customer_merge_dialog import CustomerMergeDialog


def _audits(desk) -> int:
    with desk.services.engine.connect() as c:
        return c.scalar(select(func.count()).select_from(AuditEntry))


def test_edit_customer(qtbot, desk, runner):
    cs = desk.services.customers
    c = cs.create(desk.agent, NewCustomer("Zahra Kazemi", phones=["09123456789"]))
    cs.create(desk.agent, NewCustomer("Kaveh Nouri", phones=["09350001122"]))
    d = CustomerEditDialog(desk.services, desk.agent, runner, c)
    qtbot.addWidget(d)
    before = _audits(desk)
    # A phone that belongs to someone else.
    d.phones.setText("09123456789, 0935 000 1122")
    d.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not d._errors["phones"].isHidden(), timeout=10_000)
    assert "Kaveh Nouri" in d._errors["phones"].text()
    # A bad email goes under the email field.
    d.phones.setText("09123456789")
    d.email.setText("not an email")
    d.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not d._errors["email"].isHidden(), timeout=10_000)
    assert d._errors["phones"].isHidden()
    assert _audits(desk) == before
    assert cs.get(desk.agent, c.id) == c
    # Someone else changes the customer meanwhile: said, and the typed text stays.
    cs.update(desk.supervisor, c.id, c.version, CustomerChanges(organisation="Acme"))
    d.email.setText("zahra@example.com")
    d.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not d.error_label.isHidden(), timeout=10_000)
    assert "Maryam Hosseini" in d.error_label.text()
    assert d.email.text() == "zahra@example.com"
    # From the current version it saves.
    fresh = cs.get(desk.agent, c.id)
    d2 = CustomerEditDialog(desk.services, desk.agent, runner, fresh)
    qtbot.addWidget(d2)
    d2.segment.setCurrentIndex(d2.segment.findData("vip"))
    d2.warning_note.setPlainText("Shouts at agents")
    with qtbot.waitSignal(d2.saved, timeout=10_000) as saved:
        d2.buttons.accepted.emit()
    assert saved.args[0].warning_note == "Shouts at agents"
    assert saved.args[0].organisation == "Acme"


def test_merge_customers(qtbot, desk, runner):
    s = desk.services
    kept = s.customers.create(desk.agent, NewCustomer("Reza Tehrani", phones=["09121111111"]))
    dup = s.customers.create(desk.agent, NewCustomer("Reza Tehrany", phones=["09122222222"]))
    s.tickets.log_call(desk.agent, NewCall(subject="Bill", customer_id=dup.id))
    d = CustomerMergeDialog(s, desk.supervisor, runner, kept)
    qtbot.addWidget(d)
    d.search.setText("0912222")
    qtbot.waitUntil(lambda: d.results.count() == 1, timeout=10_000)
    assert d.merge_button.isEnabled()
    with qtbot.waitSignal(d.merged, timeout=10_000) as merged:
        d.merge_button.click()
    assert merged.args[0].tickets_moved == 1
    assert s.customers.history(desk.agent, kept.id).total_count == 1


def test_merge_refuses_a_record_changed_meanwhile(qtbot, desk, runner):
    s = desk.services
    kept = s.customers.create(desk.agent, NewCustomer("Mina", phones=["09123330000"]))
    dup = s.customers.create(desk.agent, NewCustomer("Mina S", phones=["09123330001"]))
    d = CustomerMergeDialog(s, desk.supervisor, runner, kept)
    qtbot.addWidget(d)
    d.search.setText("Mina S")
    qtbot.waitUntil(lambda: d.results.count() == 1, timeout=10_000)
    s.customers.update(desk.agent, dup.id, dup.version, CustomerChanges(organisation="X"))
    before = _audits(desk)
    d.merge_button.click()
    qtbot.waitUntil(lambda: not d.error_label.isHidden(), timeout=10_000)
    assert "changed by Ali Rezaei" in d.error_label.text()
    assert _audits(desk) == before
