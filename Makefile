# Tebiki — the two commands a fresh Debian/Ubuntu machine needs:
#   make run    install what is missing, build, open the app on the bundled data
#   make test   run every test (Rust, UI unit tests, locale check, end-to-end)

SHELL := /bin/bash
APP := target/debug/tebiki-app

.PHONY: run test test-suites deps build ui e2e-build test-style test-rust test-bindings test-ui test-e2e bundle clean windows windows-cli test-windows test-windows-ci

deps:
	@bash scripts/install-deps.sh

ui: deps
	npm run ui:build

# The debug build of the desktop app (UI embedded), as the end-to-end tests drive it.
e2e-build: deps
	npx tauri build --debug --no-bundle

build: e2e-build
	cargo build --workspace

# Needs a display; on a machine without one: xvfb-run -a make run
run: e2e-build
	$(APP)

# Every suite; the log is added up into one closing line "tests: N passed, M failed".
test: deps
	@mkdir -p target
	@set -o pipefail; $(MAKE) --no-print-directory test-suites 2>&1 | tee target/test.log
	@bash scripts/test-summary.sh target/test.log

test-suites: test-style test-rust test-bindings test-ui test-e2e test-windows-ci

# cargo test also checks the locale files (crates/tebiki-i18n/tests/locale_keys.rs)
# and regenerates the TypeScript types in ui/src/lib/bindings. The Tauri shell
# holds no logic and is built (with the UI embedded) by e2e-build instead:
# testing it here would compile Tauri a second time with other features.
test-rust: deps
	cargo test --workspace --exclude tebiki-app --locked
	cargo run -q -p tebiki-cli -- content check content/packs

# Unformatted code or a clippy warning fails the run (the shell included: it
# embeds ui/dist when compiled, so the UI is built first).
test-style: ui
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	@echo "style: 1 passed, 0 failed"

# cargo test has just regenerated the TypeScript types: what is committed must
# be what Rust generates, or the UI is checked against stale types.
test-bindings: test-rust
	@if [ -n "$$(git status --porcelain -- ui/src/lib/bindings)" ]; then \
	  git status --short -- ui/src/lib/bindings; \
	  echo "bindings: 0 passed, 1 failed (ui/src/lib/bindings is stale: commit what cargo test generated)"; exit 1; \
	else echo "bindings: 1 passed, 0 failed"; fi

test-ui: deps
	npm run ui:check
	npm run test:ui

test-e2e: e2e-build
	xvfb-run -a --server-args="-screen 0 1280x900x24" npm run test:e2e
	xvfb-run -a dbus-run-session -- bash tests/single-instance.sh

# Windows, cross-built here (README, "Windows"): target/windows/Tebiki-<version>-x64.msi
# and Tebiki-<version>-x64-portable.zip. windows-cli builds only tebiki.exe.
windows: deps
	bash scripts/build-windows.sh

windows-cli: deps
	bash scripts/build-windows.sh cli

# Every Windows check: the CLI's integration tests on tebiki.exe under Wine
# (with CSV/PDF compared byte for byte with the Linux build), msiinfo checks
# of the MSI (stand-ins for two versions, and the real one) and the zip, and
# how far tebiki-app.exe gets under Wine (to the missing WebView2 runtime).
test-windows: windows
	cargo build -p tebiki-cli
	LINUX_TEBIKI=target/debug/tebiki bash tests/windows/cli-under-wine.sh
	bash tests/windows/msi-check.sh
	xvfb-run -a --server-args="-screen 0 1280x900x24" bash tests/windows/app-under-wine.sh

# What `make test` runs of it (CI time): tebiki.exe only (no app build, and
# unoptimised: the release cross-build alone took 17 of CI's 60 minutes), the
# quick subset under Wine, and the MSI checks on stand-ins.
test-windows-ci: deps
	@if [ -x /usr/lib/wine/wine64 ] || command -v wine64 >/dev/null; then \
	  bash scripts/build-windows.sh check && \
	  EXE=target/x86_64-pc-windows-gnu/windows-check/tebiki.exe bash tests/windows/cli-under-wine.sh --quick; \
	else echo "test-windows-ci: wine64 not installed, the Windows CLI tests are skipped"; fi
	bash tests/windows/msi-check.sh

# Installable packages (.deb and .rpm) in target/release/bundle
bundle: deps
	npx tauri build

clean:
	cargo clean
	rm -rf ui/dist node_modules
