"""support/xlsx."""
