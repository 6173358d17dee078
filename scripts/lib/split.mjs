// The console's wasm, cut in two: the main module the page loads, and a chunk with what
// src/lazy.rs marks (signing, reading answers, the catalog's text), fetched on first use.
//
// Trunk has no step between cargo and wasm-bindgen, where the split must happen, so this redoes
// the back half of Trunk's build from cargo's output (built with the `split` feature, which links
// with --emit-relocs):
//   wasm-split-cli (wasm_split_cli_support, installed by scripts/setup.sh) → the main module,
//     the chunk and the loader `__wasm_split.js`;
//   wasm-bindgen --keep-lld-exports on the main module (the chunk links to its exports), under
//     Trunk's own file names, so index.html's script stays right;
//   wasm-opt -Oz on the main module and the chunk (index.html has data-wasm-opt="0").
// The loader and the chunk get content hashes in their names, like Trunk's files, so a browser
// cache never pairs a new main module with an old chunk.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CRATE = "createimage-console";

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/** Where cargo put the console's wasm (the workspace's target directory). */
function cargoWasm() {
  const meta = JSON.parse(execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps", "--offline"]));
  return join(meta.target_directory, "wasm32-unknown-unknown", "release", `${CRATE}.wasm`);
}

/**
 * Splits the console in `dir` (Trunk's staging directory) in place. Returns the names of the files
 * it wrote or replaced: `{ main, glue, loader, chunks }`.
 */
export function splitConsole(dir) {
  const glue = readdirSync(dir).find((n) => n.startsWith(`${CRATE}-`) && n.endsWith(".js"));
  if (!glue) throw new Error(`split: no ${CRATE}-<hash>.js in ${dir}`);
  const stem = glue.slice(0, -".js".length);
  const input = cargoWasm();
  if (!existsSync(input)) throw new Error(`split: no cargo output at ${input}`);

  const work = mkdtempSync(join(tmpdir(), "createimage-split-"));
  try {
    run("wasm-split-cli", [input, work, "--out-name", stem, "--target", "web"]);
    const chunks = readdirSync(work).filter((n) => n.startsWith("split_") && n.endsWith(".wasm"));
    // index.html builds with the `split` feature: no chunk means the feature or the relocations
    // did not make it into cargo's build, and the page would load everything up front.
    if (chunks.length === 0) throw new Error("split: wasm-split-cli found no split point (was the `split` feature on?)");
    run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--no-typescript", "--out-dir", work, "--out-name", stem, join(work, `${stem}.wasm`)]);

    const optimize = (from, to) =>
      run("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", from, "-o", to]);
    const main = `${stem}_bg.wasm`;
    optimize(join(work, main), join(dir, main));

    let loader = readFileSync(join(work, "__wasm_split.js"), "utf8");
    const written = [];
    for (const chunk of chunks) {
      optimize(join(work, chunk), join(work, `${chunk}.opt`));
      const bytes = readFileSync(join(work, `${chunk}.opt`));
      const name = `${chunk.slice(0, -".wasm".length)}-${hash16(bytes)}.wasm`;
      writeFileSync(join(dir, name), bytes);
      if (!loader.includes(`"./${chunk}"`)) throw new Error(`split: the loader does not fetch ./${chunk}`);
      loader = loader.replaceAll(`"./${chunk}"`, `"./${name}"`);
      written.push(name);
    }
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
