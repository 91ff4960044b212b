"""Screen-pop latency: from the softphone's CALL_INCOMING to the caller's history on
screen, on a large desk (default 1,000,000 tickets, 200,000 customers), SQLite and
PostgreSQL.

The real workstation window (offscreen) with its real SoftphoneLink connects to a
stand-in ctrl_tcp server on loopback that sends exactly what baresip sends
(netstring-framed ``CALL_INCOMING`` with the caller's SIP URI). The clock starts when
the event is written to the socket and stops when the customer-history pane has
shown that caller (``history_loaded``): socket, event parsing, the call-log write,
the caller look-up, the history query and the pane's redraw. Beside it, the bare SQL
of the same work (``CallService.record`` + ``identify`` + ``CustomerService.history``
called directly), and the load average at the time.

    .venv/bin/python benchmarks/screen_pop.py                 # 1,000,000 tickets, both
    .venv/bin/python benchmarks/screen_pop.py --rows 100000 --calls 50 --backends sqlite

The data is the cached queue benchmark's (benchmarks/ticket_queue.py generates it).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select  # noqa: E402

from benchmarks.ticket_queue import ensure_data  # noqa: E402
from deskapp.models import CustomerPhone  # noqa: E402
from deskapp.models.database import make_engine  # noqa: E402
from deskapp.services.facade import build_services  # noqa: E402
from deskapp.services.telephony import netstring  # noqa: E402
from deskapp.services.telephony.events import CallEvent, CallPhase  # noqa: E402


class StandInSoftphone:
    """A ctrl_tcp server: accepts the workstation's link and sends call events."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.client: socket.socket | None = None
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.client, _ = self.server.accept()
        while self.client.recv(4096):  # commands are read and ignored
            pass

    def ring(self, number: str, call_id: str) -> float:
        frame = netstring.encode_json({
            "event": True, "type": "CALL_INCOMING", "class": "call",
            "accountaor": "sip:agent@127.0.0.1", "direction": "incoming",
            "peeruri": f"sip:{number}@127.0.0.1:5074", "id": call_id,
            "param": f"sip:{number}@127.0.0.1:5074"})
        assert self.client is not None
        t0 = time.perf_counter()
        self.client.sendall(frame)
        return t0


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def measure(backend: str, url: str, calls: int, seed: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from deskapp.app import build_workstation
    from deskapp.ui.telephony.controller import CallController
    from deskapp.ui.telephony.softphone_link import SoftphoneLink

    app = QApplication.instance() or QApplication([])
    engine = make_engine(url)
    with engine.connect() as conn:
        # Numbers of one customer each (a shared number asks "who is calling?" instead).
        numbers = conn.scalars(
            select(CustomerPhone.number).group_by(CustomerPhone.number)
            .having(func.count() == 1).limit(50_000)
        ).all()
    engine.dispose()
    rng = random.Random(seed)
    sample = [rng.choice(numbers) for _ in range(calls * 2)]

    window = build_workstation(url, "ali")
    window.resize(1400, 900)
    window.show()
    phone = StandInSoftphone()
    link = SoftphoneLink("127.0.0.1", phone.port, window)
    controller = CallController(window, link=link)
    link.start()

    def wait(done, timeout: float = 60.0) -> None:
        deadline = time.perf_counter() + timeout
        while not done():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("no screen-pop in time")
            time.sleep(0.0002)

    wait(lambda: link.connected and phone.client is not None)
    shown: dict[str, float] = {}
    window.history.history_loaded.connect(
        lambda h: shown.setdefault(h.customer.phones[0] if h.customer.phones else "",
                                   time.perf_counter()))
    ui: list[float] = []
    for n, number in enumerate(sample[:calls]):
        shown.clear()
        t0 = phone.ring(number, f"bench-{backend}-{n}-{time.time_ns()}")
        wait(lambda number=number: number in shown)
        ui.append(shown[number] - t0)
        wait(lambda: controller._queue == [] and not controller._working)
    link.stop()
    window.close()
    window.runner.wait(10_000)

    services = build_services(url)
    actor = services.staff.actor("ali")
    bare: list[float] = []
    for n, number in enumerate(sample[calls:]):
        t0 = time.perf_counter()
        info = services.calls.record(actor, CallEvent(CallPhase.RINGING, f"bare-{n}-{time.time_ns()}",
                                                      raw_number=f"sip:{number}@x"))
        found = services.calls.identify(actor, info.number)
        services.customers.history(actor, found[0].id)
        bare.append(time.perf_counter() - t0)
    services.dispose()
    return {"backend": backend, "ui": ui, "bare": bare}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    results = []
    for backend in args.backends:
        url = ensure_data(backend, args.rows)
        results.append(measure(backend, url, args.calls, args.seed))
    load = os.getloadavg()
    print(f"\nscreen-pop over {args.rows:,} tickets, {args.calls} calls per backend, "
          f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    print(f"{'backend':<11} {'ring->shown p50':>16} {'p95':>9} {'bare SQL p50':>13} "
          f"{'p95':>9} {'p50 ratio':>10}")
    for r in results:
        ui50, ui95 = statistics.median(r["ui"]) * 1e3, pct(r["ui"], 0.95) * 1e3
        b50, b95 = statistics.median(r["bare"]) * 1e3, pct(r["bare"], 0.95) * 1e3
        print(f"{r['backend']:<11} {ui50:>13.1f} ms {ui95:>6.1f} ms {b50:>10.1f} ms "
              f"{b95:>6.1f} ms {ui50 / b50:>9.2f}x")


if __name__ == "__main__":
    main()
