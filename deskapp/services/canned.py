"""Canned responses: ready answers to common questions, found by a word of the title
or the body (Persian-normalised), optionally in one language."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from deskapp.models import CannedResponse
from deskapp.services import audit, validation
from deskapp.services.permissions import Actor, Permission
from deskapp.services.text import search_key
from deskapp.services.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class CannedResponseInfo:
    id: uuid.UUID
    title: str
    body: str
    category: str
    language: str


def _info(row: CannedResponse) -> CannedResponseInfo:
    return CannedResponseInfo(row.id, row.title, row.body, row.category, row.language)


class CannedResponseService:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    def create(
        self, actor: Actor, title: str, body: str, *, category: str = "", language: str = "en"
    ) -> CannedResponseInfo:
        actor.require(Permission.MANAGE_CANNED)
        title = validation.line(title, "Title", 120)
        body = validation.text(body, "Body", 10_000)
        category = validation.line(category, "Category", 80, required=False)
        language = validation.line(language, "Language", 8).lower()
        with self._uow() as uow:
            row = CannedResponse(
                title=title,
                body=body,
                category=category,
                language=language,
                search_text=search_key(f"{title} {category} {body}"),
            )
            uow.session.add(row)
            uow.flush()
            audit.record(uow.session, actor, "canned.created", "canned_response", row.id)
            info = _info(row)
            uow.commit()
            return info

    def search(
        self, actor: Actor, query: str = "", *, language: str | None = None, limit: int = 50
    ) -> list[CannedResponseInfo]:
        """Every word of ``query`` must occur in the title, category or body."""
        actor.require(Permission.WORK_TICKETS)
        stmt = select(CannedResponse).where(CannedResponse.deleted_at.is_(None))
        for word in search_key(query).split():
            stmt = stmt.where(CannedResponse.search_text.contains(word, autoescape=True))
        if language:
            stmt = stmt.where(CannedResponse.language == language.lower())
        stmt = stmt.order_by(CannedResponse.title, CannedResponse.id).limit(limit)
        with self._uow() as uow:
            return [_info(r) for r in uow.session.scalars(stmt)]
