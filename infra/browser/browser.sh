#!/usr/bin/env bash
# What the web client's browser tests need, installed by the project itself: Debian's Chromium (never a browser a
# test tool downloads on its own) and playwright-core from npm, at the versions system-tests/src/test/web pins.
#
#   infra/browser/browser.sh install    idempotent: installs only what is missing; prints the Chromium to use
set -euo pipefail
FLOCK_HOME="$(cd "$(dirname "$0")/../.." && pwd)"
WEB_TESTS="$FLOCK_HOME/system-tests/src/test/web"

die() { echo "browser.sh: $*" >&2; exit 1; }

install_chromium() {
  command -v chromium > /dev/null && return 0
  local apt=(apt-get)
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo > /dev/null || die "Chromium is missing and installing it needs root: run 'sudo apt-get install chromium'"
    apt=(sudo -n apt-get)
  fi
  echo "browser.sh: installing Debian's chromium package (once)"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet: update them only when the first try cannot find the package.
  "${apt[@]}" install -y --no-install-recommends chromium > /dev/null \
    || { "${apt[@]}" update > /dev/null && "${apt[@]}" install -y --no-install-recommends chromium > /dev/null; } \
    || die "could not install Debian's chromium package"
}

install_playwright() {
  command -v npm > /dev/null || die "npm is missing: install Debian's nodejs and npm packages"
  if [ -f "$WEB_TESTS/node_modules/playwright-core/package.json" ] \
    && [ "$WEB_TESTS/node_modules/.package-lock.json" -nt "$WEB_TESTS/package-lock.json" ]; then
    return 0
  fi
  echo "browser.sh: installing playwright-core from npm (package-lock.json)"
  (cd "$WEB_TESTS" && npm ci --no-audit --no-fund --loglevel=error > /dev/null) || die "npm ci failed in $WEB_TESTS"
}

case "${1:-}" in
  install)
    install_chromium
    install_playwright
    command -v chromium
    ;;
  *) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
