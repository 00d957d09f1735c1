"""Shared look of the spreadsheets the toolkit writes."""

from __future__ import annotations

from openpyxl.styles import Font, PatternFill

RED = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
ORANGE = PatternFill("solid", start_color="FFE0B2", end_color="FFE0B2")
GREY = PatternFill("solid", start_color="EEEEEE", end_color="EEEEEE")
BOLD = Font(bold=True)
DATE_FORMAT = "DD-MM-YYYY"
