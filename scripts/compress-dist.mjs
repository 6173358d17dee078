// Trunk's post-build hook (Trunk.toml): writes <file>.br (brotli, quality 11) and <file>.gz (gzip,
// level 9) beside each file of the console's build, so `createimage serve` sends them compressed
// (tower-http's ServeDir picks the best the browser accepts) without compressing on every request.
// Files that do not shrink by compression are left alone.
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { gzip9 } from "./lib/gzip.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error("no directory: run as a Trunk hook (TRUNK_STAGING_DIR) or pass one");
const compressible = /\.(wasm|js|css|html|svg|json)$/;

for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!compressible.test(name) || !statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  const br = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  const gz = gzip9(bytes);
  if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
  if (gz.length < bytes.length) writeFileSync(`${path}.gz`, gz);
}
