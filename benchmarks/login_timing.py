"""How long a login takes at the production scrypt cost (N=2**17, r=8, p=1), for a
wrong password of a real user, for an unknown user name (hashed against a dummy) and
for the right password: the first two must not tell each other apart.

    .venv/bin/python benchmarks/login_timing.py [--repeat 5]

Runs on a throw-away SQLite database under /tmp.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse  # noqa: E402
import contextlib  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from deskapp.models.database import make_engine  # noqa: E402
from deskapp.services import passwords, schema  # noqa: E402
from deskapp.services.errors import AuthenticationFailed  # noqa: E402
from deskapp.services.facade import build_services, ensure_site  # noqa: E402
from deskapp.services.permissions import SYSTEM  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    assert passwords.CURRENT == passwords.PRODUCTION
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/login.sqlite3"
        engine = make_engine(url)
        schema.upgrade(engine)
        engine.dispose()
        svc = build_services(url)
        ensure_site(svc, "HQ", "Head office")
        svc.staff.create_user(SYSTEM, "ali", "Ali", "agent", "correct horse battery")
        times: dict[str, list[float]] = {"wrong password": [], "unknown user": [],
                                         "right password": []}
        for i in range(args.repeat):
            for label, (name, pw) in {
                "wrong password": ("ali", "not the password"),
                "unknown user": (f"nobody{i}", "not the password"),
                "right password": ("ali", "correct horse battery"),
            }.items():
                host = f"bench-{label}-{i}"  # a fresh workstation: no back-off in the way
                start = time.perf_counter()
                with contextlib.suppress(AuthenticationFailed):
                    svc.staff.authenticate(name, pw, host=host)
                times[label].append(time.perf_counter() - start)
                svc.staff.unlock(SYSTEM, name)  # keep the user's counter at zero
        svc.dispose()
    print(f"scrypt N=2**{passwords.CURRENT.n.bit_length() - 1}, r={passwords.CURRENT.r}, "
          f"p={passwords.CURRENT.p}; median of {args.repeat}")
    for label, values in times.items():
        print(f"  {label:15} {statistics.median(values) * 1000:7.1f} ms "
              f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})")
    ratio = statistics.median(times["unknown user"]) / statistics.median(times["wrong password"])
    print(f"  unknown / wrong password: {ratio:.2f}")


if __name__ == "__main__":
    main()
