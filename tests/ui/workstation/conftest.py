"""A workstation on a small desk: the `desk` staff plus two customers and three tickets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSettings

from deskapp.services.customers import NewCustomer
from deskapp.services.dto import TicketDetail
from deskapp.services.tickets import NewCall
from tests.helpers.staff import Desk
from tests.ui.workstation.queue_stand_in import install_if_missing

install_if_missing()


@dataclass
class Floor:
    desk: Desk
    url: str
    first: TicketDetail  # Parisa's first ticket
    second: TicketDetail  # Parisa's second ticket
    other: TicketDetail  # another customer's ticket


@pytest.fixture
def floor(desk: Desk, sqlite_url: str) -> Floor:
    tickets = desk.services.tickets
    first = tickets.log_call(
        desk.agent,
        NewCall(
            subject="Internet down since morning",
            notes="Router lights are red.",
            new_customer=NewCustomer(
                name="Parisa Kamali",
                phones=["0912 345 6789"],
                email="parisa@example.com",
                organisation="Kamali Trading",
                warning_note="Has complained to the regulator; supervisor approval for credits.",
            ),
        ),
    )
    second = tickets.log_call(
        desk.agent,
        NewCall(subject="Invoice is double", notes="Charged twice in October.",
                customer_id=first.customer.id, channel="email"),
    )
    other = tickets.log_call(
        desk.agent,
        NewCall(subject="Password reset", new_customer=NewCustomer(name="Omid Jafari",
                                                                    phones=["02188776655"])),
    )
    return Floor(desk, sqlite_url, first, second, other)


@pytest.fixture
def window(qtbot, floor: Floor) -> Iterator:
    from deskapp.app import build_workstation

    win = build_workstation(floor.url, "ali")
    qtbot.addWidget(win)
    yield win
    win.runner.wait(10_000)


@pytest.fixture
def qsettings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "deskapp.ini"), QSettings.Format.IniFormat)
