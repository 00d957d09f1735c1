"""Masking personal data in everything a report or log shows."""

from __future__ import annotations


def mask_bsn(bsn: str | None, *, show: bool = False) -> str:
    """``'123456782'`` → ``'*****6782'`` (DOMAIN.md privacy); ``show=True`` keeps it whole."""
    if not bsn:
        return ""
    if show:
        return bsn
    return "*" * max(len(bsn) - 4, 0) + bsn[-4:]
