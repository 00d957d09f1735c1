"""Round trip: forms made by our own generator (issue 4) pass the audit without blockers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pytest
import yaml

from audit_helpers import ROOT, rules_of
from poortwachter.audit.engine import audit_dossier
from poortwachter.domain.vocabulary import DocumentKind as K

render = pytest.importorskip("poortwachter.generate.render")
FORMS = sorted((ROOT / "samples" / "forms").glob("*.yaml"))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_generated_dossier_has_no_blockers(fmt: str, tmp_path: Path) -> None:
    if not FORMS:
        pytest.skip("no sample forms")
    for form in FORMS:
        data = yaml.safe_load(form.read_text(encoding="utf-8"))
        (tmp_path / f"{form.stem}.{fmt}").write_bytes(render.render_form(form.stem, data, fmt))
    result = audit_dossier([tmp_path], peildatum=date(2027, 10, 1))
    assert {d.kind for d in result.documents} == {
        K.PROBLEEMANALYSE,
        K.PLAN_VAN_AANPAK,
        K.BIJSTELLING_PLAN_VAN_AANPAK,
        K.EERSTEJAARSEVALUATIE,
        K.EINDEVALUATIE,
        K.RIV_FORMULIER,
    }
    assert result.ready_for_submission, [f.message for f in result.findings]
    # the sample forms hold no evaluations between the plan and the EJE: practice warning
    assert set(rules_of(result)) <= {"EVAL-001"}
    for doc in result.documents:
        assert doc.date is not None and doc.signers, doc.path


def _generated_dossier(folder: Path, changes: Mapping[str, object]) -> Path:
    for form in FORMS:
        data = yaml.safe_load(form.read_text(encoding="utf-8"))
        if form.stem == "eerstejaarsevaluatie":
            data.update(changes)
        (folder / f"{form.stem}.pdf").write_bytes(render.render_form(form.stem, data, "pdf"))
    return folder


@pytest.mark.parametrize(
    "reason",
    ["terugkeer_binnen_3_maanden", "geen_benutbare_mogelijkheden", "aow_binnen_een_jaar", "anders"],
)
def test_structured_reason_for_no_spoor2_satisfies_sp2_001(reason: str, tmp_path: Path) -> None:
    """The eerstejaarsevaluatie's structured reason is a documented reason for SP2-001,
    whatever the free text says (no magic words such as "niet nodig" needed)."""
    changes = {
        "spoor2_gestart": "nee",
        "reden_geen_spoor2": reason,
        "toelichting_spoor2": "Besproken met werknemer en arbeidsdeskundige.",
    }
    result = audit_dossier([_generated_dossier(tmp_path, changes)], peildatum=date(2027, 10, 1))
    assert "SP2-001" not in rules_of(result)


def test_sp2_001_still_fires_without_a_reason_or_a_2e_spoor(tmp_path: Path) -> None:
    changes = {"spoor2_gestart": "ja", "spoor2_startdatum": "2027-01-15", "reden_geen_spoor2": None}
    result = audit_dossier([_generated_dossier(tmp_path, changes)], peildatum=date(2027, 10, 1))
    assert "SP2-001" in rules_of(result)


def _mkdir(folder: Path) -> Path:
    folder.mkdir()
    return folder


def _generated(folder: Path, *, without: tuple[str, ...] = ()) -> Path:
    for form in FORMS:
        if form.stem not in without:
            data = yaml.safe_load(form.read_text(encoding="utf-8"))
            (folder / f"{form.stem}.pdf").write_bytes(render.render_form(form.stem, data, "pdf"))
    return folder


def test_our_riv_form_satisfies_adm_003_at_the_riv_stage(tmp_path: Path) -> None:
    # eerste ziektedag 5 januari 2026: the RIV is due on 3 oktober 2027 (ezd + 636)
    with_form = audit_dossier([_generated(_mkdir(tmp_path / "a"))], peildatum=date(2027, 10, 4))
    assert "ADM-003" not in rules_of(with_form)
    without = audit_dossier(
        [_generated(_mkdir(tmp_path / "b"), without=("riv_formulier",))],
        peildatum=date(2027, 10, 4),
    )
    assert "ADM-003" in rules_of(without)
    early = audit_dossier(
        [_generated(_mkdir(tmp_path / "c"), without=("riv_formulier",))],
        peildatum=date(2027, 10, 3),
    )
    assert "ADM-003" not in rules_of(early)


def test_enclosure_list_of_our_riv_form_is_not_the_eindevaluatie(tmp_path: Path) -> None:
    """The RIV form lists the eindevaluatie and the oordeel werknemer among its enclosed
    parts; without those parts in the dossier they are still missing."""
    result = audit_dossier(
        [_generated(tmp_path, without=("eindevaluatie",))], peildatum=date(2027, 10, 4)
    )
    assert {"EIND-001", "OW-001"} <= set(rules_of(result))
    assert "ADM-003" not in rules_of(result)
