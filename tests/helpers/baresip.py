"""Real baresip softphones for the telephony tests: on 127.0.0.1 only, no sound card
(``ausine`` as the source, ``aubridge`` as a silent player), control over ctrl_tcp."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from deskapp.services.telephony import netstring

BARESIP = shutil.which("baresip")
MODULES = Path("/usr/lib/baresip/modules")
SKIP_REASON = (
    "baresip is not installed: `apt-get install baresip-core` (Debian) runs the softphone "
    "tests; .ci/run installs it"
)


def _free(port: int) -> bool:
    for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
        with socket.socket(socket.AF_INET, kind) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                return False
    return True


def free_ports(count: int, start: int = 21000) -> list[int]:
    """``count`` ports, each with its neighbour free too (SIP on P opens TLS on P+1)."""
    found: list[int] = []
    port = start + (time.monotonic_ns() // 1000) % 20000
    while len(found) < count:
        port += 2
        if port > 60000:
            port = start
        if _free(port) and _free(port + 1):
            found.append(port)
    return found


@dataclass
class Softphone:
    user: str
    sip_port: int
    ctrl_port: int
    process: subprocess.Popen
    folder: Path

    @property
    def address(self) -> str:
        return f"sip:{self.user}@127.0.0.1:{self.sip_port}"

    def command(self, command: str, params: str = "") -> None:
        """Send one command on a short-lived control connection of its own."""
        with socket.create_connection(("127.0.0.1", self.ctrl_port), timeout=15) as s:
            s.sendall(netstring.encode_json({"command": command, "params": params,
                                             "token": "test"}))
            decoder = netstring.Decoder()
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                for frame in decoder.feed(s.recv(65536)):
                    if json.loads(frame).get("response"):
                        return

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start_softphone(folder: Path, user: str, display: str = "") -> Softphone:
    sip, ctrl = free_ports(2)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config").write_text(
        "\n".join(
            [
                "poll_method poll",
                f"sip_listen 127.0.0.1:{sip}",
                "net_interface 127.0.0.1",
                "audio_player aubridge,nil",
                "audio_source ausine,440",
                "audio_alert aubridge,nil",
                "ausrc_srate 48000",
                "ausrc_channels 2",
                f"module_path {MODULES}",
                "module g711.so",
                "module ausine.so",
                "module aubridge.so",
                "module_app account.so",
                "module_app menu.so",  # the dial/accept/hangup commands
                "module_app ctrl_tcp.so",
                f"ctrl_tcp_listen 127.0.0.1:{ctrl}",
                "",
            ]
        )
    )
    name = f'"{display}" ' if display else ""
    (folder / "accounts").write_text(
        f"{name}<sip:{user}@127.0.0.1:{sip}>;regint=0;answermode=manual\n"
    )
    (folder / "contacts").write_text("")
    log = open(folder / "baresip.log", "wb")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen([BARESIP, "-f", str(folder)], stdout=log, stderr=log,
                               stdin=subprocess.DEVNULL, cwd=folder)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", ctrl), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError((folder / "baresip.log").read_text()) from None
            time.sleep(0.05)
    else:
        process.kill()
        raise RuntimeError("baresip did not open its control port")
    return Softphone(user, sip, ctrl, process, folder)


@contextmanager
def softphones(folder: Path, *users: tuple[str, str]) -> Iterator[list[Softphone]]:
    phones: list[Softphone] = []
    try:
        for user, display in users:
            phones.append(start_softphone(folder / user, user, display))
        yield phones
    finally:
        for phone in phones:
            phone.stop()
