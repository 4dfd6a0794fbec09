#!/usr/bin/env bash
# Runs every benchmark at the given sizes and writes a table: ./frontline.sh bench S L
# S = 10k districts / 1k days / 200k changes; L = 100k districts / 3,650 days / 10M changes.
# Databases are generated once into build/bench/ (seed 1) and kept; results go to build/bench/results.md,
# ratios and their comparison with tests/bench/baseline-ratios.json to build/bench/ratios.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/dev
out=build/bench
mkdir -p "$out"
sizes=("${@:-S}")

generate() { # size -> database path
  local db="$out/$1.db"
  if [[ ! -f "$db" ]]; then
    case $1 in
      S) args=(--districts 10k --days 1000 --changes 200k) ;;
      M) args=(--districts 30k --days 2000 --changes 2M) ;;
      L) args=(--districts 100k --days 3650 --changes 10M) ;;
      *) echo "unknown size $1 (S, M or L)" >&2; exit 2 ;;
    esac
    rm -f "$db.partial"
    "$build/app/frontline" generate "${args[@]}" -o "$db.partial" | tee "$out/$1-generate.txt" >&2
    mv "$db.partial" "$db"
  fi
  echo "$db"
}

viewer() { # size db renderer platform
  local log="$out/$1-$3-$4.csv"
  if [[ $4 == xvfb ]]; then
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1200x24" "$build/tests/bench/viewer_benchmarks" --db "$2" --renderer "$3" --steps 60 >"$log"
  else
    QT_QPA_PLATFORM=offscreen "$build/tests/bench/viewer_benchmarks" --db "$2" --renderer "$3" --steps 60 >"$log"
  fi
}

window() { # size db: the whole viewer window playing at 60 days a second for 20 s under Xvfb, every frame timed
  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1200x24" "$build/app/frontline" --db "$2" --play 60 \
    --frame-times "$out/$1-window-xvfb.csv" --quit-after 20 2>"$out/$1-window-xvfb.txt"
}

for size in "${sizes[@]}"; do
  db=$(generate "$size")
  echo "== $size: $(du -m "$db" | cut -f1) MB" >&2
  "$build/tests/bench/core_benchmarks" --db="$db" --benchmark_out="$out/$size-core.json" --benchmark_out_format=json >&2
  # Peers in the same run: SQLite's shell and ogr2ogr loading the CSV the import benchmark read.
  tests/bench/import_peers.sh "${db%.db}.changes.csv" "$out/$size-import-peers.json"
  if [[ $size == S ]] && python3 -c 'import qgis.core' 2>/dev/null; then # QGIS takes seconds a day: S only
    python3 tests/bench/qgis_step.py "$build/app/frontline" "$db" "$out/$size-qgis.json" >&2
  fi
  viewer "$size" "$db" batched offscreen
  viewer "$size" "$db" batched xvfb
  viewer "$size" "$db" none offscreen # the map alone: what any frame costs on this machine
  viewer "$size" "$db" none xvfb
  window "$size" "$db"
  if [[ $size == S ]]; then # the obvious approach, one MapPolygon per district: only at S, it takes minutes
    viewer "$size" "$db" items offscreen
    viewer "$size" "$db" items xvfb
  fi
done
# Area archives (DeepStateMap's weekly files from ../shared, a generated archive), the same at every size.
"$build/tests/bench/archive_benchmarks" --benchmark_out="$out/archives.json" --benchmark_out_format=json >&2
python3 tests/bench/table.py "$out" "${sizes[@]}" | tee "$out/results.md"
# Machine-independent ratios against the ones docs/performance.md was written from; a fall by a third fails.
python3 tests/bench/ratios.py "$out" "${sizes[@]}" --baseline tests/bench/baseline-ratios.json --write "$out/ratios.json" \
  | tee "$out/ratios.md"
