// Bench (not a test): the same 1,000 requests (the Rust rule tests' cases of all four providers,
// valid and invalid, in turn) validated by this package (validate, validateJson, the Standard Schema
// objects) and by ajv's standalone code compiled from jsonSchema(), in one Node process. Prints ops/s
// of each, the ratio, where the package's time goes (JS↔wasm boundary vs. validation), the time to
// first validation (instantiate + first call), and the time of a few large inputs (about 1 MB each),
// where an allocator or a parser with a bad worst case would show.
//
//   node bench.mjs            (after scripts/test.sh js, which builds, installs and exports the cases)
import { performance } from "node:perf_hooks";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { here, loadCases } from "./lib/env.mjs";

const N = 1000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

// --- time to first validation: the package (import instantiates the module in Node) ----------------
const cases = loadCases();
let t0 = performance.now();
const pkg = await import("createimage-validator");
const firstReport = pkg.validate(cases[0].provider, cases[0].request);
const packageFirst = performance.now() - t0;
t0 = performance.now();
const only = await import("createimage-validator/validate");
only.validate(cases[0].provider, cases[0].request);
const onlyFirst = performance.now() - t0;

// --- ajv: standalone code generated from jsonSchema(), then loaded like an app would ---------------
const { makeAjv } = await import("./lib/ajv.mjs");
const standaloneModule = await import("ajv/dist/standalone/index.js");
const standaloneCode = standaloneModule.default ?? standaloneModule;
const ids = pkg.providers().map((p) => p.id);
const schemas = ids.map((id) => pkg.jsonSchema(id));
const { ajv } = makeAjv(schemas, { code: { source: true } });
for (const s of schemas) ajv.addSchema(s);
// CommonJS beside node_modules: the generated code requires ajv's small runtime helpers (ucs2length).
const dir = join(here, ".generated");
mkdirSync(dir, { recursive: true });
const file = join(dir, "bench-validators.cjs");
writeFileSync(file, standaloneCode(ajv, Object.fromEntries(ids.map((id, i) => [id, schemas[i].$id]))));
t0 = performance.now();
const standalone = createRequire(import.meta.url)(file);
standalone[cases[0].provider](cases[0].request);
const ajvFirst = performance.now() - t0;
rmSync(file, { force: true });

// --- the 1,000 requests: the cases of every provider, interleaved ----------------------------------
const byProvider = ids.map((id) => cases.filter((c) => c.provider === id));
const requests = [];
for (let i = 0; requests.length < N; i++) {
  const list = byProvider[i % byProvider.length];
  const c = list[Math.floor(i / byProvider.length) % list.length];
  requests.push({ provider: c.provider, request: c.request, text: JSON.stringify(c.request), invalid: c.want.some((w) => w.severity === "error") });
}
const invalid = requests.filter((r) => r.invalid).length;

/** Runs `fn` over all requests repeatedly for about `seconds`; validations per second. */
function opsPerSecond(fn, seconds = SECONDS) {
  for (let i = 0; i < 2; i++) for (const r of requests) fn(r); // warm-up
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  let sink = 0;
  while (elapsed < seconds * 1000) {
    for (const r of requests) sink ^= fn(r) ? 1 : 0;
    done += requests.length;
    elapsed = performance.now() - start;
  }
  if (sink === 2) console.log(""); // keep the results alive
  return (done / elapsed) * 1000;
}

const results = [
  ["package: validate(provider, object)", opsPerSecond((r) => pkg.validate(r.provider, r.request).valid)],
  ["package: validate(provider, JSON text)", opsPerSecond((r) => pkg.validate(r.provider, r.text).valid)],
  ["package: validateJson(provider, JSON text) → text", opsPerSecond((r) => pkg.validateJson(r.provider, r.text).length > 0)],
  ["createimage-validator/validate: validate(object)", opsPerSecond((r) => only.validate(r.provider, r.request).valid)],
  ["package: schemas[provider] Standard Schema validate", opsPerSecond((r) => pkg.schemas[r.provider]["~standard"].validate(r.request).issues === undefined)],
  ["ajv standalone (jsonSchema())", opsPerSecond((r) => standalone[r.provider](r.request))],
  ["ajv standalone on JSON text (JSON.parse + validate)", opsPerSecond((r) => standalone[r.provider](JSON.parse(r.text)))],
  ["JSON.stringify alone (boundary share)", opsPerSecond((r) => JSON.stringify(r.request).length > 0)],
];
/**
 * The rate of `b` over that of `a`, timed in alternating short rounds so that a change in the
 * machine's load hits both alike: the median of seven rounds.
 */
function relativeRate(a, b) {
  const ratios = Array.from({ length: 7 }, () => opsPerSecond(b, SECONDS / 5) / opsPerSecond(a, SECONDS / 5));
  return ratios.sort((x, y) => x - y)[3];
}
const schemaCost = relativeRate(
  (r) => pkg.validate(r.provider, r.request).valid,
  (r) => pkg.schemas[r.provider]["~standard"].validate(r.request).issues === undefined,
);

const fmt = (n) => Math.round(n).toLocaleString("en-US").padStart(12);
console.log(`${requests.length} requests (${invalid} invalid, ${requests.length - invalid} valid), ${ids.length} providers, ${SECONDS} s each, node ${process.version}`);
for (const [name, ops] of results) console.log(`${name.padEnd(52)} ${fmt(ops)} ops/s`);
const mine = results[0][1];
const theirs = results.find(([name]) => name.startsWith("ajv"))[1];
console.log(`ratio package/ajv (objects): ${(mine / theirs).toFixed(3)}×`);
const textMine = results.find(([name]) => name.startsWith("package: validateJson"))[1];
const textTheirs = results.find(([name]) => name.startsWith("ajv standalone on JSON text"))[1];
console.log(`ratio package/ajv (JSON text: validateJson vs JSON.parse + ajv): ${(textMine / textTheirs).toFixed(3)}×`);
console.log(`Standard Schema validate against validate(provider, object), alternating rounds: ${schemaCost.toFixed(3)}×`);
console.log(`time to first validation: package ${packageFirst.toFixed(1)} ms (import + instantiate + first call), createimage-validator/validate ${onlyFirst.toFixed(1)} ms, ajv standalone ${ajvFirst.toFixed(1)} ms (import + first call)`);
// --- large inputs: one call each, every module ------------------------------------------------------
const large = [
  ["40,000 small objects in an array", JSON.stringify({ x: Array.from({ length: 40000 }, () => ({ k: [1, 2, 3, 4, 5, 6, 7, 8, 9] })) })],
  ["100,000 unknown keys in reverse order", `{${Array.from({ length: 100000 }, (_, i) => `"k${String(100000 - i).padStart(6, "0")}":1`).join(",")}}`],
  ["one 1 MB string", JSON.stringify({ instanceId: "1234567654321", imageName: "x".repeat(1 << 20) })],
];
for (const [name, text] of large) {
  const times = [pkg, only].map((m) => {
    const start = performance.now();
    m.validateJson("zenlayer", text);
    return (performance.now() - start).toFixed(0);
  });
  console.log(`large input, ${name} (${text.length} bytes): ${times[0]} ms (whole API), ${times[1]} ms (validate module)`);
}
console.log(`first report: ${JSON.stringify(firstReport).slice(0, 80)}…`);
