"""The ticket queue: a windowed table model and the panel around it."""
