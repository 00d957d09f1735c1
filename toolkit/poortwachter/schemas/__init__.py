"""cerberus schemas for case and form data, with BSN and date validators and Dutch messages."""
