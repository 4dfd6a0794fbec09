#!/usr/bin/env bash
# Lays out in WORK the downloads docs/real-data.md names, from the project's shared copies of them
# ($FRONTLINE_SHARED_DIR/data/real, as the publishers ship them). Exits 77 (skip) without them, unless
# FRONTLINE_REQUIRE_SHARED=1, where their absence fails.
set -euo pipefail
work=$1
real="${FRONTLINE_SHARED_DIR:-$(dirname "$0")/../../../shared}/data/real"
if [[ ! -d "$real/ukraine" ]]; then
  echo "needs $real (the project's shared data beside the checkout; FRONTLINE_SHARED_DIR points elsewhere)"
  [[ "${FRONTLINE_REQUIRE_SHARED:-}" == 1 ]] && exit 1
  exit 77
fi
for name in hromadas-frontline5.geojson deepstate-weekly isw-2022 wikipedia-cities; do
  ln -s "$real/ukraine/$name" "$work/$name"
done
ln -s "$real/syria/subdistricts.csv" "$work/subdistricts.csv"
mkdir -p "$work/deepstate-daily" "$work/isw-2023"
tar -xJf "$real/archives/deepstate-daily-2024-2026.tar.xz" -C "$work/deepstate-daily" --strip-components=1 data
tar -xJf "$real/archives/deepstate-raw-snapshots.tar.xz" -C "$work" geojsons
tar -xJf "$real/archives/isw-2023-and-15th.tar.xz" -C "$work/isw-2023" --strip-components=1 data
