// The size budget of the package as installed from the tarball: gzip -9 (GNU gzip, as scripts/build-js.sh
// measures) of the .wasm and of the JS glue may not pass size-budget.json (set at the achieved size
// + 10 %), and what an app that only validates loads (createimage-validator/validate: its .wasm and its
// glue) may not pass the goal, 60 KB. Prints raw, gzip and brotli.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const budget = JSON.parse(readFileSync(new URL("../size-budget.json", import.meta.url), "utf8"));
const installed = (file) => fileURLToPath(import.meta.resolve(`createimage-validator/package.json`).replace(/package\.json$/, file));

const gzipOf = (file) => execFileSync("gzip", ["-9", "-n", "-c"], { input: readFileSync(installed(file)) }).length;

for (const [file, limit] of Object.entries(budget.gzip)) {
  test(`${file}: gzip within ${limit} bytes`, (t) => {
    const bytes = readFileSync(installed(file));
    const gzip = gzipOf(file);
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    t.diagnostic(`${file}: ${bytes.length} raw, ${gzip} gzip, ${brotli} brotli (budget ${limit} gzip)`);
    assert.ok(gzip <= limit, `${file} is ${gzip} bytes gzipped, over the budget of ${limit}`);
  });
}

test(`createimage-validator/validate loads within ${budget.goal} bytes gzip (wasm and glue)`, (t) => {
  const files = ["web/validate_bg.wasm", "web/validate.js"];
  const total = files.reduce((n, f) => n + gzipOf(f), 0);
  t.diagnostic(`${files.join(" + ")}: ${total} gzip (goal ${budget.goal})`);
  assert.ok(total <= budget.goal, `the validate module loads ${total} bytes gzipped, over the goal of ${budget.goal}`);
});
