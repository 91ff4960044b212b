"""The audit log: who did what to which record, written in the same transaction."""

from __future__ import annotations

import socket
import uuid
from typing import Any

from sqlalchemy.orm import Session

from deskapp.models import AuditEntry
from deskapp.services.permissions import Actor

_HOST = socket.gethostname()


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: uuid.UUID | None,
    **details: Any,
) -> None:
    clean = {k: (str(v) if isinstance(v, uuid.UUID) else v) for k, v in details.items()}
    clean.setdefault("host", _HOST)  # from which workstation (the audit-log views show it)
    session.add(
        AuditEntry(
            actor_id=actor.user_id, action=action, entity=entity, entity_id=entity_id, details=clean
        )
    )
