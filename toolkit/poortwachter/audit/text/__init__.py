"""audit/text."""
