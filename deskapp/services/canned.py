"""Canned responses: ready answers to common questions, found by a word of the title
or the body (Persian-normalised), optionally in one language."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from deskapp.models import CannedResponse, utcnow
from deskapp.services import audit, validation
from deskapp.services.errors import NotFound, StaleUpdate, ValidationFailed
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
    version: int = 0


def _info(row: CannedResponse) -> CannedResponseInfo:
    return CannedResponseInfo(row.id, row.title, row.body, row.category, row.language,
                              row.version)


def _clean(title: str, body: str, category: str, language: str) -> tuple[str, str, str, str]:
    title = validation.line(title, "Title", 120)
    body = validation.text(body, "Body", 10_000)
    category = validation.line(category, "Category", 80, required=False)
    language = validation.line(language, "Language", 8).lower()
    if language not in ("en", "fa"):
        raise ValidationFailed(f"Language {language!r} is not one of: en, fa.", "language",
                               code="validation.choice", value=language)
    return title, body, category, language


class CannedResponseService:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    def create(
        self, actor: Actor, title: str, body: str, *, category: str = "", language: str = "en"
    ) -> CannedResponseInfo:
        actor.require(Permission.MANAGE_CANNED)
        title, body, category, language = _clean(title, body, category, language)
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

    def update(
        self, actor: Actor, response_id: uuid.UUID, expected_version: int, title: str,
        body: str, *, category: str = "", language: str = "en",
    ) -> CannedResponseInfo:
        """Who may edit: supervisors and managers (``MANAGE_CANNED``), who answer for what
        the desk tells customers; agents use the answers and suggest changes to them."""
        actor.require(Permission.MANAGE_CANNED)
        title, body, category, language = _clean(title, body, category, language)
        with self._uow() as uow:
            row = self._live(uow.session, response_id)
            if row.version != expected_version:
                raise StaleUpdate(f"Answer {row.title}", None, row.updated_at, row.version)
            row.title, row.body, row.category, row.language = title, body, category, language
            row.search_text = search_key(f"{title} {category} {body}")
            audit.record(uow.session, actor, "canned.updated", "canned_response", row.id)
            try:
                uow.commit()
            except StaleDataError:
                raise StaleUpdate(f"Answer {title}", None, None, -1) from None
            return _info(row)

    def retire(self, actor: Actor, response_id: uuid.UUID) -> None:
        """Out of the picker; kept for the history (soft delete)."""
        actor.require(Permission.MANAGE_CANNED)
        with self._uow() as uow:
            row = self._live(uow.session, response_id)
            row.deleted_at = utcnow()
            audit.record(uow.session, actor, "canned.retired", "canned_response", row.id,
                         title=row.title)
            uow.commit()

    def categories(self, actor: Actor) -> list[str]:
        actor.require(Permission.WORK_TICKETS)
        with self._uow(read_only=True) as uow:
            return [c for c in uow.session.scalars(
                select(CannedResponse.category).where(CannedResponse.deleted_at.is_(None))
                .distinct().order_by(CannedResponse.category)) if c]

    @staticmethod
    def _live(s, response_id: uuid.UUID) -> CannedResponse:
        row = s.get(CannedResponse, response_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("That answer was retired or deleted meanwhile.",
                           code="canned.not_found")
        return row

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
