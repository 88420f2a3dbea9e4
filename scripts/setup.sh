#!/usr/bin/env bash
# Installs what building and testing need, and only what is missing (safe to run again).
#   scripts/setup.sh          Rust target, wasm-bindgen CLI, wasm-pack, npm dev tools
#   scripts/setup.sh browser  the same, plus the browser engines (Debian's chromium and
#                             chromium-driver, firefox-esr with geckodriver (a crate), and
#                             webkit2gtk-driver (WebKit) with xvfb), LibreOffice (headless) and
#                             python-docx for the DOCX tests
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must equal the wasm-bindgen crate in Cargo.lock, or wasm-pack tries to download one
# (prebuilt downloads fail here).
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${wb_version}\$"; then
  say "installing wasm-bindgen-cli ${wb_version}"
  # Not --locked: the CLI's own lock file pins a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "${wb_version}"
fi
if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack"
  cargo install wasm-pack --locked
fi

# wasm-opt comes from npm's binaryen (Debian's version 108 breaks the module), with esbuild (it
# minifies the page's bundle), and playwright-core and axe-core for the browser tests. Reinstall
# when the lock file changed since the last install.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = browser ]; then
  # compliance-trestle validates the OSCAL export (pinned; in target/, which git ignores).
  if ! target/trestle/bin/python -c "import trestle" >/dev/null 2>&1; then
    say "installing compliance-trestle into target/trestle"
    python3 -m venv target/trestle
    target/trestle/bin/pip install --quiet compliance-trestle==5.2.0
  fi
  # python-docx reads the DOCX exports as a recipient's tools would (pinned; in target/).
  if ! target/docx-venv/bin/python -c "import docx" >/dev/null 2>&1; then
    say "installing python-docx into target/docx-venv"
    python3 -m venv target/docx-venv
    target/docx-venv/bin/pip install --quiet python-docx==1.2.0
  fi
  # LibreOffice (headless, without its GUI) turns DOCX exports into PDF in tests/js/docx.test.mjs.
  if ! command -v soffice >/dev/null; then
    say "installing Debian's libreoffice-writer-nogui"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
  fi
  # The three engines of the browser smoke (tests/engines/): Debian's own browsers and drivers,
  # never a downloaded browser.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v firefox-esr >/dev/null \
    || ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null; then
    say "installing Debian's chromium, chromium-driver, firefox-esr, webkit2gtk-driver and xvfb"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver firefox-esr webkit2gtk-driver xvfb >/dev/null
  fi
  # Firefox's WebDriver server is a crate (Debian ships none); pinned, with its own lock file. A
  # debug build: it only relays WebDriver commands, and it compiles in well under half the time
  # of a release build (the longest step of a fresh setup otherwise).
  geckodriver_version=0.37.1
  if ! geckodriver --version 2>/dev/null | grep -q "^geckodriver ${geckodriver_version}\b"; then
    say "installing geckodriver ${geckodriver_version}"
    cargo install geckodriver --version "${geckodriver_version}" --locked --debug
  fi
fi
say "ready"
