#!/usr/bin/env bash
# Builds, tests and runs Frontline. Where the host lacks Qt >= 6.5 with Qt Location, every command runs
# inside a Debian 13 root (made once with debootstrap) through a private mount namespace.
set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
BUILD="$SRC/build/dev"
SUITE=trixie
MIRROR=${FRONTLINE_MIRROR:-http://deb.debian.org/debian}
CACHE=${FRONTLINE_CACHE:-/var/cache/frontline}
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

# Runs "$@" inside ROOT in a private mount namespace; the mounts vanish with the command.
in_root() {
  local root=$1; shift
  # /tmp first (the X11 socket; checkouts under /tmp), then the rest on top. Real paths: a symlinked
  # ../shared resolves inside the root to the place it is bound at.
  local binds=(/tmp "$SRC")
  if [[ -d "$SRC/../shared" ]]; then
    FRONTLINE_SHARED_DIR=$(cd "$SRC/../shared" && pwd -P)
    export FRONTLINE_SHARED_DIR
    binds+=("$FRONTLINE_SHARED_DIR")
  fi
  # The viewer's settings (last day, view, recent files) live in the user's own config folder.
  if [[ -n "${HOME:-}" && -d "$HOME" ]]; then
    mkdir -p "$HOME/.config/Frontline"
    binds+=("$HOME/.config/Frontline")
  fi
  local here; here=$(pwd -P)
  [[ "$here" != "$SRC"* && "$here" != /tmp* ]] && binds+=("$here")
  local script='set -e; r=$1; shift; n=$1; shift
    mount -t proc proc "$r/proc"; mount --rbind /dev "$r/dev"; mount --rbind /sys "$r/sys"
    for ((i = 0; i < n; i++)); do mkdir -p "$r$1"; mount --rbind "$1" "$r$1"; shift; done
    cp -L /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
    exec chroot "$r" /usr/bin/env -i HOME=/root TERM="${TERM:-dumb}" PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      LANG=C.UTF-8 DISPLAY="${DISPLAY:-}" XAUTHORITY="${XAUTHORITY:-}" QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-}" \
      CTEST_PARALLEL_LEVEL="${CTEST_PARALLEL_LEVEL:-}" FRONTLINE_SHARED_DIR="${FRONTLINE_SHARED_DIR:-}" FRONTLINE_IN_ROOT=1 \
      /bin/bash -c "cd \"\$0\" && exec \"\$@\"" "$PWD_IN" "$@"'
  HOST_HOME=${HOME:-/root} PWD_IN=$(pwd -P) unshare --mount --propagation private --fork \
    bash -c "$script" in_root "$root" "${#binds[@]}" "${binds[@]}" "$@"
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

# Configures (quietly, unless it fails) and builds a preset (default: dev).
build() {
  local preset=${1:-dev}
  mkdir -p "$SRC/build/$preset"
  with_toolchain bash -c "cd '$SRC' && { cmake --preset $preset -Wno-dev >'build/$preset/configure.log' 2>&1 || { cat 'build/$preset/configure.log'; exit 1; }; } && cmake --build 'build/$preset'"
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

case "${1:-}" in
  env) shift; with_toolchain "${@:-bash}" ;;
  build) build "${2:-dev}" ;;
  test)
    preset=${2:-dev}
    build "$preset"
    # Leaks inside Qt's and Mesa's own caches are not ours to fix; everything else ASan/UBSan finds fails.
    with_toolchain env ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir "$SRC/build/$preset" --output-on-failure -j"$(nproc)" ;;
  fuzz) fuzz "${2:-30}" ;;
  bench)
    shift
    build
    with_toolchain "$SRC/tests/bench/run.sh" "$@" ;;
  "")
    build
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
      echo "No display found. Run it under X (e.g. xvfb-run ./frontline.sh) or render headless:" >&2
      echo "  ./frontline.sh render --date 2016-12-01 -o aleppo.png" >&2
      exit 2
    fi
    with_toolchain "$BUILD/app/frontline" ;;
  *)
    build >"$SRC/build/build.log" 2>&1 || { cat "$SRC/build/build.log" >&2; exit 1; }
    with_toolchain "$BUILD/app/frontline" "$@" ;;
esac
