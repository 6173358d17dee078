// The package's API beyond validate(): errors are Errors with clear messages, outputs are plain objects,
// options work, validateField matches full validation restricted to one field, and the lookup data
// (providers, rules, catalog) is exported so JS never hard-codes a list.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as pkg from "createimage-validator";
import { validate, validateJson, validateField, explain, catalog, providers, rules, jsonSchema } from "createimage-validator";
import { loadCases } from "../lib/env.mjs";

const cases = loadCases();

/** Every object reachable from `value` is a plain object or an array: no Map, no class instance. */
function assertPlain(value, at = "$") {
  if (value === null || typeof value !== "object") return;
  const proto = Object.getPrototypeOf(value);
  assert.ok(Array.isArray(value) || proto === Object.prototype, `${at} is a ${value?.constructor?.name}`);
  for (const [k, v] of Object.entries(value)) assertPlain(v, `${at}.${k}`);
}

test("every answer is plain JSON-shaped data", () => {
  assertPlain(validate("aliyun", { ImageName: "1" }));
  assertPlain(validateField("jdcloud", "name", "a b"));
  for (const { id } of providers()) {
    assertPlain(rules(id));
    assertPlain(jsonSchema(id));
    assertPlain(catalog(id));
  }
  assertPlain(providers());
  assertPlain(explain("aliyun", "InvalidImageName.Malformed"));
});

test("errors are Errors with a clear message", () => {
  const throws = (fn, pattern, type = Error) =>
    assert.throws(fn, (e) => e instanceof type && pattern.test(e.message), String(pattern));
  throws(() => validate("aws", {}), /unknown provider "aws": expected one of aliyun, tencent, tencent3, jdcloud, zenlayer/);
  throws(() => validate("zenlayer", [1, 2]), /the request must be a JSON object, not an array/);
  throws(() => validate("zenlayer", null), /the request must be a JSON object, not null/);
  throws(() => validate("zenlayer", 5), /the request must be a JSON object, not an integer/);
  throws(() => validate("zenlayer", undefined), /the request must be a JSON object \(or its JSON text\), not undefined/);
  throws(() => validate("zenlayer", "{nope"), /^not valid JSON: /);
  throws(() => validate("zenlayer", " \n"), /^empty input: expected a JSON object$/);
  throws(() => validateJson("zenlayer", ""), /^empty input: expected a JSON object$/);
  throws(() => validate("zenlayer", {}, { lang: "fr" }), /invalid options: unknown language "fr"/);
  throws(() => validate("zenlayer", {}, { strict: "yes" }), /invalid options: strict must be true or false/);
  throws(() => validate("zenlayer", {}, "zh"), /invalid options/);
  throws(() => validateJson("tencent", "[]"), /not an array/);
  throws(() => validateField("aliyun", "Tag.1.Kye", "k"), /unknown field "Tag.1.Kye"; did you mean Tag.N.Key\?/);
  throws(() => validateField("aliyun", "ImageName", "ab", [1]), /must be a JSON object, not an array/);
  const cyclic = { imageName: "a" };
  cyclic.self = cyclic;
  throws(() => validate("zenlayer", cyclic), /circular/i, TypeError);
  throws(() => validate("zenlayer", { imageName: 1n }), /BigInt/i, TypeError);
  // The module stays usable after every error above.
  assert.equal(validate("zenlayer", { instanceId: "i", imageName: "ok" }).valid, true);
});

test("provider aliases and case are accepted; the report names the canonical id", () => {
  assert.equal(validate("Alibaba", { RegionId: "r", InstanceId: "i" }).provider, "aliyun");
  assert.equal(validate("JD", { regionId: "r", instanceId: "i", name: "ab" }).provider, "jdcloud");
});

test("options: Chinese messages, strict warnings, undefined members", () => {
  const request = { instanceId: "i", imageName: "web.01" };
  const en = validate("zenlayer", request);
  const zh = validate("zenlayer", request, { lang: "zh" });
  assert.equal(en.valid, true);
  assert.equal(en.issues[0].severity, "warning");
  assert.deepEqual(zh.issues[0].kind, en.issues[0].kind);
  assert.match(zh.issues[0].message, /[\u4e00-\u9fff]/);
  const strict = validate("zenlayer", request, { strict: true });
  assert.equal(strict.valid, false);
  assert.equal(strict.issues[0].severity, "error");
  assert.deepEqual(validate("zenlayer", request, { lang: undefined, strict: undefined }), en);
  assert.deepEqual(validate("zenlayer", request, null), en);
});

test("objects and JSON text give the same report; JS-only values behave as JSON.stringify makes them", () => {
  const request = { instanceId: "i", imageName: "a b", imageDescription: undefined };
  assert.deepEqual(validate("zenlayer", request), validate("zenlayer", JSON.stringify(request)));
  assert.equal(validateJson("zenlayer", JSON.stringify(request)), JSON.stringify(validate("zenlayer", request)));
  // Text as a file holds it: a byte-order mark is skipped, as createimage check skips it.
  assert.equal(validateJson("zenlayer", "\ufeff" + JSON.stringify(request)), validateJson("zenlayer", JSON.stringify(request)));
  assert.deepEqual(validate("zenlayer", "\ufeff" + JSON.stringify(request)), validate("zenlayer", request));
  // undefined members are absent, as null is.
  assert.deepEqual(validate("zenlayer", { instanceId: "i", imageName: undefined }).issues[0].kind, { type: "missing" });
});

test("validateField: the field's own rules alone, every rule with the request", () => {
  const tencent = validateField("tencent", "imageName", "a_b");
  assert.deepEqual(tencent.map((i) => [i.field, i.code, i.kind.type]), [["imageName", "4000", "invalidChar"]]);
  assert.deepEqual(validateField("tencent", "imageName", "ok"), []);
  assert.deepEqual(validateField("zenlayer", "imageName", "").map((i) => i.kind.type), ["missing"]);
  assert.deepEqual(validateField("zenlayer", "imageName", null).map((i) => i.kind.type), ["missing"]);

  const size = "dataDisks[0].cloudDiskSpec.diskSizeGB";
  // Alone: the size's range depends on the disk type, a cross-field rule: nothing to check.
  assert.deepEqual(validateField("jdcloud", size, 25), []);
  // With a request (even an empty one) the cross-field rules apply: no type → the widest grid.
  assert.deepEqual(validateField("jdcloud", size, 25, {}).map((i) => i.kind.type), ["badStep"]);
  const request = { regionId: "r", instanceId: "i", name: "a b", dataDisks: [{ cloudDiskSpec: { diskType: "ssd", diskSizeGB: 20 } }] };
  const issues = validateField("jdcloud", size, 1010, request);
  assert.deepEqual(issues.map((i) => [i.field, i.code, i.kind.type, i.kind.max]), [[size, "OUT_OF_RANGE", "outOfRange", 1000]]);
  // Only this field's issues: the request's bad name is not reported here.
  assert.deepEqual(validateField("jdcloud", size, 20, request), []);
  // Any spelling of the path that JD accepts; the request's own spelling is replaced, not doubled.
  const shouted = { regionId: "r", instanceId: "i", name: "ab", DataDisks: [{ CloudDiskSpec: { DiskType: "ssd", DiskSizeGB: 20 } }] };
  assert.deepEqual(validateField("jdcloud", "DataDisks[0].CloudDiskSpec.DiskSizeGB", 1010, shouted).map((i) => i.kind.type), ["outOfRange"]);
  // Alibaba: flat or structured, the field is replaced; the rest of the item stays.
  const ali = { RegionId: "r", InstanceId: "i", Tag: [{ Key: "ok", Value: "v" }] };
  assert.deepEqual(validateField("aliyun", "Tag.1.Key", "acs:x", ali).map((i) => [i.field, i.kind.type]), [["Tag.1.Key", "forbiddenPrefix"]]);
  assert.deepEqual(validateField("aliyun", "Tag.1.Key", null, ali).map((i) => [i.field, i.kind.type]), [["Tag.1.Key", "requiredUnless"]]);
  assert.deepEqual(validateField("aliyun", "Tag.21.Key", "k", ali).map((i) => i.kind.type), ["indexOutOfRange"]);
  // A container: the issues inside it too.
  assert.deepEqual(
    validateField("aliyun", "Tag", [{ Key: "aliyun" }, "x"], ali).map((i) => [i.field, i.kind.type]),
    [["Tag.2", "wrongType"], ["Tag.1.Key", "forbiddenPrefix"]],
  );
});

/** The value at an issue path in a request as the validator reads it (flat keys, JD's any-case keys). */
function valueAt(provider, request, path) {
  if (provider === "aliyun" && path in request) return { found: true, value: request[path] };
  let at = request;
  for (const part of path.split(/\.(?=[^.])|(?=\[)/)) {
    if (at === null || typeof at !== "object") return { found: false };
    const index = /^\[(\d+)\]$/.exec(part) ?? (provider === "aliyun" && /^(\d+)$/.exec(part));
    if (index) {
      const i = Number(index[1]) - (provider === "aliyun" ? 1 : 0);
      if (!Array.isArray(at) || !(i in at)) return { found: false };
      at = at[i];
      continue;
    }
    const key = Object.keys(at).find((k) => (provider === "jdcloud" ? k.toLowerCase() === part.toLowerCase() : k === part));
    if (key === undefined) return { found: false };
    at = at[key];
  }
  return { found: true, value: at };
}

test("validateField with the whole request gives exactly the full report's issues at that field", (t) => {
  const fieldPaths = new Map(providers().map(({ id }) => [id, rules(id)]));
  let checked = 0;
  for (const c of cases) {
    const report = validate(c.provider, c.request);
    // A request that gives a field twice is changed by validateField (it sets the field once).
    if (report.issues.some((i) => i.kind.type === "givenTwice")) continue;
    for (const field of new Set(report.issues.map((i) => i.field))) {
      const { found, value } = valueAt(c.provider, c.request, field);
      if (!found) continue; // a missing field, or one named by a rule about another field
      let got;
      try {
        got = validateField(c.provider, field, value, c.request);
      } catch (e) {
        // Not a field of the table: an unknown parameter, or one item of an array (`Tag.2`, `dataDisks[0]`).
        assert.match(e.message, /unknown field/, `${c.name}: ${field}`);
        const item = /(\.\d+|\[\d+\])$/.test(field);
        assert.ok(item || report.issues.some((i) => i.field === field && i.kind.type === "unknownParameter"), `${c.name}: ${field}`);
        continue;
      }
      const want = report.issues.filter((i) => i.field === field || i.field.startsWith(field + ".") || i.field.startsWith(field + "["));
      assert.deepEqual(got, want, `${c.provider} ${c.name}: ${field}`);
      checked += 1;
    }
  }
  assert.ok(checked > 100, `only ${checked} fields checked`);
  t.diagnostic(`${checked} fields of ${cases.length} requests checked one by one`);
  assert.ok(fieldPaths.size === 5);
});

test("lookup data: providers, rules, catalog, explain", () => {
  assert.deepEqual(providers().map((p) => p.id), ["aliyun", "tencent", "tencent3", "jdcloud", "zenlayer"]);
  const jd = rules("jdcloud");
  const size = jd.find((r) => r.path === "dataDisks[].cloudDiskSpec.diskSizeGB");
  assert.equal(size.rangeBy.selector, "dataDisks[].cloudDiskSpec.diskType");
  assert.deepEqual(size.rangeBy.cases.find((c) => c.value === "premium-hdd"), { value: "premium-hdd", min: 20, max: 3000, step: 10 });
  assert.equal(size.group, "dataDisks");
  const duration = jd.find((r) => r.key === "chargeDuration");
  assert.deepEqual(duration.rangeBy.cases.map((c) => [c.value, c.max]), [["month", 9], ["year", 3]]);
  const tags = rules("aliyun").find((r) => r.path === "Tag");
  assert.deepEqual([tags.maxItems, tags.firstIndex], [20, 1]);
  const name = rules("aliyun").find((r) => r.path === "ImageName");
  assert.deepEqual(name.length, { min: 2, max: 128, unit: "chars" });
  assert.deepEqual(name.firstChar, ["letter", "han"]);
  assert.ok(rules("aliyun").find((r) => r.path === "Signature").common);
  for (const { id } of providers()) {
    const rows = catalog(id);
    assert.ok(rows.length > 0);
    for (const r of rows) assert.ok(r.meaning.en && r.meaning.zh, `${id} ${r.code}`);
    assert.deepEqual(explain(id, "no-such-code"), []);
  }
  const rows = explain("aliyun", "invalidimagename.malformed");
  assert.ok(rows.length > 0 && rows.every((r) => r.code === "InvalidImageName.Malformed"));
});

test("the module exports exactly what index.d.ts declares", async () => {
  const { readFile } = await import("node:fs/promises");
  const dts = await readFile(new URL(import.meta.resolve("createimage-validator/package.json").replace(/package\.json$/, "index.d.ts")), "utf8");
  const declared = [...dts.matchAll(/^export (?:default )?(?:function|const) (\w+)/gm)].map((m) => (m[0].includes("default") ? "default" : m[1])).sort();
  assert.deepEqual(Object.keys(pkg).sort(), declared);
  assert.equal(typeof pkg.default, "function");
  await pkg.default(); // Node: already loaded, resolves at once
});
