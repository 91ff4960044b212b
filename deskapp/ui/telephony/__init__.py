"""Telephony in the workstation: the softphone link (baresip ctrl_tcp), the local call
hook (``deskapp call ...``), and the controller that turns their call events into a
screen-pop, Log a call with the call's times, click to call and the missed-calls list."""
