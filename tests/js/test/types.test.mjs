// The declarations against reality: the example consumer type-checks with `tsc --noEmit --strict`, and
// every shape the package really returns (reports of all test requests in both languages, issues,
// rules, catalogs, providers, schemas) is written out as object literals typed with index.d.ts's types,
// so tsc's excess-property and literal-type checks fail on any field the declarations get wrong. A
// deliberately wrong literal must fail, or the check could not fail at all.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { validate, validateField, explain, catalog, providers, rules, jsonSchema } from "createimage-validator";
import { here, loadCases } from "../lib/env.mjs";

const run = promisify(execFile);
const tsc = join(here, "node_modules/.bin/tsc");
const generated = join(here, ".generated");

async function typecheck(project) {
  try {
    await run(tsc, ["-p", project], { cwd: here });
    return { ok: true, output: "" };
  } catch (e) {
    return { ok: false, output: `${e.stdout}${e.stderr}` };
  }
}

test("the example consumer type-checks with tsc --noEmit --strict", async () => {
  const { ok, output } = await typecheck("example");
  assert.ok(ok, output);
});

function writeProject(name, source) {
  const dir = join(generated, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "shapes.ts"), source);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext", lib: ["es2022", "dom"], exactOptionalPropertyTypes: true },
      files: ["shapes.ts"],
    }),
  );
  return dir;
}

const types = 'import type { Report, Issue, FieldRule, CatalogEntry, ProviderInfo, RequestSchema } from "createimage-validator";\n';

test("every shape the package returns matches index.d.ts exactly", async () => {
  const ids = providers().map((p) => p.id);
  const cases = loadCases();
  const reports = cases.flatMap((c) => [validate(c.provider, c.request), validate(c.provider, c.request, { lang: "zh", strict: true })]);
  const issues = [validateField("jdcloud", "dataDisks[0].cloudDiskSpec.diskSizeGB", 25, {}), validateField("aliyun", "Tag", [{ Key: "aliyun" }, 5], {})].flat();
  const source =
    types +
    `export const reports: Report[] = ${JSON.stringify(reports)};\n` +
    `export const issues: Issue[] = ${JSON.stringify(issues)};\n` +
    `export const rules: FieldRule[] = ${JSON.stringify(ids.flatMap((id) => rules(id)))};\n` +
    `export const catalog: CatalogEntry[] = ${JSON.stringify(ids.flatMap((id) => catalog(id)))};\n` +
    `export const explained: CatalogEntry[] = ${JSON.stringify(explain("aliyun", "OperationDenied", "system disk"))};\n` +
    `export const providers: ProviderInfo[] = ${JSON.stringify(providers())};\n` +
    `export const schemas: RequestSchema[] = ${JSON.stringify(ids.map((id) => jsonSchema(id)))};\n`;
  // Every kind of issue the cases produce is in there (so the union is exercised, not just declared).
  assert.ok(new Set(reports.flatMap((r) => r.issues.map((i) => i.kind.type))).size >= 30);
  const { ok, output } = await typecheck(writeProject("shapes", source));
  assert.ok(ok, output.slice(0, 4000));
});

/** Every key of `value`, at any depth. */
const keysOf = (value) =>
  value === null || typeof value !== "object" ? [] : Object.entries(value).flatMap(([k, v]) => [...(Array.isArray(value) ? [] : [k]), ...keysOf(v)]);

test("every request of the cases that passes strict validation has its provider's request type", async () => {
  // JD matches keys whatever their case, which a type cannot say: its requests with other spellings
  // (`CloudDiskSpec`) are left out.
  const spelt = (c) => !providers().find((p) => p.id === c.provider).caseInsensitiveKeys || keysOf(c.request).every((k) => rules(c.provider).some((r) => r.key === k));
  const valid = loadCases().filter((c) => validate(c.provider, c.request, { strict: true }).valid);
  const ok = valid.filter(spelt);
  assert.ok(ok.length >= 40 && valid.length - ok.length <= 3, `${ok.length} requests of ${valid.length}`);
  const source =
    'import type { Requests } from "createimage-validator";\n' +
    ok.map((c, i) => `export const r${i}: Requests[${JSON.stringify(c.provider)}] = ${JSON.stringify(c.request)};\n`).join("");
  const { ok: passed, output } = await typecheck(writeProject("requests", source));
  assert.ok(passed, output.slice(0, 4000));
});

test("a shape that differs from index.d.ts fails the check", async () => {
  const report = validate("tencent", { instanceId: "i", imageName: "a_b" });
  const wrong = structuredClone(report);
  wrong.issues[0].kind.index = "1"; // a string where the declaration says number
  const extra = structuredClone(report);
  extra.issues[0].kind.extra = true; // a member the declaration does not have
  for (const [name, bad] of [["wrong", wrong], ["extra", extra]]) {
    const { ok, output } = await typecheck(writeProject(name, types + `export const r: Report = ${JSON.stringify(bad)};\n`));
    assert.equal(ok, false, `${name} passed`);
    assert.match(output, /error TS/);
  }
});

test.after(() => rmSync(generated, { recursive: true, force: true }));
