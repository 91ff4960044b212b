"""A real PgBouncer in transaction mode in front of the test PostgreSQL server.

``pgbouncer`` (session fixture) starts one on a free loopback port in a temp dir
(auth_type=trust with an auth_file naming the test user), pool_mode=transaction, the
way a call centre runs it. ``PgBouncer.url_for(url)`` turns a direct database URL into
the same database through the pooler, with ``pooler=pgbouncer`` so deskapp keeps no
session state. Tests that mark themselves ``pg_routes`` run their ``pg_url`` tests
twice: directly and through it (tests/conftest.py).

pgbouncer refuses to run as root: as root it is started with ``-u`` an unprivileged
user (postgres, or nobody), and writes its log to our pipe, not to a file.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.helpers.databases import PG_ADMIN_URL

CANDIDATES = ("pgbouncer", "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer")


def find_pgbouncer() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgBouncer:
    def __init__(
        self, binary: str, target_url: str = PG_ADMIN_URL, *, pool_size: int = 20,
        max_client_conn: int = 2000,
    ) -> None:
        target = make_url(target_url)
        self.user = target.username or "postgres"
        self.port = free_port()
        self.pool_size = pool_size
        self.dir = Path(tempfile.mkdtemp(prefix="deskapp-pgbouncer-"))
        self.dir.chmod(0o755)
        (self.dir / "users.txt").write_text(f'"{self.user}" ""\n')
        (self.dir / "pgbouncer.ini").write_text(
            "[databases]\n"
            f"* = host={target.host or '127.0.0.1'} port={target.port or 5432}\n"
            "[pgbouncer]\n"
            "listen_addr = 127.0.0.1\n"
            f"listen_port = {self.port}\n"
            "unix_socket_dir =\n"
            "auth_type = trust\n"
            f"auth_file = {self.dir / 'users.txt'}\n"
            "pool_mode = transaction\n"
            f"max_client_conn = {max_client_conn}\n"
            f"default_pool_size = {pool_size}\n"
            "reserve_pool_size = 0\n"
            f"admin_users = {self.user}\n"
            f"stats_users = {self.user}\n"
            "ignore_startup_parameters = extra_float_digits\n"
            "server_check_delay = 1\n"
            # a test database is dropped WITH (FORCE) while we may still hold its server
            # connections: let them go quickly
            "server_idle_timeout = 5\n"
            "log_connections = 0\n"
            "log_disconnections = 0\n"
        )
        for f in self.dir.iterdir():
            f.chmod(0o644)
        cmd = [binary]
        if os.geteuid() == 0:
            cmd += ["-u", _unprivileged_user()]
        cmd.append(str(self.dir / "pgbouncer.ini"))
        self.log = open(self.dir / "pgbouncer.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pgbouncer exited: {self.log_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"pgbouncer did not listen on {self.port}: {self.log_text()[-2000:]}")

    def log_text(self) -> str:
        return (self.dir / "pgbouncer.log").read_text(errors="replace")

    def url_for(self, direct_url: str) -> str:
        """The same database through this PgBouncer, marked for deskapp."""
        url = make_url(direct_url).set(host="127.0.0.1", port=self.port)
        return url.update_query_dict({"pooler": "pgbouncer"}).render_as_string(
            hide_password=False
        )

    def admin(self, command: str) -> list[dict]:
        """A SHOW command on the admin console (``SHOW POOLS``, ``SHOW STATS``...)."""
        conninfo = f"host=127.0.0.1 port={self.port} dbname=pgbouncer user={self.user}"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            cur = conn.execute(command, prepare=False)
            names = [d.name for d in cur.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def server_connections(self, database: str | None = None) -> int:
        """Server connections PgBouncer holds now (active + idle + used + tested +
        login), for one database or all."""
        total = 0
        for row in self.admin("SHOW POOLS"):
            if row["database"] == "pgbouncer" or (database and row["database"] != database):
                continue
            total += sum(
                int(row[k]) for k in ("sv_active", "sv_idle", "sv_used", "sv_tested", "sv_login")
            )
        return total

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("pgbouncer will not run as root and there is no user to switch to")


@pytest.fixture(scope="session")
def pgbouncer() -> Iterator[PgBouncer]:
    binary = find_pgbouncer()
    if binary is None:
        message = "PgBouncer tests skipped: pgbouncer is not installed (apt-get install pgbouncer)"
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the PgBouncer tests. " + message)
        pytest.skip(message)
    bouncer = PgBouncer(binary)
    yield bouncer
    bouncer.stop()
