"""What the workstation's start-up does to a fresh local database."""

from __future__ import annotations

from sqlalchemy import func, select

from deskapp.app import prepare_database
from deskapp.config import Settings
from deskapp.models import BusinessCalendar, Site, SlaPolicy
from deskapp.services.facade import build_services


def test_fresh_default_database_gets_schema_site_and_sla_policies(tmp_path):
    settings = Settings(f"sqlite:///{tmp_path / 'desk.sqlite3'}", "HQ", is_default_database=True)
    services = build_services(settings.database_url)
    try:
        assert prepare_database(services, settings) is True  # empty: wants demo data
        with services.uow() as uow:
            s = uow.session
            assert s.scalar(select(Site.code)) == "HQ"
            assert s.scalar(select(func.count()).select_from(BusinessCalendar)) >= 2
            assert s.scalar(select(func.count()).select_from(SlaPolicy).where(
                SlaPolicy.is_default.is_(True))) == 1
    finally:
        services.dispose()
