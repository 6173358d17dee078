// Each provider as a Standard Schema v1 object (standardschema.dev), from both modules: over every case
// of the rule tests its issues are the report's errors (same message in each language, code, status,
// severity, kind) with a path into the object given, its warnings the report's warnings, and it passes
// exactly when the report is valid; exact paths for each form of request; then the real consumers,
// TanStack Form (form-core) validating a form on change and React Hook Form's standardSchemaResolver.
import { test } from "node:test";
import assert from "node:assert/strict";
import { FormApi, FieldApi } from "@tanstack/form-core";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import * as main from "createimage-validator";
import * as only from "createimage-validator/validate";
import { loadCases } from "../lib/env.mjs";

const cases = loadCases();
const infos = main.providers();
const modules = [
  ["createimage-validator", main],
  ["createimage-validator/validate", only],
];
const check = (mod, provider, value, options) => mod.standardSchema(provider, options)["~standard"].validate(value);
const withoutPath = ({ path, ...issue }) => issue;

/** The value at `path` in `value` (undefined where the path leaves it). */
const at = (value, path) => path.reduce((v, k) => (v === null || typeof v !== "object" ? undefined : v[k]), value);

/**
 * The issue field a path names, written back in the report's naming (an index as the provider's first
 * item number says: `Tag.1` from 1, `dataDisks[0]` from 0), keys folded where the provider ignores case
 * and cut as the report cuts unknown names: the inverse of the adapter's reading, for checking it.
 */
function fieldOf(provider, path) {
  const info = infos.find((p) => p.id === provider);
  const first = main.rules(provider).find((r) => r.firstIndex !== null)?.firstIndex ?? 0;
  let field = "";
  for (const k of path) {
    if (typeof k === "number") field += first === 1 ? `.${k + first}` : `[${k}]`;
    else field += (field ? "." : "") + k;
  }
  return info.caseInsensitiveKeys ? field.toLowerCase() : field;
}
const shown = (provider, field) => (infos.find((p) => p.id === provider).caseInsensitiveKeys ? field.toLowerCase() : field);
const cut = (text) => [...text].slice(0, 64).join("");

test("both modules export a Standard Schema v1 object per provider, and standardSchema()", () => {
  for (const [name, mod] of modules) {
    assert.deepEqual(Object.keys(mod.schemas), infos.map((p) => p.id), name);
    for (const { id } of infos) {
      const std = mod.schemas[id]["~standard"];
      assert.equal(std.version, 1);
      assert.equal(std.vendor, "createimage-validator");
      assert.equal(typeof std.validate, "function");
      assert.equal(typeof mod.standardSchema(id)["~standard"].validate, "function");
    }
  }
});

test("every case: issues are the report's errors with a path, warnings its warnings, en/zh, strict or not", () => {
  let issues = 0;
  for (const c of cases) {
    for (const options of [undefined, { lang: "zh" }, { strict: true }]) {
      const report = main.validate(c.provider, c.request, options);
      const results = modules.map(([, mod]) => check(mod, c.provider, c.request, options));
      assert.deepEqual(results[1], results[0], `${c.provider}: ${c.name}: the two modules differ`);
      const result = results[0];
      const errors = report.issues.filter((i) => i.severity === "error");
      assert.deepEqual(result.warnings.map(withoutPath), report.issues.filter((i) => i.severity === "warning"));
      if (report.valid) {
        assert.equal(result.value, c.request, `${c.provider}: ${c.name}: the value given back`);
        assert.equal(result.issues, undefined);
      } else {
        assert.deepEqual(result.issues.map(withoutPath), errors, `${c.provider}: ${c.name}`);
        assert.equal("value" in result, false);
      }
      if (options === undefined) assert.deepEqual(main.schemas[c.provider]["~standard"].validate(c.request), result);
      issues += (result.issues ?? []).length;
    }
  }
  assert.ok(issues > 300, `only ${issues} issues compared`);
});

test("every case: each path names the issue's field, and leads to its value when the request has one", () => {
  // Issues about a value the request does not have: a member left out, one a rule across fields
  // requires, or one the provider fills with its default. Their path is where the value belongs. And a group given flat
  // (`DiskDeviceMapping.1.Size` …) has no one key: an issue about the whole group names the group.
  const absent = new Set(["missing", "oneOfRequired", "allEmpty", "requiredWhen", "requiredUnless", "requires", "defaulted"]);
  const flatGroup = (request, path) => path.length === 1 && Object.keys(request).some((k) => k.startsWith(`${path[0]}.`));
  let resolved = 0;
  for (const c of cases) {
    const result = check(main, c.provider, c.request, { strict: true });
    for (const issue of result.issues ?? []) {
      assert.ok(issue.path.every((k) => typeof k === "string" || typeof k === "number"), JSON.stringify(issue.path));
      const named = fieldOf(c.provider, issue.path);
      const last = issue.path.at(-1);
      const want = shown(c.provider, issue.field);
      // An unknown name is cut in the report; its path keeps it whole.
      assert.ok(named === want || cut(named) === want || fieldOf(c.provider, [...issue.path.slice(0, -1), cut(String(last))]) === want, `${c.provider}: ${c.name}: ${JSON.stringify(issue.path)} does not name ${issue.field}`);
      if (at(c.request, issue.path) !== undefined) resolved++;
      else assert.ok(absent.has(issue.kind.type) || flatGroup(c.request, issue.path), `${c.provider}: ${c.name}: ${JSON.stringify(issue.path)} (${issue.kind.type}) leads to nothing`);
    }
  }
  assert.ok(resolved > 100, `only ${resolved} paths resolved`);
});

const jd = { regionId: "cn-north-1", instanceId: "i-abc", name: "web" };
const aliyun = { RegionId: "cn-hangzhou", InstanceId: "i-bp1", ImageName: "web" };
const tooLongKey = `x${"y".repeat(99)}`;

// [provider, request, [path, code, kind] of each issue (errors and warnings, in report order)]
const PATHS = [
  ["aliyun", { ...aliyun, Tag: [{ Key: "ok", Value: "v" }, { Key: "aliyun:x" }] }, [[["Tag", 1, "Key"], "InvalidParameter", "forbiddenPrefix"]]],
  ["aliyun", { ...aliyun, "Tag.1.Key": "ok", "Tag.2.Key": "aliyun:x" }, [[["Tag.2.Key"], "InvalidParameter", "forbiddenPrefix"]]],
  ["aliyun", { ...aliyun, "Tag.21.Key": "k" }, [[["Tag.21.Key"], "InvalidParameter", "indexOutOfRange"]]],
  ["aliyun", { ...aliyun, Tag: ["k"] }, [[["Tag", 0], "InvalidParameter", "wrongType"]]],
  ["aliyun", { ...aliyun, Tag: Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}` })) }, [[["Tag"], "InvalidParameter", "tooMany"]]],
  ["jdcloud", { ...jd, dataDisks: [{ cloudDiskSpec: { diskType: "ssd", diskSizeGB: 25 } }] }, [[["dataDisks", 0, "cloudDiskSpec", "diskSizeGB"], "OUT_OF_RANGE", "badStep"]]],
  // JD keys in any case: the path spells them as the caller did.
  ["jdcloud", { RegionId: "cn-north-1", InstanceId: "i-abc", Name: "web", DataDisks: [{ CloudDiskSpec: { DiskType: "ssd", DiskSizeGB: 25 } }] }, [[["DataDisks", 0, "CloudDiskSpec", "DiskSizeGB"], "OUT_OF_RANGE", "badStep"]]],
  ["jdcloud", { ...jd, dataDisks: [{ deviceName: "vdb" }, { cloudDiskSpec: { diskType: "ssd", diskSizeGB: 40, colour: 1 } }] }, [[["dataDisks", 1, "cloudDiskSpec", "colour"], "INVALID_ARGUMENT", "unknownParameter"]]],
  ["zenlayer", { instanceId: "i", [tooLongKey]: 1 }, [[[tooLongKey], "INVALID_PARAMETER", "unknownParameter"], [["imageName"], "INVALID_PARAMETER", "missing"]]],
];

for (const [provider, request, want] of PATHS) {
  test(`${provider}: paths of ${JSON.stringify(request).slice(0, 90)}`, () => {
    for (const [, mod] of modules) {
      const result = check(mod, provider, request, { strict: true });
      assert.deepEqual(result.issues.map((i) => [i.path, i.code, i.kind.type]), want);
    }
  });
}

test("a value that is no request object: one issue with the validator's message and an empty path", () => {
  const cycle = { instanceId: "i" };
  cycle.self = cycle;
  for (const [, mod] of modules) {
    for (const value of ["{}", [1], null, undefined, 5, true]) {
      const thrown = (() => {
        try {
          main.validate("zenlayer", typeof value === "string" ? JSON.stringify(value) : value);
        } catch (e) {
          return e.message;
        }
      })();
      assert.match(thrown, /^the request must be a JSON object/);
      assert.deepEqual(check(mod, "zenlayer", value), { issues: [{ message: thrown, path: [] }], warnings: [] });
    }
    const result = check(mod, "zenlayer", cycle);
    assert.equal(result.issues.length, 1);
    assert.match(result.issues[0].message, /circular/);
  }
});

test("an unknown provider or invalid options throw at the first validation, as validate throws", () => {
  for (const [, mod] of modules) {
    assert.throws(() => check(mod, "aws", {}), /unknown provider "aws"/);
    assert.throws(() => check(mod, "aliyun", aliyun, { lang: "fr" }), /invalid options/);
    assert.throws(() => check(mod, "aliyun", { ...aliyun, ImageName: "1" }, { strict: "yes" }), /invalid options: strict/);
  }
});

test("warnings never fail the schema unless strict, and stay on the result", () => {
  const request = { ...aliyun, Colour: "blue" };
  for (const [, mod] of modules) {
    const lax = check(mod, "aliyun", request);
    assert.equal(lax.value, request);
    assert.deepEqual(lax.warnings.map((w) => [w.path, w.kind.type]), [[["Colour"], "unknownParameter"]]);
    const strict = check(mod, "aliyun", request, { strict: true });
    assert.deepEqual(strict.issues.map((i) => [i.path, i.severity]), [[["Colour"], "error"]]);
  }
});

test("TanStack Form (form-core): a JD form validated on change, errors on the fields in the chosen language", () => {
  const form = new FormApi({
    defaultValues: { ...jd, dataDisks: [{ cloudDiskSpec: { diskType: "ssd", diskSizeGB: 40 } }] },
    validators: { onChange: main.standardSchema("jdcloud", { lang: "zh" }) },
  });
  form.mount();
  const size = new FieldApi({ form, name: "dataDisks[0].cloudDiskSpec.diskSizeGB" });
  const name = new FieldApi({ form, name: "name" });
  size.mount();
  name.mount();
  const messages = (field) => field.state.meta.errors.map((e) => [e.code, e.message]);
  const expected = (values, field) =>
    main.validate("jdcloud", values, { lang: "zh" }).issues.filter((i) => i.field === field).map((i) => [i.code, i.message]);

  size.handleChange(25);
  assert.deepEqual(messages(size), expected(form.state.values, "dataDisks[0].cloudDiskSpec.diskSizeGB"));
  assert.equal(messages(size).length, 1);
  assert.deepEqual(messages(name), []);
  assert.equal(form.state.isValid, false);

  name.handleChange("a");
  assert.deepEqual(messages(name), expected(form.state.values, "name"));
  assert.match(messages(name)[0][1], /[\u4e00-\u9fff]/); // Chinese, as asked

  size.handleChange(40);
  name.handleChange("web-2");
  assert.deepEqual([messages(size), messages(name), form.state.isValid], [[], [], true]);
});

test("React Hook Form's standardSchemaResolver: errors keyed by field, values when valid", async () => {
  const options = { fields: {}, shouldUseNativeValidation: false };
  const values = { ...aliyun, ImageName: "1web", Tag: [{ Key: "ok" }, { Key: "aliyun:x" }] };
  for (const [, mod] of modules) {
    const resolver = standardSchemaResolver(mod.standardSchema("aliyun", { lang: "zh" }));
    const report = main.validate("aliyun", values, { lang: "zh" });
    const message = (field) => report.issues.find((i) => i.field === field).message;
    const { values: out, errors } = await resolver(values, undefined, options);
    assert.deepEqual(out, {});
    assert.deepEqual(Object.keys(errors).sort(), ["ImageName", "Tag"]);
    assert.equal(errors.ImageName.message, message("ImageName"));
    assert.equal(errors.Tag[1].Key.message, message("Tag.2.Key"));
    assert.equal(errors.Tag[0], undefined);

    const valid = { ...aliyun, Tag: [{ Key: "ok" }] };
    assert.deepEqual(await resolver(valid, undefined, options), { values: valid, errors: {} });
  }
});
