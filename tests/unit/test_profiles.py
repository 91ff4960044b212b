"""Connection profiles, the database precedence, the keyring, and `deskapp profile`."""

from __future__ import annotations

import io
import json

import pytest
from keyring.backends import chainer, fail

from deskapp import credentials
from deskapp.cli import main
from deskapp.config import (
    Profile,
    ProfileBook,
    ProfileError,
    load_profiles,
    load_settings,
    profiles_path,
    save_profiles,
)

SECRET = "Zq9!never-on-disk"


def shared(name="central", **kw) -> Profile:
    fields = dict(host="db.example", port=5432, database="desk", user="ali", sslmode="require")
    fields.update(kw)
    return Profile(name, "postgresql", **fields)


def test_profiles_round_trip_and_never_hold_a_password(app_dirs):
    book = ProfileBook()
    book.add(shared())
    book.add(Profile("branch", "sqlite", path="~/branch.sqlite3"))
    book.use("central")
    path = save_profiles(book)
    assert path == profiles_path() and path.parent == app_dirs[0]
    again = load_profiles()
    assert again.active == "central"
    assert again.profiles["central"] == shared()
    assert again.profiles["branch"].path.endswith("branch.sqlite3")
    assert "password" not in path.read_text()
    url = again.profiles["central"].url(SECRET)
    assert url.password == SECRET and SECRET not in str(url)  # str() hides it
    assert url.query["sslmode"] == "require"


@pytest.mark.parametrize(
    "profile, message",
    [
        (Profile("bad name", path="x"), "profile name"),
        (Profile("x", "sqlite"), "file path"),
        (shared(host=" "), "host name"),
        (shared(port=0), "port 0"),
        (shared(database=""), "database name"),
        (shared(user=""), "user name"),
        (shared(sslmode="sometimes"), "SSL mode 'sometimes'"),
        (Profile("x", "mysql"), "unknown kind"),
    ],
)
def test_bad_profiles_are_refused_with_the_field_named(profile, message):
    with pytest.raises(ProfileError, match=message):
        ProfileBook().add(profile)


def test_a_broken_profiles_file_is_reported_not_ignored(app_dirs):
    profiles_path().parent.mkdir(parents=True)
    profiles_path().write_text("{not json")
    with pytest.raises(ProfileError, match="cannot read the profiles"):
        load_profiles()


def test_precedence_db_then_env_then_profile_then_local(app_dirs, monkeypatch):
    book = ProfileBook()
    book.add(shared())
    book.use("central")
    save_profiles(book)
    s = load_settings()
    assert s.profile == shared() and not s.is_default_database
    assert s.database_url == "postgresql+psycopg://ali@db.example:5432/desk?sslmode=require"
    monkeypatch.setenv("DESKAPP_DATABASE_URL", "sqlite:///env.sqlite3")
    assert load_settings().database_url == "sqlite:///env.sqlite3"
    assert load_settings("sqlite:///flag.sqlite3").database_url == "sqlite:///flag.sqlite3"
    monkeypatch.delenv("DESKAPP_DATABASE_URL")
    book.use(None)
    save_profiles(book)
    s = load_settings()
    assert s.is_default_database and str(app_dirs[1]) in s.database_url


def test_connect_url_takes_the_password_from_the_keyring(app_dirs, memory_keyring):
    credentials.default_store().set("central", SECRET)
    assert memory_keyring.store == {("deskapp", "profile:central"): SECRET}
    book = ProfileBook()
    book.add(shared())
    book.use("central")
    save_profiles(book)
    settings = load_settings()
    assert SECRET not in repr(settings) and SECRET not in settings.database_url
    assert settings.connect_url().password == SECRET


def test_without_a_keyring_the_password_lives_in_memory_for_this_run(no_keyring):
    store = credentials.default_store()
    assert not store.persistent and "session only" in store.note
    result = store.set("central", SECRET)
    assert not result.persistent and "this session only" in result.note
    assert store.get("central") == SECRET
    credentials.reset_default_store()  # a new run
    assert credentials.default_store().get("central") is None


def test_unusable_backends_are_recognised():
    assert not credentials.backend_is_usable(fail.Keyring())
    empty_chain = chainer.ChainerBackend()
    if not empty_chain.backends:
        assert not credentials.backend_is_usable(empty_chain)
    from tests.helpers.memory_keyring import MemoryKeyring

    assert credentials.backend_is_usable(MemoryKeyring())


def _run(argv, stdin="", monkeypatch=None, capsys=None):
    if monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr() if capsys is not None else None
    return code, out


def test_cli_profile_add_list_use_remove(app_dirs, memory_keyring, monkeypatch, capsys, tmp_path):
    code, out = _run(
        ["profile", "add", "central", "--host", "db.example", "--database", "desk",
         "--user", "ali", "--sslmode", "require", "--password-stdin", "--use"],
        SECRET + "\n", monkeypatch, capsys,
    )
    assert code == 0, out.err
    assert "stored in the OS keyring" in out.out
    assert memory_keyring.store[("deskapp", "profile:central")] == SECRET
    code, out = _run(["profile", "add", "office", "--sqlite", str(tmp_path / "o.sqlite3")],
                     capsys=capsys)
    assert code == 0
    code, out = _run(["profile", "list"], capsys=capsys)
    lines = out.out.splitlines()
    assert any(ln.startswith("* central") and "[password: in keyring]" in ln for ln in lines)
    assert any(ln.startswith("  office") for ln in lines)
    assert SECRET not in out.out
    code, out = _run(["profile", "use", "office"], capsys=capsys)
    assert code == 0 and json.loads(profiles_path().read_text())["active"] == "office"
    code, out = _run(["profile", "remove", "central"], capsys=capsys)
    assert code == 0 and memory_keyring.store == {}
    code, out = _run(["profile", "use", "central"], capsys=capsys)
    assert code == 1 and "there is no profile 'central'" in out.err
    code, out = _run(["profile", "add", "office", "--sqlite", "x"], capsys=capsys)
    assert code == 1 and "already a profile 'office'" in out.err


def test_cli_says_when_there_is_no_keyring(app_dirs, no_keyring, monkeypatch, capsys):
    code, out = _run(
        ["profile", "add", "central", "--host", "h", "--database", "d", "--user", "u",
         "--password-stdin"],
        SECRET + "\n", monkeypatch, capsys,
    )
    assert code == 0
    assert "No keyring on this system" in out.out and "deskapp will ask" in out.out
    assert SECRET not in profiles_path().read_text()
    _, out = _run(["profile", "list"], capsys=capsys)
    assert "asked each run, no keyring" in out.out
