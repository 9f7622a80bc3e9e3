# Installs what building, serving and testing Dossier need, skipping what is
# already present at the right version. Sourced by .ci/serve and .ci/test.
# Nothing here downloads a browser or a prebuilt binary: Rust tools come from
# crates.io, the browser from Debian, wasm-opt and Playwright from npm.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
export PATH="$HOME/.cargo/bin:$ROOT/.ci/tools/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  local want; want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (about 8 minutes on 2 cores, once)"
    # Not --locked: its lock file names a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 20 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
  fi
}

# Splits the release wasm at the app's split points (.ci/tools/build-wasm.sh).
ensure_wasm_split() {
  # It has no --version; cargo's list of installed crates says which it is.
  if ! command -v wasm-split-cli >/dev/null ||
    ! grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" <<<"$(cargo install --list)"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes on 2 cores, once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
  fi
}

# npm ci into DIR unless its node_modules already matches its lock file.
npm_ci() {
  local dir="$1" stamp="$1/node_modules/.lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "installing npm packages in ${dir#$ROOT/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}

ensure_wasm_opt() {
  npm_ci "$ROOT/.ci/tools"
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and ChromeDriver from Debian"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
  fi
}

ensure_app_tools() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_trunk
  ensure_wasm_split
  ensure_wasm_opt
}

ensure_test_tools() {
  ensure_app_tools
  ensure_chromium
  npm_ci "$ROOT/tests/e2e"
}
