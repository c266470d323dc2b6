#!/usr/bin/env bash
# Makes sure a Chromium exists for the demo and the browser tests. CHROMIUM_PATH wins; otherwise Debian's
# package is installed when we can (root or sudo with apt-get). Playwright cannot download its own browser
# on this network, so we never try that.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
for bin in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  [ -x "$bin" ] && exit 0
done
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
    echo "touchline: installing Chromium from Debian's packages (about a minute)..."
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
    exit 0
  fi
fi
echo "touchline: no Chromium found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chrome/Chromium binary." >&2
exit 1
