"""A unit of work: one session, one transaction, per service operation."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from deskapp.models.database import READ_ONLY


class UnitOfWork:
    """``with uow_factory() as uow: ...; uow.commit()`` — rolled back unless committed."""

    session: Session

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def flush(self) -> None:
        self.session.flush()


class UnitOfWorkFactory(Protocol):
    def __call__(self, *, read_only: bool = False) -> UnitOfWork: ...


def unit_of_work_factory(engine: Engine) -> UnitOfWorkFactory:
    """``factory()`` for work that may write; ``factory(read_only=True)`` for pure reads
    (on SQLite those begin deferred and never wait for a writer)."""
    # expire_on_commit=False: services hand back plain data read before commit.
    writer = sessionmaker(bind=engine, expire_on_commit=False)
    reader = sessionmaker(
        bind=engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
    )

    def factory(*, read_only: bool = False) -> UnitOfWork:
        return UnitOfWork(reader if read_only else writer)

    return factory
