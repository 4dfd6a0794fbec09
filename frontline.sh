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
  libsqlite3-dev sqlite3 libgeos-dev libgdal-dev gdal-bin libgtest-dev libgmock-dev libbenchmark-dev
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
  PWD_IN=$(pwd -P) unshare --mount --propagation private --fork \
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

# Configures (quietly, unless it fails) and builds the dev preset.
build() {
  mkdir -p "$BUILD"
  with_toolchain bash -c "cd '$SRC' && { cmake --preset dev -Wno-dev >'$BUILD/configure.log' 2>&1 || { cat '$BUILD/configure.log'; exit 1; }; } && cmake --build '$BUILD'"
}

case "${1:-}" in
  env) shift; with_toolchain "${@:-bash}" ;;
  build) build ;;
  test)
    build
    with_toolchain ctest --test-dir "$BUILD" --output-on-failure -j"$(nproc)" ;;
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
