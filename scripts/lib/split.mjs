// The console's wasm, cut in two: the main module the page loads, and a chunk with what
// src/lazy.rs marks (signing, reading answers, the catalog's text), fetched on first use.
//
// Trunk has no step between cargo and wasm-bindgen, where the split must happen, so this redoes
// the back half of Trunk's build from cargo's output (built with the `split` feature, which links
// with --emit-relocs):
//   wasm-split-cli (wasm_split_cli_support, installed by scripts/setup.sh) → the main module,
//     the chunks and their loader `__wasm_split.js`;
//   wasm-bindgen --keep-lld-exports on the main module (the chunks link to its exports), under
//     Trunk's own file names, so index.html's script stays right;
//   wasm-opt -Oz on the main module and the chunks (index.html has data-wasm-opt="0", so this is
//     the only wasm-opt the console gets: the project's own, at the version tools/ pins).
// The loader (minified first) and the chunks get content hashes in their names, and the loader
// fetches each chunk with its subresource-integrity hash: a cached page never pairs a new main
// module with an old chunk, and a chunk is used only as built.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hash16, sri } from "./digest.mjs";

const CRATE = "createimage-console";
const ROOT = new URL("../..", import.meta.url).pathname;
const WASM_OPT = join(ROOT, "tools/node_modules/.bin/wasm-opt");

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
const output = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8" }).trim();

/** The tools at the versions the project pins, or an error that says which is wrong. */
function checkTools() {
  const binaryen = JSON.parse(readFileSync(join(ROOT, "tools/package.json"), "utf8")).devDependencies.binaryen;
  const major = binaryen.split(".")[0];
  const wantOpt = `wasm-opt version ${major} (version_${major})`;
  const opt = existsSync(WASM_OPT) ? output(WASM_OPT, ["--version"]) : "missing";
  if (opt !== wantOpt) throw new Error(`split: ${WASM_OPT} is ${opt}, not "${wantOpt}" (run scripts/setup.sh)`);
  const lock = readFileSync(join(ROOT, "Cargo.lock"), "utf8");
  const bindgen = /\nname = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)?.[1];
  const wantBindgen = `wasm-bindgen ${bindgen}`;
  let have = "missing";
  try {
    have = output("wasm-bindgen", ["--version"]);
  } catch {}
  if (have !== wantBindgen) throw new Error(`split: wasm-bindgen is ${have}, not "${wantBindgen}" (run scripts/setup.sh)`);
  try {
    output("wasm-split-cli", ["--help"]);
  } catch {
    throw new Error("split: no wasm-split-cli on PATH (run scripts/setup.sh)");
  }
}

/** Where cargo put the console's wasm for this Trunk build (the workspace's target directory). */
function cargoWasm() {
  const meta = JSON.parse(execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps", "--offline"]));
  const profile = process.env.TRUNK_PROFILE === "debug" ? "debug" : "release";
  return join(meta.target_directory, "wasm32-unknown-unknown", profile, `${CRATE}.wasm`);
}

/**
 * Splits the console in `dir` (Trunk's staging directory) in place; `minify(code)` shrinks the
 * loader before it is named. Returns the names of the files it wrote or replaced:
 * `{ main, glue, loader, chunks }`.
 */
export async function splitConsole(dir, minify) {
  checkTools();
  const glue = readdirSync(dir).find((n) => n.startsWith(`${CRATE}-`) && n.endsWith(".js"));
  if (!glue) throw new Error(`split: no ${CRATE}-<hash>.js in ${dir}`);
  const stem = glue.slice(0, -".js".length);
  const input = cargoWasm();
  if (!existsSync(input)) throw new Error(`split: no cargo output at ${input}`);
  // What an earlier run left here (run by hand on dist/): replaced below, never kept beside.
  for (const old of readdirSync(dir).filter((n) => /^(__wasm_split-[0-9a-f]{16}\.js|(split|chunk)_.*-[0-9a-f]{16}\.wasm)(\.br|\.gz)?$/.test(n))) {
    rmSync(join(dir, old));
  }

  const work = mkdtempSync(join(tmpdir(), "createimage-split-"));
  try {
    run("wasm-split-cli", [input, work, "--out-name", stem, "--target", "web"]);
    // Every wasm-split-cli writes beside the main module: split modules and the chunks they share.
    const chunks = readdirSync(work).filter((n) => n.endsWith(".wasm") && n !== `${stem}.wasm`);
    // index.html builds with the `split` feature: no chunk means the feature or the relocations
    // did not make it into cargo's build, and the page would load everything up front.
    if (chunks.length === 0) throw new Error("split: wasm-split-cli found no split point (was the `split` feature on?)");
    run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--no-typescript", "--out-dir", work, "--out-name", stem, join(work, `${stem}.wasm`)]);

    const optimize = (from, to) => run(WASM_OPT, ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", from, "-o", to]);
    const main = `${stem}_bg.wasm`;
    optimize(join(work, main), join(dir, main));

    let loader = readFileSync(join(work, "__wasm_split.js"), "utf8");
    const written = [];
    for (const chunk of chunks) {
      optimize(join(work, chunk), join(work, `${chunk}.opt`));
      const bytes = readFileSync(join(work, `${chunk}.opt`));
      const name = `${chunk.slice(0, -".wasm".length)}-${hash16(bytes)}.wasm`;
      writeFileSync(join(dir, name), bytes);
      const fetchOf = (file) => `fetch(new URL("./${file}", import.meta.url))`;
      if (!loader.includes(fetchOf(chunk))) throw new Error(`split: the loader does not fetch ./${chunk} as expected`);
      loader = loader.replaceAll(fetchOf(chunk), `fetch(new URL("./${name}", import.meta.url), { integrity: "${sri(bytes)}" })`);
      written.push(name);
    }
    const unhandled = [...loader.matchAll(/"\.\/([^"]+\.wasm)"/g)].map((m) => m[1]).filter((f) => !written.includes(f));
    if (unhandled.length) throw new Error(`split: the loader fetches files this script did not write: ${unhandled.join(", ")}`);
    loader = await minify(loader);
    const loaderName = `__wasm_split-${hash16(loader)}.js`;
    writeFileSync(join(dir, loaderName), loader);

    let js = readFileSync(join(work, `${stem}.js`), "utf8");
    // Only the module specifier changes: the wasm still names its import module ./__wasm_split.js.
    const specifier = `from "./__wasm_split.js"`;
    if (!js.includes(specifier)) throw new Error("split: the glue does not import ./__wasm_split.js");
    js = js.replaceAll(specifier, `from "./${loaderName}"`);
    writeFileSync(join(dir, glue), js);
    return { main, glue, loader: loaderName, chunks: written };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
