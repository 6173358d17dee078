// GNU `gzip -9` (what the README's figures and the goals use; a few percent smaller than Node's
// zlib), or zlib at level 9 where there is no gzip. Shared by scripts/finish-dist.mjs and
// tests/e2e/measure.mjs.
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";

/** The gzip -9 bytes of `bytes`. */
export function gzip9(bytes) {
  try {
    return execFileSync("gzip", ["-9", "-n", "-c"], { input: bytes, maxBuffer: 64 << 20 });
  } catch {
    return gzipSync(bytes, { level: 9 });
  }
}
