"""Part 1 of the re-integratieverslag (Regeling procesgang art. 6 lid 1 a): the
administrative data UWV asks for, and which parts of the RIV are enclosed."""

from __future__ import annotations

from poortwachter.domain.vocabulary import FormId
from poortwachter.forms.layout import (
    OPTIONAL,
    FieldTable,
    Heading,
    ListTable,
    Signatures,
    TextBlock,
)
from poortwachter.forms.spec import FormSpec
from poortwachter.schemas.fields import (
    EMAIL,
    KVK,
    REQUIRED_DATE,
    REQUIRED_LOONHEFFINGENNUMMER,
    REQUIRED_TEXT,
    TEXT,
)
from poortwachter.schemas.form_parts import REQUIRED_BSN, SIGNERS, SignerRole, nested_group

SPEC = FormSpec(
    id=FormId.RIV_FORMULIER,
    title="Re-integratieverslag: administratieve gegevens",
    description="Deel 1 van het RIV: werknemer, werkgever, bedrijfsarts, functie en bijlagen",
    intro=(
        "Deel 1 van het re-integratieverslag volgens artikel 6 lid 1 onder a van de Regeling "
        "procesgang eerste en tweede ziektejaar: de administratieve gegevens van werknemer, "
        "werkgever en bedrijfsarts, en welke onderdelen van het verslag zijn bijgevoegd."
    ),
    schema={
        "dossier": TEXT,
        "formulierdatum": REQUIRED_DATE,
        "eerste_ziektedag": REQUIRED_DATE,
        "werknemer": nested_group(
            {
                "naam": REQUIRED_TEXT,
                "adres": REQUIRED_TEXT,
                "bsn": REQUIRED_BSN,
                "geboortedatum": REQUIRED_DATE,
                "functie": REQUIRED_TEXT,
                "arbeidsduur": REQUIRED_TEXT,
                "opleiding": TEXT,
                "vaardigheden": TEXT,
            }
        ),
        "werkgever": nested_group(
            {
                "naam": REQUIRED_TEXT,
                "adres": REQUIRED_TEXT,
                "loonheffingennummer": REQUIRED_LOONHEFFINGENNUMMER,
                "kvk": KVK,
                "aard_bedrijf": REQUIRED_TEXT,
            }
        ),
        "contactpersoon": nested_group(
            {
                "naam": REQUIRED_TEXT,
                "functie": TEXT,
                "telefoon": REQUIRED_TEXT,
                "email": EMAIL,
            }
        ),
        "bedrijfsarts": nested_group({"naam": REQUIRED_TEXT, "organisatie": REQUIRED_TEXT}),
        "bijlagen": {
            "type": "list",
            "required": True,
            "minlength": 1,
            "schema": {
                "type": "dict",
                "schema": {"onderdeel": REQUIRED_TEXT, "datum": REQUIRED_DATE},
            },
        },
        "ondertekenaars": SIGNERS,
    },
    signers=(SignerRole.WERKGEVER,),
    layout=(
        Heading("1. Gegevens van de werknemer"),
        FieldTable(
            (
                ("Naam werknemer", "werknemer.naam"),
                ("Adres", "werknemer.adres"),
                ("Burgerservicenummer (BSN)", "werknemer.bsn"),
                ("Geboortedatum", "werknemer.geboortedatum"),
                ("Eerste ziektedag", "eerste_ziektedag"),
                ("Dossiernummer", "dossier", OPTIONAL),
            )
        ),
        Heading("2. Gegevens van de werkgever"),
        FieldTable(
            (
                ("Werkgever", "werkgever.naam"),
                ("Adres werkgever", "werkgever.adres"),
                ("Loonheffingennummer", "werkgever.loonheffingennummer"),
                ("KvK-nummer", "werkgever.kvk", OPTIONAL),
                ("Contactpersoon", "contactpersoon.naam"),
                ("Functie contactpersoon", "contactpersoon.functie", OPTIONAL),
                ("Telefoon", "contactpersoon.telefoon"),
                ("E-mail", "contactpersoon.email", OPTIONAL),
            )
        ),
        Heading("3. Aard van het bedrijf"),
        TextBlock("Bedrijfsprofiel", "werkgever.aard_bedrijf"),
        Heading("4. Functie en vaardigheden van de werknemer"),
        FieldTable((("Functie", "werknemer.functie"), ("Arbeidsduur", "werknemer.arbeidsduur"))),
        TextBlock("Opleiding", "werknemer.opleiding", optional=True),
        TextBlock("Vaardigheden en ervaring", "werknemer.vaardigheden", optional=True),
        Heading("5. Bedrijfsarts en arbodienst"),
        FieldTable(
            (("Bedrijfsarts", "bedrijfsarts.naam"), ("Arbodienst", "bedrijfsarts.organisatie"))
        ),
        Heading("6. Bijgevoegde onderdelen van het re-integratieverslag"),
        ListTable("bijlagen", "b", (("Onderdeel", "b.onderdeel", 12.6), ("Datum", "b.datum", 4.0))),
        Signatures("7. Ondertekening", "Opgesteld en ondertekend door:"),
    ),
)
