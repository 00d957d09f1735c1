"""Hostile and broken input: corpus generator, measuring helper and tests (issue 6)."""
