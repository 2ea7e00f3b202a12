#!/usr/bin/env bash
# Builds the MSI from a folder holding tebiki-app.exe, tebiki.exe and
# WebView2Loader.dll:   packaging/windows/make-msi.sh STAGE VERSION OUT.msi
# Used by scripts/build-windows.sh, and by tests/windows/msi-check.sh on
# stand-in files (to check two versions' tables without building the app).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
stage="$1"; version="$2"; msi="$3"
cp "$here/tebiki.wxs" "$stage/"
cp "$here/../../src-tauri/icons/icon.ico" "$stage/tebiki.ico"
rm -f "$stage/tebiki.msi"
# wixl finds the sources relative to the .wxs: run it in the stage folder.
(cd "$stage" && wixl -a x64 -D Version="$version" -o tebiki.msi tebiki.wxs)
# Japanese table strings (see ja-strings.sql): code page 932, then the texts.
printf '\r\n\r\n932\t_ForceCodepage\r\n' > "$stage/_ForceCodepage.idt"
msibuild "$stage/tebiki.msi" -i "$stage/_ForceCodepage.idt"
grep -v '^--' "$here/ja-strings.sql" | grep -v '^\s*$' | while IFS= read -r q; do
  msibuild "$stage/tebiki.msi" -q "$q"
done
rm -f "$stage/tebiki.wxs" "$stage/tebiki.ico" "$stage/_ForceCodepage.idt"
mv "$stage/tebiki.msi" "$msi"
