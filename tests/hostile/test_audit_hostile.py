"""`audit` over every hostile file of the corpus: alone, all together, and inside a zip.

Each run is a child process (``python -m poortwachter``): a hang is killed at the time
limit, a native crash shows as a negative exit code, and the peak memory of that one run
is measured. The contract (DESIGN.md, issue 6): exit 0, 1 or 2, never 3 and never a
traceback; a file that cannot be read is listed with ``readable: false`` and gives an
``unreadable`` finding with a Dutch reason; one bad file never stops the rest of the
dossier; no temporary copies of dossier content are left behind.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from . import corpus
from .measure import DEFAULT_TIMEOUT, Measured, poortwachter, run_measured

#: every test here runs the command as a child process (make test-fast leaves them out)
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
GOOD_DOCUMENT = ROOT / "samples" / "dossiers" / "compleet" / "02_plan_van_aanpak.docx"
PEILDATUM = "2027-09-30"
#: Peak memory allowed for one audit run (MB).
AUDIT_PEAK_MB = 1024
#: The whole corpus in one dossier: 55 files, one run.
ALL_TIMEOUT = max(DEFAULT_TIMEOUT, 60.0)

Record = Callable[[str, str, Measured], None]
ALL_FAST = [gen.__name__ for gen in corpus.GENERATORS]

#: Corpus files that no reader can make sense of: each must be listed as unreadable.
MUST_BE_UNREADABLE = [
    "pdf_truncated",
    "pdf_garbage",
    "pdf_encrypted_unknown_password",
    "pdf_empty",
    "docx_not_a_zip",
    "xlsx_not_a_zip",
    "docx_zip_bomb_ratio",
    "xlsx_zip_bomb_ratio",
    "xlsx_zip_bomb_lying_size",
    "docx_many_entries",
    "xlsx_many_entries",
    "docx_path_traversal",
    "xlsx_path_traversal",
    "docx_billion_laughs",
    "docx_missing_document",
    "docx_missing_content_types",
    "xlsx_missing_workbook",
    "docx_empty",
    "xlsx_empty",
    "xlsx_truncated",
    "csv_over_size_limit",
]
#: Words of which a Dutch reason holds at least one.
DUTCH = ("niet", "geen", "is ", "bevat", "leeg", "te groot", "beschadigd", "versleuteld")


def audit(*args: str, **kw: Any) -> Measured:
    return run_measured(
        poortwachter("audit", *args, "--peildatum", PEILDATUM, "--format", "json"),
        keep_stdout=True,
        **kw,
    )


def check_run(name: str, m: Measured, timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """The contract for one audit run; returns the JSON report (one dossier)."""
    assert not m.timed_out, f"{name}: no answer within {timeout:.0f} s"
    assert m.code in corpus.ANY_OK, f"{name}: exit {m.code}: {m.stderr[-2000:]}"
    assert "Traceback" not in m.stderr, m.stderr
    assert "interne fout" not in m.stderr, m.stderr
    assert "Warning" not in m.stderr, f"{name}: a library warning leaked: {m.stderr}"
    assert m.peak_mb < AUDIT_PEAK_MB, f"{name}: peak {m.peak_mb:.0f} MB"
    assert m.code != 2, f"{name}: a dossier with a bad file is still audited: {m.stderr}"
    report: dict[str, Any] = json.loads(m.stdout)
    return report


def unreadable_findings(report: dict[str, Any]) -> dict[str, list[str]]:
    """path → messages of the ``unreadable`` findings about that file."""
    out: dict[str, list[str]] = {}
    for finding in report["findings"]:
        if finding["category"] == "unreadable":
            for ev in finding["evidence"]:
                out.setdefault(ev["path"], []).append(finding["message"])
    return out


def check_unreadable_listed(report: dict[str, Any]) -> None:
    """Every document with ``readable: false`` has an ``unreadable`` finding in Dutch."""
    findings = unreadable_findings(report)
    for doc in report["documents"]:
        if doc["readable"]:
            continue
        messages = findings.get(doc["path"], [])
        assert messages, f"{doc['path']}: readable=false but no unreadable finding"
        text = " ".join(messages).lower()
        assert "niet te lezen" in text or "niet gecontroleerd" in text, messages
        assert any(w in text for w in DUTCH), messages


def documents(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["path"]: d for d in report["documents"]}


@pytest.mark.parametrize("name", ALL_FAST)
def test_audit_every_hostile_file_alone(
    name: str, hostile_cases: dict[str, corpus.Case], record: Record
) -> None:
    case = hostile_cases[name]
    m = audit(str(case.path))
    record("audit", case.name, m)
    report = check_run(case.name, m)
    docs = documents(report)
    assert case.path.name in docs, sorted(docs)
    check_unreadable_listed(report)
    if name in MUST_BE_UNREADABLE:
        assert not docs[case.path.name]["readable"], docs[case.path.name]
    assert not Path("/tmp/poortwachter_pwned.txt").exists()  # the ../ entries


def test_audit_whole_corpus_in_one_folder(
    hostile_cases: dict[str, corpus.Case], tmp_path: Path, record: Record
) -> None:
    """All hostile files plus one good document: the good one is still classified."""
    folder = tmp_path / "dossier"
    folder.mkdir()
    for case in hostile_cases.values():
        os.link(case.path, folder / case.path.name)  # a link: te_groot.csv stays sparse
    shutil.copy(GOOD_DOCUMENT, folder / GOOD_DOCUMENT.name)
    m = audit(str(folder), timeout=ALL_TIMEOUT)
    record("audit (map met alles)", f"{len(hostile_cases)} bestanden + 1 goed", m)
    report = check_run("corpus folder", m, ALL_TIMEOUT)
    docs = documents(report)
    assert len(docs) == len(hostile_cases) + 1, sorted(docs)
    good = docs[GOOD_DOCUMENT.name]
    assert good["readable"] and good["kind"] == "plan_van_aanpak", good
    check_unreadable_listed(report)
    for name in MUST_BE_UNREADABLE:
        assert not docs[hostile_cases[name].path.name]["readable"], name
    assert not Path("/tmp/poortwachter_pwned.txt").exists()


def _zip_dossier(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _traversal_zip(path: Path) -> Path:
    """A dossier zip with the good document and an entry that climbs out of any folder."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("dossier/02_plan_van_aanpak.docx", GOOD_DOCUMENT.read_bytes())
        zf.writestr("../../../../tmp/poortwachter_pwned.txt", b"pwned")
    return path


def _bomb_zip(path: Path) -> Path:
    """A dossier zip whose own member is 200 MB of zeros (ratio ~1000)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("dossier/02_plan_van_aanpak.docx", GOOD_DOCUMENT.read_bytes())
        with zf.open("dossier/nullen.pdf", "w", force_zip64=True) as fh:
            block = bytes(1 << 20)
            for _ in range(200):
                fh.write(block)
    return path


def test_zip_dossier_with_traversal_entry(tmp_path: Path, record: Record) -> None:
    """A ``../`` entry makes the whole zip unsafe: reported, nothing unpacked anywhere."""
    dossier = _traversal_zip(tmp_path / "dossier.zip")
    m = audit(str(dossier))
    record("audit", "zip-dossier met ../", m)
    report = check_run("zip with ../", m)
    docs = documents(report)
    assert list(docs) == ["dossier.zip"], docs
    assert not docs["dossier.zip"]["readable"]
    check_unreadable_listed(report)
    assert "onveilig pad" in " ".join(unreadable_findings(report)["dossier.zip"])
    assert not Path("/tmp/poortwachter_pwned.txt").exists()


def test_zip_dossier_with_a_bomb_member(tmp_path: Path, record: Record) -> None:
    """A member that unpacks 1000×: that member is refused unread, the rest is audited."""
    dossier = _bomb_zip(tmp_path / "bom.zip")
    assert dossier.stat().st_size < 1_000_000
    m = audit(str(dossier))
    record("audit", "zip-dossier met zipbom-onderdeel (200 MB)", m)
    report = check_run("zip bomb member", m)
    docs = documents(report)
    assert not docs["bom.zip/dossier/nullen.pdf"]["readable"]
    assert "zipbom" in " ".join(unreadable_findings(report)["bom.zip/dossier/nullen.pdf"])
    good = docs[f"bom.zip/dossier/{GOOD_DOCUMENT.name}"]
    assert good["readable"] and good["kind"] == "plan_van_aanpak", good
    assert m.peak_mb < 256, f"peak {m.peak_mb:.0f} MB: the bomb was unpacked"


def test_zip_dossier_with_20000_entries(tmp_path: Path, record: Record) -> None:
    """Too many entries: the whole zip is refused before any member is read."""
    dossier = tmp_path / "veel.zip"
    with zipfile.ZipFile(dossier, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("d/" + GOOD_DOCUMENT.name, GOOD_DOCUMENT.read_bytes())
        for i in range(20_000):
            zf.writestr(f"d/leeg_{i}.txt", b"")
    m = audit(str(dossier))
    record("audit", "zip-dossier met 20.000 onderdelen", m)
    report = check_run("zip with 20000 entries", m)
    assert list(documents(report)) == ["veel.zip"]
    assert "zipbom" in " ".join(unreadable_findings(report)["veel.zip"])


def test_zip_dossier_with_hostile_members_audits_the_rest(
    hostile_cases: dict[str, corpus.Case], tmp_path: Path, record: Record
) -> None:
    """Hostile documents inside a (sound) zip dossier: each is unreadable, the good one
    is classified."""
    names = [
        "docx_zip_bomb_ratio",
        "xlsx_zip_bomb_lying_size",
        "docx_path_traversal",
        "docx_billion_laughs",
        "docx_xxe",
        "pdf_flate_bomb",
        "pdf_object_loop",
        "pdf_truncated",
        "pdf_encrypted_unknown_password",
        "pdf_empty",
    ]
    members = {f"d/{hostile_cases[n].path.name}": hostile_cases[n].path.read_bytes() for n in names}
    members["d/" + GOOD_DOCUMENT.name] = GOOD_DOCUMENT.read_bytes()
    dossier = _zip_dossier(tmp_path / "dossier.zip", members)  # zipbom_liegt: ratio > 200
    m = audit(str(dossier))
    record("audit", "zip-dossier met vijandige documenten", m)
    report = check_run("zip with hostile members", m)
    docs = documents(report)
    good = docs[f"dossier.zip/d/{GOOD_DOCUMENT.name}"]
    assert good["readable"] and good["kind"] == "plan_van_aanpak", good
    for n in names:
        shown = f"dossier.zip/d/{hostile_cases[n].path.name}"
        assert shown in docs, sorted(docs)
        if n != "docx_xxe" and n != "pdf_flate_bomb":
            assert not docs[shown]["readable"], shown
    check_unreadable_listed(report)
    assert "root:" not in m.stdout  # the XXE entity was never resolved


@pytest.mark.parametrize("kind", ["traversal", "bomb", "members"])
def test_no_temporary_files_left_behind(
    kind: str, hostile_cases: dict[str, corpus.Case], tmp_path: Path
) -> None:
    """The audit of a zip dossier (good or hostile) leaves nothing in the temp folder."""
    if kind == "traversal":
        dossier = _traversal_zip(tmp_path / "dossier.zip")
    elif kind == "bomb":
        dossier = _bomb_zip(tmp_path / "dossier.zip")
    else:
        members = {
            "d/" + GOOD_DOCUMENT.name: GOOD_DOCUMENT.read_bytes(),
            "d/kapot.xlsx": hostile_cases["xlsx_truncated"].path.read_bytes(),
            "d/bom.docx": hostile_cases["docx_zip_bomb_ratio"].path.read_bytes(),
        }
        dossier = _zip_dossier(tmp_path / "dossier.zip", members)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp)}
    for fmt in ("json", "html", "xlsx"):
        out = tmp_path / f"rapport.{fmt}"
        m = run_measured(
            poortwachter(
                "audit", str(dossier), "--peildatum", PEILDATUM, "--format", fmt, "-o", str(out)
            ),
            env=env,
        )
        assert m.code in (0, 1), m.stderr
        assert out.is_file()
        assert sorted(p.name for p in tmp.iterdir()) == [], f"{fmt}: left in TMPDIR"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".pw-")) == []


def test_zip_member_bytes_never_written_to_disk(tmp_path: Path) -> None:
    """The in-memory zip reader: members are read from the archive, not extracted."""
    dossier = _traversal_zip(tmp_path / "d.zip")
    with zipfile.ZipFile(io.BytesIO(dossier.read_bytes())) as zf:
        assert "../../../../tmp/poortwachter_pwned.txt" in zf.namelist()
    m = audit(str(dossier), cwd=tmp_path)
    assert m.code in (0, 1), m.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.zip"]


def test_reasons_for_empty_and_misnamed_files(hostile_cases: dict[str, corpus.Case]) -> None:
    """A 0-byte file says 'leeg'; random bytes named .pdf say the content does not fit."""
    from poortwachter.audit.intake.dossier import RawFile, read_file

    for name in ("pdf_empty", "docx_empty", "xlsx_empty"):
        path = hostile_cases[name].path
        doc = read_file(RawFile(path.name, 0, path.read_bytes()))
        assert not doc.readable and "leeg" in (doc.reason or ""), doc.reason
    path = hostile_cases["pdf_garbage"].path
    data = path.read_bytes()
    doc = read_file(RawFile(path.name, len(data), data))
    assert "heet .pdf maar is geen PDF-bestand" in (doc.reason or ""), doc.reason


def test_member_ratio_check_can_be_left_to_the_caller(tmp_path: Path) -> None:
    from poortwachter.support.zipcheck import member_problem, zip_problem

    bomb = _bomb_zip(tmp_path / "bom.zip")
    assert "zipbom" in (zip_problem(str(bomb)) or "")
    assert zip_problem(str(bomb), member_ratio=False) is None
    with zipfile.ZipFile(bomb) as zf:
        problems = [member_problem(i) for i in zf.infolist()]
    assert problems[0] is None and "zipbom" in (problems[1] or "")


@pytest.mark.parametrize("name", ALL_FAST)
def test_checklist_validate_every_hostile_file(
    name: str, hostile_cases: dict[str, corpus.Case], record: Record
) -> None:
    """Any file as a checklist: exit 2 naming it, quickly (fixed: the YAML alias bomb hung
    at 2.9 GB, 100,000 nested lists gave exit 3, a 257 MB file was read whole)."""
    case = hostile_cases[name]
    m = run_measured(poortwachter("checklist", "validate", str(case.path)))
    record("checklist validate", case.name, m)
    assert not m.timed_out, f"{case.name}: no answer within {DEFAULT_TIMEOUT:.0f} s"
    assert m.code == 2, f"{case.name}: exit {m.code}: {m.stderr[-2000:]}"
    assert "Traceback" not in m.stderr and "interne fout" not in m.stderr, m.stderr
    assert "fout: " in m.stderr and case.path.name in m.stderr, m.stderr
    assert m.peak_mb < 256, f"{case.name}: peak {m.peak_mb:.0f} MB"
    assert not Path("/tmp/poortwachter_pwned").exists()


def test_audit_with_a_hostile_checklist(hostile_cases: dict[str, corpus.Case]) -> None:
    case = hostile_cases["yaml_alias_bomb"]
    m = run_measured(poortwachter("audit", str(GOOD_DOCUMENT), "--checklist", str(case.path)))
    assert m.code == 2 and "aliassen" in m.stderr, m.stderr
    assert not m.timed_out and m.peak_mb < 256
