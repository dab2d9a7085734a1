#!/usr/bin/env bash
# Installs what the browser checks need: Debian's Chromium, and playwright-core (npm) to drive it.
# Idempotent; run as root (CI and the dev machines are root), or with sudo available.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
if ! command -v chromium >/dev/null 2>&1; then
    echo "Installing Chromium from Debian..."
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if ! command -v node >/dev/null 2>&1; then
    echo "Installing Node.js from Debian..."
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
if [[ ! -d tools/browser/node_modules/playwright-core ]]; then
    echo "Installing playwright-core (uses the Debian Chromium; downloads no browser)..."
    (cd tools/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi
chromium --version
