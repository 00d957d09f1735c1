"""The streaming XLSX writer: what it writes is read back exactly by openpyxl."""

from __future__ import annotations

import gc
import io
from datetime import date, datetime

from openpyxl import load_workbook

from poortwachter.support.gc import paused_gc
from poortwachter.support.xlsx.stream import Sheet, Style, write_xlsx


def read(data: bytes) -> list[list[object]]:
    ws = load_workbook(io.BytesIO(data)).active
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_values_types_and_positions_round_trip() -> None:
    rows = [
        (("tekst", 3, 2.5, date(2026, 2, 12), None, True, ""), Style.PLAIN),
        ((None, "na een lege cel", None, None, None, None, "laatste"), Style.RED),
    ]
    data = write_xlsx([Sheet("Blad", ["a", "b", "c", "d", "e", "f", "g"], rows)])
    got = read(data)
    assert got[0] == ["a", "b", "c", "d", "e", "f", "g"]
    assert got[1][:4] == ["tekst", 3, 2.5, datetime(2026, 2, 12)]  # openpyxl reads dates so
    assert got[1][5] is True
    assert got[2][1] == "na een lege cel" and got[2][6] == "laatste"


def test_xml_special_and_control_characters() -> None:
    hostile = 'A & B <script>"x"</script> \x00\x07\x1f einde\ttab\nregel'
    data = write_xlsx([Sheet("S", ["naam"], [((hostile,), Style.PLAIN)])])
    assert read(data)[1][0] == 'A & B <script>"x"</script>  einde\ttab\nregel'


def test_formula_text_is_neutralised() -> None:
    values = ("=1+1", "+31", "-5", "@SUM(A1)", "\t=x")
    data = write_xlsx([Sheet("S", list("abcde"), [(values, Style.PLAIN)])])
    ws = load_workbook(io.BytesIO(data)).active
    for cell in ws[2]:
        assert cell.data_type == "s"
        assert str(cell.value).startswith("'")


def test_styles_frozen_header_and_filter() -> None:
    data = write_xlsx(
        [Sheet("S", ["x"], [(("rood",), Style.RED), (("oranje",), Style.ORANGE)], widths=[30])]
    )
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:A3"
    assert ws["A1"].font.b
    assert ws["A2"].fill.start_color.rgb.endswith("FFC7CE")
    assert ws["A3"].fill.start_color.rgb.endswith("FFE0B2")
    assert ws.column_dimensions["A"].width == 30


def test_paused_gc_restores_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves the outer one alone
    assert gc.isenabled()
