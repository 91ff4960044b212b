"""``deskapp call ring|answered|ended``: the generic phone hook.

Any softphone or PBX client that can run a command on a call event gets the
workstation's screen-pop: the message goes to the running deskapp of the same
operating-system user (deskapp.ui.telephony.call_hook). No database is opened.

    deskapp call ring 09121234567 --name "Zahra Kazemi" --call-id 4711
    deskapp call answered --call-id 4711
    deskapp call ended --call-id 4711 [--by agent|caller]
"""

from __future__ import annotations

import argparse

from deskapp.cli.context import CliContext, CliError


def register(sub: argparse._SubParsersAction) -> None:
    call = sub.add_parser("call", help="tell the running workstation about a phone call")
    csub = call.add_subparsers(dest="call_command", metavar="EVENT", required=True)
    ring = csub.add_parser("ring", help="a call rings: show who is calling")
    ring.add_argument("number", help="the caller's number, in any format (or a SIP URI)")
    ring.add_argument("--name", default="", help="the caller's name as the phone shows it")
    ring.add_argument("--call-id", default="", help="the phone system's id of the call "
                      "(needed to report answered/ended)")
    ring.set_defaults(handler=_send, hook="ring")
    for event, text in (("answered", "the call was answered"), ("ended", "the call ended")):
        p = csub.add_parser(event, help=text)
        p.add_argument("--call-id", required=True, help="the id given with `call ring`")
        if event == "ended":
            p.add_argument("--by", choices=["agent", "caller"], help="who hung up")
        p.set_defaults(handler=_send, hook=event)


def _send(args: argparse.Namespace, context: CliContext) -> int:
    from PySide6.QtCore import QCoreApplication

    from deskapp.ui.telephony.call_hook import send, server_name

    _app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 (keeps Qt alive)
    message = {"hook": args.hook, "call_id": args.call_id}
    if args.hook == "ring":
        message |= {"number": args.number, "name": args.name}
    if getattr(args, "by", None):
        message["ended_by"] = args.by
    try:
        answer = send(message)
    except ConnectionError as exc:
        raise CliError(
            f"no deskapp workstation is running for this user ({server_name()}): {exc}"
        ) from None
    if answer != "ok":
        raise CliError(f"the workstation refused the message: {answer}")
    return 0
