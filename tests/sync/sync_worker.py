"""Run one sync of a branch in this process (the kill -9 test kills it at random)."""

from __future__ import annotations

import sys

from deskapp.models.database import make_engine
from deskapp.services.sync.client import SyncClient


def main() -> None:
    branch, central = make_engine(sys.argv[1]), make_engine(sys.argv[2])
    print("started", flush=True)
    SyncClient(branch, central, batch_size=int(sys.argv[3])).sync()
    print("done", flush=True)


if __name__ == "__main__":
    main()
