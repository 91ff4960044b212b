"""Service errors in the reader's language: ``describe(exc) -> str``.

Every DeskError carries a stable ``code`` and its ``params`` (deskapp.services.errors);
``TEXTS`` maps a code to a tr() text with ``{param}`` placeholders. Parameters are
shown in the reader's language where they are words the UI knows (a field name, a
status, a role, a clock) and with the locale's digits and dates. An error whose code
has no text here shows its English message (``str(exc)``): add the code below (and
its Persian translation: see tests/ui/test_translations_complete.py) when you add a
raise site a user can hit.

To add texts from another area, add entries to ``TEXTS`` in a small edit, each as
``"code": QT_TRANSLATE_NOOP("ErrorText", "... {param} ...")``.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from deskapp.models.enums import Channel, Priority, Role, Segment, Status
from deskapp.services.errors import DeskError
from deskapp.ui.formatting import formatter
from deskapp.ui.labels import label

_C = "ErrorText"

# (cast: PySide6 types QT_TRANSLATE_NOOP as returning object; it returns the text)
TEXTS: dict[str, str] = cast(dict[str, str], {
    # (An error raised with its class's default code only - "validation", "not_found",
    # "error" - shows its own message: a generic sentence would hide what is wrong.)
    # -- validation ----------------------------------------------------------
    "validation.required": QT_TRANSLATE_NOOP("ErrorText", "{field} is required."),
    "validation.too_long": QT_TRANSLATE_NOOP(
        "ErrorText", "{field} is {length} characters long; the limit is {limit}."),
    "validation.type": QT_TRANSLATE_NOOP("ErrorText", "{field} has a value of the wrong kind."),
    "validation.control_char": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{field} contains a control character at position {position}; remove it."),
    "validation.range": QT_TRANSLATE_NOOP(
        "ErrorText", "{field} must be between {low} and {high}."),
    "validation.email": QT_TRANSLATE_NOOP("ErrorText", "{field} is not an email address."),
    "validation.choice": QT_TRANSLATE_NOOP("ErrorText", "Choose one of the offered {field}."),
    # contact.unreachable.<what is missing>: a reply on a channel the customer lacks
    "contact.unreachable.email": QT_TRANSLATE_NOOP(
        "ErrorText", "{customer} has no email address on record: reply on another channel, "
        "or add the address to the customer first."),
    "contact.unreachable.phone": QT_TRANSLATE_NOOP(
        "ErrorText", "{customer} has no phone number on record: reply on another channel, "
        "or add a number to the customer first."),
    # validation.phone.<plan>: one text for every numbering plan
    "validation.phone": QT_TRANSLATE_NOOP(
        "ErrorText", "{value} is not a phone number: a number here has {min} to {max} digits."),
    "password.too_short": QT_TRANSLATE_NOOP(
        "ErrorText", "The password must have at least {min} characters."),
    "password.too_long": QT_TRANSLATE_NOOP(
        "ErrorText", "The password is longer than {max} characters."),
    "password.unchanged": QT_TRANSLATE_NOOP(
        "ErrorText", "The new password must differ from the temporary one."),
    "validation.tier": QT_TRANSLATE_NOOP("ErrorText", "The tier must be 1, 2 or 3."),
    # -- permission ----------------------------------------------------------
    "permission.denied": QT_TRANSLATE_NOOP("ErrorText", "You ({role}) may not {action}."),
    "permission.ticket": QT_TRANSLATE_NOOP(
        "ErrorText", "{reference} belongs to another agent or team; you may not work on it."),
    "permission.move_ticket": QT_TRANSLATE_NOOP(
        "ErrorText",
        "You may take tickets from the pool or hand back your own; ask a supervisor to "
        "move other work."),
    # -- lifecycle -----------------------------------------------------------
    "lifecycle.invalid_transition": QT_TRANSLATE_NOOP(
        "ErrorText", "{reference} is {status}; it cannot become {to}."),
    # -- stale ---------------------------------------------------------------
    "stale": QT_TRANSLATE_NOOP(
        "ErrorText", "{what} was changed by {changed_by}; reload it to see the change."),
    # -- authentication ------------------------------------------------------
    "auth.failed": QT_TRANSLATE_NOOP("ErrorText", "Wrong user name or password."),
    "auth.disabled": QT_TRANSLATE_NOOP(
        "ErrorText", "The account {username} is disabled; ask an administrator."),
    "auth.locked": QT_TRANSLATE_NOOP(
        "ErrorText", "Too many failed logins: locked for {minutes} more minute(s); "
        "an administrator can unlock it."),
    "auth.throttled": QT_TRANSLATE_NOOP(
        "ErrorText", "Too many failed logins: wait {seconds} second(s) and try again."),
    "auth.password_change_required": QT_TRANSLATE_NOOP(
        "ErrorText", "The password of {username} was reset; choose a new one to log in."),
    # -- tickets -------------------------------------------------------------
    "ticket.not_found": QT_TRANSLATE_NOOP("ErrorText", "That ticket does not exist (any more)."),
    "ticket.not_visible": QT_TRANSLATE_NOOP(
        "ErrorText", "{reference} belongs to another team; you may not read it."),
    "ticket.reference": QT_TRANSLATE_NOOP("ErrorText", "There is no ticket {reference}."),
    "ticket.customer_required": QT_TRANSLATE_NOOP(
        "ErrorText", "Choose an existing customer or enter a new one."),
    "ticket.note_direction": QT_TRANSLATE_NOOP(
        "ErrorText", "A note is internal; it has no direction."),
    "ticket.message_id_taken": QT_TRANSLATE_NOOP(
        "ErrorText", "That message was already stored with another ticket."),
    "ticket.csat_on_resolve": QT_TRANSLATE_NOOP(
        "ErrorText", "Satisfaction is recorded when resolving."),
    "ticket.csat_not_resolved": QT_TRANSLATE_NOOP(
        "ErrorText", "{reference} is not resolved; satisfaction is recorded after resolution."),
    "ticket.csat_range": QT_TRANSLATE_NOOP("ErrorText", "Satisfaction must be 1 to 5."),
    "user.not_found": QT_TRANSLATE_NOOP(
        "ErrorText", "That person does not exist or is disabled."),
    "team.not_found": QT_TRANSLATE_NOOP("ErrorText", "That team no longer exists; it may have been removed on another workstation."),
    "customer.not_found": QT_TRANSLATE_NOOP(
        "ErrorText", "That customer does not exist (any more)."),
    "canned.not_found": QT_TRANSLATE_NOOP(
        "ErrorText", "That answer was retired or deleted meanwhile."),
    # -- escalations ---------------------------------------------------------
    "escalation.same_team": QT_TRANSLATE_NOOP(
        "ErrorText", "{reference} is already with that team; choose another team."),
    "escalation.target_required": QT_TRANSLATE_NOOP(
        "ErrorText", "Choose a supervisor or a higher-tier team to escalate to."),
    "escalation.to_self": QT_TRANSLATE_NOOP(
        "ErrorText", "You cannot escalate a ticket to yourself."),
    "escalation.target_role": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{name} is {role}; hierarchical escalations go to a supervisor or a manager."),
    "escalation.target_tier": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{team} is tier {tier}; escalating up needs a team above tier {needed}. To hand "
        "the ticket to a team at the same tier, escalate functionally."),
    "escalation.not_escalated": QT_TRANSLATE_NOOP(
        "ErrorText", "{reference} is not escalated; nothing to return."),
    "escalation.ticket_closed": QT_TRANSLATE_NOOP(
        "ErrorText", "{reference} is {status}; reopen it before escalating."),
    "escalation.not_found": QT_TRANSLATE_NOOP("ErrorText", "That escalation does not exist."),
    "escalation.acknowledge_denied": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Only the receiver of the escalation of {reference} or their supervisor may "
        "acknowledge it."),
    "escalation.already_acknowledged": QT_TRANSLATE_NOOP(
        "ErrorText", "The escalation of {reference} was already acknowledged by {by}."),
    "escalation.reason_required": QT_TRANSLATE_NOOP(
        "ErrorText", "Choose a reason for the escalation."),
    "escalation.reason_unknown": QT_TRANSLATE_NOOP(
        "ErrorText", "That is not one of the desk's escalation reasons; choose one from the list."),
    "escalation.reason_code": QT_TRANSLATE_NOOP(
        "ErrorText", "The reason needs a code of letters or digits."),
    "escalation.reason_exists": QT_TRANSLATE_NOOP(
        "ErrorText", "A reason with code {reason} already exists."),
    "escalation.reason_not_found": QT_TRANSLATE_NOOP(
        "ErrorText", "That escalation reason does not exist (any more)."),
    # -- supervisor moves and views -----------------------------------------
    "reassign.nothing_selected": QT_TRANSLATE_NOOP(
        "ErrorText", "Select at least one ticket to reassign."),
    "reassign.too_many": QT_TRANSLATE_NOOP(
        "ErrorText", "{count} tickets selected; move at most {limit} at once."),
    "reassign.target_required": QT_TRANSLATE_NOOP(
        "ErrorText", "Choose an agent or a team to move the tickets to."),
    "view.needs_person": QT_TRANSLATE_NOOP(
        "ErrorText", "Only a signed-in person can save views."),
    "view.empty_filter": QT_TRANSLATE_NOOP(
        "ErrorText", "Choose at least one filter to save as a view."),
    "view.not_found": QT_TRANSLATE_NOOP("ErrorText", "That view does not exist (any more)."),
    # -- branch sync (workstation status bar, conflict inbox) ----------------
    "sync.clock_drift": QT_TRANSLATE_NOOP(
        "ErrorText", "This computer's clock is {drift_minutes} minutes off the centre's (at "
        "most {max_minutes} allowed). Nothing was sent; correct the date and time, then sync "
        "again."),
    "sync.schema_mismatch": QT_TRANSLATE_NOOP(
        "ErrorText", "The branch (schema {branch}) and the centre (schema {centre}) run "
        "different deskapp versions. Nothing was sent; upgrade the older side first."),
    "sync.no_central_profile": QT_TRANSLATE_NOOP(
        "ErrorText", "The centre's connection profile {profile} is missing on this computer."),
    "sync.conflict_settled": QT_TRANSLATE_NOOP(
        "ErrorText", "Someone has already settled this conflict."),
    "sync.conflict_missing": QT_TRANSLATE_NOOP("ErrorText", "That conflict does not exist."),
    "sync.conflict_choice": QT_TRANSLATE_NOOP("ErrorText", "Choose keep, take or edit."),
    "sync.conflict_refused_again": QT_TRANSLATE_NOOP(
        "ErrorText", "The centre still cannot take this record; edit it first."),
    "sync.branch_numbers": QT_TRANSLATE_NOOP(
        "ErrorText", "{site} is a branch office: its tickets are numbered on its own database. "
        "Log the call there, or under the centre's site."),
    "sync.not_a_branch": QT_TRANSLATE_NOOP(
        "ErrorText", "This database is not a branch office: set one up with "
        "\"deskapp branch init\"."),
    "sync.batch_mismatch": QT_TRANSLATE_NOOP(
        "ErrorText", "The centre already holds a different batch {seq} from {site}: this "
        "branch database does not match the centre's record (restored from an old backup?). "
        "Set the branch up again."),
    "sync.batch_order": QT_TRANSLATE_NOOP(
        "ErrorText", "Batch {seq} from {site} is out of order: the centre expects {expected}."),
    # -- branch set-up (File → Set up this computer as a branch office…) ------
    "branch.target_not_sqlite": QT_TRANSLATE_NOOP(
        "ErrorText", "A branch database is a local database file: choose a file path."),
    "branch.target_exists": QT_TRANSLATE_NOOP(
        "ErrorText", "{path} already exists and holds data; a branch is only made into a new, "
        "empty file. Choose another file, or move that one away."),
    "branch.since": QT_TRANSLATE_NOOP(
        "ErrorText", "Closed history needs a number of days, 0 or more."),
    "branch.central_not_postgresql": QT_TRANSLATE_NOOP(
        "ErrorText", "The centre must be a shared PostgreSQL database."),
    "branch.central_older": QT_TRANSLATE_NOOP(
        "ErrorText", "The centre's schema ({central}) is older than this deskapp ({app}): "
        "upgrade the central database first."),
    "branch.central_newer": QT_TRANSLATE_NOOP(
        "ErrorText", "The centre's schema ({central}) is newer than this deskapp ({app}): "
        "upgrade deskapp on this computer first."),
    "branch.central_empty": QT_TRANSLATE_NOOP(
        "ErrorText", "The central database holds no deskapp desk."),
    "branch.unsupported": QT_TRANSLATE_NOOP(
        "ErrorText", "This deskapp's database schema has no branch offices."),
    "branch.no_site": QT_TRANSLATE_NOOP(
        "ErrorText", "The centre has no site {site} (its sites: {known})."),
    "branch.already_branch": QT_TRANSLATE_NOOP(
        "ErrorText", "Site {site} is already a branch office: its database elsewhere holds "
        "ticket numbers and changes the centre has not seen. Sync that branch; if its "
        "database is lost, set it up again with \"deskapp branch init --replace-branch\"."),
    "branch.check_failed": QT_TRANSLATE_NOOP(
        "ErrorText", "The new branch database failed its integrity check and was not kept. "
        "Check the free disk space and try again."),
    "branch.cancelled": QT_TRANSLATE_NOOP(
        "ErrorText", "The branch set-up was cancelled: the unfinished file was removed and "
        "the centre still numbers this site's tickets."),
    # connection.<problem> (connection_check.Problem): the centre refused or was lost
    "connection": QT_TRANSLATE_NOOP(
        "ErrorText", "Cannot work with the database at {host}: {detail}"),
    "connection.password_required": QT_TRANSLATE_NOOP(
        "ErrorText", "The database server {host} asks for the password of {user}: type it "
        "and connect again."),
    "connection.auth_failed": QT_TRANSLATE_NOOP(
        "ErrorText", "Wrong password for the database user {user} on {host}."),
    "connection.role_missing": QT_TRANSLATE_NOOP(
        "ErrorText", "The database server {host} has no user {user}."),
    "connection.database_missing": QT_TRANSLATE_NOOP(
        "ErrorText", "The database server {host} has no database {database}."),
    "connection.not_allowed": QT_TRANSLATE_NOOP(
        "ErrorText", "The database server {host} does not let {user} connect from this "
        "computer; ask its administrator."),
    "connection.dns": QT_TRANSLATE_NOOP(
        "ErrorText", "The host name {host} is not known: check the spelling, or use the "
        "server's IP address."),
    "connection.refused": QT_TRANSLATE_NOOP(
        "ErrorText", "{host} refused the connection on port {port}: PostgreSQL is not running "
        "there, or listens on another port."),
    "connection.unreachable": QT_TRANSLATE_NOOP(
        "ErrorText", "{host} cannot be reached from this computer: check the network or VPN."),
    "connection.timeout": QT_TRANSLATE_NOOP(
        "ErrorText", "{host} did not answer in time: check the network, or try again later."),
    "connection.connection_dropped": QT_TRANSLATE_NOOP(
        "ErrorText", "The connection to {host} was lost; nothing was kept. Try again when the "
        "link is up."),
    "connection.server_unavailable": QT_TRANSLATE_NOOP(
        "ErrorText", "The database server {host} is starting up or shutting down; try again "
        "in a minute."),
    "connection.too_many_connections": QT_TRANSLATE_NOOP(
        "ErrorText", "The database server {host} has no free connections; try again later."),
    # -- hardening (issue 10): delegated authority, CSV files ------------------
    "approval.out_of_scope": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The request on {reference} belongs to a team you do not supervise; its supervisor "
        "or a manager decides it."),
    "approval.above_own_limit": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{amount} (a total of {total} on this ticket) is above your own authority ({limit}); "
        "a manager must approve it."),
    "import.utf16": QT_TRANSLATE_NOOP(
        "ErrorText", "The file is UTF-16 (\"Unicode text\"); save it as CSV UTF-8."),
    "import.windows_1256": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The file is not UTF-8: it looks like Windows-1256 (Arabic/Persian Windows); save it "
        "as CSV UTF-8."),
    "import.not_utf8": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The file is not UTF-8 text (invalid byte {byte} on line {line}); it may be binary "
        "or damaged. Save it as CSV UTF-8."),
    "import.nul": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The file contains NUL bytes (line {line}): it is not a CSV text file; save it as "
        "CSV UTF-8."),
})

# Field names the services put in ``field`` (validation.text(value, "Subject", ...)).
FIELDS: dict[str, str] = cast(dict[str, str], {
    name: name for name in (
        QT_TRANSLATE_NOOP("ErrorFields", "Body"),
        QT_TRANSLATE_NOOP("ErrorFields", "Category"),
        QT_TRANSLATE_NOOP("ErrorFields", "Channel"),
        QT_TRANSLATE_NOOP("ErrorFields", "Description"),
        QT_TRANSLATE_NOOP("ErrorFields", "Direction"),
        QT_TRANSLATE_NOOP("ErrorFields", "Display name"),
        QT_TRANSLATE_NOOP("ErrorFields", "Kind"),
        QT_TRANSLATE_NOOP("ErrorFields", "Language"),
        QT_TRANSLATE_NOOP("ErrorFields", "Message"),
        QT_TRANSLATE_NOOP("ErrorFields", "Name"),
        QT_TRANSLATE_NOOP("ErrorFields", "Note"),
        QT_TRANSLATE_NOOP("ErrorFields", "Notes"),
        QT_TRANSLATE_NOOP("ErrorFields", "Priority"),
        QT_TRANSLATE_NOOP("ErrorFields", "Reason"),
        QT_TRANSLATE_NOOP("ErrorFields", "Role"),
        QT_TRANSLATE_NOOP("ErrorFields", "Segment"),
        QT_TRANSLATE_NOOP("ErrorFields", "Status"),
        QT_TRANSLATE_NOOP("ErrorFields", "Subject"),
        QT_TRANSLATE_NOOP("ErrorFields", "Team name"),
        QT_TRANSLATE_NOOP("ErrorFields", "Title"),
        QT_TRANSLATE_NOOP("ErrorFields", "View name"),
    )
})

# Permission names (deskapp.services.permissions.Permission) as the {action} of
# permission.denied: "You (Agent) may not view team workload."
ACTIONS: dict[str, str] = cast(dict[str, str], {
    "log_call": QT_TRANSLATE_NOOP("ErrorActions", "log calls"),
    "work_tickets": QT_TRANSLATE_NOOP("ErrorActions", "work on tickets"),
    "view_customers": QT_TRANSLATE_NOOP("ErrorActions", "view customers"),
    "edit_customers": QT_TRANSLATE_NOOP("ErrorActions", "edit customers"),
    "reassign_any": QT_TRANSLATE_NOOP("ErrorActions", "reassign other people's tickets"),
    "work_any_ticket": QT_TRANSLATE_NOOP("ErrorActions", "work on any ticket"),
    "take_hierarchical": QT_TRANSLATE_NOOP("ErrorActions", "take hierarchical escalations"),
    "approve": QT_TRANSLATE_NOOP("ErrorActions", "approve"),
    "view_team_workload": QT_TRANSLATE_NOOP("ErrorActions", "view team workload"),
    "view_reports": QT_TRANSLATE_NOOP("ErrorActions", "view reports"),
    "manage_sla": QT_TRANSLATE_NOOP("ErrorActions", "manage SLA policies"),
    "manage_teams": QT_TRANSLATE_NOOP("ErrorActions", "manage teams"),
    "manage_canned": QT_TRANSLATE_NOOP("ErrorActions", "manage canned responses"),
    "manage_users": QT_TRANSLATE_NOOP("ErrorActions", "manage users"),
    "manage_sites": QT_TRANSLATE_NOOP("ErrorActions", "manage sites"),
    "manage_connections": QT_TRANSLATE_NOOP("ErrorActions", "manage connections"),
    "import_data": QT_TRANSLATE_NOOP("ErrorActions", "import data"),
    "merge_records": QT_TRANSLATE_NOOP("ErrorActions", "merge records"),
    "view_audit": QT_TRANSLATE_NOOP("ErrorActions", "view the audit log"),
    "edit_escalation_reasons": QT_TRANSLATE_NOOP("ErrorActions", "edit the escalation reasons"),
})

_ENUMS: dict[str, type[enum.Enum]] = {
    "status": Status, "to": Status, "role": Role, "priority": Priority,
    "segment": Segment, "channel": Channel,
}


def _param(name: str, value: Any) -> str:
    if value is None:
        return QCoreApplication.translate(_C, "someone else") if name == "changed_by" else "—"
    if name == "action" and str(value) in ACTIONS:
        return QCoreApplication.translate("ErrorActions", ACTIONS[str(value)])
    if name == "field":
        text = str(value)
        return QCoreApplication.translate("ErrorFields", text) if text in FIELDS else text
    enum_cls = _ENUMS.get(name)
    if enum_cls is not None:
        try:
            return label(enum_cls(value))
        except ValueError:
            return str(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return formatter().number(value)
    if isinstance(value, datetime):
        return formatter().datetime(value)
    return str(value)


def template_for(code: str) -> str | None:
    """The text of ``code``, or of its nearest parent ("validation.phone.ir" ->
    "validation.phone"); None when neither is known."""
    while code:
        if code in TEXTS:
            return TEXTS[code]
        code = code.rpartition(".")[0]
    return None


def text_for(code: str, params: dict[str, Any]) -> str | None:
    """The reader's text for ``code`` with ``params``; None when the code is unknown."""
    template = TEXTS.get(code) or (template_for(code) if "." in code else None)
    if template is None:
        return None
    text = QCoreApplication.translate(_C, template)
    for name, value in params.items():
        text = text.replace("{" + name + "}", _param(name, value))
    return text


def describe(exc: BaseException) -> str:
    """A DeskError in the reader's language; anything else (and a code without a text
    here) as its own message."""
    if isinstance(exc, DeskError):
        worded = text_for(exc.code, dict(exc.params))
        if worded is not None and "{" not in worded:
            return worded
    return str(exc) or type(exc).__name__
