"""Reports for supervisors and managers (Qt-free): see ``model`` for every definition."""

from deskapp.services.reports.model import (
    AGE_BUCKETS,
    FCR_WINDOW_DAYS,
    AgentRow,
    Backlog,
    Csat,
    Durations,
    Escalations,
    Fcr,
    Report,
    ReportQuery,
    SlaCompliance,
    Volume,
)
from deskapp.services.reports.service import ReportService, range_instants

__all__ = [
    "AGE_BUCKETS",
    "FCR_WINDOW_DAYS",
    "AgentRow",
    "Backlog",
    "Csat",
    "Durations",
    "Escalations",
    "Fcr",
    "Report",
    "ReportQuery",
    "ReportService",
    "SlaCompliance",
    "Volume",
    "range_instants",
]
