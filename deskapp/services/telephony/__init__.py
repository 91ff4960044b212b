"""Telephony without Qt: the softphone's wire protocol and what its events mean.

``netstring`` frames baresip's ``ctrl_tcp`` messages; ``events`` turns a softphone's
or the local hook's messages into ``CallEvent`` values that the call log
(``deskapp.services.calls``) records and the workstation pops up.
"""
