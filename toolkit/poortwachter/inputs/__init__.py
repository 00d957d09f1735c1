"""Reading case input from files: spreadsheets (CSV, XLSX) and case files (YAML, JSON)."""
