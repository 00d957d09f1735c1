"""audit/rules."""
