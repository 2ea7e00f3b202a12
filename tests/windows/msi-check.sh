#!/usr/bin/env bash
# Checks the Windows installer with msiinfo (msitools):
#  - two MSIs built by packaging/windows/make-msi.sh from stand-in files for
#    two versions: tables, files, Start-menu shortcut, per-machine, the same
#    UpgradeCode and a new ProductCode, upgrade in place, nothing removed from
#    the data folder (cheap: no compiling; part of `make test`);
#  - the real target/windows/Tebiki-<version>-x64.msi and the portable zip,
#    when `make windows` has built them (make test-windows).
# Prints "test result: ok. N passed; M failed" and "N passed, M failed".
set -u  # no pipefail: `… | grep -q` may end the writer early (SIGPIPE)
cd "$(dirname "$0")/../.."
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version *= *"\(.*\)"/\1/p' Cargo.toml)
UPGRADE_CODE="{6F1C2B9E-4A57-4E2B-9C1D-3B7A2E5D8C41}"   # never changes (tebiki.wxs)
passed=0; failed=0
check() { if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "msi-check: ok   $1"; else failed=$((failed + 1)); echo "msi-check: FAIL $1"; fi; }
prop() { msiinfo export "$1" Property | awk -F'\t' -v k="$2" '$1 == k { print $2 }' | tr -d '\r'; }

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# One MSI's tables, checked the same way for stand-ins and the real thing.
check_msi() { # MSI LABEL
  local msi="$1" l="$2" tables files
  tables=$(msiinfo tables "$msi" | tr '\n' ' ')
  check "$l: has the File, Component, Directory, Shortcut, Upgrade, Property tables" \
    $(for t in File Component Directory Shortcut Upgrade Property InstallExecuteSequence; do [[ " $tables " == *" $t "* ]] || exit 1; done; echo 0)
  files=$(msiinfo export "$msi" File | tail -n +4 | cut -f3 | tr -d '\r' | sort | tr '\n' ' ')
  check "$l: installs exactly tebiki-app.exe, tebiki.exe, WebView2Loader.dll ($files)" \
    $([ "$files" = "WebView2Loader.dll tebiki-app.exe tebiki.exe " ]; echo $?)
  check "$l: into Program Files\\Tebiki (ProgramFiles64Folder, 64-bit components)" \
    $(msiinfo export "$msi" Directory | tr -d '\r' | grep -qP '^INSTALLDIR\tProgramFiles64Folder\tTebiki$' &&
      msiinfo export "$msi" Component | tail -n +4 | tr -d '\r' | awk -F'\t' '{ if (int($4 / 256) % 2 != 1) bad = 1 } END { exit bad }'; echo $?)
  check "$l: per machine (ALLUSERS=1)" $([ "$(prop "$msi" ALLUSERS)" = 1 ]; echo $?)
  check "$l: Start-menu shortcut 手引き → [INSTALLDIR]tebiki-app.exe" \
    $(msiinfo export "$msi" Shortcut | tr -d '\r' | grep -qP '^TebikiShortcut\tProgramMenuFolder\t手引き\t[^\t]*\t(Complete|\[INSTALLDIR\]tebiki-app.exe)\t'; echo $?)
  check "$l: product name 手引き Tebiki, Japanese language (1041)" \
    $([ "$(prop "$msi" ProductName)" = "手引き Tebiki" ] && [ "$(prop "$msi" ProductLanguage)" = 1041 ]; echo $?)
  check "$l: UpgradeCode is $UPGRADE_CODE" $([ "$(prop "$msi" UpgradeCode)" = "$UPGRADE_CODE" ]; echo $?)
  check "$l: an older version is removed in place (Upgrade row, RemoveExistingProducts)" \
    $(msiinfo export "$msi" Upgrade | tr -d '\r' | grep -qP "^\Q$UPGRADE_CODE\E\t\t[^\t]+\t\t\d*\t\tWIX_UPGRADE_DETECTED$" &&
      msiinfo export "$msi" InstallExecuteSequence | grep -q '^RemoveExistingProducts'; echo $?)
  check "$l: a newer installed version blocks a downgrade, with a Japanese message" \
    $(msiinfo export "$msi" LaunchCondition | tr -d '\r' | grep -qP '^NOT WIX_DOWNGRADE_DETECTED\tより新しい版'; echo $?)
  check "$l: uninstall removes nothing but its own files (no RemoveFile rows, nothing under AppData)" \
    $([ "$(msiinfo export "$msi" RemoveFile | tail -n +4 | wc -l)" -eq 0 ] && ! msiinfo export "$msi" Directory | grep -qi 'AppData'; echo $?)
  check "$l: the Wine test stand-in (bcryptprimitives.dll) is not in it" \
    $(! msiinfo export "$msi" File | grep -qi bcryptprimitives; echo $?)
}

# --- Stand-ins for two versions -------------------------------------------------
for v in 0.1.0 0.2.0; do
  mkdir -p "$work/$v"
  for f in tebiki-app.exe tebiki.exe WebView2Loader.dll; do echo "stand-in $f $v" > "$work/$v/$f"; done
  packaging/windows/make-msi.sh "$work/$v" "$v" "$work/$v.msi" >/dev/null 2>&1
  check "make-msi.sh builds an MSI for $v" $([ -s "$work/$v.msi" ]; echo $?)
  [ -s "$work/$v.msi" ] && check_msi "$work/$v.msi" "stand-in $v"
done
if [ -s "$work/0.1.0.msi" ] && [ -s "$work/0.2.0.msi" ]; then
  check "0.1.0 and 0.2.0 share the UpgradeCode, with different ProductCodes and versions" \
    $([ "$(prop "$work/0.1.0.msi" UpgradeCode)" = "$(prop "$work/0.2.0.msi" UpgradeCode)" ] &&
      [ "$(prop "$work/0.1.0.msi" ProductCode)" != "$(prop "$work/0.2.0.msi" ProductCode)" ] &&
      [ "$(prop "$work/0.2.0.msi" ProductVersion)" = 0.2.0 ]; echo $?)
  check "0.2.0 treats installed versions below 0.2.0 as upgrades (VersionMax)" \
    $(msiinfo export "$work/0.2.0.msi" Upgrade | tr -d '\r' | grep -qP '\t\t0\.2\.0\t\t\d*\t\tWIX_UPGRADE_DETECTED$'; echo $?)
  mkdir -p "$work/x" && (cd "$work/x" && msiextract ../0.2.0.msi >/dev/null 2>&1)
  check "msiextract unpacks the files (Tebiki\\tebiki.exe)" \
    $(grep -q "stand-in tebiki.exe 0.2.0" "$work/x/Tebiki/tebiki.exe" 2>/dev/null; echo $?)
fi

# --- The real packages, when built ------------------------------------------------
msi="target/windows/Tebiki-$version-x64.msi"
zip="target/windows/Tebiki-$version-x64-portable.zip"
if [ -f "$msi" ]; then
  check_msi "$msi" "$(basename "$msi")"
  mkdir -p "$work/real" && (cd "$work/real" && msiextract "$OLDPWD/$msi" >/dev/null 2>&1)
  check "the MSI's tebiki.exe and tebiki-app.exe are Windows x64 programs" \
    $(file "$work/real/Tebiki/tebiki.exe" "$work/real/Tebiki/tebiki-app.exe" | grep -c 'PE32+ executable.*x86-64' | grep -qx 2; echo $?)
else
  echo "msi-check: ($msi not built: run make windows to check it too)"
fi
if [ -f "$zip" ]; then
  names=$(python3 -c 'import sys, zipfile; print(" ".join(sorted(i.filename.split("/", 1)[1] for i in zipfile.ZipFile(sys.argv[1]).infolist() if not i.is_dir())))' "$zip")
  check "the portable zip holds the two .exes, WebView2Loader.dll and 説明.txt ($names)" \
    $([ "$names" = "WebView2Loader.dll tebiki-app.exe tebiki.exe 説明.txt" ]; echo $?)
fi

status=ok; [ "$failed" -eq 0 ] || status=FAILED
echo "test result: $status. $passed passed; $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
