"""Screenshots of the workstation on a demo database, for README.md and for looking at.

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshots.py \
        --db /tmp/shots.sqlite3 --out screenshots-tmp

Creates and fills the database with the demo generator when it holds no tickets, then
writes main.png (a ticket open), log-call.png (the dialog, caller looked up) and
main-fa.png (Persian, right to left; drawn in a second process because the language is
chosen before any widget exists).
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
    from PySide6.QtWidgets import QApplication

    from deskapp.app import build_workstation
    from deskapp.ui.i18n import apply_language

    app = QApplication.instance() or QApplication(sys.argv)
    apply_language(app, lang)
    window = build_workstation(f"sqlite:///{db}", username)
    window.resize(1440, 860)
    window.show()
    ticket_id = pick_ticket(window.services, username)
    window.open_ticket(ticket_id)
    wait_until(lambda: window.ticket_view.detail is not None
               and window.history.history is not None and window.runner.idle)
    app.processEvents()
    suffix = "" if lang == "en" else f"-{lang}"
    window.grab().save(str(out / f"main{suffix}.png"))
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
    print(f"wrote {out}/main{suffix}.png", flush=True)


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
