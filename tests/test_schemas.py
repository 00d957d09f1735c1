"""Case schemas: Dutch messages per field, and the fast row path agreeing with cerberus."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poortwachter.errors import InputError
from poortwachter.inputs.cases import case_from_document
from poortwachter.schemas import fields
from poortwachter.schemas.case import ROW_SCHEMA
from poortwachter.schemas.compiled import compile_flat
from poortwachter.schemas.validator import validate

fast = compile_flat(ROW_SCHEMA)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-02-12", date(2026, 2, 12)),
        ("12-02-2026", date(2026, 2, 12)),
        ("1-2-2026", date(2026, 2, 1)),
        (datetime(2026, 2, 12, 0, 0), date(2026, 2, 12)),
        (46065, date(2026, 2, 12)),  # an Excel serial number
        (46065.0, date(2026, 2, 12)),
    ],
)
def test_dates_accepted(raw: Any, expected: date) -> None:
    assert fields.to_date(raw) == expected


@pytest.mark.parametrize("raw", ["31-02-2026", "2026/13/01", "morgen", "", True, 1.5, -3])
def test_dates_refused_with_dutch_reason(raw: Any) -> None:
    with pytest.raises(ValueError, match="datum"):
        fields.to_date(raw)


def test_bsn_eleven_test_and_padding() -> None:
    assert fields.to_bsn("123456782") == "123456782"
    assert fields.to_bsn(123456782) == "123456782"
    assert fields.to_bsn("1234.56.782") == "123456782"
    assert fields.to_bsn(12345672.0) == "012345672"  # Excel dropped the leading zero
    assert fields.to_bsn("12345672") == "012345672"
    with pytest.raises(ValueError, match="11-proef") as exc:
        fields.to_bsn("123456789")
    assert "123456789" not in str(exc.value)  # never echo a BSN whole


def test_nested_case_all_errors_at_once() -> None:
    with pytest.raises(InputError) as exc:
        case_from_document(
            {
                "eerste_ziektedag": "31-02-2026",
                "werknemer": {"naam": "", "bsn": "123456789"},
                "loonsanctie_weken": 60,
                "gedaan": {"onbekend": "2026-01-01"},
            },
            "zaak.yaml",
        )
    text = "\n".join(exc.value.problems)
    assert len(exc.value.problems) == 5, text
    assert "zaak.yaml, veld 'eerste_ziektedag': '31-02-2026' bestaat niet als datum" in text
    assert "veld 'werknemer.naam'" in text
    assert "veld 'werknemer.bsn'" in text and "11-proef" in text
    assert "veld 'loonsanctie_weken': is 60, maar mag hoogstens 52 zijn" in text
    assert (
        "veld 'gedaan.onbekend': 'onbekend' is geen toegestane waarde; kies uit: ziekmelding"
        in text
    )


def test_missing_required_field_is_named() -> None:
    with pytest.raises(InputError, match="veld 'eerste_ziektedag': ontbreekt"):
        case_from_document({"werknemer": {"naam": "A"}}, "zaak.yaml")


cell = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            " ",
            "ja",
            "nee",
            "2026-01-01",
            "01-01-2026",
            "31-02-2026",
            "13",
            "12",
            "53",
            "123456782",
            "123456789",
            "2026-02-01:2026-02-05",
            "2026-02-05:2026-02-01",
            "x;y",
            "12345678",
        ]
    ),
    st.integers(-5, 100_000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)),
)
rows = st.fixed_dictionaries(
    {"eerste_ziektedag": st.one_of(cell, st.just("2026-01-01"))},
    optional={name: cell for name in ROW_SCHEMA if name != "eerste_ziektedag"},
)


@given(rows)
def test_fast_path_agrees_with_cerberus(row: dict[str, Any]) -> None:
    slow, problems = validate(ROW_SCHEMA, dict(row))
    quick = fast(dict(row))
    if quick is not None:
        assert slow is not None, problems
        assert {k: v for k, v in quick.items() if v is not None} == {
            k: v for k, v in slow.items() if v is not None
        }
    if slow is None:
        assert quick is None
        assert problems and all(isinstance(msg, str) and msg for _, msg in problems)
