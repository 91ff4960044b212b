"""Errors of branch sync, each with a stable code for the UI (deskapp.ui.error_text)."""

from __future__ import annotations

from deskapp.services.errors import DeskError


class SyncError(DeskError):
    default_code = "sync.failed"


class ClockDrift(SyncError):
    """The branch clock is too far from the centre's: nothing was sent, the outbox kept."""

    default_code = "sync.clock_drift"


class SchemaMismatch(SyncError):
    """Branch and centre are at different schema revisions; ``upgrade`` names the side
    ('branch' or 'centre') that must run ``deskapp db upgrade`` first."""

    default_code = "sync.schema_mismatch"


class NotABranch(SyncError):
    default_code = "sync.not_a_branch"


class BranchNumbering(SyncError):
    """The centre was asked for a ticket number of a site that is a branch office."""

    default_code = "sync.branch_numbers"
