"""A person's own preferences, kept with their user in the database so they follow
them to any workstation: the language of the UI (``users.language``)."""

from __future__ import annotations

from sqlalchemy import select

from deskapp.models import User
from deskapp.services.errors import NotFound, ValidationFailed
from deskapp.services.permissions import Actor
from deskapp.services.unit_of_work import UnitOfWorkFactory

LANGUAGES = ("en", "fa")  # the languages with a catalogue


def set_language(uow_factory: UnitOfWorkFactory, actor: Actor, language: str) -> str:
    """Store ``actor``'s own UI language; used from the next login on."""
    language = (language or "").strip().lower()
    if language not in LANGUAGES:
        raise ValidationFailed(
            f"Language must be one of {', '.join(LANGUAGES)}, not {language!r}.", "language",
            code="validation.choice", choices=", ".join(LANGUAGES), value=language,
        )
    with uow_factory() as uow:
        user = uow.session.scalar(select(User).where(User.id == actor.user_id))
        if user is None:
            raise NotFound("Your user no longer exists.")
        user.language = language
        uow.commit()
    return language


def language_of(uow_factory: UnitOfWorkFactory, actor: Actor) -> str | None:
    with uow_factory() as uow:
        return uow.session.scalar(select(User.language).where(User.id == actor.user_id))
