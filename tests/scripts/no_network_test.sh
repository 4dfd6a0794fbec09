#!/usr/bin/env bash
# The command line and the viewer, run in a network namespace with no interfaces, behave exactly as normal.
set -euo pipefail
frontline=$1
out=$2
if ! unshare --net true 2>/dev/null; then
  echo "cannot create a network namespace (needs root or user namespaces): skipped"
  exit 77
fi
mkdir -p "$out"
offline() { unshare --net "$@"; }
for args in "state --date 2016-11-29" "history Hanano" "search Saeed" "days" "stats"; do
  # shellcheck disable=SC2086
  if ! diff <("$frontline" $args) <(offline "$frontline" $args) >/dev/null; then
    echo "'frontline $args' differs without a network"
    exit 1
  fi
done
QT_QPA_PLATFORM=offscreen "$frontline" render --date 2016-12-01 -o "$out/online.png"
QT_QPA_PLATFORM=offscreen offline "$frontline" render --date 2016-12-01 -o "$out/offline.png"
cmp "$out/online.png" "$out/offline.png" || { echo "the rendered map differs without a network"; exit 1; }
QT_QPA_PLATFORM=offscreen offline "$frontline" --date 2016-12-01 --screenshot "$out/viewer-offline.png"
[[ -s "$out/viewer-offline.png" ]] || { echo "the viewer did not draw without a network"; exit 1; }
echo "command line and viewer behave the same with no network"
