"""Parsers never fail in an unplanned way: any text or bytes give a value or a Dutch error."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poortwachter.domain.dates import MAX_YEAR, MIN_YEAR, format_nl, parse_date
from poortwachter.errors import InputError
from poortwachter.inputs.cases import read_cases
from poortwachter.schemas import fields


@given(st.text(max_size=40))
def test_parse_date_gives_a_date_or_a_dutch_valueerror(text: str) -> None:
    try:
        parse_date(text)
    except ValueError as exc:
        assert "datum" in str(exc)


@given(st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31)))
def test_date_round_trips_through_both_notations(day: date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(day.strftime("%d-%m-%Y")) == day
    assert str(day.year) in format_nl(day)


@given(
    st.one_of(
        st.dates(max_value=date(MIN_YEAR - 1, 12, 31)), st.dates(min_value=date(MAX_YEAR + 1, 1, 1))
    )
)
def test_implausible_years_are_refused(day: date) -> None:
    with pytest.raises(ValueError, match="valt buiten de toegestane jaren"):
        parse_date(day)
    if day.year >= 1000:
        with pytest.raises(ValueError, match="valt buiten de toegestane jaren"):
            parse_date(day.isoformat())


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.booleans(), st.none()))
def test_coercers_raise_only_valueerror(value: object) -> None:
    for name, coerce in fields.COERCERS.items():
        try:
            coerce(value)
        except ValueError:
            pass
        except Exception as exc:  # pragma: no cover - this is the failure being looked for
            raise AssertionError(f"{name}({value!r}) raised {type(exc).__name__}") from exc


@given(st.binary(max_size=400), st.sampled_from(["z.csv", "z.xlsx", "z.txt"]))
def test_spreadsheet_reader_on_arbitrary_bytes(data: bytes, name: str) -> None:
    with TemporaryDirectory() as tmp:
        p = Path(tmp) / name
        p.write_bytes(data)
        try:
            result = read_cases(p)
        except InputError as exc:
            assert all(str(p) in problem for problem in exc.problems)
        else:
            assert all(problem.startswith(str(p)) for problem in result.problems)


@given(st.lists(st.lists(st.text(max_size=12), max_size=5), max_size=6))
def test_csv_with_arbitrary_cells(rows: list[list[str]]) -> None:
    text = "naam;eerste_ziektedag\n" + "\n".join(";".join(r) for r in rows)
    with TemporaryDirectory() as tmp:
        p = Path(tmp) / "z.csv"
        p.write_text(text, encoding="utf-8")
        try:
            result = read_cases(p)
        except InputError:
            return
        assert len(result.cases) + len(result.bad_rows) >= 1
