#!/usr/bin/env bash
# Builds, tests and runs Frontline. Where the host lacks Qt >= 6.5 with Qt Location, every command runs
# inside a Debian 13 root (made once with debootstrap) through a private mount namespace.
set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
BUILD="$SRC/build/dev"
SUITE=trixie
MIRROR=${FRONTLINE_MIRROR:-http://deb.debian.org/debian}
CACHE=${FRONTLINE_CACHE:-/var/cache/frontline}
SUBCOMMAND=${1:-}
PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  qt6-base-dev qt6-base-private-dev qt6-declarative-dev qt6-declarative-private-dev libxkbcommon-dev libgl1-mesa-dri qt6-location-dev qt6-positioning-dev qt6-tools-dev
  qml6-module-qtlocation qml6-module-qtpositioning qml6-module-qtquick qml6-module-qtquick-controls
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtquick-templates
  qml6-module-qtqml-workerscript qml6-module-qtquick-shapes qml6-module-qttest qml6-module-qtquick-dialogs
  qt6-location-plugins qml6-module-qtcore qml6-module-qtgraphs qt6-graphs-dev qt6-qpa-plugins libqt6svg6-dev
  libsqlite3-dev sqlite3 libgeos-dev libgdal-dev gdal-bin libicu-dev libgtest-dev libgmock-dev libbenchmark-dev
  libavcodec-dev libavformat-dev libswscale-dev libavutil-dev
  clang libclang-rt-19-dev util-linux file
  clang-format clang-tidy xvfb xauth fonts-dejavu-core fonts-noto-core
)

# Tools the suite checks exports with, as their users open them (QGIS, FFmpeg, librsvg): installed in the
# environment on the first `test`, kept out of the viewer's first install.
TEST_PACKAGES=(python3-qgis ffmpeg librsvg2-bin)

die() { echo "frontline.sh: $*" >&2; exit 1; }
say() { echo "frontline.sh: $*" >&2; }

host_has_toolchain() {
  command -v cmake >/dev/null && command -v ninja >/dev/null || return 1
  local v
  v=$(qtpaths6 --qt-query QT_VERSION 2>/dev/null || qmake6 -query QT_VERSION 2>/dev/null) || return 1
  [[ "$(printf '%s\n6.5\n' "$v" | sort -V | head -n1)" == "6.5" ]] || return 1
  local libdir
  libdir=$(qtpaths6 --qt-query QT_INSTALL_LIBS 2>/dev/null || qmake6 -query QT_INSTALL_LIBS)
  [[ -d "$libdir/cmake/Qt6Location" ]] && pkg-config --exists geos gdal sqlite3 2>/dev/null
}

root_dir() {
  local key
  key=$(printf '%s\n' "$SUITE" "${PACKAGES[@]}" | sha256sum | cut -c1-12)
  echo "$CACHE/root-$SUITE-$key"
}

# The environment's own system; everything else at the top level comes from the host, or is empty.
SYSTEM_DIRS=(usr etc var bin sbin lib lib32 lib64)

# Where a named path lives on the host: its nearest existing folder (the path itself when it is one).
host_folder() {
  local path
  path=$(realpath -m -- "$1" 2>/dev/null) || return 1
  [[ -d "$path" ]] || path=$(dirname -- "$path")
  while [[ ! -d "$path" ]]; do path=$(dirname -- "$path"); done
  echo "$path"
}

# The host folders seen inside the environment at their own paths, as toolbox and distrobox do: the checkout,
# ../shared, /tmp (the X11 socket), the user's home and current folder, the usual places for data, and the
# folder of every absolute or relative path named in the arguments. A path inside the environment's own
# system folders cannot be shown from the host; it is named instead of failing later as "not writable".
user_folders() {
  printf '%s\n' /tmp "$SRC" "$(pwd -P)" /media /mnt /srv /opt /run/media
  [[ -n "${HOME:-}" && -d "$HOME" ]] && printf '%s\n' "$HOME"
  [[ -n "${FRONTLINE_SHARED_DIR:-}" ]] && printf '%s\n' "$FRONTLINE_SHARED_DIR"
  local arg folder top
  for arg in "$@"; do
    arg=${arg#--*=}
    [[ "$arg" == */* && "$arg" != *://* ]] || continue
    folder=$(host_folder "$arg") || continue
    top=${folder#/}; top=${top%%/*}
    if [[ " ${SYSTEM_DIRS[*]} " == *" $top "* || -z "$top" ]]; then
      [[ "$SUBCOMMAND" != env && -e "$arg" && -n "$top" ]] \
        && say "$arg is under /$top, which inside the Debian 13 environment is its own; the host's file cannot be seen there (put it in your home, /tmp, /srv, /mnt or /media)"
      continue
    fi
    printf '%s\n' "$folder"
  done
}

# Runs "$@" inside ROOT with bubblewrap: the root's system folders, the user's folders at their own paths, and
# fresh /proc and /dev; nothing outlives the command. Works for a normal user (user namespaces) and for root.
in_root() {
  local root=$1; shift
  command -v bwrap >/dev/null || { [[ $EUID -eq 0 ]] && { say "installing bubblewrap"; apt-get install -y -qq bubblewrap >/dev/null; }; } \
    || die "bubblewrap (bwrap) is needed to enter the environment: sudo apt-get install bubblewrap"
  # The project's shared data: ../shared beside the checkout, unless FRONTLINE_SHARED_DIR names another folder.
  if [[ -z "${FRONTLINE_SHARED_DIR:-}" && -d "$SRC/../shared" ]]; then
    FRONTLINE_SHARED_DIR=$(cd "$SRC/../shared" && pwd -P)
    export FRONTLINE_SHARED_DIR
  fi
  # The viewer's settings (last day, view, recent files) live in the user's own config folder.
  [[ -n "${HOME:-}" && -d "$HOME" ]] && mkdir -p "$HOME/.config/Frontline"
  local args=(--die-with-parent --proc /proc --dev-bind /dev /dev --ro-bind /sys /sys)
  [[ $EUID -eq 0 ]] && args+=(--cap-add ALL) # apt changes owners; the suite makes network namespaces
  local name
  for name in "${SYSTEM_DIRS[@]}"; do
    if [[ -L "$root/$name" ]]; then
      args+=(--symlink "$(readlink "$root/$name")" "/$name")
    elif [[ -d "$root/$name" ]]; then
      args+=(--bind "$root/$name" "/$name")
    fi
  done
  # Parents before children, each folder once, none inside another already shown.
  local folder last=
  while IFS= read -r folder; do
    [[ -d "$folder" ]] || continue
    [[ -n "$last" && "$folder/" == "$last/"* ]] && continue
    args+=(--bind "$folder" "$folder")
    last=$folder
  done < <(user_folders "$@" | sort -u)
  local here; here=$(pwd -P)
  bwrap "${args[@]}" --chdir "$here" /usr/bin/env -i HOME="${HOME:-/root}" USER="${USER:-$(id -un)}" \
    TERM="${TERM:-dumb}" PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DISPLAY="${DISPLAY:-}" XAUTHORITY="${XAUTHORITY:-}" QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-}" \
    CTEST_PARALLEL_LEVEL="${CTEST_PARALLEL_LEVEL:-}" FRONTLINE_SHARED_DIR="${FRONTLINE_SHARED_DIR:-}" \
    FRONTLINE_REQUIRE_SHARED="${FRONTLINE_REQUIRE_SHARED:-}" FRONTLINE_IN_ROOT=1 \
    "$@"
}

make_root() {
  local root=$1
  [[ $EUID -eq 0 ]] || die "building the Debian 13 environment needs root (run with sudo once)."
  mkdir -p "$CACHE" || die "cannot create $CACHE"
  exec 9>"$CACHE/lock"
  flock 9
  [[ -f "$root/.complete" ]] && return 0
  local avail; avail=$(df -Pk "$CACHE" | awk 'NR==2 {print $4}')
  (( avail > 3000000 )) || die "need about 3 GB free in $CACHE, have $((avail / 1024)) MB."
  command -v debootstrap >/dev/null || { say "installing debootstrap"; apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; } \
    || die "could not install debootstrap (no network?)"
  local tmp="$root.partial"
  rm -rf "$tmp"
  say "first run: creating a Debian 13 root in $root (about a minute)"
  debootstrap --variant=minbase "$SUITE" "$tmp" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || { rm -rf "$tmp"; die "debootstrap failed (network or mirror $MIRROR unreachable?); see $CACHE/debootstrap.log"; }
  say "installing Qt 6, Qt Location, GDAL, GEOS and build tools in it"
  cp -L /etc/resolv.conf "$tmp/etc/resolv.conf" 2>/dev/null || true
  in_root "$tmp" bash -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(printf '%s ' "${PACKAGES[@]}") && apt-get clean" \
    >"$CACHE/apt.log" 2>&1 || { rm -rf "$tmp"; die "package install failed; see $CACHE/apt.log"; }
  touch "$tmp/.complete"
  mv "$tmp" "$root"
  # Environments for older package lists are no longer used; a namespace still using one keeps its mounts.
  find "$CACHE" -mindepth 1 -maxdepth 1 -name 'root-*' ! -path "$root" -exec rm -rf --one-file-system {} +
  say "environment ready"
}

# Runs a command with the toolchain: natively, or inside the Debian 13 root.
with_toolchain() {
  if [[ -n "${FRONTLINE_IN_ROOT:-}" ]] || host_has_toolchain; then
    "$@"
  else
    local root; root=$(root_dir)
    [[ -f "$root/.complete" ]] || make_root "$root"
    in_root "$root" "$@"
  fi
}

# Installs TEST_PACKAGES in the environment once (needs root); without them those tests are skipped.
ensure_test_tools() {
  [[ -z "${FRONTLINE_IN_ROOT:-}" ]] && ! host_has_toolchain || return 0 # natively, the host's own tools count
  local root mark
  root=$(root_dir)
  mark="$root/.test-tools-$(printf '%s\n' "${TEST_PACKAGES[@]}" | sha256sum | cut -c1-12)"
  [[ -f "$mark" ]] && return 0
  if [[ $EUID -ne 0 ]]; then
    say "QGIS, FFmpeg and librsvg are not in the environment yet ('sudo ./frontline.sh setup' installs them once); the tests that open exports in them are skipped"
    return 0
  fi
  say "installing the tools that check exports (${TEST_PACKAGES[*]}) in the environment"
  cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  in_root "$root" bash -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${TEST_PACKAGES[*]} && apt-get clean" \
    >"$CACHE/apt-test-tools.log" 2>&1 || die "installing the test tools failed; see $CACHE/apt-test-tools.log"
  touch "$mark"
}

# Configures (quietly, unless it fails) and builds a preset (default: dev), or only TARGETS of it. One build of a
# preset at a time: a second command waits for the first instead of racing it on cmake's and ninja's files.
build() {
  local preset=${1:-dev}; shift || true
  local dir="$SRC/build/$preset" targets=""
  (( $# )) && targets="--target $*"
  mkdir -p "$dir"
  exec 8>"$dir/.build.lock"
  flock 8
  with_toolchain bash -c "cd '$SRC' && { cmake --preset $preset -Wno-dev >'build/$preset/configure.log' 2>&1 || { cat 'build/$preset/configure.log'; exit 1; }; } && cmake --build 'build/$preset' $targets"
  exec 8>&-
}

# Runs every libFuzzer target for SECONDS each on a copy of its seed corpus; a crash keeps its input
# under build/fuzz/artifacts/ and fails the run.
fuzz() {
  local seconds=${1:-30}
  build fuzz
  with_toolchain bash -c "
    cd '$SRC/build/fuzz' && mkdir -p artifacts && status=0
    for target in tests/fuzz/fuzz_*; do
      name=\${target##*/fuzz_}; corpus=corpus/\$name; rm -rf \$corpus; mkdir -p \$corpus
      cp -r '$SRC/tests/fuzz/corpus/'\$name/. \$corpus/
      echo \"fuzzing \$name for $seconds s\"
      ASAN_OPTIONS=detect_leaks=0 \$target -max_total_time=$seconds -timeout=20 -rss_limit_mb=3072 -print_final_stats=1 \
        -artifact_prefix=artifacts/\$name- \$corpus >fuzz-\$name.log 2>&1 \
        && grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' fuzz-\$name.log | tr '\\n' ' ' && echo \
        || { status=1; echo \"fuzz target \$name failed:\"; tail -40 fuzz-\$name.log; }
    done
    exit \$status"
}

# Says, before a first build, what it takes.
first_build_note() {
  [[ -x "$BUILD/app/frontline" ]] || say "building Frontline for the first time (about 10 minutes on 2 cores, 1 GB in build/)"
}

# Root prepares the environment, then works as the checkout's owner, so nothing of root's lands in the checkout.
if [[ $EUID -eq 0 && -z "${FRONTLINE_IN_ROOT:-}" && "$SUBCOMMAND" != setup ]]; then
  owner=$(stat -c %u "$SRC")
  if (( owner != 0 )); then
    if ! host_has_toolchain; then
      root=$(root_dir)
      [[ -f "$root/.complete" ]] || make_root "$root"
      [[ "$SUBCOMMAND" == test || "$SUBCOMMAND" == bench ]] && ensure_test_tools
    fi
    name=$(getent passwd "$owner" | cut -d: -f1) || true
    home=$(getent passwd "$owner" | cut -d: -f6) || true
    say "running as ${name:-uid $owner}, who owns $SRC"
    groups=(--clear-groups)
    [[ -n "$name" ]] && groups=(--init-groups)
    exec setpriv --reuid="$owner" --regid="$(stat -c %g "$SRC")" "${groups[@]}" \
      env HOME="${home:-$HOME}" USER="${name:-$owner}" "$SRC/frontline.sh" "$@"
  fi
fi

case "${1:-}" in
  setup)
    # The environment and the test tools, nothing else: the one step that needs root.
    [[ $EUID -eq 0 ]] || die "setting up the environment needs root, once: sudo ./frontline.sh setup"
    if host_has_toolchain; then say "the host has Qt >= 6.5 with Qt Location: no environment needed"; exit 0; fi
    root=$(root_dir)
    [[ -f "$root/.complete" ]] || make_root "$root"
    ensure_test_tools
    say "environment ready in $root; build and run as yourself: ./frontline.sh test" ;;
  env) shift; with_toolchain "${@:-bash}" ;;
  build) build "${2:-dev}" ;;
  test)
    preset=${2:-dev}
    first_build_note
    build "$preset"
    ensure_test_tools
    # Leaks inside Qt's and Mesa's own caches are not ours to fix; everything else ASan/UBSan finds fails.
    with_toolchain env ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir "$SRC/build/$preset" --output-on-failure -j"$(nproc)" "${@:3}" ;;
  fuzz) fuzz "${2:-30}" ;;
  lint)
    # clang-tidy over every source of the folders named (default: core and app); any finding fails.
    shift
    folders=${*:-core app}
    build
    with_toolchain run-clang-tidy -p "$BUILD" -j"$(nproc)" -quiet "^$SRC/(${folders// /|})/" ;;
  bench)
    shift
    build
    ensure_test_tools # QGIS: the peer of the viewer's day step
    with_toolchain "$SRC/tests/bench/run.sh" "$@" ;;
  "")
    first_build_note
    build dev frontline bundled_dataset
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
      echo "No display found. Run it under X (e.g. xvfb-run ./frontline.sh) or render headless:" >&2
      echo "  ./frontline.sh render --date 2016-12-01 -o aleppo.png" >&2
      exit 2
    fi
    with_toolchain "$BUILD/app/frontline" ;;
  *)
    first_build_note
    mkdir -p "$SRC/build"
    log=$(mktemp "$SRC/build/.build.XXXXXX") # one per command: two at once do not share a log
    build dev frontline bundled_dataset >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
    rm -f "$log"
    with_toolchain "$BUILD/app/frontline" "$@" ;;
esac
