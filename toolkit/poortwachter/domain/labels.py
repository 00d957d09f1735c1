"""All Dutch labels of the fixed vocabularies (``domain.vocabulary``), for what a user reads:
tables, spreadsheets, calendars, audit reports. The vocabularies themselves are contracts
(English values); only these labels are shown, and only here are they spelled."""

from __future__ import annotations

from poortwachter.domain.vocabulary import (
    Category,
    DocumentKind,
    MilestoneId,
    MilestoneStatus,
    Severity,
)

#: Dutch labels for what a user reads (tables, spreadsheets, calendars).
MILESTONE_LABELS: dict[MilestoneId, str] = {
    MilestoneId.ZIEKMELDING: "Ziekmelding arbodienst",
    MilestoneId.PROBLEEMANALYSE: "Probleemanalyse",
    MilestoneId.ZIEKMELDING_UWV_ZWANGERSCHAP: "Ziekmelding UWV (zwangerschap)",
    MilestoneId.PLAN_VAN_AANPAK: "Plan van aanpak",
    MilestoneId.EVALUATIE: "Evaluatie plan van aanpak",
    MilestoneId.ZIEKMELDING_UWV: "42e-weeksmelding UWV",
    MilestoneId.EERSTEJAARSEVALUATIE: "Eerstejaarsevaluatie",
    MilestoneId.SPOOR2_START: "Start 2e spoor",
    MilestoneId.IVA_AANVRAAG: "Aanvraag verkorte wachttijd (IVA)",
    MilestoneId.UWV_BRIEF_WIA: "Brief UWV over WIA-aanvraag",
    MilestoneId.EINDEVALUATIE: "Eindevaluatie",
    MilestoneId.WIA_AANVRAAG: "WIA-aanvraag met RIV",
    MilestoneId.EINDE_WACHTTIJD: "Einde wachttijd",
    MilestoneId.MELDING_EINDE_DIENSTVERBAND: "Ziekmelding UWV einde dienstverband",
    MilestoneId.RIV_EINDE_DIENSTVERBAND: "RIV bij einde dienstverband",
}

STATUS_LABELS: dict[MilestoneStatus, str] = {
    MilestoneStatus.DONE: "gedaan",
    MilestoneStatus.DONE_LATE: "te laat gedaan",
    MilestoneStatus.DUE: "open",
    MilestoneStatus.OVERDUE: "te laat",
    MilestoneStatus.NOT_APPLICABLE: "niet van toepassing",
}

SEVERITY_LABELS: dict[Severity, str] = {
    Severity.BLOCKER: "BLOKKEREND",
    Severity.WARNING: "WAARSCHUWING",
    Severity.INFO: "ADVIES",
}

CATEGORY_LABELS: dict[Category, str] = {
    Category.MISSING: "ontbreekt",
    Category.LATE: "te laat",
    Category.UNSIGNED: "niet ondertekend",
    Category.INCOMPLETE: "onvolledig",
    Category.OUTDATED: "verouderd",
    Category.INTERVAL: "interval",
    Category.INCONSISTENT: "tegenstrijdig",
    Category.UNREADABLE: "onleesbaar",
    Category.PRIVACY: "privacy",
}

#: Dutch names of the document kinds, for reports
KIND_LABELS: dict[DocumentKind, str] = {
    DocumentKind.ZIEKMELDING: "ziekmelding",
    DocumentKind.PROBLEEMANALYSE: "probleemanalyse",
    DocumentKind.BIJSTELLING_PROBLEEMANALYSE: "bijstelling probleemanalyse",
    DocumentKind.PLAN_VAN_AANPAK: "plan van aanpak",
    DocumentKind.BIJSTELLING_PLAN_VAN_AANPAK: "bijstelling plan van aanpak",
    DocumentKind.VOORTGANGSVERSLAG: "voortgangsverslag / evaluatie",
    DocumentKind.ZIEKMELDING_UWV: "ziekmelding UWV (42e week)",
    DocumentKind.EERSTEJAARSEVALUATIE: "eerstejaarsevaluatie",
    DocumentKind.INZETBAARHEIDSPROFIEL: "inzetbaarheidsprofiel / FML",
    DocumentKind.ARBEIDSDESKUNDIG_RAPPORT: "arbeidsdeskundig rapport",
    DocumentKind.SPOOR2_RAPPORT: "2e-spoorrapport",
    DocumentKind.ACTUEEL_OORDEEL: "actueel oordeel bedrijfsarts",
    DocumentKind.EINDEVALUATIE: "eindevaluatie",
    DocumentKind.OORDEEL_WERKNEMER: "oordeel werknemer",
    DocumentKind.RIV_FORMULIER: "re-integratieverslag (formulier)",
    DocumentKind.ACTIVITEITENOVERZICHT: "activiteitenoverzicht",
    DocumentKind.DESKUNDIGENOORDEEL: "deskundigenoordeel",
    DocumentKind.MEDISCHE_INFORMATIE: "medische informatie",
    DocumentKind.OTHER: "overig / niet herkend",
}
