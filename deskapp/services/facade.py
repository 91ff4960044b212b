"""The services facade the UI and the CLI receive: one object, built in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.engine import URL

from deskapp.models import Site, utcnow
from deskapp.models.database import make_engine
from deskapp.services.approvals import ApprovalService
from deskapp.services.audit_log import AuditLogService
from deskapp.services.auto_assign import AutoAssignService
from deskapp.services.calls import CallService
from deskapp.services.canned import CannedResponseService
from deskapp.services.customers import CustomerService
from deskapp.services.escalations import EscalationService
from deskapp.services.merging import MergeService
from deskapp.services.notifications import NotificationService
from deskapp.services.presence import PresenceService
from deskapp.services.queue import QueueService
from deskapp.services.reports import ReportService
from deskapp.services.setup import SetupService
from deskapp.services.sla import SlaEngine
from deskapp.services.sla_admin import SlaAdminService
from deskapp.services.sla_scan import SlaScanner
from deskapp.services.staff import StaffService
from deskapp.services.staff_admin import StaffAdminService
from deskapp.services.tickets import SlaHook, TicketService
from deskapp.services.unit_of_work import UnitOfWorkFactory, unit_of_work_factory
from deskapp.services.workload import WorkloadService


@dataclass
class Services:
    engine: Engine
    uow: UnitOfWorkFactory
    staff: StaffService
    customers: CustomerService
    tickets: TicketService
    notifications: NotificationService
    queue: QueueService
    canned: CannedResponseService
    escalations: EscalationService
    approvals: ApprovalService
    workload: WorkloadService
    auto_assign: AutoAssignService
    sla_admin: SlaAdminService
    sla_scanner: SlaScanner
    reports: ReportService
    staff_admin: StaffAdminService
    presence: PresenceService
    merges: MergeService
    setup: SetupService
    audit_log: AuditLogService
    calls: CallService

    @property
    def database_label(self) -> str:
        """Where we are, for a status bar: never includes a password."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return f"SQLite {url.database}"
        return f"PostgreSQL {url.username}@{url.host}:{url.port or 5432}/{url.database}"

    def dispose(self) -> None:
        self.engine.dispose()


def build_services(
    database: str | URL | Engine,
    *,
    site_code: str = "HQ",
    sla: SlaHook | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> Services:
    engine = database if isinstance(database, Engine) else make_engine(database)
    uow = unit_of_work_factory(engine)
    # One SLA engine (it caches the calendars) for every service that computes clocks;
    # ``sla`` may be a stand-in hook in tests, then the others still get a real engine.
    sla_engine = sla if isinstance(sla, SlaEngine) else SlaEngine()
    sla = sla if sla is not None else sla_engine  # SLA clocks on every ticket change
    return Services(
        engine=engine,
        uow=uow,
        staff=StaffService(uow),
        customers=CustomerService(uow),
        tickets=TicketService(uow, site_code=site_code, sla=sla, clock=clock),
        notifications=NotificationService(uow),
        queue=QueueService(uow, clock=clock),
        canned=CannedResponseService(uow),
        escalations=EscalationService(uow, clock=clock),
        approvals=ApprovalService(uow, clock=clock),
        workload=WorkloadService(uow, clock=clock),
        auto_assign=AutoAssignService(uow, clock=clock),
        sla_admin=SlaAdminService(uow, sla_engine, clock=clock),
        sla_scanner=SlaScanner(uow, sla_engine),
        reports=ReportService(uow, clock=clock, sla=sla_engine),
        staff_admin=StaffAdminService(uow),
        presence=PresenceService(uow),
        merges=MergeService(uow, sla=sla, clock=clock),
        setup=SetupService(uow),
        audit_log=AuditLogService(uow),
        calls=CallService(uow, clock=clock),
    )


def ensure_site(services: Services, code: str, name: str, timezone: str = "UTC") -> None:
    """Create the site a workstation numbers its tickets for, if it does not exist."""
    with services.uow() as uow:
        if uow.session.scalar(select(Site.id).where(Site.code == code)) is None:
            uow.session.add(Site(code=code, name=name, timezone=timezone))
            uow.commit()
