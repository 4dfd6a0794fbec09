#!/usr/bin/env bash
# Nothing in Frontline's own code can reach a network: no network APIs, no URL opening, no GDAL network paths.
set -euo pipefail
cd "$1"
pattern='QNetwork|QTcpSocket|QUdpSocket|QWebSocket|QDesktopServices|openUrlExternally|curl_|<sys/socket\.h>|/vsicurl|/vsis3|/vsigs|/vsiaz|/vsiadls|/vsioss|/vsiswift|/vsiwebhdfs|/vsihdfs'
# The one exception: a source's web address, handed to the user's browser after they confirm.
if hits=$(grep -rnE "$pattern" core app --include='*.cpp' --include='*.h' --include='*.qml' --include='CMakeLists.txt' \
          | grep -v "opened only after the user confirms"); then
  echo "network access in the code:"
  echo "$hits"
  exit 1
fi
if grep -rn "Network" app/CMakeLists.txt core/CMakeLists.txt; then
  echo "a target links a network module"
  exit 1
fi
echo "no network API in core/ or app/"
