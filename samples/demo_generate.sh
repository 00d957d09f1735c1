#!/usr/bin/env bash
# Form generation part of `make demo`: all five forms for one sample case (DOCX and PDF)
# and a batch from the sample spreadsheet (one row is bad on purpose: exit code 1).
set -euo pipefail
cd "$(dirname "$0")/.."
POORTWACHTER=${POORTWACHTER:-.venv/bin/poortwachter}
for form in probleemanalyse plan_van_aanpak bijstelling_plan_van_aanpak eerstejaarsevaluatie eindevaluatie; do
  "$POORTWACHTER" generate "$form" --data "samples/forms/$form.yaml" --out out/demo/formulieren \
    --format both --overwrite
done
"$POORTWACHTER" batch plan_van_aanpak samples/batch_plan_van_aanpak.xlsx --out out/demo/batch \
  --format docx --overwrite || test $? -eq 1
