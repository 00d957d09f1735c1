"""The fixed vocabularies of DESIGN.md and DOMAIN.md.

These strings are contracts read by other tools (audit JSON, timeline JSON, checklists).
Nothing else in the code base spells them: import the enums from here.
"""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    """The kinds of document in a re-integration dossier (DOMAIN.md): what the auditor
    classifies a document or part as, and what a checklist rule is about; ``other`` when
    none fits."""

    ZIEKMELDING = "ziekmelding"
    PROBLEEMANALYSE = "probleemanalyse"
    BIJSTELLING_PROBLEEMANALYSE = "bijstelling_probleemanalyse"
    PLAN_VAN_AANPAK = "plan_van_aanpak"
    BIJSTELLING_PLAN_VAN_AANPAK = "bijstelling_plan_van_aanpak"
    VOORTGANGSVERSLAG = "voortgangsverslag"
    ZIEKMELDING_UWV = "ziekmelding_uwv"
    EERSTEJAARSEVALUATIE = "eerstejaarsevaluatie"
    INZETBAARHEIDSPROFIEL = "inzetbaarheidsprofiel"
    ARBEIDSDESKUNDIG_RAPPORT = "arbeidsdeskundig_rapport"
    SPOOR2_RAPPORT = "spoor2_rapport"
    ACTUEEL_OORDEEL = "actueel_oordeel"
    EINDEVALUATIE = "eindevaluatie"
    OORDEEL_WERKNEMER = "oordeel_werknemer"
    RIV_FORMULIER = "riv_formulier"
    ACTIVITEITENOVERZICHT = "activiteitenoverzicht"
    DESKUNDIGENOORDEEL = "deskundigenoordeel"
    MEDISCHE_INFORMATIE = "medische_informatie"
    OTHER = "other"


class FormId(StrEnum):
    """The six UWV re-integration forms the generator produces (DESIGN.md, FORM)."""

    PROBLEEMANALYSE = "probleemanalyse"
    PLAN_VAN_AANPAK = "plan_van_aanpak"
    BIJSTELLING_PLAN_VAN_AANPAK = "bijstelling_plan_van_aanpak"
    EERSTEJAARSEVALUATIE = "eerstejaarsevaluatie"
    EINDEVALUATIE = "eindevaluatie"
    #: part 1 of the RIV: the administrative data (Regeling procesgang art. 6 lid 1 a)
    RIV_FORMULIER = "riv_formulier"


class Severity(StrEnum):
    """How serious an audit finding is (DESIGN.md): ``blocker`` (UWV will reject or
    sanction), ``warning`` (likely questioned), ``info`` (advice)."""

    BLOCKER = "blocker"
    WARNING = "warning"
    INFO = "info"


class Category(StrEnum):
    """What kind of gap an audit finding reports (DESIGN.md): a document missing, late,
    unsigned, incomplete or outdated, an evaluation interval too long, facts that contradict
    each other, a file that cannot be read, or a privacy problem (medical details)."""

    MISSING = "missing"
    LATE = "late"
    UNSIGNED = "unsigned"
    INCOMPLETE = "incomplete"
    OUTDATED = "outdated"
    INTERVAL = "interval"
    INCONSISTENT = "inconsistent"
    UNREADABLE = "unreadable"
    PRIVACY = "privacy"


class MilestoneId(StrEnum):
    """Milestones of the two-year path, in chronological order (DOMAIN.md table).

    Four milestones appear only when the case has the fact that brings them:
    ``ziekmelding_uwv_zwangerschap`` (sickness due to pregnancy, Ziektewet art. 29a),
    ``iva_aanvraag`` (a request for a shortened waiting time) and the two of ``ziek uit
    dienst`` (``melding_einde_dienstverband``, ``riv_einde_dienstverband``), which fall on
    the end of employment and so stand last.
    """

    ZIEKMELDING = "ziekmelding"
    PROBLEEMANALYSE = "probleemanalyse"
    ZIEKMELDING_UWV_ZWANGERSCHAP = "ziekmelding_uwv_zwangerschap"
    PLAN_VAN_AANPAK = "plan_van_aanpak"
    EVALUATIE = "evaluatie"
    ZIEKMELDING_UWV = "ziekmelding_uwv"
    EERSTEJAARSEVALUATIE = "eerstejaarsevaluatie"
    SPOOR2_START = "spoor2_start"
    IVA_AANVRAAG = "iva_aanvraag"
    UWV_BRIEF_WIA = "uwv_brief_wia"
    EINDEVALUATIE = "eindevaluatie"
    WIA_AANVRAAG = "wia_aanvraag"
    EINDE_WACHTTIJD = "einde_wachttijd"
    MELDING_EINDE_DIENSTVERBAND = "melding_einde_dienstverband"
    RIV_EINDE_DIENSTVERBAND = "riv_einde_dienstverband"


class MilestoneStatus(StrEnum):
    """Status at a peildatum: ``done`` only when done on or before it and on time;
    ``done_late`` when done on or before the peildatum but after the due date."""

    DONE = "done"
    DONE_LATE = "done_late"
    DUE = "due"
    OVERDUE = "overdue"
    NOT_APPLICABLE = "not_applicable"
