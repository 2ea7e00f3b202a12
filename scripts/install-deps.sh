#!/usr/bin/env bash
# Installs what building, running and testing Tebiki needs on Debian/Ubuntu.
# Idempotent: installs only what is missing, so `make run` and `make test` can call it every time.
set -euo pipefail

APT_PACKAGES=(
  # Tauri 2 on Linux (WebKitGTK 4.1)
  build-essential pkg-config libwebkit2gtk-4.1-dev libgtk-3-dev libssl-dev
  libxdo-dev libayatana-appindicator3-dev librsvg2-dev file
  # End-to-end tests: WebKitWebDriver and a virtual display
  webkit2gtk-driver xvfb xauth
  # One app per data folder is a D-Bus name: tests/single-instance.sh runs in dbus-run-session
  dbus
  # Looking at what we build: screenshots and PDF pages
  imagemagick poppler-utils
  # `tebiki bench report` times headless Chromium printing the same tables (the HTML-to-PDF baseline)
  chromium
  # The font we ship (source of assets/fonts, kept for re-extraction)
  fonts-morisawa-bizud-gothic
  # Packaging (.rpm bundles)
  rpm
  # Windows (make windows, make test-windows): the mingw-w64 linker and C
  # compiler, wixl/msitools for the MSI, and wine64 to run the CLI's tests
  mingw-w64 wixl msitools wine64
  # tests/windows/app-under-wine.sh finds the app's window with xwininfo
  x11-utils
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: apt packages missing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The Windows target's standard library, from rustup (the Rust toolchain's own registry).
if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
  echo "install-deps: rustup target add x86_64-pc-windows-gnu"
  rustup target add x86_64-pc-windows-gnu
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "install-deps: installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi

# `npm install` from the committed lock rather than `npm ci`: the registry this
# project's machines reach has no metadata for the Tauri CLI's macOS/Windows
# binaries, so the lock cannot list them and `npm ci` refuses the lock as out
# of sync. `npm install` installs exactly the locked versions for this platform.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: npm install (locked versions)"
  npm install --no-audit --no-fund
fi
