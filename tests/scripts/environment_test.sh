#!/usr/bin/env bash
# The environment as a user meets it, run on the host (not inside it): files in the user's home, in /srv and
# beside the checkout are read and written at their own paths; a path the environment cannot show is named.
set -euo pipefail
cd "$(dirname "$0")/../.."
fl=./frontline.sh
fail() { echo "environment test: $*" >&2; exit 1; }

home=$(mktemp -d "$HOME/frontline-env-test.XXXXXX")
srv=$(mktemp -d /srv/frontline-env-test.XXXXXX 2>/dev/null || true)
trap 'rm -rf "$home" ${srv:+"$srv"}' EXIT

$fl init "$home/war.frontline" >/dev/null
$fl import dataset resources/datasets/aleppo-2016 --db "$home/war.frontline" --quiet
printf 'Date,District,Holders\n2016-12-23,Hanano,Rebels\n' >"$home/mine.csv"
$fl import changes "$home/mine.csv" --db "$home/war.frontline" | grep -q "added 1 changes" || fail "id-less CSV not imported"
$fl state --date 2016-12-23 --db "$home/war.frontline" | grep -q "^65,Hanano,held,rebels,2016-12-23" || fail "state in home"
QT_QPA_PLATFORM=offscreen $fl render --date 2016-12-01 --size 400x300 --db "$home/war.frontline" -o "$home/map.png"
[[ -s "$home/map.png" ]] || fail "render did not write into the home folder"
if [[ -n "$srv" ]]; then
  cp "$home/war.frontline" "$srv/x.frontline"
  $fl export geojson --date 2016-12-01 --db "$srv/x.frontline" -o "$srv/x.geojson" >/dev/null
  [[ -s "$srv/x.geojson" ]] || fail "export did not write into /srv"
fi
# A database in a folder that does not exist is named as such, not as "not writable".
out=$($fl init "$home/missing/x.frontline" 2>&1 || true)
[[ "$out" == *"does not exist"* ]] || fail "missing folder reported as: $out"
# A host file inside the environment's own /usr cannot be seen there; the message says so.
out=$($fl state --date 2016-12-01 --db /usr/share/common-licenses/GPL 2>&1 || true)
[[ "$out" == *"is under /usr, which inside the Debian 13 environment is its own"* ]] || fail "system path reported as: $out"
echo "environment test: home, /srv, id-less CSV, render, export and unreachable paths behave as expected"

# A newcomer's first day: a fresh clone owned by a normal user. Root's setup leaves nothing in it; root's command
# there runs as its owner; the first two commands, at once, share one build and both answer.
[[ $EUID -eq 0 ]] || { echo "environment test: not root, so the newcomer's first day is not checked"; exit 0; }
newcomer=65534
base=$(mktemp -d /tmp/frontline-newcomer.XXXXXX)
trap 'rm -rf "$home" ${srv:+"$srv"} "$base"' EXIT
git clone -q "$PWD" "$base/repo"
chown -R "$newcomer:$newcomer" "$base"
chmod 755 "$base"
"$base/repo/frontline.sh" setup 2>/dev/null
[[ -z "$(find "$base/repo" -uid 0 -print -quit)" ]] || fail "root's setup left files of root's in the clone"
as_newcomer() { setpriv --reuid=$newcomer --regid=$newcomer --clear-groups env HOME="$base" "$@"; }
(cd "$base/repo" && as_newcomer ./frontline.sh days >"$base/days.csv" 2>"$base/days.log") &
first=$!
(cd "$base/repo" && as_newcomer ./frontline.sh state --date 2016-11-29 >"$base/state.csv" 2>"$base/state.log") &
second=$!
wait $first || { cat "$base/days.log" >&2; fail "the first command in a fresh clone failed"; }
wait $second || { cat "$base/state.log" >&2; fail "a second command at the same time failed"; }
grep -q "^date,changes" "$base/days.csv" || fail "days printed: $(head -3 "$base/days.csv")"
grep -q "^29b,as-Sakhour,held,government" "$base/state.csv" || fail "state printed: $(head -3 "$base/state.csv")"
(cd "$base/repo" && ./frontline.sh help >"$base/help.txt" 2>"$base/help.log") || fail "root's help in the user's clone"
grep -q "running as" "$base/help.log" || fail "root's command did not run as the clone's owner: $(cat "$base/help.log")"
[[ -z "$(find "$base/repo" -uid 0 -print -quit)" ]] || fail "a command run as root left files of root's in the clone"
# The bundled dataset is rebuilt whenever its sources or the program change; the user's work is in their own file.
mine="$base/aleppo.frontline"
(cd "$base/repo" && as_newcomer ./frontline.sh copy "$mine" >/dev/null \
  && printf 'Date,District,Holders\n2016-12-23,Hanano,Rebels\n' >"$base/mine.csv" \
  && as_newcomer ./frontline.sh import changes "$base/mine.csv" --db "$mine" >/dev/null \
  && as_newcomer touch resources/datasets/aleppo-2016/changes.csv \
  && as_newcomer ./frontline.sh state --date 2016-12-23 >"$base/bundled.csv" \
  && as_newcomer ./frontline.sh state --date 2016-12-23 --db "$mine" >"$base/mine-state.csv") 2>"$base/rebuild.log" \
  || { cat "$base/rebuild.log" >&2; fail "copy, import and rebuild in the newcomer's clone"; }
grep -q "^65,Hanano,held,rebels,2016-12-23" "$base/mine-state.csv" || fail "the user's change is gone after a rebuild"
grep -q "^65,Hanano,held,government" "$base/bundled.csv" || fail "the rebuilt bundled dataset changed: $(grep '^65,' "$base/bundled.csv")"
echo "environment test: a normal user's fresh clone: setup by root, first command, two at once, root's command as the owner, a rebuild that keeps the user's own file"
