#!/usr/bin/env bash
# Builds the npm package `createimage-validator` (the validator as WebAssembly for JavaScript apps)
# into pkg/ (git-ignored) and packs it:
#
#   pkg/createimage-validator/              the package: package.json, README.md, *.d.ts, node*.js, web/
#   pkg/createimage-validator-<version>.tgz  what `npm publish` would upload; tests/js installs this
#   pkg/sizes.json                           raw, gzip and brotli bytes of the .wasm and the JS glue
#
# Two WebAssembly modules of the facade crate validator-js/ (createimage-validator-js), each: cargo
# (release profile: opt-level z, LTO, panic=abort) → wasm-bindgen
# --target web (one build for browsers, bundlers and Node: node.js instantiates it synchronously from
# the file) → wasm-opt -Oz (the project's binaryen 132 from tools/node_modules, never Debian's):
#   createimage_validator (default features): the whole API, the package's main export
#   validate (--no-default-features, so no `text`): validate, validateJson, validateField, providers, for
#     apps that only validate ("createimage-validator/validate": no labels, hints, meanings, schema)
# then, from the rule tables through the module just built (scripts/lib/request-types.mjs), each
# provider's request type (requests.d.ts); each glue with the Standard Schema adapter
# (validator-js/js/standard-schema.js) appended, through terser; the hand-kept files of validator-js/js/ and
# npm pack. Needs what scripts/setup.sh installs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

OUT="$REPO_ROOT/pkg"
PKG="$OUT/createimage-validator"
WASM="$REPO_ROOT/target/$WASM_TARGET/release/createimage_validator_js.wasm"

# The binaryen that env.sh put first on PATH; refuse any other.
want_opt="wasm-opt version $BINARYEN_VERSION (version_$BINARYEN_VERSION)"
if [ "$(wasm-opt --version 2>/dev/null || true)" != "$want_opt" ]; then
  echo "error: wasm-opt is not \"$want_opt\" (run scripts/setup.sh)" >&2
  exit 1
fi

rm -rf "$PKG" "$OUT/bindgen" "$OUT"/createimage-validator-*.tgz
mkdir -p "$PKG/web" "$OUT/bindgen"

# One module: cargo with its features → wasm-bindgen → wasm-opt, as web/<name>_bg.wasm and the glue
# in bindgen/<name>.js.
build_module() {
  local name="$1"
  shift
  say "module $name: cargo build $* ($WASM_TARGET, release)"
  cargo build -p createimage-validator-js --release --target "$WASM_TARGET" --lib --locked "$@"
  wasm-bindgen --target web --out-dir "$OUT/bindgen" --out-name "$name" "$WASM"
  wasm-opt -Oz --strip-producers --strip-target-features \
    "$OUT/bindgen/${name}_bg.wasm" -o "$PKG/web/${name}_bg.wasm"
}
build_module createimage_validator
build_module validate --no-default-features

# From the rule tables, through the module just built: requests.d.ts (each provider's request type)
# and provider-keys.js (the provider ids the Standard Schema adapter needs before init()).
echo '{"type": "module"}' >"$OUT/bindgen/package.json"
node scripts/lib/request-types.mjs "$OUT/bindgen" "$PKG"

# Each module's glue, then the Standard Schema adapter over its `validate`, minified as the console's
# JS is (scripts/finish-dist.mjs): an ES module, compressed, mangled.
for name in createimage_validator validate; do
  cat "$OUT/bindgen/$name.js" "$OUT/bindgen/provider-keys.js" validator-js/js/standard-schema.js \
    >"$OUT/bindgen/$name.full.js"
  terser "$OUT/bindgen/$name.full.js" --module --compress --mangle -o "$PKG/web/$name.js"
done
cp validator-js/js/index.d.ts validator-js/js/validate.d.ts validator-js/js/node.js validator-js/js/node-validate.js \
  validator-js/js/README.md "$PKG/"

# The hand-kept declarations must name exactly the functions wasm-bindgen exports, and the adapter's.
exported() { grep -hoE '^export (default )?(function|const) [A-Za-z_]+' "$@" | awk '{print $NF}' | sort -u; }
adapter="$(grep -oE '^export \{[^}]*\}' validator-js/js/standard-schema.js | tr -d '{}' | sed 's/^export//' | tr ',' '\n' | tr -d ' ' | grep .)"
generated="$( (exported "$OUT/bindgen/createimage_validator.d.ts"; echo "$adapter") | grep -vx '__wbg_init' | sort -u)"
declared="$(exported validator-js/js/index.d.ts | grep -vx 'init')"
if [ "$generated" != "$declared" ]; then
  echo "error: validator-js/js/index.d.ts and the wasm-bindgen exports differ:" >&2
  diff <(echo "$declared") <(echo "$generated") >&2 || true
  exit 1
fi
# validate.d.ts re-exports a subset of them: exactly what the validate module exports.
generated="$( (exported "$OUT/bindgen/validate.d.ts"; echo "$adapter") | grep -vx '__wbg_init' | sort -u)"
declared="$(grep -oE '^export \{[^}]*\}' validator-js/js/validate.d.ts | tr -d '{}' | sed 's/^export//' | tr ',' '\n' | tr -d ' ' | grep . ; exported validator-js/js/validate.d.ts | grep -vx 'init')"
if [ "$generated" != "$(echo "$declared" | sort -u)" ]; then
  echo "error: validator-js/js/validate.d.ts and the validate module's exports differ:" >&2
  diff <(echo "$declared" | sort -u) <(echo "$generated") >&2 || true
  exit 1
fi

version="$(cargo pkgid -p createimage-validator-js | sed 's/.*[@#]//')"
node -e '
  const fs = require("node:fs");
  const [template, out, version] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(template, "utf8"));
  pkg.version = version;
  fs.writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
' validator-js/js/package.json "$PKG/package.json" "$version"

# Sizes, on every build: raw, gzip -9 (GNU gzip, as servers' zlib compresses; Node's bundled zlib
# writes a few percent more) and brotli (quality 11) of what the package ships.
node -e '
  const fs = require("node:fs"), path = require("node:path"), zlib = require("node:zlib");
  const { execFileSync } = require("node:child_process");
  const [pkg, out] = process.argv.slice(1);
  const sizes = {};
  for (const file of ["web/createimage_validator_bg.wasm", "web/createimage_validator.js", "web/validate_bg.wasm", "web/validate.js", "node.js", "node-validate.js"]) {
    const bytes = fs.readFileSync(path.join(pkg, file));
    sizes[file] = {
      raw: bytes.length,
      gzip: execFileSync("gzip", ["-9", "-n", "-c"], { input: bytes }).length,
      brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    const s = sizes[file];
    console.log(`${file.padEnd(34)} ${String(s.raw).padStart(8)} raw ${String(s.gzip).padStart(8)} gzip ${String(s.brotli).padStart(8)} brotli`);
  }
  // What a browser app loads: the whole API ("createimage-validator") or only validate ("…/validate").
  const sum = (files, k) => files.reduce((n, f) => n + sizes[f][k], 0);
  const entries = [
    ["loads: createimage-validator", ["web/createimage_validator_bg.wasm", "web/createimage_validator.js"]],
    ["loads: createimage-validator/validate", ["web/validate_bg.wasm", "web/validate.js"]],
  ];
  for (const [name, files] of entries) {
    sizes[name] = { raw: sum(files, "raw"), gzip: sum(files, "gzip"), brotli: sum(files, "brotli") };
    const s = sizes[name];
    console.log(`${name.padEnd(34)} ${String(s.raw).padStart(8)} raw ${String(s.gzip).padStart(8)} gzip ${String(s.brotli).padStart(8)} brotli`);
  }
  fs.writeFileSync(out, JSON.stringify(sizes, null, 2) + "\n");
' "$PKG" "$OUT/sizes.json"

say "npm pack"
(cd "$PKG" && npm pack --silent --pack-destination "$OUT" >/dev/null)
tarball="$(ls "$OUT"/createimage-validator-*.tgz)"
say "$tarball: $(wc -c <"$tarball") bytes"
