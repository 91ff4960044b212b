"""A small desk for sync tests: a central PostgreSQL with sites HQ and branch sites,
and branch SQLite databases cloned from it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from deskapp.models.database import make_engine
from deskapp.services.facade import Services, build_services, ensure_site
from deskapp.services.permissions import Actor
from deskapp.services.sync import capture
from deskapp.services.sync.clone import clone_branch


@dataclass
class Site:
    code: str
    engine: Engine
    services: Services

    def actor(self, username: str) -> Actor:
        return self.services.staff.actor(username)


def make_branch(
    central: Engine, code: str, directory: Path, since_days: int | None = None
) -> Site:
    central_services = build_services(central, site_code="HQ")
    ensure_site(central_services, code, f"Branch {code}")
    path = directory / f"{code.lower()}-{uuid.uuid4().hex[:6]}.sqlite3"
    clone_branch(
        central, f"sqlite:///{path}", code, central_profile="test", since_days=since_days
    )
    engine = make_engine(f"sqlite:///{path}")
    return Site(code, engine, build_services(engine, site_code=code))


def snapshot(engine: Engine) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced table's rows, normalised for comparison across dialects."""
    from deskapp.services.sync.values import _plain

    out: dict[str, dict[str, dict[str, Any]]] = {}
    with engine.connect() as conn:
        for table in capture.synced_tables():
            rows = {}
            for r in conn.execute(select(table)).mappings():
                rows[r["id"].hex] = {k: _plain(v) for k, v in r.items()}
            out[table.name] = rows
    return out


def differences(a: dict, b: dict, limit: int = 10) -> list[str]:
    found = []
    for table in sorted(set(a) | set(b)):
        ra, rb = a.get(table, {}), b.get(table, {})
        for rid in sorted(set(ra) | set(rb)):
            x, y = ra.get(rid), rb.get(rid)
            if x is None or y is None:
                found.append(f"{table} {rid}: only at {'second' if x is None else 'first'}")
            elif x != y:
                cols = [k for k in x if x.get(k) != y.get(k)]
                found.append(f"{table} {rid}: {[(c, x.get(c), y.get(c)) for c in cols]}")
            if len(found) >= limit:
                return found
    return found



def settle(
    central: Engine, sites: list[Site], *, deadline: float = 45.0, **client_kw: Any
) -> list[str]:
    """Sync every site until each equals the centre (the feed reads only below the
    oldest running transaction of the whole server, so a neighbour's long transaction
    may hold a pull back for a while). Returns the remaining differences ([] = equal)."""
    import time

    from deskapp.services.sync.client import SyncClient

    end = time.monotonic() + deadline
    while True:
        for site in sites:
            SyncClient(site.engine, central, **client_kw).sync()
        for site in sites:  # a second round: a site's push may have changed rows others pulled
            SyncClient(site.engine, central, **client_kw).sync()
        centre = snapshot(central)
        diffs = [f"{s.code}: {d}" for s in sites for d in differences(snapshot(s.engine), centre)]
        if not diffs or time.monotonic() > end:
            return diffs
        time.sleep(0.5)
