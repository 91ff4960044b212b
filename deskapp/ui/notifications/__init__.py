"""Notifications in the GUI: desktop popups (tray, freedesktop), the in-app centre with
its bell, and the bridge that brings SLA scheduler results to the GUI thread."""
