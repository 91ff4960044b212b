"""Domain errors: each carries a message fit to show to the person who caused it."""

from __future__ import annotations

from datetime import datetime


class DeskError(Exception):
    """Base of every error the services raise on purpose."""


class NotFound(DeskError):
    pass


class ValidationFailed(DeskError):
    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class PermissionDenied(DeskError):
    pass


class AuthenticationFailed(DeskError):
    pass


class InvalidTransition(DeskError):
    pass


class AlreadyExists(DeskError):
    pass


class StaleUpdate(DeskError):
    """Someone else changed the record after it was loaded: reload, keep what you typed."""

    def __init__(
        self, what: str, changed_by: str | None, changed_at: datetime | None, version: int
    ) -> None:
        who = changed_by or "someone else"
        when = f" at {changed_at:%Y-%m-%d %H:%M} UTC" if changed_at else ""
        super().__init__(f"{what} was changed by {who}{when}; reload it to see the change.")
        self.what = what
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_version = version
