"""Builds samples/cases.xlsx: ten fictional cases for `signalering` (run from the repo root).

All names and BSNs are fictional (the BSNs pass the 11-test but belong to no one known).
Row 11 holds deliberate errors to show the messages.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HEADERS = [
    "dossier",
    "naam",
    "bsn",
    "geboortedatum",
    "werkgever",
    "casemanager",
    "eerste_ziektedag",
    "herstel",
    "zwanger",
    "verlenging_weken",
    "loonsanctie_weken",
    "gedaan_probleemanalyse",
    "gedaan_plan_van_aanpak",
    "gedaan_eerstejaarsevaluatie",
    "evaluaties",
    "gedaan_ziekmelding",
    "gedaan_ziekmelding_uwv",
    "gedaan_spoor2_start",
]


def d(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d")


# fmt: off
ROWS = [
    # just reported sick; probleemanalyse done, plan van aanpak due within two weeks
    ["Z-2026-001", "Sanne de Vries", "111222333", d("1988-04-12"), "Bakkerij Het Volkoren", "R. Aydin", d("2026-10-05"), None, "nee", None, None, d("2026-11-10"), None, None, None],
    # eerstejaarsevaluatie due within two weeks
    ["Z-2025-031", "Mohamed El Amrani", "123456782", d("1979-09-30"), "Transport Noord BV", "R. Aydin", d("2025-12-01"), None, "nee", None, None, d("2026-01-09"), d("2026-01-20"), None, "2026-03-02; 2026-04-13; 2026-05-26; 2026-07-07; 2026-08-18; 2026-09-29; 2026-11-10"],
    # a recovery gap of two weeks: samentelling shifts every later deadline by 14 days
    ["Z-2026-003", "Pieter Jansen", "999999990", d("1992-02-03"), "Gemeente Zuidwolde", "M. Bos", d("2026-03-02"), "2026-04-06:2026-04-19", "nee", None, None, d("2026-04-30"), d("2026-05-12"), None, "2026-06-23; 2026-08-04"],
    # past week 91: eindevaluatie and WIA-aanvraag overdue
    ["Z-2025-002", "Fatma Yilmaz", "100000009", d("1975-07-21"), "Zorggroep De Linde", "M. Bos", d("2025-01-06"), None, "nee", None, None, d("2025-02-14"), d("2025-02-27"), d("2025-12-22"), "2026-02-02; 2026-03-16; 2026-04-27; 2026-06-08; 2026-07-20; 2026-08-31"],
    # pregnancy-related: the short gap does not add up, a new waiting time starts
    ["Z-2026-005", "Lisa Bakker", "111111110", d("1994-11-02"), "Bakkerij Het Volkoren", "R. Aydin", "01-09-2026", "2026-09-20:2026-09-27", "ja", None, None, None, None, None, None],
    # vrijwillige verlenging of 26 weeks
    ["Z-2024-044", "Ahmet Kaya", "123456794", d("1969-05-14"), "Transport Noord BV", "R. Aydin", d("2024-12-02"), None, "nee", "26", None, d("2025-01-10"), d("2025-01-22"), d("2025-11-24"), "2026-09-14; 2026-10-26"],
    # reaches AOW age on 10 December 2026: WIA milestones do not apply
    ["Z-2026-008", "Gerrit Mulder", "192837461", d("1959-12-10"), "Gemeente Zuidwolde", "M. Bos", d("2026-06-01"), None, "nee", None, None, d("2026-07-06"), d("2026-07-17"), None, "2026-08-28; 2026-10-09"],
    # loonsanctie of 26 weeks
    ["Z-2024-020", "Anouk Visser", "987654329", d("1985-01-19"), "Zorggroep De Linde", "M. Bos", d("2024-10-07"), None, "nee", None, "26", d("2024-11-15"), d("2024-11-28"), d("2025-10-01"), "2026-09-01; 2026-10-13"],
    # reported sick last week
    ["Z-2026-011", "Tim Smit", "111222345", d("2001-06-06"), "Gemeente Zuidwolde", "R. Aydin", d("2026-11-16"), None, "nee", None, None, None, None, None, None],
    # deliberate errors: BSN fails the 11-test, 31 November does not exist
    ["Z-2026-012", "Eva Dekker", "123456789", d("1990-10-10"), "Transport Noord BV", "M. Bos", "31-11-2026", None, "misschien", None, None, None, None, None, None],
]

# gedaan_ziekmelding, gedaan_ziekmelding_uwv, gedaan_spoor2_start
EXTRA = {
    "Z-2026-001": [d("2026-10-06"), None, None],
    "Z-2025-031": [d("2025-12-02"), d("2026-09-18"), None],
    "Z-2026-003": [d("2026-03-03"), None, None],
    "Z-2025-002": [d("2025-01-07"), d("2025-10-24"), d("2026-01-26")],
    "Z-2026-005": [d("2026-09-02"), None, None],
    "Z-2024-044": [d("2024-12-03"), d("2025-09-19"), d("2025-12-15")],
    "Z-2026-008": [d("2026-06-02"), None, None],
    "Z-2024-020": [d("2024-10-08"), d("2025-07-25"), None],
    "Z-2026-011": [None, None, None],
    "Z-2026-012": [None, None, None],
}
# fmt: on


def main() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Zaken"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in ROWS:
        ws.append(row + EXTRA[row[0]])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = "DD-MM-YYYY"
    ws.freeze_panes = "A2"
    out = Path(__file__).with_name("cases.xlsx")
    wb.save(out)
    print(f"geschreven: {out}")


if __name__ == "__main__":
    main()
