// Trunk's post-build hook (Trunk.toml), on the console's build before Trunk moves it into dist/:
//  0. splits the wasm into the main module and the chunk loaded on first use (lib/split.mjs);
//  1. minifies the JS glue with terser (tools/node_modules): Trunk's own minifier cannot parse
//     wasm-bindgen's glue, so Trunk.toml has `minify = "never"`; terser halves it. index.html's
//     subresource-integrity hash of each file changed (here or by the split) is updated, and the
//     split's loader is preloaded with its own.
//  2. writes <file>.br (brotli, quality 11) and <file>.gz (gzip, level 9) beside each file, so
//     `createimage serve` sends them compressed (tower-http's ServeDir picks the best the browser
//     accepts) without compressing on every request. Files compression does not shrink are left alone.
import { createRequire } from "node:module";
import { existsSync, readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { sri } from "./lib/digest.mjs";
import { gzip9 } from "./lib/gzip.mjs";
import { splitConsole } from "./lib/split.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error("no directory: run as a Trunk hook (TRUNK_STAGING_DIR) or pass one");
/** The directory's files, without the compressed copies this hook writes. */
const listFiles = () => readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile() && !/\.(br|gz)$/.test(name));

const { minify } = createRequire(new URL("../tools/package.json", import.meta.url))("terser");
const indexPath = join(dir, "index.html");
let index = readFileSync(indexPath, "utf8");
const trunkSri = new Map(listFiles().map((name) => [name, sri(readFileSync(join(dir, name)))]));

const minifyJs = async (code) => {
  const out = await minify(code, { module: true, compress: true, mangle: true });
  return out.code && out.code.length < code.length ? out.code : code;
};
const split = await splitConsole(dir, minifyJs);
const files = listFiles();

// The loader is minified already: its name is the hash of what it is.
for (const name of files.filter((n) => n.endsWith(".js") && n !== split.loader)) {
  const path = join(dir, name);
  writeFileSync(path, await minifyJs(readFileSync(path, "utf8")));
}
for (const [name, before] of trunkSri) {
  if (!existsSync(join(dir, name))) continue;
  const after = sri(readFileSync(join(dir, name)));
  if (after !== before) index = index.replaceAll(before, after);
}
// The glue imports the loader: fetch it alongside instead of after the glue has been parsed (in
// place of the link an earlier run on the same directory added).
const loaderSri = sri(readFileSync(join(dir, split.loader)));
const preload = `<link rel="modulepreload" href="/${split.loader}" crossorigin="anonymous" integrity="${loaderSri}">`;
index = index.replace(/<link rel="modulepreload" href="\/__wasm_split-[^"]*"[^>]*>/g, "");
if (!index.includes("</head>")) throw new Error("index.html has no </head>");
index = index.replace("</head>", `${preload}</head>`);
writeFileSync(indexPath, index);

const compressible = /\.(wasm|js|css|html|svg|json)$/;
for (const name of files.filter((n) => compressible.test(n))) {
  const path = join(dir, name);
  const bytes = readFileSync(path);
  const br = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  const gz = gzip9(bytes);
  if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
  if (gz.length < bytes.length) writeFileSync(`${path}.gz`, gz);
}
