"""A workstation that logs in and sends presence heartbeats until it is killed
(tests/integration/test_presence_pg.py). Prints "up" once logged in.

    python -m tests.helpers.heartbeat_worker URL USERNAME PASSWORD INTERVAL_SECONDS
"""

from __future__ import annotations

import sys
import time

from deskapp.services.facade import build_services


def main(url: str, username: str, password: str, interval: float) -> None:
    services = build_services(url)
    actor = services.staff.authenticate(username, password)
    print("up", flush=True)
    while True:
        services.presence.heartbeat(actor)
        time.sleep(interval)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]))
