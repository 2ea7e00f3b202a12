#!/usr/bin/env bash
# The CLI's integration checks run against the Windows build, tebiki.exe,
# under wine64 — headless (console programs need no display).
#
#   bash tests/windows/cli-under-wine.sh          the full set (make test-windows)
#   bash tests/windows/cli-under-wine.sh --quick  the subset `make test` runs
#
# EXE: the tebiki.exe to test (default: the release cross-build).
# LINUX_TEBIKI: the Linux build of the same source; with it, the CSV and PDF
# files both write from the same input are compared byte for byte.
#
# Paths given to tebiki.exe are Windows paths (C:\…, with Japanese folder and
# file names) inside a Wine prefix of the test's own, target/wine-prefix.
# Rust programs need ProcessPrng (bcryptprimitives.dll), which Windows 10/11
# have and Wine 8 lacks: a stand-in built here from processprng-standin.c
# goes into that prefix only (never into what is shipped).
#
# Prints "test result: ok. N passed; M failed" (for scripts/test-summary.sh)
# and, last, "N passed, M failed".
set -u  # no pipefail: `… | grep -q` may end the writer early (SIGPIPE)
cd "$(dirname "$0")/../.."
quick=0; [ "${1:-}" = "--quick" ] && quick=1
exe="${EXE:-target/x86_64-pc-windows-gnu/release/tebiki.exe}"
WINE="${WINE:-$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)}"
export WINEPREFIX="${WINEPREFIX:-$PWD/target/wine-prefix}"
export WINEDEBUG=-all
# No Mono/Gecko installer prompts; our ProcessPrng stand-in before any builtin.
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
# Wine converts arguments and environment from the Unix locale: UTF-8.
export LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY TEBIKI_DATA_DIR TEBIKI_PASSPHRASE TEBIKI_NEW_PASSPHRASE TEBIKI_BACKUP_PASSPHRASE

[ -f "$exe" ] || { echo "cli-under-wine: $exe is missing (make windows-cli)"; echo "0 passed, 1 failed"; exit 1; }
[ -x "$WINE" ] || { echo "cli-under-wine: wine64 is not installed (scripts/install-deps.sh)"; echo "0 passed, 1 failed"; exit 1; }

started=$(date +%s)
mkdir -p "$WINEPREFIX"
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  "$WINE" wineboot -i >/dev/null 2>&1
fi
standin="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
if [ ! -f "$standin" ] || [ tests/windows/processprng-standin.c -nt "$standin" ]; then
  x86_64-w64-mingw32-gcc -O2 -shared -o "$standin" tests/windows/processprng-standin.c tests/windows/processprng-standin.def -ladvapi32 || exit 1
fi

root_unix="$WINEPREFIX/drive_c/tt"
root='C:\tt'
rm -rf "$root_unix"; mkdir -p "$root_unix/名簿" "$root_unix/提出"
cp tests/fixtures/roster/roster-sjis.csv "$root_unix/名簿/職員名簿.csv"
mkdir -p "$WINEPREFIX/drive_c/Tebiki"
cp "$exe" "$WINEPREFIX/drive_c/Tebiki/tebiki.exe"
PASS="テスト用の管理者パスフレーズ"
NEW_PASS="二つ目のパスフレーズです"

passed=0; failed=0
ok() { passed=$((passed + 1)); echo "cli-under-wine: ok   $1"; }
ko() { failed=$((failed + 1)); echo "cli-under-wine: FAIL $1"; [ -n "${2:-}" ] && echo "$2" | head -5 | sed 's/^/    /'; }
# t DIR ARGS… : tebiki.exe on data folder DIR (a Windows path); stdout in $out, stderr in $err, status in $rc.
t() {
  local dir="$1"; shift
  out=$(TEBIKI_PASSPHRASE="${TP-$PASS}" "$WINE" "$WINEPREFIX/drive_c/Tebiki/tebiki.exe" --data-dir "$dir" "$@" 2>/tmp/cli-under-wine.err.$$); rc=$?
  err=$(cat /tmp/cli-under-wine.err.$$); rm -f /tmp/cli-under-wine.err.$$
}
# j EXPR : a Python expression over the JSON in $out (as v) is true.
j() { python3 -c "import json,sys; v=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" <<<"$out" 2>/dev/null; }
expect() { # name, condition status
  if [ "$2" -eq 0 ]; then ok "$1"; else ko "$1" "rc=$rc out=${out:0:300} err=${err:0:300}"; fi
}

d="$root\\データ"          # the main data folder, a Japanese name
d_unix="$root_unix/データ"

# --- The data folder: %APPDATA% by default, --data-dir otherwise ---------------
out=$("$WINE" "$WINEPREFIX/drive_c/Tebiki/tebiki.exe" --json version 2>/dev/null); rc=$?
expect "default data folder is under %APPDATA% (AppData\\Roaming\\Tebiki\\tebiki\\data)" \
  $(j "v['data_dir'].startswith('C:\\\\') and v['data_dir'].endswith('\\\\AppData\\\\Roaming\\\\Tebiki\\\\tebiki\\\\data')"; echo $?)
out=$(TEBIKI_DATA_DIR="$root\\環境変数" "$WINE" "$WINEPREFIX/drive_c/Tebiki/tebiki.exe" --json version 2>/dev/null); rc=$?
expect "TEBIKI_DATA_DIR is honoured" $(j "v['data_dir'] == r'C:\\tt\\環境変数'"; echo $?)

# --- Passphrase: set, then change (the rekey swap-in on Windows rules) ------------
TEBIKI_NEW_PASSPHRASE="$PASS" TP= t "$d" --json admin set-passphrase
expect "admin set-passphrase encrypts the database" $([ $rc -eq 0 ] && j "v['encrypted'] == True"; echo $?)
expect "no tebiki.db.rekey left behind" $([ ! -f "$d_unix/tebiki.db.rekey" ]; echo $?)

# --- Roster import from a Japanese path, training status -------------------------
t "$d" --json roster import "$root\\名簿\\職員名簿.csv"
expect "roster import (Shift_JIS, C:\\…\\名簿\\職員名簿.csv): 4 added, lines 6, 7, 9 rejected" \
  $([ $rc -eq 0 ] && j "v['added'] == 4 and [r['line'] for r in v['rejected']] == [6, 7, 9]"; echo $?)
t "$d" --json training record --pack kobe --course annual --date R7.6.1 --dept A10
expect "training record for a 所属 (R7.6.1 → 2025-06-01, 2 attendees)" $([ $rc -eq 0 ] && j "v['attendees'] == 2 and v['held_on'] == '2025-06-01'"; echo $?)
t "$d" --json training status --pack kobe --year 2025
expect "training status 2025: 山田 太郎 has annual done" \
  $([ $rc -eq 0 ] && j "[p for p in v['staff'] if p['employee_no'] == '1001'][0]['done'] == ['annual'] and [p for p in v['staff'] if p['employee_no'] == '1001'][0]['name'] == '山田 太郎'"; echo $?)

# --- Backup and restore (the restore swap-in), foreign file refused ----------------
mkdir -p "$root_unix/バックアップ"
t "$d" backup "$root\\バックアップ\\控え 令和7年度.db"
expect "backup to C:\\tt\\バックアップ\\控え 令和7年度.db" $([ $rc -eq 0 ] && [ -s "$root_unix/バックアップ/控え 令和7年度.db" ] && [ ! -e "$root_unix/バックアップ/控え 令和7年度.db.partial" ]; echo $?)
t "$d" --json roster import --partial "$root\\名簿\\職員名簿.csv"
t "$d" restore "$root\\バックアップ\\控え 令和7年度.db"
expect "restore from the backup (the open database is closed, then replaced)" $([ $rc -eq 0 ] && [ ! -e "$d_unix/tebiki.db.restore" ]; echo $?)
ls "$d_unix/backups/"before-restore-*.db >/dev/null 2>&1; expect "the data before the restore is kept in backups\\" $?
echo "not a database" > "$root_unix/バックアップ/別物.db"
t "$d" restore "$root\\バックアップ\\別物.db"
expect "a foreign file is refused and the data stays" $([ $rc -ne 0 ] && [ -n "$err" ]; echo $?)
t "$d" --json training status --pack kobe --year 2025
expect "after the restore the data is readable" $([ $rc -eq 0 ] && j "len(v['staff']) == 4"; echo $?)

# --- Change the passphrase (rekey), then the old one is refused --------------------
sleep 1.1
TEBIKI_NEW_PASSPHRASE="$NEW_PASS" t "$d" --json admin set-passphrase
expect "admin set-passphrase changes the passphrase (rekey: rename over the closed file)" $([ $rc -eq 0 ] && j "v['changed'] == True"; echo $?)
sleep 1.1
t "$d" audit verify
expect "the old passphrase no longer opens the data" $([ $rc -ne 0 ]; echo $?)
sleep 1.1
TP="$NEW_PASS" t "$d" --json audit verify
expect "audit verify: the chain is intact after backup, restore and rekey" $([ $rc -eq 0 ] && j "v['broken'] is None and v['entries'] >= 5"; echo $?)

if [ "$quick" -eq 0 ]; then
  # --- Encrypted backup restored into a folder under a new passphrase -------------
  TP="$NEW_PASS" t "$d" backup "$root\\バックアップ\\暗号化.db"
  expect "an encrypted backup" $([ $rc -eq 0 ]; echo $?)

  # --- 自己点検: export, tamper, import: the tampered file is refused ------------
  e="$root\\見本"
  TEBIKI_NEW_PASSPHRASE="$PASS" TP= t "$e" admin set-passphrase
  t "$e" --json demo --staff 40 --depts 4 --pack kobe
  expect "demo organisation in C:\\tt\\見本" $([ $rc -eq 0 ]; echo $?)
  fy=$(python3 -c "import datetime; d=datetime.date.today(); print(d.year if d.month >= 4 else d.year - 1)")
  t "$e" --json selfcheck export --year "$fy" --out "$root\\提出\\令和"
  n_files=$(ls "$root_unix/提出/令和"/*.json 2>/dev/null | wc -l)
  expect "selfcheck export writes submission files ($n_files)" $([ $rc -eq 0 ] && [ "$n_files" -ge 2 ]; echo $?)
  first=$(ls "$root_unix/提出/令和"/*.json | head -1)
  python3 - "$first" <<'PY'
import json, sys
# One answer changed by hand, the digest left as it was.
p = sys.argv[1]
v = json.load(open(p, encoding="utf-8"))
a = v["answers"][0]
a["answer"] = "not_applicable" if a["answer"] != "not_applicable" else "implemented"
json.dump(v, open(p, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
  f="$root\\受付"
  TEBIKI_NEW_PASSPHRASE="$PASS" TP= t "$f" admin set-passphrase
  t "$f" --json selfcheck import "$root\\提出\\令和"
  expect "selfcheck import from C:\\tt\\提出\\令和: the tampered file is refused, the other $((n_files - 1)) imported" \
    $([ $rc -eq 0 ] && j "len(v['refused']) == 1 and len(v['accepted']) == $((n_files - 1)) and all(a['status'] == 'imported' for a in v['accepted'])"; echo $?)

  # --- Reports with Japanese file names ----------------------------------------------
  mkdir -p "$root_unix/報告書"
  t "$e" --json report training --year "$fy" --date 2026-03-31 --pack kobe --out "$root\\報告書\\研修実施状況報告書.pdf"
  expect "report training → 研修実施状況報告書.pdf" $([ $rc -eq 0 ] && head -c 5 "$root_unix/報告書/研修実施状況報告書.pdf" | grep -q '%PDF-'; echo $?)
  t "$e" --json report selfcheck --year "$fy" --date 2026-03-31 --pack kobe --out "$root\\報告書\\自己点検結果報告書.pdf"
  expect "report selfcheck → 自己点検結果報告書.pdf" $([ $rc -eq 0 ] && head -c 5 "$root_unix/報告書/自己点検結果報告書.pdf" | grep -q '%PDF-'; echo $?)
  t "$e" --json selfcheck summary --year "$fy" --pack kobe --remedies-csv "$root\\報告書\\改善策一覧.csv"
  expect "selfcheck summary --remedies-csv → 改善策一覧.csv (Shift_JIS, CRLF)" \
    $([ $rc -eq 0 ] && iconv -f CP932 -t UTF-8 "$root_unix/報告書/改善策一覧.csv" >/dev/null && grep -q $'\r$' "$root_unix/報告書/改善策一覧.csv"; echo $?)

  # --- The same files from the Linux build, byte for byte ----------------------------
  linux="${LINUX_TEBIKI:-}"
  if [ -n "$linux" ] && [ -x "$linux" ]; then
    ld=$(mktemp -d)
    lt() { TEBIKI_PASSPHRASE="$PASS" "$linux" --data-dir "$ld/data" "$@" >/dev/null 2>&1; }
    TEBIKI_NEW_PASSPHRASE="$PASS" "$linux" --data-dir "$ld/data" admin set-passphrase >/dev/null 2>&1
    lt demo --staff 40 --depts 4 --pack kobe
    lt report training --year "$fy" --date 2026-03-31 --pack kobe --out "$ld/t.pdf"
    lt report selfcheck --year "$fy" --date 2026-03-31 --pack kobe --out "$ld/s.pdf"
    lt selfcheck summary --year "$fy" --pack kobe --remedies-csv "$ld/r.csv"
    cmp -s "$ld/t.pdf" "$root_unix/報告書/研修実施状況報告書.pdf"; expect "研修実施状況報告書.pdf: Windows and Linux builds write the same bytes" $?
    cmp -s "$ld/s.pdf" "$root_unix/報告書/自己点検結果報告書.pdf"; expect "自己点検結果報告書.pdf: Windows and Linux builds write the same bytes" $?
    cmp -s "$ld/r.csv" "$root_unix/報告書/改善策一覧.csv"; expect "改善策一覧.csv: Windows and Linux builds write the same bytes" $?
    rm -rf "$ld"
  else
    echo "cli-under-wine: (LINUX_TEBIKI not set: byte comparison with the Linux build skipped)"
  fi

  # --- A pack imported, then upgraded (the folder swap) -------------------------------
  mkdir -p "$root_unix/規程"; cp -r tests/fixtures/packs/sample-town "$root_unix/規程/サンプル町"; cp -r tests/fixtures/packs/sample-town-v2 "$root_unix/規程/サンプル町2"
  TP="$NEW_PASS" t "$d" content import "$root\\規程\\サンプル町"
  expect "content import of a pack folder from C:\\tt\\規程\\サンプル町" $([ $rc -eq 0 ]; echo $?)
  TP="$NEW_PASS" t "$d" content import --yes "$root\\規程\\サンプル町2"
  expect "content import --yes of its next version replaces it (folder swap)" \
    $([ $rc -eq 0 ] && ! ls -d "$d_unix"/packs/.replaced-* "$d_unix"/packs/.incoming-* >/dev/null 2>&1; echo $?)

  # --- Output redirected to a file stays UTF-8 ----------------------------------------
  TP="$NEW_PASS" t "$d" --lang ja-JP search 研修 --pack kobe --limit 3
  expect "search 研修: Japanese output is UTF-8 when redirected" $([ $rc -eq 0 ] && printf '%s' "$out" | iconv -f UTF-8 -t UTF-8 >/dev/null && printf '%s' "$out" | grep -q '研修'; echo $?)
  TP="$NEW_PASS" t "$d" --lang ja-JP roster import "$root\\ない.csv"
  expect "an error message in Japanese, UTF-8, on standard error" $([ $rc -ne 0 ] && printf '%s' "$err" | grep -q 'ない.csv'; echo $?)
fi

took=$(( $(date +%s) - started ))
echo "cli-under-wine: ${took}s under $("$WINE" --version 2>/dev/null)"
status=ok; [ "$failed" -eq 0 ] || status=FAILED
echo "test result: $status. $passed passed; $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
