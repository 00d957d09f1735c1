#!/usr/bin/env bash
# `make demo`: the main jobs on the bundled samples, as a new user would run them.
set -uo pipefail
cd "$(dirname "$0")/.."
PW=.venv/bin/poortwachter
PEIL=2026-11-23
mkdir -p out/demo

step() { if [ -t 1 ]; then printf '\n\033[1m$ %s\033[0m\n' "$*"; else printf '\n$ %s\n' "$*"; fi; }

step poortwachter timeline --eerste-ziektedag 2026-01-01 --peildatum $PEIL
$PW timeline --eerste-ziektedag 2026-01-01 --peildatum $PEIL || exit 1

step poortwachter timeline --zaak samples/zaak.yaml --peildatum $PEIL --format ics --output out/demo/zaak.ics
$PW timeline --zaak samples/zaak.yaml --peildatum $PEIL --format ics --output out/demo/zaak.ics || exit 1

step poortwachter signalering samples/cases.xlsx --peildatum $PEIL
$PW signalering samples/cases.xlsx --peildatum $PEIL
code=$?
echo "(exit $code: samples/cases.xlsx bevat bewust één rij met fouten; er is niets geschreven)"
[ "$code" -eq 2 ] || exit 1

step poortwachter signalering samples/cases.xlsx --peildatum $PEIL --skip-invalid --format xlsx --output out/demo/signalering.xlsx
$PW signalering samples/cases.xlsx --peildatum $PEIL --skip-invalid --format xlsx --output out/demo/signalering.xlsx
code=$?
echo "(exit $code: de goede rijen staan in out/demo/signalering.xlsx)"
[ "$code" -eq 1 ] || exit 1

step poortwachter generate plan_van_aanpak --data samples/forms/plan_van_aanpak.yaml --out out/demo/formulieren --format both
POORTWACHTER=$PW bash samples/demo_generate.sh || exit 1
ls out/demo/formulieren out/demo/batch | head -40
step poortwachter audit samples/dossiers/pva_niet_ondertekend --peildatum 2027-10-07
$PW audit samples/dossiers/pva_niet_ondertekend --peildatum 2027-10-07
code=$?
echo "(exit $code: dit voorbeelddossier mist bewust de handtekening van de werknemer)"
[ "$code" -eq 1 ] || exit 1

step poortwachter audit samples/dossiers --peildatum 2027-10-07 --format xlsx --output out/demo/dossiertoets.xlsx
$PW audit samples/dossiers --peildatum 2027-10-07 --format xlsx --output out/demo/dossiertoets.xlsx
[ $? -le 1 ] || exit 1
$PW audit samples/dossiers/compleet --peildatum 2027-10-07 --format html --output out/demo/dossiertoets_compleet.html || exit 1

printf '\nKlaar: zie de map out/demo/\n'
