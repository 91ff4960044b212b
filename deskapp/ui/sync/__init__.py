"""Branch sync in the workstation: status-bar state, Sync now, the scheduled sync and
the conflict inbox (shown only on a branch office's database)."""
