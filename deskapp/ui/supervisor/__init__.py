"""The supervisor's view: team workload, moving work around, approvals."""
