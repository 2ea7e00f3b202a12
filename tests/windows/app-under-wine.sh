#!/usr/bin/env bash
# How far the desktop app (tebiki-app.exe) gets under Wine. Wine has no
# Microsoft Edge WebView2 runtime, so the app cannot open its window there;
# it must say so (a message box, webview_runtime.rs) instead of failing
# silently. Needs a display:
#   xvfb-run -a --server-args="-screen 0 1280x900x24" bash tests/windows/app-under-wine.sh
# Leaves a screenshot in target/windows/app-under-wine.png.
# Prints "test result: ok. N passed; M failed" and "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
app="${APP_EXE:-target/x86_64-pc-windows-gnu/release/tebiki-app.exe}"
loader_dir=$(dirname "$(ls ~/.cargo/registry/src/*/webview2-com-sys-*/x64/WebView2Loader.dll | tail -1)")
WINE="${WINE:-$(command -v wine64 || echo /usr/lib/wine/wine64)}"
export WINEPREFIX="${WINEPREFIX:-$PWD/target/wine-prefix}" WINEDEBUG="${WINEDEBUG:--all}" LC_ALL=C.UTF-8
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
passed=0; failed=0
check() { if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "app-under-wine: ok   $1"; else failed=$((failed + 1)); echo "app-under-wine: FAIL $1"; fi; }

[ -n "${DISPLAY:-}" ] || { echo "app-under-wine: needs a display (xvfb-run)"; echo "0 passed, 1 failed"; exit 1; }
[ -f "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ] || bash tests/windows/cli-under-wine.sh --quick >/dev/null
dir="$WINEPREFIX/drive_c/Tebiki"
mkdir -p "$dir" && cp "$app" "$dir/tebiki-app.exe" && cp "$loader_dir/WebView2Loader.dll" "$dir/"
data="$WINEPREFIX/drive_c/tt/アプリ"; rm -rf "$data"

"$WINE" "$dir/tebiki-app.exe" --data-dir 'C:\tt\アプリ' >target/windows/app-under-wine.log 2>&1 & pid=$!
# Wait for a window titled with the app's message, or for the app to end.
title=""
for _ in $(seq 1 60); do
  title=$(xwininfo -root -tree 2>/dev/null | grep -o '"手引き：画面を表示できません"\|"Tebiki cannot open its window"' | head -1)
  [ -n "$title" ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 1
done
sleep 2
mkdir -p target/windows
import -window root target/windows/app-under-wine.png 2>/dev/null
check "the app starts under Wine and explains that the WebView2 runtime is missing (window $title)" $([ -n "$title" ]; echo $?)
check "it created no data on the way (it stops before opening the data folder)" $([ ! -e "$data/tebiki.db" ]; echo $?)
kill $pid 2>/dev/null; "${WINESERVER:-/usr/lib/wine/wineserver}" -k 2>/dev/null; wait 2>/dev/null

status=ok; [ "$failed" -eq 0 ] || status=FAILED
echo "test result: $status. $passed passed; $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
