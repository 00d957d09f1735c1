"""Readers turn the bytes of one file into a :class:`~poortwachter.audit.model.Document`.

Every reader respects :class:`~poortwachter.audit.limits.Limits` and never raises for a
bad file: it returns a document with ``readable=False`` and a Dutch reason.
"""
