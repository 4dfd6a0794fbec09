#!/usr/bin/env bash
# Recording from the command line on a copy of the bundled dataset: a draft with its author and evidence, the
# author's own verification refused, a colleague's accepted, refusals that leave the file byte-identical, the
# bundled dataset never written, and the edit log as CSV.
set -euo pipefail
frontline=$1 bundled=$2
fail() { echo "record CLI test: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/desk.frontline
"$frontline" copy "$db" --db "$bundled" >/dev/null
export FRONTLINE_AUTHOR=amira
out=$("$frontline" record Hanano "Aleppo Citadel" --date 2016-11-30 --holder rebels --confidence low \
  --publisher "Local council" --url https://example.org/hanano --quote "Rebels are back in Hanano." --db "$db")
[[ $(wc -l <<<"$out") == 2 && "$out" == r*" recorded, a draft (65)"* ]] || fail "record said: $out"
id=$(head -1 <<<"$out" | cut -d' ' -f1)
state=$("$frontline" state --date 2016-11-30 --db "$db")
grep -q "^65,Hanano,held,rebels,2016-11-30" <<<"$state" || fail "the state after it"
before=$(sha256sum <"$db")
for command in "review --verify $id" "record Atlantis --date 2016-11-30 --holder rebels" \
  "record Hanano --date 2016-11-30 --holder martians" "cite $id --source s002 --quote  " "retract $id"; do
  # shellcheck disable=SC2086 # the command's words
  if err=$("$frontline" $command --db "$db" 2>&1); then fail "'$command' was not refused"; fi
  [[ "$err" == frontline:* ]] || fail "'$command' said: $err"
  [[ "$(sha256sum <"$db")" == "$before" ]] || fail "the refused '$command' changed the file"
done
FRONTLINE_AUTHOR=basel "$frontline" review --verify "$id" --db "$db" | grep -q "^$id verified" || fail "basel's verification"
if "$frontline" record Hanano --date 2016-11-30 --holder rebels --db "$bundled" 2>/dev/null; then fail "wrote the bundled dataset"; fi
# The issue's own spelling: --district repeated, --contested-with, --source NAME with a URL (a new source).
"$frontline" record --district "Aleppo Citadel" --district al-Farafra --date 2016-12-01 --holder government \
  --contested-with rebels --source "Civil Defence" --url https://example.org/citadel --note "Both sides claim it." \
  --db "$db" >/dev/null || fail "record with --district and --contested-with"
state=$("$frontline" state --date 2016-12-01 --db "$db") # whole: grep -q would stop reading, and pipefail fail it
grep -q "^16,Aleppo Citadel,contested,government;rebels,2016-12-01" <<<"$state" || fail "the contest recorded with --contested-with"
# Verified only: the record as published leaves the Citadel's draft contest out, keeps Hanano (verified by basel).
published=$("$frontline" state --date 2016-12-01 --verified-only --db "$db")
grep -q "^65,Hanano,held,rebels,2016-11-30" <<<"$published" || fail "verified Hanano left out of the published state"
[[ $(grep "^16," <<<"$published") == $("$frontline" state --date 2016-12-01 --db "$bundled" | grep "^16,") ]] ||
  fail "the published state shows the Citadel's drafts: $(grep "^16," <<<"$published")"
"$frontline" export geojson --date 2016-12-01 --verified-only -o "$work/published.geojson" --db "$db" >/dev/null
feature=$(ogrinfo -q -al -geom=NO -where "district_id = '16'" "$work/published.geojson")
grep -q "state (String) = contested" <<<"$feature" && fail "the published GeoJSON holds the draft contest: $feature"
"$frontline" export geojson --date 2016-12-01 -o "$work/working.geojson" --db "$db" >/dev/null
feature=$(ogrinfo -q -al -geom=NO -where "district_id = '16'" "$work/working.geojson")
grep -q "state (String) = contested" <<<"$feature" || fail "the working GeoJSON lost the draft contest: $feature"
for which in working published; do
  "$frontline" render --date 2016-12-01 --size 400x300 -o "$work/$which.png" --db "$db" \
    $([[ $which == published ]] && echo --verified-only) || fail "render ($which)"
done
cmp -s "$work/working.png" "$work/published.png" && fail "the verified-only render shows the drafts"
# An import as drafts: what it brings waits for a colleague, signed by its importer.
printf 'date,district,holder\n2016-12-02,Hanano,government\n' >"$work/new.csv"
before=$(sha256sum <"$db")
if "$frontline" import changes "$work/new.csv" --status maybe --db "$db" 2>/dev/null; then fail "--status maybe was taken"; fi
[[ "$(sha256sum <"$db")" == "$before" ]] || fail "a refused --status changed the file"
"$frontline" import changes "$work/new.csv" --status draft --quiet --db "$db"
drafts=$("$frontline" state --date 2016-12-02 --verified-only --db "$db")
grep -q "^65,Hanano,held,rebels,2016-11-30" <<<"$drafts" || fail "the imported draft is in the published state"
if "$frontline" review --verify 65@2016-12-02 --db "$db" 2>/dev/null; then fail "amira verified her own import"; fi
FRONTLINE_AUTHOR=basel "$frontline" review --verify 65@2016-12-02 --db "$db" >/dev/null || fail "basel's verification of the import"
log=$("$frontline" log --district 65 --db "$db")
[[ "$log" == "num,at,author,action,change,district,before,after,reason"* ]] || fail "log header: $log"
grep -q ",amira,record,$id,65,,day=2016-11-30 state=held factions=rebels confidence=low status=draft," <<<"$log" || fail "log: $log"
grep -q ",basel,verify,$id,65,day=2016-11-30 .*status=draft,day=2016-11-30 .*status=verified," <<<"$log" || fail "log: $log"
echo "record CLI test: drafts signed and logged, self-review and bad input refused byte for byte, colleague verified," \
  "verified-only state, GeoJSON and render without the drafts, an import as drafts"
