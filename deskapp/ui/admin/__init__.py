"""Desk administration in the workstation: staff and teams, presence, customer edit and
merge, the first-start setup wizard, canned answers, audit history."""
