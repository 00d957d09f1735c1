"""audit/extract."""
