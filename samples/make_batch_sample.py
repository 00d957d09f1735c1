"""Write samples/batch_plan_van_aanpak.xlsx: 20 plannen van aanpak, one deliberately bad row.

    python samples/make_batch_sample.py

Sheet 'formulieren' has one row per form; sheets 'activiteiten' and 'ondertekenaars' hold
the repeated items, linked by the 'dossier' column (see poortwachter.generate.batch).
Excel row 13 (dossier 2026-0211) has a BSN that fails the 11-test: `poortwachter batch` writes
the other 19 and reports that row.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
FIRST = ["Sanne", "Daan", "Fatima", "Lucas", "Emma", "Mohamed", "Julia", "Sem", "Noor", "Bram"]
LAST = [
    "de Vries",
    "Jansen",
    "El Amrani",
    "Bakker",
    "Visser",
    "Yilmaz",
    "Smit",
    "Mulder",
    "de Boer",
    "Meijer",
]
FUNCTIES = [
    "Medewerker klantenservice",
    "Bakker",
    "Verkoopmedewerker",
    "Chauffeur",
    "Administratief medewerker",
]


def bsn(n: int) -> str:
    """A syntactically valid (11-test) BSN made from a counter; not a real person's."""
    base = 100_000_000 + n * 7919
    while True:
        digits = [int(c) for c in f"{base:09d}"]
        total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
        if total % 11 == 0:
            return f"{base:09d}"
        base += 1


def main() -> Path:
    wb = Workbook()
    main_ws = wb.active
    main_ws.title = "formulieren"
    main_ws.append(
        [
            "dossier",
            "formulierdatum",
            "eerste_ziektedag",
            "werknemer_naam",
            "werknemer_bsn",
            "werknemer_functie",
            "werkgever_naam",
            "werkgever_kvk",
            "werkgever_aard_bedrijf",
            "bedrijfsarts_naam",
            "bedrijfsarts_organisatie",
            "casemanager_naam",
            "casemanager_functie",
            "datum_probleemanalyse",
            "conclusies_probleemanalyse",
            "einddoel_soort",
            "einddoel_datum",
            "einddoel",
            "evaluatiemomenten",
            "afspraken",
            "visie_werkgever",
            "visie_werknemer",
        ]
    )
    acts = wb.create_sheet("activiteiten")
    acts.append(["dossier", "wat", "wie", "wanneer"])
    signers = wb.create_sheet("ondertekenaars")
    signers.append(["dossier", "naam", "functie", "datum", "rol"])
    for i in range(20):
        dossier = f"2026-{200 + i:04d}"
        naam = f"{FIRST[i % 10]} {LAST[(i * 3) % 10]}"
        ezd = date(2026, 1, 5) + timedelta(days=3 * i)
        pa = ezd + timedelta(weeks=5)
        datum = pa + timedelta(days=10)
        number = bsn(i) if i != 11 else "123456789"  # row 13 in Excel: fails the 11-test
        functie = FUNCTIES[i % 5]
        main_ws.append(
            [
                dossier,
                datum,
                ezd,
                naam,
                number,
                functie,
                "Bakkerij Van Dam B.V.",
                "12345678",
                "Ambachtelijke bakkerij",
                "dr. P. Jansen",
                "Arbodienst Midden",
                "Karin Bos",
                "HR-adviseur",
                pa,
                "Kan vier uur per dag werken; opbouw in aangepast werk.",
                "eigen werk",
                datum + timedelta(weeks=16),
                "Terugkeer in de eigen functie, 32 uur per week.",
                "; ".join((datum + timedelta(weeks=w)).isoformat() for w in (6, 12)),
                "",
                "Wij bieden aangepast werk in de eigen functie en bouwen de uren samen op.",
                "Ik kan mij vinden in dit plan.",
            ]
        )
        acts.append(
            [
                dossier,
                "Start aangepast werk, 2 × 2 uur per dag",
                "Werknemer",
                datum + timedelta(days=3),
            ]
        )
        acts.append([dossier, "Werkplekonderzoek", "Casemanager", datum + timedelta(days=14)])
        signers.append([dossier, "Jeroen van Dam", "Directeur", datum, "werkgever"])
        signers.append([dossier, naam, functie, datum, "werknemer"])
    for ws in (main_ws, acts, signers):
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, date):
                    cell.number_format = "DD-MM-YYYY"
    target = HERE / "batch_plan_van_aanpak.xlsx"
    wb.save(target)
    return target


if __name__ == "__main__":
    print(main())
