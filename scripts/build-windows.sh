#!/usr/bin/env bash
# `make windows`: cross-compiles Tebiki for 64-bit Windows on Linux and writes
# to target/windows/:
#   Tebiki-<version>-x64.msi            per-machine installer (wixl, msitools)
#   Tebiki-<version>-x64-portable.zip   the .exes, WebView2Loader.dll, 説明.txt
#
#   scripts/build-windows.sh          the app, the CLI, the MSI and the zip
#   scripts/build-windows.sh cli      only the CLI (what the Wine tests need)
#   scripts/build-windows.sh check    only the CLI, unoptimised (profile
#                                     windows-check: what `make test` tries)
#
# Toolchain (scripts/install-deps.sh installs it): rustup's
# x86_64-pc-windows-gnu standard library, mingw-w64 (linker, windres, and the
# C compiler for SQLCipher and the OpenSSL it is built with), wixl/msitools.
# Nothing is downloaded but crates and npm packages from their registries.
set -euo pipefail
cd "$(dirname "$0")/.."
TRIPLE=x86_64-pc-windows-gnu
what="${1:-all}"
out=target/windows
rel="target/$TRIPLE/release"
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version *= *"\(.*\)"/\1/p' Cargo.toml)
[ -n "$version" ] || { echo "build-windows: no workspace version in Cargo.toml"; exit 1; }

started=$(date +%s)
if [ "$what" = "check" ]; then
  cargo build --profile windows-check --locked --target "$TRIPLE" -p tebiki-cli
  echo "build-windows: target/$TRIPLE/windows-check/tebiki.exe built ($(( $(date +%s) - started ))s)"
  exit 0
fi
cargo build --release --locked --target "$TRIPLE" -p tebiki-cli
echo "build-windows: tebiki.exe built ($(( $(date +%s) - started ))s)"
[ "$what" = "cli" ] && exit 0

# The app through the Tauri CLI: it builds the UI (beforeBuildCommand) and
# compiles with the embedded-assets feature that a plain cargo build lacks.
t=$(date +%s)
npx tauri build --target "$TRIPLE" --no-bundle -- --locked
echo "build-windows: tebiki-app.exe built ($(( $(date +%s) - t ))s)"

# WebView2Loader.dll: the gnu target links the WebView2 loader dynamically;
# the webview2-com-sys crate (from crates.io) carries Microsoft's x64 build.
loader_dir=$(cargo metadata --format-version 1 --locked --filter-platform "$TRIPLE" |
  python3 -c 'import json,sys,os; m=json.load(sys.stdin); print(next(os.path.dirname(p["manifest_path"]) for p in m["packages"] if p["name"]=="webview2-com-sys"))')
loader="$loader_dir/x64/WebView2Loader.dll"
[ -f "$loader" ] || { echo "build-windows: $loader is missing"; exit 1; }

stage="$out/stage"
rm -rf "$stage"; mkdir -p "$stage"
cp "$rel/tebiki-app.exe" "$rel/tebiki.exe" "$loader" "$stage/"
x86_64-w64-mingw32-strip "$stage/tebiki-app.exe" "$stage/tebiki.exe"

# --- MSI ---------------------------------------------------------------------
msi="$out/Tebiki-$version-x64.msi"
packaging/windows/make-msi.sh "$stage" "$version" "$msi"

# --- Portable zip ------------------------------------------------------------
zip="$out/Tebiki-$version-x64-portable.zip"
port="$out/portable/Tebiki-$version-x64"
rm -rf "$out/portable" "$zip"; mkdir -p "$port"
cp "$stage/tebiki-app.exe" "$stage/tebiki.exe" "$stage/WebView2Loader.dll" "$port/"
# Windows Notepad and Explorer read UTF-8 with a BOM reliably; CRLF line ends.
{ printf '\xef\xbb\xbf'; sed "s/@VERSION@/$version/g; s/\$/\r/" packaging/windows/説明.txt; } > "$port/説明.txt"
# Python's zipfile marks non-ASCII names as UTF-8 (general purpose flag bit
# 11), which Windows Explorer reads; Info-ZIP's zip does not set it, and
# Explorer then shows 説明.txt garbled (tests/windows/msi-check.sh checks).
python3 - "$out/portable" "$zip" <<'PY'
import os, sys, zipfile
root, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            z.write(path, os.path.relpath(path, root))
PY
rm -rf "$out/portable"

ls -l "$msi" "$zip"
echo "build-windows: done in $(( $(date +%s) - started ))s"
