"""One-line definitions of each figure, shown on hover (the full ones are in
deskapp/services/reports/model.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def definitions() -> dict[str, str]:
    d = {
        "sla": QCoreApplication.translate(
            "ReportDefinitions",
            "Tickets created in the range: met = the clock stopped by its due time; "
            "breached = stopped late or still running past it; compliance = met / (met + breached).",
        ),
        "first_response": QCoreApplication.translate(
            "ReportDefinitions",
            "Business time (the ticket's SLA calendar) from creation to the first reply or "
            "call; lower median and 90th percentile over tickets created in the range.",
        ),
        "resolution": QCoreApplication.translate(
            "ReportDefinitions",
            "Business time from creation to resolution, pending time left out; lower median "
            "and 90th percentile over tickets resolved in the range.",
        ),
        "fcr": QCoreApplication.translate(
            "ReportDefinitions",
            "Strict: resolved on the first inbound contact, never escalated, never reopened, "
            "and no further contact from the customer within 7 days; share of tickets resolved.",
        ),
        "csat": QCoreApplication.translate(
            "ReportDefinitions",
            "Satisfaction scores (1-5) of tickets resolved in the range; response rate = "
            "scored / resolved.",
        ),
        "backlog": QCoreApplication.translate(
            "ReportDefinitions",
            "Tickets open now (new, open, pending), by status and by age; the trend is the "
            "open count at the end of each day.",
        ),
        "escalations": QCoreApplication.translate(
            "ReportDefinitions",
            "Share of tickets created in the range escalated at least once; reopen rate = "
            "reopened / resolved at least once.",
        ),
        "volume": QCoreApplication.translate(
            "ReportDefinitions",
            "Tickets created in the range, by channel and by local hour of day and weekday.",
        ),
        "agents": QCoreApplication.translate(
            "ReportDefinitions",
            "Per current assignee: handled = created in the range, resolved in the range, "
            "strict FCR, average CSAT, median first response, tickets with a breached clock.",
        ),
    }
    return d
