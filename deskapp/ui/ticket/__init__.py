"""The ticket view and its parts."""
