"""audit/classify."""
