"""Words for the error codes of the desk-administration services (staff_admin,
presence, merging, customer edit), translated; every other code, including the generic
ones (stale, permission.denied, *.not_found...), is worded once, in the shared table
(deskapp.ui.error_text)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from deskapp.services.errors import DeskError
from deskapp.ui.error_text import describe as shared_describe

_C = "AdminMessages"
# code -> text with {param} placeholders
MESSAGES = {
    "team.exists": QT_TRANSLATE_NOOP("AdminMessages", "A team named “{name}” already exists."),
    "team.has_open_tickets": QT_TRANSLATE_NOOP(
        "AdminMessages", "Team {team} still has {count} open tickets; move them to another team first."),
    "team.supervisor_role": QT_TRANSLATE_NOOP(
        "AdminMessages", "{username} cannot supervise a team: choose a supervisor or a manager."),
    "team.label_without_skill": QT_TRANSLATE_NOOP(
        "AdminMessages", "Skill “{skill}” has a display name but is not one of the team's skills."),
    "user.own_role": QT_TRANSLATE_NOOP(
        "AdminMessages", "You cannot change your own role; ask another administrator."),
    "user.disable_self": QT_TRANSLATE_NOOP("AdminMessages", "You cannot disable your own account."),
    "customer.phone_taken": QT_TRANSLATE_NOOP(
        "AdminMessages", "The phone number {phone} already belongs to {customer}; merge the two customers "
            "instead."),
    "merge.same_record": QT_TRANSLATE_NOOP("AdminMessages", "A record cannot be merged with itself."),
    "merge.different_customers": QT_TRANSLATE_NOOP(
        "AdminMessages", "{kept} and {other} belong to different customers; merge the customers first."),
    "merge.ticket_closed": QT_TRANSLATE_NOOP(
        "AdminMessages", "{reference} is closed; only open tickets can be merged."),
    "setup.timezone": QT_TRANSLATE_NOOP("AdminMessages", "“{value}” is not a time zone (e.g. Asia/Tehran)."),
    "setup.site_code": QT_TRANSLATE_NOOP(
        "AdminMessages", "Site code “{value}” must be 2-8 letters or digits, starting with a letter."),
    "setup.no_site": QT_TRANSLATE_NOOP("AdminMessages", "Add at least one site."),
    "setup.duplicate_site": QT_TRANSLATE_NOOP("AdminMessages", "Two sites have the same code."),
    "setup.no_admin": QT_TRANSLATE_NOOP("AdminMessages", "The first users must include an administrator."),
    "setup.duplicate_user": QT_TRANSLATE_NOOP("AdminMessages", "Two users have the same username."),
    "setup.username": QT_TRANSLATE_NOOP(
        "AdminMessages", "Username “{value}” must be 2-64 characters: letters a-z, digits, '.', '_' or "
            "'-'."),
    "setup.already_done": QT_TRANSLATE_NOOP(
        "AdminMessages", "This desk is already set up; log in as an administrator to change it."),
}


def describe(exc: BaseException) -> str:
    if isinstance(exc, DeskError) and exc.code in MESSAGES:
        text = QCoreApplication.translate(_C, str(MESSAGES[exc.code]))
        params = {k: ("" if v is None else str(v)) for k, v in exc.params.items()}
        try:
            return text.format(**params)
        except (KeyError, IndexError):
            return str(exc)
    return shared_describe(exc)
