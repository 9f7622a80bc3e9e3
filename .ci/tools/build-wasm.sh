#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): builds the app's wasm and its JS glue
# into pkg-<hash>/ in Trunk's staging folder and points index.html at it.
# Trunk's own Rust step is skipped (`data-trunk-skip` in index.html) because
# it has no place for wasm-split, which has to run between cargo and
# wasm-bindgen.
#
# Release builds are split (feature `split`, src/ui/app/pages.rs): the pages
# behind the customer list go to a file the app fetches once the list is in.
#   cargo (linked with --emit-relocs) -> wasm-split-cli -> wasm-bindgen
#   (--keep-lld-exports) -> wasm-opt -Oz on every file -> terser on the JS
# Debug builds are one file, as the tests build it.
#
# The folder is named by a hash of what is in it, so a browser never mixes an
# old file with a new one. Extra cargo features: DOSSIER_FEATURES (the
# benchmark builds with "bench"; `trunk build --features` does not reach here).

# setup.sh: strict mode, the tools' PATH and wasm_bindgen_version.
source "$(dirname "${BASH_SOURCE[0]}")/../setup.sh"

root="${TRUNK_SOURCE_DIR:?run by trunk}"
stage="${TRUNK_STAGING_DIR:?run by trunk}"
public_url="${TRUNK_PUBLIC_URL:-/}"
cd "$root"
features="${DOSSIER_FEATURES:-}"

# The tools setup.sh installs: wasm-bindgen at the version Cargo.lock pins,
# and npm's wasm-opt (Debian's breaks the app without a word).
wasm_opt="$ROOT/.ci/tools/node_modules/.bin/wasm-opt"
want="$(wasm_bindgen_version)"
have="$(wasm-bindgen --version | awk '{print $2}')"
if [ "$have" != "$want" ]; then
  echo "build-wasm: wasm-bindgen $have on PATH, Cargo.lock pins $want (bash .ci/serve installs it)" >&2
  exit 1
fi

target_dir="$(cargo metadata --format-version 1 --no-deps | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0)).target_directory)')"
mkdir -p "$target_dir"
work="$(mktemp -d "$target_dir/wasm-pkg.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir "$work/pkg"

if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  cargo rustc --release --target wasm32-unknown-unknown --bin dossier-app \
    --features "split${features:+,$features}" -- -Clink-args=--emit-relocs
  wasm-split-cli "$target_dir/wasm32-unknown-unknown/release/dossier-app.wasm" "$work/split" \
    --out-name dossier-app --target web
  wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
    --out-dir "$work/pkg" --out-name dossier-app "$work/split/dossier-app.wasm"
  cp "$work/split/__wasm_split.js" "$work/pkg/"
  features_on=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
    --enable-mutable-globals --enable-reference-types)
  "$wasm_opt" -Oz "${features_on[@]}" "$work/pkg/dossier-app_bg.wasm" -o "$work/pkg/dossier-app_bg.wasm"
  for chunk in "$work/split/"*.wasm; do
    name="$(basename "$chunk")"
    [ "$name" = dossier-app.wasm ] && continue
    "$wasm_opt" -Oz "${features_on[@]}" "$chunk" -o "$work/pkg/$name"
  done
  node .ci/tools/minify.mjs "$work/pkg"
else
  cargo build --target wasm32-unknown-unknown --bin dossier-app ${features:+--features "$features"}
  wasm-bindgen --target web --no-typescript --out-dir "$work/pkg" --out-name dossier-app \
    "$target_dir/wasm32-unknown-unknown/debug/dossier-app.wasm"
fi

hash="$(cd "$work/pkg" && cat $(ls | sort) | sha256sum | cut -c1-16)"
mv "$work/pkg" "$stage/pkg-$hash"
# Trunk's minifier has dropped the quotes by now; the paths stay as written.
sed -i -E -e "s#\./pkg/#${public_url%/}/pkg-$hash/#g" -e "s#<link [^>]*data-trunk-skip[^>]*>##" "$stage/index.html"
