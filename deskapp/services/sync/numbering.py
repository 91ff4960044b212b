"""Ticket numbers of a branch office are handed out only by that branch's database.

While a site is marked ``is_branch`` at the centre, the centre (any database without
that site's ``sync_state``) refuses to number tickets for it: otherwise the branch,
working offline, and the centre would both hand out e.g. TBZ-000046.
"""

from __future__ import annotations

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from deskapp.models import Site
from deskapp.models.sync import SyncState
from deskapp.services.sync.errors import BranchNumbering


def check_may_number(session: Session, site_code: str) -> None:
    is_branch = session.scalar(select(Site.is_branch).where(Site.code == site_code))
    if not is_branch:
        return
    bind = session.get_bind()
    if bind.dialect.name == "sqlite" and inspect(session.connection()).has_table("sync_state"):
        own = session.scalar(select(SyncState.site_code))
        if own == site_code:
            return
    raise BranchNumbering(
        f"{site_code} is a branch office: its tickets are numbered on its own database. "
        "Log the call there, or at the centre under the centre's site.",
        site=site_code,
    )
