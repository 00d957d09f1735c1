"""The reader limits a user sets on `audit` reach the readers."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import RunCli

DOSSIER = Path(__file__).resolve().parents[1] / "samples" / "dossiers" / "compleet"


def documents(out: str) -> list[dict[str, object]]:
    doc = json.loads(out)
    return list(doc["documents"])


def test_max_bytes_makes_larger_documents_unreadable(run_cli: RunCli) -> None:
    code, out, _ = run_cli(
        "audit", str(DOSSIER), "--peildatum", "2027-10-07", "--format", "json", "--max-bytes", "100"
    )
    assert code in (0, 1)
    docs = documents(out)
    assert docs and all(d["readable"] is False for d in docs)
    findings = json.loads(out)["findings"]
    assert any(f["category"] == "unreadable" for f in findings)


def test_defaults_read_everything(run_cli: RunCli) -> None:
    code, out, _ = run_cli("audit", str(DOSSIER), "--peildatum", "2027-10-07", "--format", "json")
    assert code == 0
    assert all(d["readable"] is True for d in documents(out))


def test_bad_limit_value_is_a_usage_error(run_cli: RunCli) -> None:
    code, _, err = run_cli("audit", str(DOSSIER), "--max-pages", "0")
    assert code == 2
    assert "fout: Ongeldige waarde voor '--max-pages'" in err
