#!/usr/bin/env bash
# Runs a guide's commands as a reader pastes them: every ```sh block of DOC, in order, in one shell, in a new
# folder, with `frontline` the built program. A block's failure fails the test and names the block.
#   doc_commands_test.sh DOC FRONTLINE [SETUP]   SETUP: a script run first in the folder (to lay out downloads)
set -euo pipefail
doc=$1 bin=$2 setup=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
script="$work/.commands.sh"
{
  echo 'set -euo pipefail'
  echo "frontline() { \"$bin\" \"\$@\"; }"
  awk -v doc="$(basename "$doc")" '
    /^```sh$/ { inside = 1; n++; start = NR; print "echo \"--- " doc ", block " n " (line " NR ")\" >&2"; next }
    /^```/ && inside { inside = 0; next }
    inside { print }' "$doc"
} >"$script"
cd "$work"
if [[ -n "$setup" ]]; then
  status=0
  bash "$setup" "$work" || status=$?
  (( status == 0 )) || exit "$status" # 77: the downloads are not here, and the test is skipped
fi
bash "$script"
echo "$(basename "$doc"): every command ran as written"
