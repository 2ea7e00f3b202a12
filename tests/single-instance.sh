#!/usr/bin/env bash
# One app per data folder (tebiki-app with tauri-plugin-single-instance):
# a second start on the same folder hands over to the first and exits; the
# first keeps running; a start on another folder runs beside it.
# Needs a display and a D-Bus session:  xvfb-run -a dbus-run-session -- bash tests/single-instance.sh
# Prints "test result: ok. N passed; M failed" like cargo, for the summary.
set -uo pipefail
app="${APP:-target/debug/tebiki-app}"
passed=0; failed=0
check() { # name, condition (0 = true)
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "single-instance: ok   $1"; else failed=$((failed + 1)); echo "single-instance: FAIL $1"; fi
}
a=$(mktemp -d); b=$(mktemp -d)
cleanup() { kill "${first:-}" "${other:-}" 2>/dev/null; wait 2>/dev/null; rm -rf "$a" "$b"; }
trap cleanup EXIT

"$app" --data-dir "$a" >/dev/null 2>&1 & first=$!
# Wait until the first has created its data (it is up and owns its name).
for _ in $(seq 1 60); do [ -f "$a/desk.db" ] && break; sleep 0.5; done
sleep 2
start=$(date +%s)
timeout 30 "$app" --data-dir "$a" >/dev/null 2>&1; second_rc=$?
took=$(( $(date +%s) - start ))
check "a second start on the same folder exits at once (rc=$second_rc, ${took}s)" $([ "$second_rc" -eq 0 ] && [ "$took" -lt 15 ]; echo $?)
kill -0 "$first" 2>/dev/null; check "the first app is still running" $?

"$app" --data-dir "$b" >/dev/null 2>&1 & other=$!
sleep 5
kill -0 "$other" 2>/dev/null; check "an app on another data folder runs beside it" $?

status=ok; [ "$failed" -eq 0 ] || status=FAILED
echo "test result: $status. $passed passed; $failed failed"
[ "$failed" -eq 0 ]
