"""PySide6 user interface: windows, models/views, dialogs, notifications."""
