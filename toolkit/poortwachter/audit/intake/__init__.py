"""audit/intake."""
