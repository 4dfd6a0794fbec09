#!/usr/bin/env bash
# The floor and a peer of `import changes`, on the CSV the core benchmark imports: import_peers.sh CSV OUT.json
# SQLite's own shell loading it (.import) into a table of the same columns and building indexes like
# Frontline's (by district and day, by day), and ogr2ogr loading it into a GeoPackage. Each in a fresh file.
set -euo pipefail
csv=$1 out=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows=$(($(wc -l <"$csv") - 1))
seconds() { local start=$EPOCHREALTIME; "$@" >/dev/null; awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }'; }
sqlite=$(seconds sqlite3 "$work/floor.db" \
  "CREATE TABLE changes (id TEXT PRIMARY KEY, date TEXT, district_id TEXT, state TEXT, factions TEXT, confidence TEXT);" \
  ".import --csv --skip 1 '$csv' changes" \
  "CREATE INDEX by_district ON changes (district_id, date); CREATE INDEX by_day ON changes (date);")
ogr=$(seconds ogr2ogr -f GPKG "$work/peer.gpkg" "$csv" -nln changes)
printf '{"rows": %d, "sqlite_import_s": %s, "ogr2ogr_s": %s}\n' "$rows" "$sqlite" "$ogr" >"$out"
cat "$out" >&2
