#!/usr/bin/env bash
# The bundled dataset is a template: every write command refuses it and leaves it byte-identical; 'copy' makes a
# file of the user's own, which takes the same import.
set -euo pipefail
frontline=$1 bundled=$2 dataset=$3
fail() { echo "bundled read-only test: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
before=$(sha256sum <"$bundled")
printf 'Date,District,Holders\n2016-12-23,Hanano,Rebels\n' >"$work/mine.csv"
for command in "import changes $work/mine.csv --db $bundled" "import dataset $dataset --db $bundled" \
  "import factions $dataset/factions.csv --db $bundled"; do
  # shellcheck disable=SC2086 # the command's words
  if out=$("$frontline" $command 2>&1); then fail "'$command' wrote into the bundled dataset"; fi
  [[ "$out" == *"is the bundled dataset, which is never written"*"frontline copy"* ]] || fail "'$command' said: $out"
done
[[ "$(sha256sum <"$bundled")" == "$before" ]] || fail "the bundled dataset changed"
"$frontline" copy "$work/war.frontline" | grep -q "copied" || fail "copy did not say what it did"
"$frontline" import changes "$work/mine.csv" --db "$work/war.frontline" | grep -q "added 1 changes" || fail "import into the copy"
"$frontline" state --date 2016-12-23 --db "$work/war.frontline" | grep -q "^65,Hanano,held,rebels,2016-12-23" || fail "the copy's state"
if "$frontline" copy "$work/war.frontline" 2>/dev/null; then fail "copy overwrote an existing file"; fi
echo "bundled read-only test: imports refused with the remedy, file unchanged, the copy takes them"
