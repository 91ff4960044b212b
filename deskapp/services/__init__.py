"""The domain: plain Python, no Qt. Each service takes a unit-of-work factory."""
