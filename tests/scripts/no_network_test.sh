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
QT_QPA_PLATFORM=offscreen "$frontline" render --date 2016-12-01 -o "$out/online.ppm"
QT_QPA_PLATFORM=offscreen offline "$frontline" render --date 2016-12-01 -o "$out/offline.ppm"
# Same picture: at most 0.5 % of the pixels may differ (the antialiased edges where stripes and lines of the same
# layer overlap depend on the order their items were created in, which varies from run to run: up to 0.1 % seen).
python3 - "$out/online.ppm" "$out/offline.ppm" <<'PY' || { echo "the rendered map differs without a network"; exit 1; }
import sys
a, b = (open(p, "rb").read() for p in sys.argv[1:3])
assert len(a) == len(b), "different sizes"
start = a.index(b"\n", a.index(b"\n", a.index(b"\n") + 1) + 1) + 1  # after "P6\nW H\n255\n"
pixels = (len(a) - start) // 3
differing = sum(1 for i in range(start, len(a) - 2, 3) if a[i:i + 3] != b[i:i + 3])
print(f"{differing} of {pixels} pixels differ")
sys.exit(0 if differing <= pixels / 200 else 1)
PY
QT_QPA_PLATFORM=offscreen offline "$frontline" --date 2016-12-01 --screenshot "$out/viewer-offline.png"
[[ -s "$out/viewer-offline.png" ]] || { echo "the viewer did not draw without a network"; exit 1; }
echo "command line and viewer behave the same with no network"
