"""Screenshots of the workstation on a demo database, for README.md and for looking at.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots.py \
        --db /tmp/shots.sqlite3 --out screenshots-tmp

Creates and fills the database with the demo generator when it holds no tickets, then
draws, at 1400 px wide in English (john) and Persian (ali, right to left; a second
process because the language is chosen before any widget exists): main[-fa].png (a
ticket open, the default layout of a first start), queue[-fa].png (the queue's default
columns), notifications[-fa].png (the notification centre after login),
escalate[-fa].png (the escalate dialog), and log-call.png (the dialog, caller looked up).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def prepare(db: Path) -> None:
    from sqlalchemy import func, select

    from deskapp.models import Ticket
    from deskapp.services import schema
    from deskapp.services.facade import build_services

    services = build_services(f"sqlite:///{db}")
    try:
        schema.upgrade(services.engine)
        with services.uow() as uow:
            count = uow.session.scalar(select(func.count()).select_from(Ticket))
        if not count:
            from deskapp.services.demo import generate_demo

            print("generating demo data…", flush=True)
            generate_demo(services, tickets=2000, customers=500, seed=3)
    finally:
        services.dispose()


def wait_until(condition, timeout: float = 20.0) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not finish loading")
        QApplication.processEvents()
        time.sleep(0.02)


def pick_ticket(services, username: str):
    """An open ticket of this agent whose customer has a warning and a few tickets."""
    from sqlalchemy import func, select

    from deskapp.models import Customer, Ticket, User
    from deskapp.models.enums import OPEN_STATUSES

    with services.uow() as uow:
        s = uow.session
        per_customer = (
            select(Ticket.customer_id, func.count().label("n"))
            .group_by(Ticket.customer_id).subquery()
        )
        stmt = (
            select(Ticket.id)
            .join(User, User.id == Ticket.assignee_id)
            .join(Customer, Customer.id == Ticket.customer_id)
            .join(per_customer, per_customer.c.customer_id == Ticket.customer_id)
            .where(User.username == username, Ticket.status.in_(OPEN_STATUSES))
            .order_by((Customer.warning_note != "").desc(), per_customer.c.n.desc(),
                      Ticket.created_at.desc())
            .limit(1)
        )
        return s.scalar(stmt)


def shoot(db: Path, out: Path, lang: str, username: str) -> None:
    from deskapp.ui.platform_check import missing_platform_libraries

    missing = missing_platform_libraries()
    if missing:
        raise SystemExit(missing)
    os.environ["DESKAPP_LANG"] = lang
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from deskapp.app import build_workstation
    from deskapp.ui import window_state
    from deskapp.ui.i18n import apply_language

    app = QApplication.instance() or QApplication(sys.argv)
    apply_language(app, lang)
    window = build_workstation(f"sqlite:///{db}", username)
    # a first start: the default layout (no saved one)
    layout = out / f"layout-{lang}.ini"
    layout.unlink(missing_ok=True)
    window_state.install(window, QSettings(str(layout), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.move(0, 0)
    window.show()
    ticket_id = pick_ticket(window.services, username)
    window.open_ticket(ticket_id)
    wait_until(lambda: window.ticket_view.detail is not None
               and window.history.history is not None and window.runner.idle)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    suffix = "" if lang == "en" else f"-{lang}"
    window.grab().save(str(out / f"main{suffix}.png"))
    window.queue.grab().save(str(out / f"queue{suffix}.png"))

    # The notification centre right after login: what is at risk is already there.
    parts = window.parts
    done: list[int] = []
    parts.notifications.catch_up.finished.connect(done.append)
    parts.notifications.catch_up.run()
    wait_until(lambda: bool(done) and window.runner.idle)
    parts.centre.refresh()
    wait_until(lambda: window.runner.idle)
    app.processEvents()
    bell = parts.centre.bell
    bell.click()
    panel = bell.panel
    wait_until(lambda: panel.isVisible())
    app.processEvents()
    panel.grab().save(str(out / f"notifications{suffix}.png"))
    panel.hide()

    # The escalate dialog on the open ticket.
    dialog = parts.escalations.escalate(window.ticket_view.detail)
    wait_until(lambda: dialog.team_list.count() > 0 and window.runner.idle)
    dialog.team_list.setCurrentRow(0)
    app.processEvents()
    dialog.grab().save(str(out / f"escalate{suffix}.png"))
    dialog.reject()

    if lang == "en":
        dialog = window.log_call()
        dialog.lookup.setText("0912")
        wait_until(lambda: dialog.results.count() > 0 and window.runner.idle)
        dialog.results.setCurrentRow(0)
        dialog.subject.setText("Bill shows a charge twice")
        dialog.category.setText("billing")
        dialog.notes.setPlainText("Customer read out the invoice number; second charge on the 3rd.")
        app.processEvents()
        dialog.grab().save(str(out / "log-call.png"))
        dialog.reject()
    window.close()
    window.runner.wait(10_000)
    print(f"wrote {out}/main{suffix}.png, queue, notifications, escalate", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/shots.sqlite3"))
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots-tmp")
    parser.add_argument("--lang", default=None, help="draw only this language (internal)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.lang:
        shoot(args.db, args.out, args.lang, "ali" if args.lang == "fa" else "john")
        return 0
    prepare(args.db)
    for lang in ("en", "fa"):
        subprocess.run(
            [sys.executable, __file__, "--db", str(args.db), "--out", str(args.out),
             "--lang", lang],
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
