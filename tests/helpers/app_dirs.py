"""Fixtures that keep the app's files and secrets inside the test: config and data
directories under tmp_path, and an in-memory keyring (or none at all).

    from tests.helpers.app_dirs import app_dirs, memory_keyring, no_keyring  # noqa: F401
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from deskapp import credentials
from tests.helpers.memory_keyring import MemoryKeyring


@pytest.fixture
def app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    config, data = tmp_path / "config", tmp_path / "data"
    monkeypatch.setenv("DESKAPP_CONFIG_DIR", str(config))
    monkeypatch.setenv("DESKAPP_DATA_DIR", str(data))
    monkeypatch.delenv("DESKAPP_DATABASE_URL", raising=False)
    return config, data


def _swap(backend) -> Iterator:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    credentials.reset_default_store()
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
        credentials.reset_default_store()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    yield from _swap(MemoryKeyring())


@pytest.fixture
def no_keyring() -> Iterator[fail.Keyring]:
    """A headless box: keyring's fail backend."""
    yield from _swap(fail.Keyring())
