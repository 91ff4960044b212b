"""Salted slow password hashes (scrypt from the standard library).

A hash records its own cost: ``scrypt$N$r$p$salt$digest``. New hashes get the
current OWASP parameters (:data:`CURRENT`, N=2**17, r=8, p=1); an older or cheaper
hash still verifies and :func:`needs_rehash` tells the login to replace it.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os
from typing import NamedTuple

_PREFIX = "scrypt"


class ScryptParams(NamedTuple):
    n: int
    r: int
    p: int


# OWASP Password Storage Cheat Sheet: scrypt N=2^17 (128 MiB), r=8, p=1.
PRODUCTION = ScryptParams(2**17, 8, 1)
CURRENT = PRODUCTION
# Stored hashes beyond this are refused rather than allowed to exhaust memory.
_MAX_N = 2**20


def _maxmem(params: ScryptParams) -> int:
    return 128 * params.r * params.n * params.p + 128 * params.r * 2 + (1 << 20)


def _scrypt(password: str, salt: bytes, params: ScryptParams, dklen: int = 32) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8", "surrogatepass"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        dklen=dklen,
        maxmem=_maxmem(params),
    )


def hash_password(password: str, params: ScryptParams | None = None) -> str:
    """A new hash with a fresh 16-byte salt, at ``params`` (default: :data:`CURRENT`)."""
    params = params or CURRENT
    salt = os.urandom(16)
    digest = _scrypt(password, salt, params)
    b64 = base64.b64encode
    return f"{_PREFIX}${params.n}${params.r}${params.p}${b64(salt).decode()}${b64(digest).decode()}"


def _parse(stored: str) -> tuple[ScryptParams, bytes, bytes] | None:
    try:
        prefix, n, r, p, salt, digest = stored.split("$")
        if prefix != _PREFIX:
            return None
        params = ScryptParams(int(n), int(r), int(p))
        if not (1 < params.n <= _MAX_N and 0 < params.r <= 32 and 0 < params.p <= 16):
            return None
        return params, base64.b64decode(salt), base64.b64decode(digest)
    except (ValueError, TypeError, AttributeError):
        return None


def verify_password(password: str, stored: str) -> bool:
    parsed = _parse(stored)
    if parsed is None:
        return False
    params, salt, expected = parsed
    try:
        actual = _scrypt(password, salt, params, dklen=len(expected))
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str) -> bool:
    """Whether ``stored`` was made with other parameters than :data:`CURRENT`."""
    parsed = _parse(stored)
    return parsed is None or parsed[0] != CURRENT


@functools.cache
def _dummy_hash(params: ScryptParams) -> str:
    return hash_password("not a password of anyone", params)


def dummy_verify(password: str) -> None:
    """Spend the time of a real verification, for a user that does not exist: the
    answer to an unknown username takes as long as a wrong password."""
    verify_password(password, _dummy_hash(CURRENT))
