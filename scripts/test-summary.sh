#!/usr/bin/env bash
# Adds up what every suite in a `make test` log reported and prints one line
# "tests: N passed, M failed" (cargo test, Vitest, WebdriverIO).
set -euo pipefail
log="$1"
python3 - "$log" <<'PY'
import re, sys
text = re.sub(r"\x1b\[[0-9;]*m", "", open(sys.argv[1], encoding="utf-8", errors="replace").read())
passed = failed = 0
for p, f in re.findall(r"test result: \w+\. (\d+) passed; (\d+) failed", text):
    passed += int(p); failed += int(f)
for m in re.finditer(r"^\s*Tests\s+(.*)$", text, re.M):
    line = m.group(1)
    passed += sum(int(x) for x in re.findall(r"(\d+) passed", line))
    failed += sum(int(x) for x in re.findall(r"(\d+) failed", line))
passed += sum(int(x) for x in re.findall(r"\] (\d+) passing", text))
failed += sum(int(x) for x in re.findall(r"\] (\d+) failing", text))
# Checks of our own (style, bindings, windows …) say "name: N passed, M failed".
for p, f in re.findall(r"^(?!tests:)[a-z][\w-]*: (\d+) passed, (\d+) failed\b", text, re.M):
    passed += int(p); failed += int(f)
print(f"tests: {passed} passed, {failed} failed")
PY
