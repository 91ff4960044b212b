"""Database passwords: in the OS keyring, or, where there is none, in memory for this run.

The keyring entry is service ``deskapp``, user ``profile:<name>``. When no usable
keyring backend exists (a headless Linux box: ``keyring.backends.fail``, an empty
chainer, the null backend, or a plain-text ``keyrings.alt`` file that we refuse to
trust) the password is asked once per run and kept only in this process.

Nothing here logs a password or puts one in an exception message. Qt-free.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from deskapp.config import Profile

log = logging.getLogger(__name__)

SERVICE = "deskapp"
NO_KEYRING_NOTE = (
    "No keyring on this system — the password is kept for this session only "
    "and asked again next time."
)


def keyring_key(profile_name: str) -> str:
    return f"profile:{profile_name}"


def backend_is_usable(backend: KeyringBackend) -> bool:
    """False for the backends that store nothing, or store it in plain text."""
    module = type(backend).__module__
    if module.startswith("keyrings.alt"):
        return False  # plain text (or a terminal prompt) in a file: not a keyring
    if module in ("keyring.backends.fail", "keyring.backends.null"):
        return False
    if module == "keyring.backends.chainer":
        return any(backend_is_usable(b) for b in backend.backends)  # type: ignore[attr-defined]
    try:
        return float(backend.priority) > 0  # type: ignore[arg-type]
    except Exception:  # a backend whose priority check fails is not viable here
        return False


@dataclass(frozen=True)
class StoreResult:
    persistent: bool  # True: in the OS keyring; False: in memory for this run only
    note: str  # what to tell the person ("" when all is well)


class SecretStore:
    """Passwords per profile. ``backend`` None: keyring's configured backend."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend
        self._session: dict[str, str] = {}
        self._lock = threading.Lock()

    @property
    def backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    @property
    def persistent(self) -> bool:
        """Whether a saved password survives this run (a usable OS keyring)."""
        return backend_is_usable(self.backend)

    @property
    def note(self) -> str:
        return "" if self.persistent else NO_KEYRING_NOTE

    def get(self, profile_name: str) -> str | None:
        with self._lock:
            if profile_name in self._session:
                return self._session[profile_name]
        if not self.persistent:
            return None
        try:
            return self.backend.get_password(SERVICE, keyring_key(profile_name))
        except KeyringError as exc:
            log.warning("keyring read failed for profile %s: %s", profile_name, type(exc).__name__)
            return None

    def set(self, profile_name: str, password: str) -> StoreResult:
        """Keep ``password`` for the profile: in the keyring when there is one (and in
        memory for this run either way)."""
        with self._lock:
            self._session[profile_name] = password
        if not self.persistent:
            return StoreResult(False, NO_KEYRING_NOTE)
        try:
            self.backend.set_password(SERVICE, keyring_key(profile_name), password)
        except KeyringError as exc:
            log.warning("keyring write failed for profile %s: %s", profile_name, type(exc).__name__)
            return StoreResult(
                False,
                "The keyring refused the password — it is kept for this session only.",
            )
        return StoreResult(True, "")

    def remember_for_session(self, profile_name: str, password: str) -> None:
        with self._lock:
            self._session[profile_name] = password

    def forget(self, profile_name: str) -> None:
        """Drop the password from memory and the keyring (profile removed)."""
        with self._lock:
            self._session.pop(profile_name, None)
        if not self.persistent:
            return
        try:
            self.backend.delete_password(SERVICE, keyring_key(profile_name))
        except PasswordDeleteError:
            pass  # there was none
        except KeyringError as exc:
            log.warning("keyring delete failed for profile %s: %s", profile_name, type(exc).__name__)


_default: SecretStore | None = None


def default_store() -> SecretStore:
    """The process's store: its in-memory passwords last as long as this run."""
    global _default
    if _default is None:
        _default = SecretStore()
    return _default


def reset_default_store(store: SecretStore | None = None) -> None:
    """Tests: start from an empty memory (optionally with a given store)."""
    global _default
    _default = store


def password_for_profile(profile: Profile, store: SecretStore | None = None) -> str | None:
    """The saved password of a shared profile, or None (trust auth, or not stored)."""
    if not profile.is_postgresql:
        return None
    return (store or default_store()).get(profile.name)
