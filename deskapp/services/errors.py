"""Domain errors. Each carries a stable ``code`` and its ``params``, which the UI words
and translates (``deskapp.ui.error_text``), plus an English ``message`` for logs and the
command line. Codes are dotted, lower case: ``validation.too_long``, ``auth.locked``...

    raise ValidationFailed("Subject is required.", "subject", code="validation.required")
    raise PermissionDenied("...", code="permission.denied", action="reassign")
"""

from __future__ import annotations

from datetime import datetime


class DeskError(Exception):
    """Base of every error the services raise on purpose."""

    default_code = "error"

    def __init__(self, message: str = "", *, code: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.code = code or self.default_code
        self.params = params

    @property
    def message(self) -> str:
        return str(self)


class NotFound(DeskError):
    default_code = "not_found"


class ValidationFailed(DeskError):
    default_code = "validation"

    def __init__(
        self, message: str, field: str | None = None, *, code: str | None = None, **params: object
    ) -> None:
        super().__init__(message, code=code, field=field, **params)
        self.field = field


class PermissionDenied(DeskError):
    default_code = "permission.denied"


class AuthenticationFailed(DeskError):
    default_code = "auth.failed"


class PasswordChangeRequired(AuthenticationFailed):
    """The password was right but was reset by an administrator: choose a new one first."""

    default_code = "auth.password_change_required"


class InvalidTransition(DeskError):
    default_code = "lifecycle.invalid_transition"


class AlreadyExists(DeskError):
    default_code = "already_exists"


class StaleUpdate(DeskError):
    """Someone else changed the record after it was loaded: reload, keep what you typed."""

    def __init__(
        self, what: str, changed_by: str | None, changed_at: datetime | None, version: int
    ) -> None:
        who = changed_by or "someone else"
        when = f" at {changed_at:%Y-%m-%d %H:%M} UTC" if changed_at else ""
        super().__init__(
            f"{what} was changed by {who}{when}; reload it to see the change.",
            code="stale",
            what=what,
            changed_by=changed_by,
            changed_at=changed_at,
        )
        self.what = what
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_version = version
