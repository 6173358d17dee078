// Where the consumer tests find what the repository built: the exported test cases of the Rust rule
// tests (scripts/test.sh, stage js, writes them) and the `createimage` CLI for the parity test.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../..", import.meta.url));
export const here = fileURLToPath(new URL("..", import.meta.url));
export const casesDir = process.env.CREATEIMAGE_CASES ?? join(root, "target/js-cases");
export const cli = process.env.CREATEIMAGE_BIN ?? join(root, "target/debug/createimage");

/**
 * Every case of validator/tests/all/rules_*.rs: {provider, name, request, want: [{severity, field, code, kind}]}.
 * Throws when there are none, so a missing export fails the tests instead of passing them vacuously.
 */
export function loadCases() {
  if (!existsSync(casesDir)) {
    throw new Error(`no exported cases in ${casesDir}: run scripts/test.sh js (it runs the rule tests with CREATEIMAGE_EXPORT_CASES)`);
  }
  const cases = [];
  for (const file of readdirSync(casesDir).filter((f) => f.endsWith(".json")).sort()) {
    const { provider, cases: list } = JSON.parse(readFileSync(join(casesDir, file), "utf8"));
    for (const c of list) cases.push({ provider, file, ...c });
  }
  const providers = new Set(cases.map((c) => c.provider));
  for (const p of ["aliyun", "tencent", "jdcloud", "zenlayer"]) {
    if (!providers.has(p)) throw new Error(`no exported cases for ${p} in ${casesDir}`);
  }
  return cases;
}

/** Sorted "severity field code kind" lines, for comparing issue lists whatever their order. */
export function summary(issues) {
  return issues.map((i) => `${i.severity} ${i.field} ${i.code} ${typeof i.kind === "string" ? i.kind : i.kind.type}`).sort();
}
