import pytest
from hypothesis import given
from hypothesis import strategies as st

from poortwachter.audit.classify.classifier import classify, is_continuation
from poortwachter.domain.vocabulary import DocumentKind as K

BODY = "\nNaam werknemer: J. Jansen\nDatum: 12-02-2026\nHier staat de inhoud van het document."

SPELLINGS = [
    ("Plan van aanpak", K.PLAN_VAN_AANPAK),
    ("PvA", K.PLAN_VAN_AANPAK),
    ("Plan van Aanpak re-integratie", K.PLAN_VAN_AANPAK),
    ("PLAN VAN AANPAK (Wet verbetering poortwachter)", K.PLAN_VAN_AANPAK),
    ("Re-integratieplan", K.PLAN_VAN_AANPAK),
    ("Bijstelling plan van aanpak", K.BIJSTELLING_PLAN_VAN_AANPAK),
    ("Plan van aanpak - bijstelling 2", K.BIJSTELLING_PLAN_VAN_AANPAK),
    ("Bijgesteld PvA", K.BIJSTELLING_PLAN_VAN_AANPAK),
    ("Probleemanalyse", K.PROBLEEMANALYSE),
    ("Probleem analyse bedrijfsarts", K.PROBLEEMANALYSE),
    ("Bijstelling probleemanalyse", K.BIJSTELLING_PROBLEEMANALYSE),
    ("Evaluatie eerste ziektejaar", K.EERSTEJAARSEVALUATIE),
    ("Eerstejaarsevaluatie", K.EERSTEJAARSEVALUATIE),
    ("1e-jaarsevaluatie", K.EERSTEJAARSEVALUATIE),
    ("EERSTEJAARS EVALUATIE", K.EERSTEJAARSEVALUATIE),
    ("Oordeel werknemer", K.OORDEEL_WERKNEMER),
    ("Mening werknemer", K.OORDEEL_WERKNEMER),
    ("Mening van de werknemer over de re-integratie", K.OORDEEL_WERKNEMER),
    ("Reactie werknemer", K.OORDEEL_WERKNEMER),
    ("Actueel oordeel bedrijfsarts", K.ACTUEEL_OORDEEL),
    ("Actuele oordeel van de bedrijfsarts", K.ACTUEEL_OORDEEL),
    ("Arbeidsdeskundig rapportage", K.ARBEIDSDESKUNDIG_RAPPORT),
    ("Rapportage arbeidsdeskundig onderzoek", K.ARBEIDSDESKUNDIG_RAPPORT),
    ("Arbeidsdeskundige rapportage", K.ARBEIDSDESKUNDIG_RAPPORT),
    ("Trajectplan 2e spoor", K.SPOOR2_RAPPORT),
    ("Tweede spoor traject", K.SPOOR2_RAPPORT),
    ("Re-integratie tweede spoor", K.SPOOR2_RAPPORT),
    ("Eindevaluatie", K.EINDEVALUATIE),
    ("Eind evaluatie werkgever", K.EINDEVALUATIE),
    ("Voortgangsverslag", K.VOORTGANGSVERSLAG),
    ("Evaluatie plan van aanpak", K.VOORTGANGSVERSLAG),
    ("Verslag evaluatiegesprek", K.VOORTGANGSVERSLAG),
    ("Inzetbaarheidsprofiel", K.INZETBAARHEIDSPROFIEL),
    ("Functionele Mogelijkhedenlijst (FML)", K.INZETBAARHEIDSPROFIEL),
    ("Activiteitenoverzicht", K.ACTIVITEITENOVERZICHT),
    ("Logboek re-integratie", K.ACTIVITEITENOVERZICHT),
    ("Re-integratieverslag", K.RIV_FORMULIER),
    ("Ziekmelding langdurig zieke werknemer bij UWV", K.ZIEKMELDING_UWV),
    ("42e-weeksmelding", K.ZIEKMELDING_UWV),
    ("Deskundigenoordeel", K.DESKUNDIGENOORDEEL),
]


@pytest.mark.parametrize(("title", "kind"), SPELLINGS)
def test_title_spellings(title: str, kind: K) -> None:
    assert classify(title + BODY, "scan_0042.pdf").kind is kind


@pytest.mark.parametrize(("title", "kind"), SPELLINGS[:12])
def test_title_in_table_cell_after_header(title: str, kind: K) -> None:
    text = f"Bouwbedrijf De Vries B.V. - vertrouwelijk\nOnderdeel | {title}" + BODY
    assert classify(text, "document.pdf").kind is kind


def test_field_label_mentioning_another_part_does_not_win() -> None:
    text = "Datum probleemanalyse: 05-02-2026\nPlan van aanpak\nAfspraken ..."
    assert classify(text).kind is K.PLAN_VAN_AANPAK


def test_filename_is_only_a_weak_hint() -> None:
    assert classify("Wat losse aantekeningen zonder titel.", "plan_van_aanpak.pdf").kind is K.OTHER
    # but the title wins over a misleading name
    assert classify("Eindevaluatie" + BODY, "pva.docx").kind is K.EINDEVALUATIE


def test_unsure_is_other() -> None:
    assert classify("Factuur 2026-001\nBedrag: 100 euro").kind is K.OTHER
    assert classify("").kind is K.OTHER


def test_body_mentions_do_not_make_a_title() -> None:
    text = "Notitie\n" + "\n".join(["regel"] * 20) + "\nzie plan van aanpak\nzie plan van aanpak"
    assert classify(text).kind is K.OTHER


def test_continuation_pages() -> None:
    assert is_continuation("Plan van aanpak\n... pagina 2 van 3")
    assert not is_continuation("Plan van aanpak\n... pagina 1 van 3")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Plan van aanpak tweede spoor", K.SPOOR2_RAPPORT),
        ("Voortgangsrapportage 2e spoor", K.SPOOR2_RAPPORT),
        ("Terugkoppeling na spreekuur", K.BIJSTELLING_PROBLEEMANALYSE),
        ("Functionele Mogelijkheden Lijst", K.INZETBAARHEIDSPROFIEL),
        ("Ziekmelding 42e week", K.ZIEKMELDING_UWV),
        ("Visie werknemer op re-integratie-inspanningen", K.OORDEEL_WERKNEMER),
        ("Eindevaluatie re-integratietraject", K.EINDEVALUATIE),
        ("Rapportage van de arbeidsdeskundige", K.ARBEIDSDESKUNDIG_RAPPORT),
        ("Plan van aanpak (PvA)", K.PLAN_VAN_AANPAK),
        ("Eerstejaarsevaluatie (EJE)", K.EERSTEJAARSEVALUATIE),
        ("Evaluatie 1e ziektejaar", K.EERSTEJAARSEVALUATIE),
        ("Actueel Oordeel (AO)", K.ACTUEEL_OORDEEL),
        ("Bijstelling Plan van Aanpak d.d. 3 maart 2026", K.BIJSTELLING_PLAN_VAN_AANPAK),
        ("Oordeel van de werknemer over de re-integratie-inspanningen", K.OORDEEL_WERKNEMER),
    ],
)
def test_more_spellings(title: str, kind: K) -> None:
    assert classify(title + BODY, "document.pdf").kind is kind


def test_section_heading_visie_werknemer_is_not_a_part() -> None:
    assert classify("Visie werknemer\nIk ben het eens.").kind is K.OTHER


@given(st.text(max_size=3000), st.text(max_size=40))
def test_classify_and_extract_never_raise(text: str, name: str) -> None:
    from poortwachter.audit.extract.sections import extract_all
    from poortwachter.audit.model import Document

    doc = Document(name or "x", "text", len(text), pages=text.split("\f"), page_count=1)
    doc.kind = classify(doc.text, name).kind
    extract_all(doc)


_TOKENS = [
    "Naam", "Functie", "Datum", ":", " | ", "Werkgever", "Werknemer", "12-02-2026", "J. Jansen",
    "BSN", "123456782", "Handtekening", "Plan van aanpak", "\n", " ", "dr.", "(", ")", ",",
    "Met vriendelijke groet", "Ondertekening", "Eerste ziektedag", "1 mrt. 2026", "bedrijfsarts",
    "pagina 2 van 3", "Piet de Vries", "HR-manager", "getekend", "Eindevaluatie", "burn-out",
]  # fmt: skip


@given(st.lists(st.sampled_from(_TOKENS), max_size=200))
def test_label_soup_never_raises(tokens: list[str]) -> None:
    from poortwachter.audit.extract.sections import extract_all
    from poortwachter.audit.model import Document

    text = "".join(tokens)
    doc = Document("x.pdf", "pdf", len(text), pages=[text, text[::-1]], page_count=2)
    doc.kind = classify(doc.text, "x.pdf").kind
    extract_all(doc)
    for signer in doc.signers:
        assert signer.name


@pytest.mark.parametrize(
    ("title", "kind", "also"),
    [
        ("Eindevaluatie en oordeel werknemer", K.EINDEVALUATIE, (K.OORDEEL_WERKNEMER,)),
        ("Eindevaluatie / Oordeel werknemer", K.EINDEVALUATIE, (K.OORDEEL_WERKNEMER,)),
        ("Plan van aanpak naar aanleiding van de probleemanalyse", K.PLAN_VAN_AANPAK, ()),
        ("Bijstelling plan van aanpak", K.BIJSTELLING_PLAN_VAN_AANPAK, ()),
    ],
)
def test_titles_naming_two_parts(title: str, kind: K, also: tuple[K, ...]) -> None:
    found = classify(title + BODY)
    assert (found.kind, found.also) == (kind, also)
