"""Words for the error codes of the desk-administration services (staff_admin,
presence, merging, customer edit), translated; other errors fall back to the shared
wording (deskapp.ui.banner.describe_failure)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from deskapp.services.errors import DeskError
from deskapp.ui.banner import describe_failure

_C = "AdminMessages"
# code -> text with {param} placeholders
MESSAGES = {
    "team.exists": QT_TRANSLATE_NOOP("AdminMessages", "A team named “{name}” already exists."),
    "team.not_found": QT_TRANSLATE_NOOP(
        "AdminMessages", "That team no longer exists; it may have been removed on another workstation. "
            "Reload the list."),
    "team.has_open_tickets": QT_TRANSLATE_NOOP(
        "AdminMessages", "Team {team} still has {count} open tickets; move them to another team first."),
    "team.supervisor_role": QT_TRANSLATE_NOOP(
        "AdminMessages", "{username} cannot supervise a team: choose a supervisor or a manager."),
    "team.label_without_skill": QT_TRANSLATE_NOOP(
        "AdminMessages", "Skill “{skill}” has a display name but is not one of the team's skills."),
    "user.not_found": QT_TRANSLATE_NOOP("AdminMessages", "There is no active user “{username}”."),
    "user.own_role": QT_TRANSLATE_NOOP(
        "AdminMessages", "You cannot change your own role; ask another administrator."),
    "user.disable_self": QT_TRANSLATE_NOOP("AdminMessages", "You cannot disable your own account."),
    "password.unchanged": QT_TRANSLATE_NOOP(
        "AdminMessages", "The new password must differ from the temporary one."),
    "auth.failed": QT_TRANSLATE_NOOP("AdminMessages", "Wrong username or password; try again."),
    "customer.phone_taken": QT_TRANSLATE_NOOP(
        "AdminMessages", "The phone number {phone} already belongs to {customer}; merge the two customers "
            "instead."),
    "customer.not_found": QT_TRANSLATE_NOOP(
        "AdminMessages", "One of the customers no longer exists (merged or deleted on another "
            "workstation); reload."),
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
    "ticket.reference": QT_TRANSLATE_NOOP("AdminMessages", "There is no ticket {reference}."),
    "ticket.not_found": QT_TRANSLATE_NOOP("AdminMessages", "One of the tickets no longer exists."),
    "canned.not_found": QT_TRANSLATE_NOOP(
        "AdminMessages", "That answer was retired or deleted on another workstation; reload."),
    "validation.tier": QT_TRANSLATE_NOOP("AdminMessages", "The tier must be 1, 2 or 3."),
    "stale": QT_TRANSLATE_NOOP(
        "AdminMessages", "{what} was changed by {changed_by} meanwhile; reload it to see the change."),
    "permission.denied": QT_TRANSLATE_NOOP("AdminMessages", "You may not do this; ask a manager or an "
                                                "administrator."),
}


def describe(exc: BaseException) -> str:
    if isinstance(exc, DeskError) and exc.code in MESSAGES:
        text = QCoreApplication.translate(_C, str(MESSAGES[exc.code]))
        params = {k: ("" if v is None else str(v)) for k, v in exc.params.items()}
        if exc.code == "stale" and not params.get("changed_by"):
            params["changed_by"] = QCoreApplication.translate("AdminMessages", "someone else")
        try:
            return text.format(**params)
        except (KeyError, IndexError):
            return str(exc)
    try:  # the shared table (issue 9's ui/error_text.py), when present
        from deskapp.ui.error_text import describe as shared_describe
    except ImportError:
        return describe_failure(exc)
    return shared_describe(exc)
